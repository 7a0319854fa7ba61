#pragma once
// An in-process device for tests: its own SQLite file, the client-side engine over the Beast
// transport to the real server, optionally through a FaultyTransport, and a signed-in person.

#include "sync/client/sign_in.h"
#include "sync/client/sync_engine.h"
#include "sync/device/beast_transport.h"

#include <QTemporaryDir>
#include <chrono>
#include <memory>
#include <mutex>
#include <random>

namespace courtyard::test {

// Loses, repeats and reorders messages, deterministically for a seed.
class FaultyTransport final : public sync::Transport {
public:
    struct Odds {
        double dropRequest = 0;  // never reaches the server
        double dropResponse = 0; // the server did the work; the answer is lost
        double duplicate = 0;    // sent twice
        double replayOld = 0;    // an older push is sent again first (reordering)
    };
    FaultyTransport(sync::Transport& inner, std::uint64_t seed, Odds odds) : m_inner(inner), m_rng(seed), m_odds(odds) {}
    void setOdds(Odds o) { m_odds = o; }
    Result<sync::HttpResponse> send(const sync::HttpRequest& r) override;
    int faults() const { return m_faults; }

private:
    bool roll(double p) { return p > 0 && std::uniform_real_distribution<double>(0, 1)(m_rng) < p; }
    sync::Transport& m_inner;
    std::mt19937_64 m_rng;
    Odds m_odds;
    std::vector<sync::HttpRequest> m_pastPushes;
    int m_faults = 0;
};

class TestDevice {
public:
    TestDevice(const QString& serverUrl, const QString& token, std::chrono::milliseconds clockOffset = {});
    sync::DeviceStore& store() { return *m_store; }
    sync::SyncReport sync();
    // Signs in with a staff number and its demo PIN (online the first time, offline after).
    bool signIn(const std::string& number);
    const Error& lastError() const { return m_lastError; }
    const domain::Actor& actor() const { return m_actor; }
    Instant now() const;
    void useFaults(std::uint64_t seed, FaultyTransport::Odds odds);
    void healFaults();
    // Sends through `via` (which passes on to transport()), paced by `pacing` when given.
    void route(sync::Transport& via, sync::SyncPacing* pacing = nullptr);
    // Moves this device's clock (and with it every wait its pacing computes).
    void shiftClock(std::chrono::milliseconds by) { m_offset += by; }
    sync::BeastTransport& transport() { return *m_beast; }
    sync::SyncEngine& engine() { return *m_engine; }
    // Closes the database and opens it again, as an app restart does (signed out).
    void reopen();
    QString dbPath() const { return m_dir.filePath("device.db"); }

    // Shortcuts.
    Result<std::string> fileComplaint(const std::string& community, const std::string& content, bool urgent = false);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sync::DeviceStore> m_store;
    std::unique_ptr<sync::BeastTransport> m_beast;
    std::unique_ptr<FaultyTransport> m_faulty;
    std::unique_ptr<sync::SyncEngine> m_engine;
    std::chrono::milliseconds m_offset;
    domain::Actor m_actor;
    Error m_lastError;
};

} // namespace courtyard::test
