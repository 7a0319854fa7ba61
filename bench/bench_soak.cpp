// Soak (issue 13): many devices syncing for a long time against one real courtyard-server on
// 127.0.0.1, with the hostile-request list (tests/support/hostile_requests.h) sent round and
// round in between, and the server's resident memory printed at a fixed interval. Flat memory
// is the goal: a cache without a bound, a leak on an error path or a body kept after its
// request would show here as a rising line. Not an assertion: figures to read.
//
// Each device is the real client-side sync engine with its own SQLite file and connection,
// enrolled on one of the added communities (bench/load_company.h), signed in as s-5001. In a
// loop it captures a complaint (and comments on the one before), then syncs, then waits about
// --interval seconds (uniformly 0.5–1.5×, so the devices drift apart). One more thread sends
// the hostile requests, one every --hostile-every milliseconds, counting the answers; a request
// that gets no HTTP answer at all is counted separately (it should never happen).
//
// usage: bench_soak [--server-bin PATH] [--devices 500] [--seconds 600] [--report-every 30]
//                   [--interval 10] [--hostile-every 200] [--communities 100]
#include "bench/bench_process.h"
#include "bench/device_fleet.h"
#include "bench/load_company.h"
#include "server/service/admin_service.h"
#include "server/storage/sqlite_storage.h"
#include "support/hostile_requests.h"
#include "sync/protocol/ids.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <sys/resource.h>
#include <thread>

using namespace courtyard;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

Instant now() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }

struct Options {
    std::string bin = "build/server/courtyard-server";
    int devices = 500;
    int seconds = 600;
    int reportEvery = 30;
    double interval = 10;
    int hostileEveryMs = 200;
    int communities = 100;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const char* v = argv[i + 1];
        if (k == "--server-bin")
            o.bin = v;
        else if (k == "--devices")
            o.devices = std::max(1, std::atoi(v));
        else if (k == "--seconds")
            o.seconds = std::max(1, std::atoi(v));
        else if (k == "--report-every")
            o.reportEvery = std::max(1, std::atoi(v));
        else if (k == "--interval")
            o.interval = std::max(0.1, std::atof(v));
        else if (k == "--hostile-every")
            o.hostileEveryMs = std::max(0, std::atoi(v));
        else if (k == "--communities")
            o.communities = std::max(1, std::atoi(v));
        else
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
    }
    return o;
}

struct Counters {
    std::atomic<long long> syncs{0}, incomplete{0}, applied{0}, pulled{0}, captured{0}, captureErrors{0};
    std::atomic<long long> hostileSent{0}, hostileRefused{0}, hostileOther{0}, hostileUnanswered{0};
    std::mutex mutex;
    std::string firstError; // of a capture or a sync

    void note(const Status& st, const char* what = "capture") {
        if (st) {
            ++captured;
            return;
        }
        ++captureErrors;
        noteError(what, st.error().message);
    }
    void noteError(const char* what, const std::string& message) {
        std::lock_guard lock(mutex);
        if (firstError.empty())
            firstError = std::string(what) + ": " + message;
    }
};

struct SimDevice {
    bench::Tablet tablet;
    std::string community;
};

