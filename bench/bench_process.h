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
// Starts `courtyard-server serve --data DIR --listen 127.0.0.1:0 extra…` and waits until it
// listens.
ServerHandle startServer(const std::string& binary, const std::string& dataDir, const std::vector<std::string>& extra = {});
void stopServer(ServerHandle& s);
// Peak resident memory (VmHWM) of a process in MiB, from /proc.
double peakMemoryMiB(pid_t pid);
// Resident memory now (VmRSS) of a process in MiB, from /proc; 0 when it is gone.
double residentMemoryMiB(pid_t pid);
std::string makeTempDir(const std::string& prefix);

} // namespace courtyard::bench
