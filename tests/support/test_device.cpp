#include "support/test_device.h"

#include "test_support.h"

namespace courtyard::test {

Result<sync::HttpResponse> FaultyTransport::send(const sync::HttpRequest& r) {
    const bool isPush = r.method == "POST" && r.target == "/v1/sync/push";
    if (isPush && !m_pastPushes.empty() && roll(m_odds.replayOld)) {
        ++m_faults;
        std::uniform_int_distribution<std::size_t> pick(0, m_pastPushes.size() - 1);
        (void)m_inner.send(m_pastPushes[pick(m_rng)]); // an old push arrives late
    }
    if (isPush)
        m_pastPushes.push_back(r);
    if (roll(m_odds.dropRequest)) {
        ++m_faults;
        return unavailable("fault injected: request lost");
    }
    auto first = m_inner.send(r);
    if (roll(m_odds.duplicate)) {
        ++m_faults;
        auto second = m_inner.send(r);
        if (second)
            first = second;
    }
    if (roll(m_odds.dropResponse)) {
        ++m_faults;
        return unavailable("fault injected: response lost");
    }
    return first;
}

TestDevice::TestDevice(const QString& serverUrl, const QString& token, std::chrono::milliseconds clockOffset)
    : m_offset(clockOffset) {
    m_store = std::move(*sync::DeviceStore::open(dbPath().toStdString()));
    (void)m_store->setEnrollment(serverUrl.toStdString(), token.toStdString());
    m_beast = std::move(*sync::BeastTransport::create(serverUrl.toStdString()));
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_beast, [this] { return now(); });
}

void TestDevice::reopen() {
    m_engine.reset();
    m_faulty.reset();
    m_store.reset();
    m_store = std::move(*sync::DeviceStore::open(dbPath().toStdString()));
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_beast, [this] { return now(); });
}

Instant TestDevice::now() const {
    return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()) + m_offset;
}

sync::SyncReport TestDevice::sync() { return m_engine->syncOnce(); }

bool TestDevice::signIn(const std::string& number) {
    auto a = sync::signIn(*m_store, m_engine.get(), number, test::demoPin(number), now());
    if (!a) {
        m_lastError = a.error();
        return false;
    }
    m_actor = *a;
    return true;
}

void TestDevice::useFaults(std::uint64_t seed, FaultyTransport::Odds odds) {
    m_faulty = std::make_unique<FaultyTransport>(*m_beast, seed, odds);
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_faulty, [this] { return now(); });
}

void TestDevice::healFaults() {
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_beast, [this] { return now(); });
    m_faulty.reset();
}

void TestDevice::route(sync::Transport& via, sync::SyncPacing* pacing) {
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, via, [this] { return now(); });
    m_engine->setPacing(pacing);
    m_faulty.reset();
}

Result<std::string> TestDevice::fileComplaint(const std::string& community, const std::string& content, bool urgent) {
    return m_store->create("complaint",
                           Json{{"community_id", community},
                                {"channel", "phone"},
                                {"category", "repairs"},
                                {"content", content},
                                {"urgent", urgent},
                                {"received_at", formatInstant(now())}},
                           m_actor, now());
}

} // namespace courtyard::test
