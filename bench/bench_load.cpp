// Load (issue 4): many simulated devices at once, each the real client-side sync engine with
// its own SQLite file and its own HTTP connection to the real courtyard-server on 127.0.0.1.
// Each has 20 complaints captured offline; at the start signal all push and then pull.
// Prints p50/p99/max latency per request kind, errors, and the server's peak memory.
#include "bench/bench_process.h"
#include "bench/device_fleet.h"
#include "bench/load_company.h"
#include "server/service/admin_service.h"
#include "server/storage/sqlite_storage.h"
#include "sync/client/sign_in.h"
#include "sync/client/sync_engine.h"
#include "sync/device/beast_transport.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <sys/resource.h>
#include <thread>

using namespace courtyard;
namespace fs = std::filesystem;

namespace {

Instant now() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }

struct SimDevice {
    std::unique_ptr<sync::DeviceStore> store;
    std::unique_ptr<sync::BeastTransport> beast;
    std::unique_ptr<bench::TimedTransport> timed;
    std::unique_ptr<sync::SyncEngine> engine;
};

} // namespace

int main(int argc, char** argv) {
    std::string bin = "build/server/courtyard-server";
    int devices = 500, records = 20, communities = 100;
    double spreadSeconds = 0; // 0: all at once; otherwise each device starts at a random moment
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--server-bin"))
            bin = argv[i + 1];
        else if (!std::strcmp(argv[i], "--devices"))
            devices = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--records"))
            records = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--communities"))
            communities = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--spread"))
            spreadSeconds = std::atof(argv[i + 1]);
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
    std::printf("%d devices over %d communities, %d complaints each, %s\n", devices, communities, records,
                spreadSeconds > 0 ? ("starting at random moments over " + std::to_string(int(spreadSeconds)) + " s").c_str()
                                  : "all starting at once");

    // Set-up, not timed: enrol, first pull of the company data, complaints captured offline.
    std::vector<SimDevice> sims(static_cast<std::size_t>(devices));
    std::atomic<int> next{0}, setupFailures{0};
    auto setup = [&] {
        for (int i = next++; i < devices; i = next++) {
            auto& d = sims[std::size_t(i)];
            d.store = std::move(*sync::DeviceStore::open(dir + "/dev" + std::to_string(i) + ".db"));
            (void)d.store->setEnrollment(srv.url(), tokens[std::size_t(i)]);
            sync::BeastTransportOptions options;
            options.timeout = std::chrono::milliseconds(60000);
            d.beast = std::move(*sync::BeastTransport::create(srv.url(), options));
            d.timed = std::make_unique<bench::TimedTransport>(*d.beast);
            d.engine = std::make_unique<sync::SyncEngine>(*d.store, *d.beast, now);
            if (auto first = d.engine->syncOnce(); !first.complete) {
                ++setupFailures;
                std::fprintf(stderr, "device %d: first sync incomplete: %s\n", i,
                             first.error ? first.error->message.c_str() : "(no error)");
            }
            // The person signs in on the device (online, the first time), so their edits carry
            // their proof as a real tablet's do. The server hashes two PINs at a time and turns
            // the others away for a moment: the device tries again, for up to two minutes.
            auto signedIn = sync::signIn(*d.store, d.engine.get(), "1001", "100100", now());
            for (int attempt = 0; !signedIn && signedIn.error().code == ErrorCode::Unavailable && attempt < 600; ++attempt) {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                signedIn = sync::signIn(*d.store, d.engine.get(), "1001", "100100", now());
            }
            if (!signedIn) {
                ++setupFailures;
                std::fprintf(stderr, "device %d: sign-in failed: %s\n", i, signedIn.error().message.c_str());
                continue;
            }
            const domain::Actor actor = *signedIn;
            (void)d.store->records().transaction([&]() -> Status {
                for (int k = 0; k < records; ++k)
                    if (auto id = d.store->create("complaint",
                                                  {{"community_id", "cm-" + std::to_string(i % communities)},
                                                   {"channel", "phone"},
                                                   {"category", "cleaning"},
                                                   {"content", "load test " + std::to_string(i) + "/" + std::to_string(k)},
                                                   {"received_at", formatInstant(now())}},
                                                  actor, now());
                        !id)
                        return id.error();
                return {};
            });
            d.engine = std::make_unique<sync::SyncEngine>(*d.store, *d.timed, now);
        }
    };
    {
        std::vector<std::thread> ts;
        for (int t = 0; t < 8; ++t)
            ts.emplace_back(setup);
        for (auto& t : ts)
            t.join();
    }
    if (setupFailures)
        std::printf("warning: %d devices failed their first sync\n", setupFailures.load());

    // The timed part: everyone at once.
    std::barrier start(devices + 1);
    std::vector<std::thread> threads;
    std::atomic<int> incomplete{0};
    for (int i = 0; i < devices; ++i)
        threads.emplace_back([&, i] {
            auto& d = sims[std::size_t(i)];
            start.arrive_and_wait();
            if (spreadSeconds > 0) // deterministic spread: device i waits its share of the window
                std::this_thread::sleep_for(std::chrono::duration<double>(spreadSeconds * ((i * 7919) % devices) / devices));
            sync::SyncReport r;
            if (!d.engine->push(r) || r.applied != records)
                ++incomplete;
            sync::SyncReport p;
            (void)d.engine->pull(p);
        });
    const auto t0 = std::chrono::steady_clock::now();
    start.arrive_and_wait();
    for (auto& t : threads)
        t.join();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::vector<double> push, pull;
    int errors = 0;
    std::string firstError;
    for (auto& d : sims) {
        push.insert(push.end(), d.timed->push.begin(), d.timed->push.end());
        pull.insert(pull.end(), d.timed->pull.begin(), d.timed->pull.end());
        errors += d.timed->errors;
        if (firstError.empty())
            firstError = d.timed->firstError;
    }
    std::printf("  wall time for all devices: %.2f s\n", wall);
    std::printf("  push requests: %zu   p50 %.1f ms   p99 %.1f ms   max %.1f ms\n", push.size(), bench::percentile(push, 0.5),
                bench::percentile(push, 0.99), bench::percentile(push, 1.0));
    std::printf("  pull requests: %zu   p50 %.1f ms   p99 %.1f ms   max %.1f ms\n", pull.size(), bench::percentile(pull, 0.5),
                bench::percentile(pull, 0.99), bench::percentile(pull, 1.0));
    std::printf("  errors: %d%s%s   devices not fully applied: %d\n", errors, firstError.empty() ? "" : "  first: ",
                firstError.c_str(), incomplete.load());
    std::printf("  server peak memory (VmHWM): %.0f MiB\n", bench::peakMemoryMiB(srv.pid));
    bench::stopServer(srv);
    sims.clear();
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
