#include "bench/postgres_process.h"

#include "bench/bench_process.h"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

namespace courtyard::bench {

namespace {
constexpr const char* kUser = "courtyard"; // the cluster's superuser (initdb -U)
constexpr const char* kRunuser = "/usr/sbin/runuser";

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}
} // namespace

PostgresProcess::PostgresProcess(PostgresOptions options) : m_options(std::move(options)) {
    if (const char* env = std::getenv("COURTYARD_PG_BIN"); env && *env)
        m_options.binDir = env;
}

PostgresProcess::~PostgresProcess() { stop(); }

int PostgresProcess::run(const std::string& program, const std::vector<std::string>& args, std::string* output) {
    // Through sh only to merge standard error into what is captured: the messages of initdb
    // and pg_ctl explain their failures.
    std::vector<std::string> argv{"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1"};
    if (m_asPostgres)
        argv.insert(argv.end(), {kRunuser, "-u", "postgres", "--"});
    argv.push_back(m_options.binDir + "/" + program);
    argv.insert(argv.end(), args.begin(), args.end());
    return runCommand(argv, output);
}

Status PostgresProcess::start() {
    if (m_running)
        return {};
    m_dir = makeTempDir("courtyard-pg");
    if (m_dir.empty())
        return internalError("PostgresProcess: no temporary folder");
    m_asPostgres = ::geteuid() == 0;
    if (m_asPostgres) {
        // The cluster's user must own its folder (initdb refuses a data folder it cannot chmod
        // 0700) and reach the socket in it.
        const passwd* pw = ::getpwnam("postgres");
        if (!pw)
            return failedPrecondition("PostgresProcess: running as root and there is no 'postgres' user to run "
                                      "the cluster as");
        if (::chown(m_dir.c_str(), pw->pw_uid, pw->pw_gid) != 0)
            return internalError("PostgresProcess: cannot give " + m_dir + " to postgres");
    }
    const std::string data = m_dir + "/data";
    std::string out;
    // --no-sync only spares initdb's own flush of the empty cluster; the server runs durable.
    if (run("initdb", {"-D", data, "-U", kUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"}, &out) != 0)
        return internalError("PostgresProcess: initdb failed: " + out);
    const std::string settings = "-c listen_addresses='' -c unix_socket_directories='" + m_dir +
                                 "' -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=" +
                                 std::to_string(m_options.maxConnections);
    // The watchdog first: from here on a dying benchmark leaves no cluster behind.
    startWatchdog();
    if (run("pg_ctl", {"-D", data, "-o", settings, "-l", m_dir + "/postgres.log", "-w", "-t", "60", "start"}, &out) !=
        0) {
        std::ifstream log(m_dir + "/postgres.log");
        const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
        stop();
        return internalError("PostgresProcess: pg_ctl start failed: " + out + text);
    }
    m_running = true;
    return {};
}

void PostgresProcess::startWatchdog() {
    // Once this process is gone without having stopped the cluster (a crash, SIGKILL, an
    // unhandled signal), the watchdog stops it in immediate mode and removes the folder.
    const std::string data = m_dir + "/data";
    const std::string runAs = m_asPostgres ? std::string(kRunuser) + " -u postgres -- " : std::string();
    const std::string script = "while kill -0 " + std::to_string(::getpid()) +
                               " 2>/dev/null; do sleep 1; done; if [ -f " + shellQuote(data + "/postmaster.pid") +
                               " ]; then " + runAs + shellQuote(m_options.binDir + "/pg_ctl") + " -D " +
                               shellQuote(data) + " -m immediate -w -t 30 stop; fi; rm -rf " + shellQuote(m_dir);
    const pid_t pid = fork();
    if (pid == 0) {
        setsid(); // not in the benchmark's process group: a Ctrl-C there must not end it
        const int null = open("/dev/null", O_RDWR);
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO); // nor may it hold the benchmark's output pipe open
        dup2(null, STDERR_FILENO);
        execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    m_watchdog = pid;
}

Result<std::string> PostgresProcess::createDatabase(const std::string& name) {
    if (!m_running)
        return failedPrecondition("PostgresProcess: not started");
    std::string out;
    if (run("createdb", {"-h", m_dir, "-U", kUser, name}, &out) != 0)
        return internalError("PostgresProcess: createdb " + name + " failed: " + out);
    return "host=" + m_dir + " user=" + kUser + " dbname=" + name;
}

void PostgresProcess::stop() {
    if (m_dir.empty())
        return;
    const std::string data = m_dir + "/data";
    if (std::filesystem::exists(data + "/postmaster.pid")) {
        std::string out;
        if (run("pg_ctl", {"-D", data, "-m", "fast", "-w", "-t", "30", "stop"}, &out) != 0) {
            // Did not stop in time: kill the postmaster (its children follow it).
            std::ifstream pidFile(data + "/postmaster.pid");
            long pid = 0;
            if (pidFile >> pid && pid > 0)
                ::kill(pid_t(pid), SIGKILL);
        }
    }
    m_running = false;
    if (m_watchdog > 0) {
        ::kill(m_watchdog, SIGTERM);
        int status = 0;
        waitpid(m_watchdog, &status, 0);
        m_watchdog = -1;
    }
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
    m_dir.clear();
}

std::string PostgresProcess::describe() const {
    return "PostgreSQL 15, durable: fsync=on, synchronous_commit=on, full_page_writes=on; max_connections=" +
           std::to_string(m_options.maxConnections) + "; Unix socket only";
}

} // namespace courtyard::bench
