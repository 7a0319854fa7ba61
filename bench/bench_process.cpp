#include "bench/bench_process.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace courtyard::bench {

namespace {
std::vector<char*> cargs(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    for (const auto& a : argv)
        out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}
} // namespace

int runCommand(const std::vector<std::string>& argv, std::string* out) {
    int pipefd[2];
    if (pipe(pipefd) != 0)
        return -1;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], STDOUT_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        auto args = cargs(argv);
        execv(args[0], args.data());
        _exit(127);
    }
    close(pipefd[1]);
    std::string text;
    char buf[4096];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0)
        text.append(buf, std::size_t(n));
    close(pipefd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (out)
        *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerHandle startServer(const std::string& binary, const std::string& dataDir, const std::vector<std::string>& extra) {
    return startServer(binary, ServerSpec{{"--data", dataDir}, "127.0.0.1:0", extra});
}

ServerHandle startServer(const std::string& binary, const ServerSpec& spec) {
    int pipefd[2];
    ServerHandle h;
    if (pipe(pipefd) != 0)
        return h;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], STDOUT_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        std::vector<std::string> argv{binary, "serve"};
        argv.insert(argv.end(), spec.storage.begin(), spec.storage.end());
        argv.insert(argv.end(), {"--listen", spec.listen});
        argv.insert(argv.end(), spec.extra.begin(), spec.extra.end());
        if (!std::getenv("COURTYARD_BENCH_SERVER_LOGS"))
            freopen("/dev/null", "w", stderr);
        auto args = cargs(argv);
        execv(args[0], args.data());
        _exit(127);
    }
    close(pipefd[1]);
    std::string text;
    char buf[512];
    ssize_t n;
    while (text.find('\n') == std::string::npos && (n = read(pipefd[0], buf, sizeof buf)) > 0)
        text.append(buf, std::size_t(n));
    close(pipefd[0]);
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
        // It did not start (a port still taken, a database it cannot reach): no zombie left.
        int status = 0;
        waitpid(pid, &status, 0);
        return h;
    }
    h.pid = pid;
    h.port = std::atoi(text.c_str() + colon + 1);
    return h;
}

pid_t startProcess(const std::vector<std::string>& argv, const std::string& logFile) {
    std::fflush(nullptr); // freopen in the child would write out a copy of what is buffered here
    const pid_t pid = fork();
    if (pid == 0) {
        if (FILE* f = freopen(logFile.c_str(), "a", stdout))
            dup2(fileno(f), STDERR_FILENO);
        if (FILE* in = freopen("/dev/null", "r", stdin); !in)
            _exit(127);
        auto args = cargs(argv);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

void stopServer(ServerHandle& s) {
    if (s.pid <= 0)
        return;
    kill(s.pid, SIGTERM);
    int status = 0;
    waitpid(s.pid, &status, 0);
    s.pid = -1;
}

namespace {
double statusFieldMiB(pid_t pid, const std::string& field) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(field, 0) == 0)
            return std::atof(line.c_str() + field.size()) / 1024.0;
    return 0;
}
} // namespace

double peakMemoryMiB(pid_t pid) { return statusFieldMiB(pid, "VmHWM:"); }
double residentMemoryMiB(pid_t pid) { return statusFieldMiB(pid, "VmRSS:"); }

double cpuSeconds(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    std::getline(f, stat);
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const auto close = stat.rfind(')');
    if (close == std::string::npos)
        return 0;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i)
        if (i == 14 || i == 15) // utime, stime
            ticks += std::atof(field.c_str());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

std::string makeTempDir(const std::string& prefix) {
    std::string tmpl = "/tmp/" + prefix + "-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    return mkdtemp(buf.data()) ? std::string(buf.data()) : std::string();
}

} // namespace courtyard::bench
