#include "bench/device_fleet.h"

#include "sync/client/sign_in.h"

#include <algorithm>
#include <barrier>
#include <map>
#include <thread>

namespace courtyard::bench {

namespace {

Instant now() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }

constexpr std::size_t kFailureExamples = 12;

} // namespace

Result<sync::HttpResponse> TimedTransport::send(const sync::HttpRequest& r) {
    const bool isPush = r.method == "POST" && r.target.rfind("/v1/sync/push", 0) == 0;
    if (isPush && m_pushesSent)
        ++*m_pushesSent;
    const auto t0 = std::chrono::steady_clock::now();
    auto res = m_inner.send(r);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (isPush && m_pushesAnswered)
        ++*m_pushesAnswered;
    const bool ok = res && res->status >= 200 && res->status < 300;
    (r.method == "POST" ? push : pull).push_back(ms);
    if (ok)
        return res;
    ++errors;
    std::string what = r.method + " " + r.target.substr(0, r.target.find('?')) + ": ";
    if (res) {
        const auto up = res->headers.find("x-courtyard-upstream");
        what += "HTTP " + std::to_string(res->status) + " " + res->body.substr(0, 200) +
                (up != res->headers.end() ? " (upstream " + up->second + ")" : std::string());
    } else {
        what += "no answer: " + res.error().message;
    }
    if (firstError.empty())
        firstError = what;
    if (failures.size() < kFailureExamples)
        failures.push_back(what);
    return res;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

Result<Tablet> setUpTablet(const std::string& file, const std::string& url, const std::string& token,
                           const std::string& staffNo, const std::string& pin) {
    Tablet t;
    auto store = sync::DeviceStore::open(file);
    if (!store)
        return store.error();
    t.store = std::move(*store);
    CY_TRY(t.store->setEnrollment(url, token));
    sync::BeastTransportOptions options;
    options.timeout = std::chrono::milliseconds(60000);
    auto beast = sync::BeastTransport::create(url, options);
    if (!beast)
        return beast.error();
    t.beast = std::move(*beast);
    t.engine = std::make_unique<sync::SyncEngine>(*t.store, *t.beast, now);
    if (auto r = t.engine->syncOnce(); !r.complete)
        return unavailable("first sync: " + (r.error ? r.error->message : std::string("incomplete")));
    auto signedIn = sync::signIn(*t.store, t.engine.get(), staffNo, pin, now());
    for (int attempt = 0; !signedIn && signedIn.error().code == ErrorCode::Unavailable && attempt < 600; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        signedIn = sync::signIn(*t.store, t.engine.get(), staffNo, pin, now());
    }
    if (!signedIn)
        return Error{signedIn.error().code, "sign-in: " + signedIn.error().message};
    t.actor = *signedIn;
    return t;
}

struct DeviceFleet::Device {
    int index = 0;
    Tablet tablet;
    std::unique_ptr<TimedTransport> timed;
    std::unique_ptr<sync::SyncEngine> engine; // over `timed`, paced
    std::unique_ptr<sync::SyncPacing> pacing;
    std::vector<std::string> created;
};

DeviceFleet::DeviceFleet(std::string folder, FleetOptions options)
    : m_folder(std::move(folder)), m_options(options) {}

DeviceFleet::~DeviceFleet() = default;

Status DeviceFleet::setUp(const std::string& url, const std::vector<std::string>& tokens) {
    const int n = std::min<int>(m_options.devices, int(tokens.size()));
    m_devices.clear();
    for (int i = 0; i < n; ++i) {
        m_devices.push_back(std::make_unique<Device>());
        m_devices.back()->index = i;
    }
    std::atomic<int> next{0}, failures{0};
    std::mutex mutex;
    std::string firstFailure;
    auto fail = [&](const std::string& why) {
        std::lock_guard lock(mutex);
        if (firstFailure.empty())
            firstFailure = why;
        ++failures;
    };
    auto setup = [&] {
        for (int i = next++; i < n; i = next++) {
            auto& d = *m_devices[std::size_t(i)];
            const std::string community = "cm-" + std::to_string(i % m_options.communities);
            auto tablet = setUpTablet(m_folder + "/dev" + std::to_string(i) + ".db", url, tokens[std::size_t(i)],
                                      "1001", "100100");
            if (!tablet) {
                fail(tablet.error().message);
                continue;
            }
            d.tablet = std::move(*tablet);
            auto& store = *d.tablet.store;
            const domain::Actor& actor = d.tablet.actor;
            auto captured = store.records().transaction([&]() -> Status {
                for (int k = 0; k < m_options.records; ++k) {
                    auto id = store.create("complaint",
                                           {{"community_id", community},
                                            {"channel", "phone"},
                                            {"category", "cleaning"},
                                            {"content", "load test " + std::to_string(i) + "/" + std::to_string(k)},
                                            {"received_at", formatInstant(now())}},
                                           actor, now());
                    if (!id)
                        return id.error();
                    d.created.push_back(*id);
                }
                return {};
            });
            if (!captured) {
                fail("capture: " + captured.error().message);
                continue;
            }
            // From here on every request is timed, and the engine keeps its pace after refusals.
            d.pacing = std::make_unique<sync::SyncPacing>(std::uint64_t(i) * 7919 + 1);
            d.timed = std::make_unique<TimedTransport>(*d.tablet.beast, &m_pushesSent, &m_pushesAnswered);
            d.engine = std::make_unique<sync::SyncEngine>(store, *d.timed, now);
            d.engine->setPacing(d.pacing.get());
        }
    };
    std::vector<std::thread> ts;
    for (int t = 0; t < 8; ++t)
        ts.emplace_back(setup);
    for (auto& t : ts)
        t.join();
    if (failures)
        return unavailable(std::to_string(failures.load()) + " devices failed to set up; first: " + firstFailure);
    return {};
}

void DeviceFleet::runDevice(Device& d, FleetFigures& figures, std::mutex& mutex) {
    int retries = 0;
    sync::SyncReport report;
    bool ok = bool(d.engine->push(report));
    if (ok && m_options.pullAfterPush)
        ok = bool(d.engine->pull(report));
    int noop = report.noop;
    const auto deadline = std::chrono::steady_clock::now() + m_options.retryBudget;
    auto pending = [&] {
        auto n = d.tablet.store->pendingCount();
        return n ? *n : std::int64_t(-1);
    };
    std::string lastError;
    while ((!ok || pending() != 0) && std::chrono::steady_clock::now() < deadline) {
        // As a tablet does: no sooner than the engine's pacing allows (the server's
        // Retry-After, or its own back-off after a failed connection).
        auto wait = std::chrono::milliseconds(250);
        if (auto nb = d.pacing->notBefore())
            wait = std::max(wait, std::chrono::duration_cast<std::chrono::milliseconds>(*nb - now()));
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            wait, deadline - std::chrono::steady_clock::now()));
        ++retries;
        const auto r = d.engine->syncOnce();
        ok = r.complete;
        noop += r.noop;
        if (!ok && r.error)
            lastError = r.error->message;
    }
    const auto left = pending();
    std::lock_guard lock(mutex);
    figures.retries += retries;
    figures.noop += noop;
    if (!ok || left != 0) {
        ++figures.devicesWithErrors;
        if (figures.failures.size() < kFailureExamples)
            figures.failures.push_back("device " + std::to_string(d.index) + " ended with " + std::to_string(left) +
                                       " unsent operations" + (ok ? "" : ", last sync failed: " + lastError));
    }
}

