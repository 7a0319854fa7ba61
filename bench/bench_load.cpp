// Load (issue 4): many simulated devices at once, each the real client-side sync engine with
// its own SQLite file and its own HTTP connection to the real courtyard-server on 127.0.0.1.
// Each has 20 complaints captured offline; at the start signal (or spread over a window) all
// push and then pull, then sync again at the engine's pace until their outbox is empty
// (bench/device_fleet.h). With --push-only a device's first sync is its push alone: the burst
// is 500 pushes and nothing else. Prints p50/p99/max latency per request kind, errors, the
// server's peak memory, and the CPU the server and the simulated devices each used during the
// burst: on one machine the devices' own work (building pushes, applying pulls into their
// SQLite files) takes CPU the server would have on a machine of its own.
#include "bench/bench_process.h"
#include "bench/device_fleet.h"
#include "bench/load_company.h"
#include "server/service/admin_service.h"
#include "server/storage/sqlite_storage.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sys/resource.h>
#include <unistd.h>

using namespace courtyard;
namespace fs = std::filesystem;

namespace {

Instant now() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }

} // namespace

int main(int argc, char** argv) {
    std::string bin = "build/server/courtyard-server";
    int devices = 500, records = 20, communities = 100;
    double spreadSeconds = 0; // 0: all at once; otherwise each device starts at a random moment
    bool pushOnly = false;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--push-only"))
            pushOnly = true;
        else if (!std::strcmp(argv[i], "--server-bin") && hasValue)
            bin = argv[++i];
        else if (!std::strcmp(argv[i], "--devices") && hasValue)
            devices = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--records") && hasValue)
            records = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--communities") && hasValue)
            communities = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--spread") && hasValue)
            spreadSeconds = std::atof(argv[++i]);
    }
    bin = fs::absolute(bin).string();
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max; // every device holds a database and a socket
    setrlimit(RLIMIT_NOFILE, &lim);

    const auto dir = bench::makeTempDir("courtyard-load");
    const std::string data = dir + "/server";
    std::vector<std::string> tokens;
    {
        fs::create_directories(data);
        auto storage = std::move(*server::SqliteStorage::open(data + "/courtyard.db"));
        (void)server::importCompany(*storage, bench::loadCompany(communities), now);
        for (int i = 0; i < devices; ++i)
            tokens.push_back(server::addDevice(*storage, "load " + std::to_string(i), "staff",
                                               {"cm-" + std::to_string(i % communities)}, now)
                                 ->token);
        storage->stop();
    }
    auto srv = bench::startServer(bin, data);
    std::printf("%d devices over %d communities, %d complaints each, %s, %s\n", devices, communities, records,
                spreadSeconds > 0 ? ("starting at random moments over " + std::to_string(int(spreadSeconds)) + " s").c_str()
                                  : "all starting at once",
                pushOnly ? "each pushing (no pull after it)" : "each pushing, then pulling");

    // Set-up, not timed: enrol, first pull of the company data, sign-in, complaints captured
    // offline (bench/device_fleet.h).
    bench::FleetOptions options;
    options.devices = devices;
    options.records = records;
    options.communities = communities;
    options.spreadSeconds = spreadSeconds;
    options.pullAfterPush = !pushOnly;
    bench::DeviceFleet fleet(dir, options);
    if (auto st = fleet.setUp(srv.url(), tokens); !st) {
        std::fprintf(stderr, "set-up: %s\n", st.error().message.c_str());
        bench::stopServer(srv);
        return 1;
    }

    const double serverCpu0 = bench::cpuSeconds(srv.pid), devicesCpu0 = bench::cpuSeconds(getpid());
    const auto f = fleet.run();
    const double serverCpu = bench::cpuSeconds(srv.pid) - serverCpu0,
                 devicesCpu = bench::cpuSeconds(getpid()) - devicesCpu0;
    std::printf("  wall time for all devices: %.2f s\n", f.wall);
    std::printf("  CPU meanwhile: server %.2f s, the simulated devices %.2f s, of %.2f s the machine's %ld cores had\n",
                serverCpu, devicesCpu, f.wall * double(sysconf(_SC_NPROCESSORS_ONLN)), sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("  push requests: %zu   p50 %.1f ms   p99 %.1f ms   max %.1f ms\n", f.push.size(),
                bench::percentile(f.push, 0.5), bench::percentile(f.push, 0.99), bench::percentile(f.push, 1.0));
    std::printf("  pull requests: %zu   p50 %.1f ms   p99 %.1f ms   max %.1f ms\n", f.pull.size(),
                bench::percentile(f.pull, 0.5), bench::percentile(f.pull, 0.99), bench::percentile(f.pull, 1.0));
    std::printf("  errors: %d requests without a 2xx answer, %d devices left with unsent operations, %d retries%s%s\n",
                f.failedRequests, f.devicesWithErrors, f.retries, f.failures.empty() ? "" : "; first: ",
                f.failures.empty() ? "" : f.failures.front().c_str());
    std::printf("  server peak memory (VmHWM): %.0f MiB\n", bench::peakMemoryMiB(srv.pid));
    bench::stopServer(srv);
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