// Sleeps until `until` or until the run is over; false when it is over.
class StopSignal {
public:
    bool sleepUntil(Clock::time_point until) {
        std::unique_lock lock(m_mutex);
        return !m_cv.wait_until(lock, until, [&] { return m_stop; });
    }
    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
    }
    bool stopped() {
        std::lock_guard lock(m_mutex);
        return m_stop;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
};

} // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    const std::string bin = fs::absolute(o.bin).string();
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max; // every device holds a database and a socket
    setrlimit(RLIMIT_NOFILE, &lim);

    const auto dir = bench::makeTempDir("courtyard-soak");
    const std::string data = dir + "/server";
    std::vector<std::string> tokens;
    test::HostileSetup hostile;
    {
        fs::create_directories(data);
        auto storage = std::move(*server::SqliteStorage::open(data + "/courtyard.db"));
        Json company = bench::soakCompany(o.communities);
        // The hostile requests must reach the code they aim at, not the fair-use limit of the
        // one device that sends them all.
        company["policy"]["device_pushes_per_minute"] = 100000;
        company["policy"]["device_pulls_per_minute"] = 100000;
        if (auto imported = server::importCompany(*storage, company, now); !imported) {
            std::fprintf(stderr, "import: %s\n", imported.error().message.c_str());
            return 1;
        }
        for (int i = 0; i < o.devices; ++i)
            tokens.push_back(server::addDevice(*storage, "soak " + std::to_string(i), "staff",
                                               {"cm-" + std::to_string(i % o.communities)}, now)
                                 ->token);
        hostile.staffToken = server::addDevice(*storage, "hostile staff", "staff", {"cm-sunshine"}, now)->token;
        hostile.kioskToken = server::addDevice(*storage, "hostile kiosk", "kiosk", {"cm-sunshine"}, now)->token;
        const auto revoked = *server::addDevice(*storage, "hostile revoked", "staff", {"cm-sunshine"}, now);
        hostile.revokedToken = revoked.token;
        (void)server::revokeDevice(*storage, revoked.id, now);
        storage->stop();
    }
    auto srv = bench::startServer(bin, data);
    if (srv.pid <= 0) {
        std::fprintf(stderr, "the server did not start\n");
        return 1;
    }
    std::printf("soak: %d devices over %d communities for %d s, one sync every ~%.0f s each, "
                "a hostile request every %d ms\n",
                o.devices, o.communities, o.seconds, o.interval, o.hostileEveryMs);
    std::printf("server RSS at start: %.1f MiB\n", bench::residentMemoryMiB(srv.pid));

    Counters n;
    // Set-up: enrol, first pull, sign in (online, the first time; bench/device_fleet.h).
    std::vector<SimDevice> sims(std::size_t(o.devices));
    std::atomic<int> next{0}, setupFailures{0};
    auto setup = [&] {
        for (int i = next++; i < o.devices; i = next++) {
            auto& d = sims[std::size_t(i)];
            d.community = "cm-" + std::to_string(i % o.communities);
            auto tablet = bench::setUpTablet(dir + "/dev" + std::to_string(i) + ".db", srv.url(),
                                             tokens[std::size_t(i)], "5001", "500100");
            if (!tablet) {
                ++setupFailures;
                n.noteError("set-up", tablet.error().message);
                continue;
            }
            d.tablet = std::move(*tablet);
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
        std::printf("warning: %d devices could not be set up (%s)\n", setupFailures.load(), n.firstError.c_str());
    if (!test::signInStaff(srv.port, hostile) ||
        test::exchange(srv.port, test::withTokens(test::setupPushRequest(hostile), hostile)).status != 200)
        std::printf("warning: the hostile requests' set-up push failed; they are sent all the same\n");
    const auto requests = test::hostileRequests();
    std::printf("set-up done: server RSS %.1f MiB; %zu hostile requests in the list\n",
                bench::residentMemoryMiB(srv.pid), requests.size());

    StopSignal stop;
    const auto t0 = Clock::now();
    std::vector<std::thread> threads;
    for (int i = 0; i < o.devices; ++i)
        threads.emplace_back([&, i] {
            auto& d = sims[std::size_t(i)];
            if (!d.tablet.store)
                return;
            std::mt19937 rng(std::uint32_t(i) * 2654435761u);
            std::uniform_real_distribution<double> jitter(0.5, 1.5);
            // Start spread over the first interval, so the devices do not march in step.
            auto wake = t0 + std::chrono::duration_cast<Clock::duration>(
                                 std::chrono::duration<double>(o.interval * (double(i) / o.devices)));
            std::string previous;
            int k = 0;
            while (stop.sleepUntil(wake)) {
                auto id = d.tablet.store->create("complaint",
                                                 {{"community_id", d.community},
                                                  {"channel", "phone"},
                                                  {"category", "cleaning"},
                                                  {"content", "soak " + std::to_string(i) + "/" + std::to_string(k++)},
                                                  {"received_at", formatInstant(now())}},
                                                 d.tablet.actor, now());
                n.note(id ? Status() : Status(id.error()));
                if (!previous.empty()) {
                    const Json comment{{"id", sync::newUuidV7(now())}, {"at", formatInstant(now())},
                                       {"author", d.tablet.actor.staffId}, {"text", "已联系业主"}};
                    n.note(d.tablet.store->append(previous, "comments", comment, d.tablet.actor, now()));
                }
                if (id)
                    previous = *id;
                const auto r = d.tablet.engine->syncOnce();
                ++n.syncs;
                n.incomplete += r.complete ? 0 : 1;
                if (r.error)
                    n.noteError("sync", r.error->message);
                n.applied += r.applied;
                n.pulled += r.pulled;
                wake = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                          std::chrono::duration<double>(o.interval * jitter(rng)));
            }
        });
    std::thread hostileThread([&] {
        if (o.hostileEveryMs <= 0 || requests.empty())
            return;
        auto wake = t0;
        for (std::size_t k = 0; stop.sleepUntil(wake); ++k) {
            const auto& r = requests[k % requests.size()];
            const auto answer = test::exchange(srv.port, test::withTokens(r.bytes, hostile));
            ++n.hostileSent;
            if (answer.status == 0)
                ++n.hostileUnanswered;
            else if (answer.status >= 400)
                ++n.hostileRefused;
            else
                ++n.hostileOther;
            wake += std::chrono::milliseconds(o.hostileEveryMs);
            wake = std::max(wake, Clock::now());
        }
    });

    std::printf("\n%6s %9s %9s %8s %9s %9s %10s %8s %8s\n", "t (s)", "RSS MiB", "peak MiB", "syncs", "applied",
                "pulled", "incomplete", "hostile", "no answer");
    std::vector<double> series;
    for (int tick = 1; tick * o.reportEvery <= o.seconds; ++tick) {
        std::this_thread::sleep_until(t0 + std::chrono::seconds(tick * o.reportEvery));
        const double rss = bench::residentMemoryMiB(srv.pid);
        series.push_back(rss);
        std::printf("%6d %9.1f %9.1f %8lld %9lld %9lld %10lld %8lld %8lld\n", tick * o.reportEvery, rss,
                    bench::peakMemoryMiB(srv.pid), n.syncs.load(), n.applied.load(), n.pulled.load(),
                    n.incomplete.load(), n.hostileSent.load(), n.hostileUnanswered.load());
        std::fflush(stdout);
    }
    stop.stop();
    for (auto& t : threads)
        t.join();
    hostileThread.join();
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();

    std::printf("\n%.0f s: %lld syncs (%lld incomplete), %lld operations applied, %lld changes pulled, "
                "%lld captured (%lld failed)\n",
                wall, n.syncs.load(), n.incomplete.load(), n.applied.load(), n.pulled.load(), n.captured.load(),
                n.captureErrors.load());
    if (!n.firstError.empty())
        std::printf("first error: %s\n", n.firstError.c_str());
    std::printf("hostile: %lld sent, %lld refused (4xx/5xx), %lld other answers, %lld without any answer\n",
                n.hostileSent.load(), n.hostileRefused.load(), n.hostileOther.load(), n.hostileUnanswered.load());
    if (series.size() >= 2) {
        // The first sample still includes the warm-up (page cache, first pulls); growth is
        // measured from the second one.
        const double from = series[1 < series.size() - 1 ? 1 : 0];
        const auto [lo, hi] = std::minmax_element(series.begin(), series.end());
        std::printf("server RSS: first %.1f, min %.1f, max %.1f, last %.1f MiB; from the second sample to "
                    "the last %+.1f MiB\n",
                    series.front(), *lo, *hi, series.back(), series.back() - from);
    }
    const bool alive = bench::residentMemoryMiB(srv.pid) > 0;
    std::printf("server %s; peak memory (VmHWM) %.1f MiB\n", alive ? "still up" : "GONE",
                bench::peakMemoryMiB(srv.pid));
    bench::stopServer(srv);
    sims.clear();
    std::error_code ec;
    fs::remove_all(dir, ec);
    return alive && n.hostileUnanswered == 0 ? 0 : 1;
}
