#pragma once
// Simulated tablets for the load benchmarks: each device is the real client-side sync engine
// with its own SQLite file and its own HTTP connection, its complaints captured offline, all
// pushing and then pulling at one start signal. Devices of a fleet keep syncing, at the pace
// the engine keeps (SyncPacing: Retry-After, back-off), until their outbox is empty.

#include "sync/client/device_store.h"
#include "sync/client/sync_engine.h"
#include "sync/client/sync_pacing.h"
#include "sync/client/transport.h"
#include "sync/device/beast_transport.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace courtyard::bench {

// Times every request a device sends and keeps what went wrong, in detail for the first few.
class TimedTransport final : public sync::Transport {
public:
    // `pushesSent`, `pushesAnswered`: count pushes sent and pushes that came back (with an
    // answer or without), for whoever acts mid-run.
    explicit TimedTransport(sync::Transport& inner, std::atomic<int>* pushesSent = nullptr,
                            std::atomic<int>* pushesAnswered = nullptr)
        : m_inner(inner), m_pushesSent(pushesSent), m_pushesAnswered(pushesAnswered) {}
    Result<sync::HttpResponse> send(const sync::HttpRequest& r) override;

    std::vector<double> push, pull; // ms
    int errors = 0;                 // requests with no answer or a status that is not 2xx
    std::string firstError;
    std::vector<std::string> failures; // status, body, the upstream that answered (a proxy's X-Courtyard-Upstream)

private:
    sync::Transport& m_inner;
    std::atomic<int>* m_pushesSent;
    std::atomic<int>* m_pushesAnswered;
};

// The p-th percentile (0..1) of `v`; 0 when empty.
double percentile(std::vector<double> v, double p);

// One simulated tablet as the load benchmarks set it up: its own SQLite file, enrolled at `url`
// with `token`, its first sync done, and its person signed in with `staffNo` and `pin` (online,
// as on a new tablet). Many first sign-ins at once each cost the server a PIN hash: it turns
// some away for a moment, and the tablet tries again for up to two minutes.
struct Tablet {
    std::unique_ptr<sync::DeviceStore> store;
    std::unique_ptr<sync::BeastTransport> beast;
    std::unique_ptr<sync::SyncEngine> engine; // over `beast`, untimed
    domain::Actor actor;
};
Result<Tablet> setUpTablet(const std::string& file, const std::string& url, const std::string& token,
                           const std::string& staffNo, const std::string& pin);

struct FleetOptions {
    int devices = 500;
    int records = 20;      // complaints each device captures offline
    int communities = 100; // device i works for cm-(i mod communities) (loadCompany)
    // After the first push and pull, how long a device goes on trying until its outbox is
    // empty and a sync went through.
    std::chrono::seconds retryBudget{120};
    // 0: every device starts at the signal; otherwise device i starts its own share of this
    // window later (deterministic, spread over the whole window).
    double spreadSeconds = 0;
    // false: a device's first sync is its push alone (no pull after it), so the burst is the
    // pushes and nothing else; a device whose push failed still syncs in full until it is sent.
    bool pullAfterPush = true;
};

struct FleetFigures {
    double wall = 0; // s, start signal to the last device done
    std::vector<double> push, pull;
    int failedRequests = 0; // requests without a 2xx answer (the devices retried them)
    int retries = 0;        // sync cycles after each device's first push + pull
    // Operations the server answered `noop`: sent again (after a lost answer) and found
    // already applied, as exactly-once delivery answers them.
    int noop = 0;
    int devices = 0; // that took part (set up without error)
    int created = 0; // complaints they had captured
    // Errors visible to a device: it ended with unsent operations or its last sync failed.
    int devicesWithErrors = 0;
    std::vector<std::string> failures; // examples of failed requests and of device errors
};

struct Verification {
    int expected = 0;
    int found = 0;      // distinct expected ids seen
    int lost = 0;       // expected ids not seen
    int duplicated = 0; // a complaint's text under a second id, or a record applied more than once
    int unexpected = 0; // complaints no device of the fleet created
};

class DeviceFleet {
public:
    DeviceFleet(std::string folder, FleetOptions options);
    ~DeviceFleet();

    // Not timed: each device is enrolled at `url` with its token, syncs once, its person signs
    // in (online, as on a new tablet) and captures the complaints offline.
    Status setUp(const std::string& url, const std::vector<std::string>& tokens);
    // Everyone at once (or spread): push, pull, then sync again (as paced) until done or out
    // of budget.
    FleetFigures run();
    // Push requests sent and come back so far in run().
    int pushesAnswered() const { return m_pushesAnswered.load(); }
    int pushesSent() const { return m_pushesSent.load(); }
    // What a fresh device enrolled with `token` (one that may read every community) pulls from
    // `url`, compared with the complaints the fleet created.
    Result<Verification> verify(const std::string& url, const std::string& token) const;

private:
    struct Device;
    void runDevice(Device& d, FleetFigures& figures, std::mutex& mutex);

    std::string m_folder;
    FleetOptions m_options;
    std::vector<std::unique_ptr<Device>> m_devices;
    std::atomic<int> m_pushesAnswered{0};
    std::atomic<int> m_pushesSent{0};
};

} // namespace courtyard::bench
