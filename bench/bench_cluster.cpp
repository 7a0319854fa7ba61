// Several servers, really (issue 17): PostgreSQL, three `courtyard-server serve` processes on
// loopback ports and nginx in front of them; 500 simulated devices (the real client sync
// engine, each its own SQLite file and HTTP connection, 20 complaints captured offline) push
// at once through nginx and then pull. Once half of the pushes have come back, one server is
// killed (SIGKILL) and, after a short pause, started again on its port. Devices keep syncing
// at the engine's pace until their outbox is empty.
//
// Then a fresh manager device pulls every community, and the server's own database is counted:
// every complaint the devices created must be there once, with its id. Side by side, in the
// same run: the same workload against one server over SQLite without nginx, and (with
// --quiet-run) the three PostgreSQL servers without a kill.
//
// Prints figures; exits 1 when anything is lost or duplicated or a device ends with unsent work.
#include "bench/bench_process.h"
#include "bench/device_fleet.h"
#include "bench/load_company.h"
#include "bench/nginx_process.h"
#include "bench/postgres_process.h"
#include "server/cli/cli_support.h"
#include "server/http/router.h"
#include "server/service/admin_service.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace courtyard;
namespace fs = std::filesystem;

namespace {

Instant now() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }

// Where the benchmark is, on standard error (the set-up takes longer than the timed part).
void progress(const std::string& what) {
    static const auto t0 = std::chrono::steady_clock::now();
    std::fprintf(stderr, "[%6.1f s] %s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                 what.c_str());
}

// ---- the signal-safe way out: children this benchmark started, ended on SIGINT/SIGTERM (the
// PostgreSQL cluster has its own watchdog, which stops it once this process is gone).
constexpr int kMaxChildren = 8;
std::atomic<pid_t> g_children[kMaxChildren];

void remember(pid_t pid) {
    for (auto& c : g_children) {
        pid_t expected = 0;
        if (c.compare_exchange_strong(expected, pid))
            return;
    }
}
void forget(pid_t pid) {
    for (auto& c : g_children) {
        pid_t expected = pid;
        if (c.compare_exchange_strong(expected, 0))
            return;
    }
}
extern "C" void onSignal(int sig) {
    for (auto& c : g_children)
        if (const pid_t pid = c.load(); pid > 0)
            kill(pid, SIGTERM);
    _exit(128 + sig);
}

struct Options {
    std::string bin = "build/server/courtyard-server";
    bench::FleetOptions fleet;
    bool quietRun = false; // the three PostgreSQL servers without a kill too (3 more minutes)
    double pauseSeconds = 1; // between the kill and the restart
};

struct RunFigures {
    std::string name;
    bench::FleetFigures fleet;
    bench::Verification seen;
    std::int64_t serverCount = -1; // complaints in the server's own database
    std::vector<std::string> memory; // each server's peak RSS
    std::string kill;                // what the kill hit
    int nginxSecondTries = 0;        // requests nginx sent on to another server
    bool verified = false;
};

std::string storageFlag(const std::vector<std::string>& storage) { return storage.at(0); }

// init (the load company), a manager device for checking, and the fleet's devices.
Result<std::vector<std::string>> prepare(const Options& o, const std::vector<std::string>& storage,
                                         const std::string& dir, std::string& verifierToken) {
    const std::string companyFile = dir + "/company.json";
    std::ofstream(companyFile) << bench::loadCompany(o.fleet.communities).dump();
    std::vector<std::string> init{o.bin, "init"};
    init.insert(init.end(), storage.begin(), storage.end());
    init.insert(init.end(), {"--company", companyFile});
    std::string out;
    if (const int rc = bench::runCommand(init, &out); rc != 0)
        return internalError("courtyard-server init failed (exit " + std::to_string(rc) + "): " + out);
    std::vector<std::string> add{o.bin, "device", "add"};
    add.insert(add.end(), storage.begin(), storage.end());
    add.insert(add.end(), {"--role", "manager", "--name", "verifier", "--json"});
    for (int c = 0; c < o.fleet.communities; ++c)
        add.insert(add.end(), {"--community", "cm-" + std::to_string(c)});
    if (const int rc = bench::runCommand(add, &out); rc != 0)
        return internalError("courtyard-server device add failed (exit " + std::to_string(rc) + "): " + out);
    verifierToken = Json::parse(out).at("token").get<std::string>();
    // 500 devices: enrolled in this process (500 runs of `device add` would take longer than the
    // benchmark), with the same function the command calls.
    const bool sqlite = storageFlag(storage) == "--data";
    auto data = server::openData(sqlite ? storage[1] : "", sqlite ? "" : storage[1], false, std::cerr);
    if (!data)
        return data.error();
    std::vector<std::string> tokens;
    for (int i = 0; i < o.fleet.devices; ++i) {
        auto d = server::addDevice(**data, "load " + std::to_string(i), "staff",
                                   {"cm-" + std::to_string(i % o.fleet.communities)}, now);
        if (!d)
            return d.error();
        tokens.push_back(d->token);
    }
    return tokens;
}

std::int64_t countComplaints(const std::vector<std::string>& storage) {
    const bool sqlite = storageFlag(storage) == "--data";
    auto data = server::openData(sqlite ? storage[1] : "", sqlite ? "" : storage[1], false, std::cerr);
    if (!data)
        return -1;
    std::int64_t n = -1;
    (void)(*data)->read([&](server::ReadUnit& r) -> Status {
        store::RecordQuery q;
        q.types = {"complaint"};
        auto c = r.count(q);
        if (!c)
            return c.error();
        n = *c;
        return {};
    });
    return n;
}

bench::ServerHandle start(const Options& o, const std::vector<std::string>& storage, const std::string& listen) {
    auto h = bench::startServer(o.bin, bench::ServerSpec{storage, listen, {}});
    if (h.pid > 0)
        remember(h.pid);
    return h;
}

void stop(bench::ServerHandle& h) {
    forget(h.pid);
    bench::stopServer(h);
}

std::string mib(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

void finish(RunFigures& f, bench::DeviceFleet& fleet, const std::string& url, const std::string& verifierToken) {
    auto v = fleet.verify(url, verifierToken);
    if (!v) {
        std::fprintf(stderr, "  %s: verification failed: %s\n", f.name.c_str(), v.error().message.c_str());
        return;
    }
    f.seen = *v;
    f.verified = true;
}

RunFigures sqliteRun(const Options& o, const std::string& dir) {
    RunFigures f;
    f.name = "SQLite, 1 server";
    const std::string data = dir + "/sqlite-data";
    const std::vector<std::string> storage{"--data", data};
    std::string verifier;
    progress(f.name + ": init, enrolling");
    auto tokens = prepare(o, storage, dir, verifier);
    if (!tokens) {
        std::fprintf(stderr, "  %s: %s\n", f.name.c_str(), tokens.error().message.c_str());
        return f;
    }
    auto srv = start(o, storage, "127.0.0.1:0");
    bench::DeviceFleet fleet(dir + "/sqlite-devices", o.fleet);
    fs::create_directories(dir + "/sqlite-devices");
    progress(f.name + ": setting up the devices");
    if (auto st = fleet.setUp(srv.url(), *tokens); !st)
        std::fprintf(stderr, "  %s: %s\n", f.name.c_str(), st.error().message.c_str());
    progress(f.name + ": running");
    f.fleet = fleet.run();
    progress(f.name + ": checking");
    finish(f, fleet, srv.url(), verifier);
    f.memory.push_back(mib(bench::peakMemoryMiB(srv.pid)));
    stop(srv);
    f.serverCount = countComplaints(storage);
    return f;
}

int countSecondTries(const std::string& accessLog) {
    // nginx writes every server it tried into $upstream_addr, separated by ", ".
    std::ifstream log(accessLog);
    std::string line;
    int n = 0;
    while (std::getline(log, line))
        if (line.find("upstream=") != std::string::npos && line.find(", ", line.find("upstream=")) != std::string::npos)
            ++n;
    return n;
}

RunFigures clusterRun(const Options& o, bench::PostgresProcess& pg, const std::string& dir, bool killOne) {
    RunFigures f;
    f.name = killOne ? "PG, 3 + nginx, 1 killed" : "PG, 3 servers + nginx";
    auto conninfo = pg.createDatabase(killOne ? "cluster_kill" : "cluster_quiet");
    if (!conninfo) {
        std::fprintf(stderr, "  %s: %s\n", f.name.c_str(), conninfo.error().message.c_str());
        return f;
    }
    const std::vector<std::string> storage{"--store", *conninfo};
    const std::string sub = dir + (killOne ? "/kill" : "/quiet");
    fs::create_directories(sub + "/devices");
    std::string verifier;
    progress(f.name + ": init, enrolling");
    auto tokens = prepare(o, storage, sub, verifier);
    if (!tokens) {
        std::fprintf(stderr, "  %s: %s\n", f.name.c_str(), tokens.error().message.c_str());
        return f;
    }
    std::vector<bench::ServerHandle> servers;
    std::vector<double> peaks(3, 0);
    for (int i = 0; i < 3; ++i) {
        servers.push_back(start(o, storage, "127.0.0.1:0"));
        if (servers.back().pid <= 0) {
            std::fprintf(stderr, "  %s: server %d did not start\n", f.name.c_str(), i);
            for (auto& s : servers)
                stop(s);
            return f;
        }
    }
    bench::NginxOptions nx;
    for (const auto& s : servers)
        nx.upstreamPorts.push_back(s.port);
    nx.maxBodyBytes = server::maxBodyLimit();
    bench::NginxProcess nginx(nx);
    if (auto st = nginx.start(); !st) {
        std::fprintf(stderr, "  %s: %s\n", f.name.c_str(), st.error().message.c_str());
        for (auto& s : servers)
            stop(s);
        return f;
    }
    remember(nginx.pid());

    bench::DeviceFleet fleet(sub + "/devices", o.fleet);
    progress(f.name + ": setting up the devices");
    if (auto st = fleet.setUp(nginx.url(), *tokens); !st)
        std::fprintf(stderr, "  %s: %s\n", f.name.c_str(), st.error().message.c_str());

    // The kill: server 1 once half of the first pushes have come back, so that it dies with
    // requests in flight (sent and not yet answered) and with many devices still to push.
    std::atomic<bool> done{false};
    std::thread killer;
    if (killOne)
        killer = std::thread([&] {
            auto& victim = servers[1];
            while (!done && fleet.pushesAnswered() < o.fleet.devices / 2)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            if (done)
                return;
            const int sent = fleet.pushesSent(), answered = fleet.pushesAnswered();
            peaks[1] = bench::peakMemoryMiB(victim.pid);
            const auto killedAt = std::chrono::steady_clock::now();
            kill(victim.pid, SIGKILL);
            int status = 0;
            waitpid(victim.pid, &status, 0);
            forget(victim.pid);
            std::this_thread::sleep_for(std::chrono::duration<double>(o.pauseSeconds));
            const int port = victim.port;
            victim = start(o, storage, "127.0.0.1:" + std::to_string(port));
            const double down = std::chrono::duration<double>(std::chrono::steady_clock::now() - killedAt).count();
            f.kill = "server 1 (port " + std::to_string(port) + ") killed after " + std::to_string(answered) +
                     " of " + std::to_string(o.fleet.devices) + " first pushes had come back, " +
                     std::to_string(sent - answered) + " pushes in flight; " +
                     (victim.pid > 0 ? "listening again after " + mib(down * 1000) + " ms"
                                     : std::string("it did NOT start again"));
        });
    progress(f.name + ": running");
    f.fleet = fleet.run();
    done = true;
    if (killer.joinable())
        killer.join();
    progress(f.name + ": checking");
    finish(f, fleet, nginx.url(), verifier);
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const double p = servers[i].pid > 0 ? bench::peakMemoryMiB(servers[i].pid) : 0;
        f.memory.push_back(killOne && i == 1 ? mib(peaks[1]) + "/" + mib(p) : mib(p));
        stop(servers[i]);
    }
    f.nginxSecondTries = countSecondTries(nginx.folder() + "/access.log");
    forget(nginx.pid());
    nginx.stop();
    f.serverCount = countComplaints(storage);
    return f;
}

void printTable(const std::vector<RunFigures>& runs) {
    std::printf("\n%-44s", "");
    for (const auto& r : runs)
        std::printf(" %26s", r.name.substr(0, 26).c_str());
    std::printf("\n");
    auto row = [&](const char* label, auto value) {
        std::printf("%-44s", label);
        for (const auto& r : runs)
            std::printf(" %26s", value(r).c_str());
        std::printf("\n");
    };
    auto fmt = [](const char* f, double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, f, v);
        return std::string(buf);
    };
    row("wall time, start to last device done (s)", [&](const RunFigures& r) { return fmt("%.2f", r.fleet.wall); });
    row("records/s (pushed complaints / wall time)",
        [&](const RunFigures& r) { return fmt("%.0f", r.fleet.wall > 0 ? r.fleet.created / r.fleet.wall : 0); });
    row("push p50 / p99 / max (ms)", [&](const RunFigures& r) {
        return fmt("%.0f", bench::percentile(r.fleet.push, .5)) + " / " +
               fmt("%.0f", bench::percentile(r.fleet.push, .99)) + " / " +
               fmt("%.0f", bench::percentile(r.fleet.push, 1));
    });
    row("pull p50 / p99 / max (ms)", [&](const RunFigures& r) {
        return fmt("%.0f", bench::percentile(r.fleet.pull, .5)) + " / " +
               fmt("%.0f", bench::percentile(r.fleet.pull, .99)) + " / " +
               fmt("%.0f", bench::percentile(r.fleet.pull, 1));
    });
    row("requests (push + pull)", [&](const RunFigures& r) {
        return std::to_string(r.fleet.push.size()) + " + " + std::to_string(r.fleet.pull.size());
    });
    row("failed requests (retried by the devices)",
        [&](const RunFigures& r) { return std::to_string(r.fleet.failedRequests); });
    row("retries (sync cycles after the first)", [&](const RunFigures& r) { return std::to_string(r.fleet.retries); });
    row("operations answered noop (sent again)", [&](const RunFigures& r) { return std::to_string(r.fleet.noop); });
    row("requests nginx sent on to another server",
        [&](const RunFigures& r) { return r.name.find("nginx") != std::string::npos ? std::to_string(r.nginxSecondTries) : std::string("-"); });
    row("devices that took part", [&](const RunFigures& r) { return std::to_string(r.fleet.devices); });
    row("errors (devices left with unsent work)",
        [&](const RunFigures& r) { return std::to_string(r.fleet.devicesWithErrors); });
    row("complaints a fresh device pulls, of expected", [&](const RunFigures& r) {
        return r.verified ? std::to_string(r.seen.found) + " of " + std::to_string(r.seen.expected) : std::string("?");
    });
    row("lost / duplicated / unexpected", [&](const RunFigures& r) {
        return r.verified ? std::to_string(r.seen.lost) + " / " + std::to_string(r.seen.duplicated) + " / " +
                                std::to_string(r.seen.unexpected)
                          : std::string("?");
    });
    row("complaints in the server's database", [&](const RunFigures& r) { return std::to_string(r.serverCount); });
    row("servers' peak RSS (MiB; killed: before/after)", [&](const RunFigures& r) {
        std::string s;
        for (const auto& m : r.memory)
            s += (s.empty() ? "" : " ") + m;
        return s;
    });
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--server-bin") && hasValue)
            o.bin = argv[++i];
        else if (!std::strcmp(argv[i], "--devices") && hasValue)
            o.fleet.devices = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--records") && hasValue)
            o.fleet.records = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--communities") && hasValue)
            o.fleet.communities = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--pause") && hasValue)
            o.pauseSeconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--quiet-run"))
            o.quietRun = true;
        else {
            std::fprintf(stderr, "usage: bench_cluster [--server-bin PATH] [--devices N] [--records N] "
                                 "[--communities N] [--pause SECONDS] [--quiet-run]\n");
            return 2;
        }
    }
    o.bin = fs::absolute(o.bin).string();
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max; // every device holds a database and a socket
    setrlimit(RLIMIT_NOFILE, &lim);

    const int records = o.fleet.devices * o.fleet.records;
    std::printf("%d devices over %d communities, %d complaints each (%d in all), all starting at once;\n"
                "each pushes, pulls, then syncs again at its engine's pace until its outbox is empty\n",
                o.fleet.devices, o.fleet.communities, o.fleet.records, records);
    const auto dir = bench::makeTempDir("courtyard-cluster");
    std::vector<RunFigures> runs;
    runs.push_back(sqliteRun(o, dir));

    // Three servers' pools (8 connections each, `serve --readers`), the commands, and room.
    bench::PostgresProcess pg(bench::PostgresOptions{.maxConnections = 100});
    if (auto st = pg.start(); !st) {
        std::fprintf(stderr, "%s\n", st.error().message.c_str());
        return 1;
    }
    std::printf("%s\n", pg.describe().c_str());
    if (o.quietRun)
        runs.push_back(clusterRun(o, pg, dir, false));
    runs.push_back(clusterRun(o, pg, dir, true));
    pg.stop();

    printTable(runs);
    for (const auto& r : runs) {
        if (!r.kill.empty())
            std::printf("\nkill: %s\n", r.kill.c_str());
        if (!r.fleet.failures.empty()) {
            std::printf("\n%s: what went wrong (first few):\n", r.name.c_str());
            for (const auto& f : r.fleet.failures)
                std::printf("  %s\n", f.c_str());
        }
    }
    std::error_code ec;
    fs::remove_all(dir, ec);

    bool bad = false;
    for (const auto& r : runs)
        bad = bad || !r.verified || r.seen.lost || r.seen.duplicated || r.seen.unexpected ||
              r.fleet.devicesWithErrors || r.fleet.devices != o.fleet.devices || r.serverCount != records;
    if (bad)
        std::printf("\nFAILED: something was lost or duplicated, a device ended with unsent work, or not every "
                    "device could be set up\n");
    return bad ? 1 : 0;
}