FleetFigures DeviceFleet::run() {
    FleetFigures figures;
    std::mutex mutex;
    const auto n = std::ptrdiff_t(m_devices.size());
    std::barrier start(n + 1);
    std::vector<std::thread> threads;
    for (auto& d : m_devices)
        threads.emplace_back([&, dev = d.get()] {
            start.arrive_and_wait();
            if (m_options.spreadSeconds > 0)
                std::this_thread::sleep_for(std::chrono::duration<double>(
                    m_options.spreadSeconds * double((dev->index * 7919) % n) / double(n)));
            runDevice(*dev, figures, mutex);
        });
    const auto t0 = std::chrono::steady_clock::now();
    start.arrive_and_wait();
    for (auto& t : threads)
        t.join();
    figures.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::vector<std::string> deviceErrors = std::move(figures.failures);
    figures.failures.clear();
    for (auto& d : m_devices) {
        figures.push.insert(figures.push.end(), d->timed->push.begin(), d->timed->push.end());
        figures.pull.insert(figures.pull.end(), d->timed->pull.begin(), d->timed->pull.end());
        figures.failedRequests += d->timed->errors;
        for (const auto& f : d->timed->failures)
            if (figures.failures.size() < kFailureExamples)
                figures.failures.push_back("device " + std::to_string(d->index) + " " + f);
    }
    figures.failures.insert(figures.failures.end(), deviceErrors.begin(), deviceErrors.end());
    figures.devices = int(m_devices.size());
    for (const auto& d : m_devices)
        figures.created += int(d->created.size());
    return figures;
}

Result<Verification> DeviceFleet::verify(const std::string& url, const std::string& token) const {
    auto store = sync::DeviceStore::open(m_folder + "/verifier.db");
    if (!store)
        return store.error();
    (void)(*store)->setEnrollment(url, token);
    sync::BeastTransportOptions options;
    options.timeout = std::chrono::milliseconds(120000);
    auto transport = sync::BeastTransport::create(url, options);
    if (!transport)
        return transport.error();
    sync::SyncEngine engine(**store, **transport, now);
    sync::SyncReport r = engine.syncOnce();
    for (int attempt = 0; !r.complete && attempt < 10; ++attempt) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        r = engine.syncOnce();
    }
    if (!r.complete)
        return unavailable("the verifying device could not pull: " + (r.error ? r.error->message : std::string()));
    store::RecordQuery q;
    q.types = {"complaint"};
    auto records = (*store)->query(q);
    if (!records)
        return records.error();

    Verification v;
    std::map<std::string, int> expected; // id -> times seen
    for (const auto& d : m_devices)
        for (const auto& id : d->created)
            expected.emplace(id, 0);
    v.expected = int(expected.size());
    std::map<std::string, int> texts; // a complaint's text -> ids carrying it
    for (const auto& rec : *records) {
        auto it = expected.find(rec.id);
        if (it == expected.end()) {
            ++v.unexpected;
        } else {
            ++it->second;
        }
        if (rec.body.is_object() && rec.body.contains("content"))
            ++texts[rec.body["content"].get<std::string>()];
        // The server appends to a record's history with every operation it applies: a create
        // applied twice would show two entries.
        if (!rec.history.empty()) {
            const auto h = Json::parse(rec.history, nullptr, false);
            if (h.is_array() && h.size() > 1)
                ++v.duplicated;
        }
    }
    for (const auto& [id, seen] : expected) {
        if (seen == 0)
            ++v.lost;
        else
            ++v.found;
    }
    for (const auto& [text, ids] : texts)
        v.duplicated += ids - 1;
    return v;
}

} // namespace courtyard::bench
