#pragma once
// Starts and stops the real courtyard-server for benchmarks (no Qt here: fork/exec).

#include <string>
#include <sys/types.h>
#include <vector>

namespace courtyard::bench {

struct ServerHandle {
    pid_t pid = -1;
    int port = 0;
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

// Runs a command and waits; returns its exit code and standard output.
int runCommand(const std::vector<std::string>& argv, std::string* out = nullptr);
// How a server is started: where its data is — {"--data", DIR} (SQLite) or {"--store", CONNINFO}
// (PostgreSQL) — the address it listens on (port 0: any free port; a fixed port to start a
// server again where it was) and any further options of `serve`.
struct ServerSpec {
    std::vector<std::string> storage;
    std::string listen = "127.0.0.1:0";
    std::vector<std::string> extra;
};

// Starts `courtyard-server serve STORAGE… --listen ADDRESS extra…` and waits until it listens;
// pid -1 when it did not start.
ServerHandle startServer(const std::string& binary, const ServerSpec& spec);
// Starts `courtyard-server serve --data DIR --listen 127.0.0.1:0 extra…` and waits until it
// listens.
ServerHandle startServer(const std::string& binary, const std::string& dataDir, const std::vector<std::string>& extra = {});
void stopServer(ServerHandle& s);
// Starts a program in the background with its standard output and error going to `logFile`
// (appended); returns its pid, or -1.
pid_t startProcess(const std::vector<std::string>& argv, const std::string& logFile);
// Peak resident memory (VmHWM) of a process in MiB, from /proc.
double peakMemoryMiB(pid_t pid);
// Resident memory now (VmRSS) of a process in MiB, from /proc; 0 when it is gone.
double residentMemoryMiB(pid_t pid);
// CPU time a process has used so far (user and system, every thread), in seconds, from /proc;
// 0 when it is gone.
double cpuSeconds(pid_t pid);
std::string makeTempDir(const std::string& prefix);

} // namespace courtyard::bench
