// Devices that back off, against the real courtyard-server on 127.0.0.1: a device told 429
// waits at least Retry-After and sends nothing meanwhile; a push larger than the server takes
// (413) is split and goes through in the same cycle; a push that keeps timing out on a slow link
// is sent in halves in the next cycles. Nothing is lost or duplicated on the way.
#include "shared/store/record_store.h"
#include "support/server_process.h"
#include "support/test_device.h"
#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::test;

namespace {

// Counts what passes through (to show a waiting device sends nothing).
class Counting final : public sync::Transport {
public:
    explicit Counting(sync::Transport& inner) : m_inner(inner) {}
    Result<sync::HttpResponse> send(const sync::HttpRequest& r) override {
        ++sent;
        return m_inner.send(r);
    }
    int sent = 0;

private:
    sync::Transport& m_inner;
};

int opsIn(const sync::HttpRequest& r) {
    if (r.method != "POST" || r.target != "/v1/sync/push")
        return 0;
    return int(Json::parse(r.body)["ops"].size());
}

// A server in front of the real one that takes at most `maxOps` operations per push: 413 beyond.
class TakesSmallPushes final : public sync::Transport {
public:
    TakesSmallPushes(sync::Transport& inner, int maxOps) : m_inner(inner), m_max(maxOps) {}
    Result<sync::HttpResponse> send(const sync::HttpRequest& r) override {
        if (opsIn(r) > m_max) {
            ++refused;
            return sync::HttpResponse{413, {{"content-type", "application/json"}},
                                      R"({"error":{"code":"resource_exhausted","message":"too many values"}})"};
        }
        return m_inner.send(r);
    }
    int refused = 0;

private:
    sync::Transport& m_inner;
    int m_max;
};

// A slow link on which a push of more than `maxOps` operations never completes in time.
class SlowLink final : public sync::Transport {
public:
    SlowLink(sync::Transport& inner, int maxOps) : m_inner(inner), m_max(maxOps) {}
    Result<sync::HttpResponse> send(const sync::HttpRequest& r) override {
        if (opsIn(r) > m_max) {
            ++timeouts;
            return unavailable("the connection made no progress for 20 s");
        }
        return m_inner.send(r);
    }
    int timeouts = 0;

private:
    sync::Transport& m_inner;
    int m_max;
};

std::map<std::string, int> serverComplaints(ServerProcess& server) {
    std::map<std::string, int> out;
    auto s = store::SqliteRecordStore::open(server.dataDir().toStdString() + "/courtyard.db");
    store::RecordQuery q;
    q.types = {"complaint"};
    for (const auto& r : *(*s)->query(q))
        out[r.body.value("content", std::string())]++;
    return out;
}

bool fileComplaints(TestDevice& d, int n, const std::string& prefix) {
    for (int i = 0; i < n; ++i)
        if (!d.fileComplaint("cm-sunshine", prefix + std::to_string(i)))
            return false;
    return true;
}

} // namespace

class BackoffTest : public QObject {
    Q_OBJECT
private slots:
    void aRefusedDeviceWaitsAsToldAndSendsNothingMeanwhile() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        QVERIFY(server.setPolicy(R"({"device_pulls_per_minute": 60})"));
        const auto e = server.addDevice("staff", {"cm-sunshine"});
        QVERIFY(server.start());
        TestDevice d(server.url(), e.token);
        Counting counting(d.transport());
        sync::SyncPacing pacing(42);
        d.route(counting, &pacing);
        // A minute's worth of pulls at once is fine; the next one is refused.
        sync::SyncReport refused;
        int cycles = 0;
        Instant refusedAt{};
        for (; cycles < 100; ++cycles) {
            refusedAt = d.now();
            refused = d.sync();
            if (!refused.complete)
                break;
        }
        QVERIFY2(cycles >= 60 && cycles < 100, std::to_string(cycles).c_str());
        QVERIFY(refused.retryAt);
        QVERIFY2(*refused.retryAt >= refusedAt + std::chrono::seconds{1}, formatInstant(*refused.retryAt).c_str());
        QVERIFY2(refused.refusal.find("fair-use") != std::string::npos, refused.refusal.c_str());
        QCOMPARE(refused.error->code, ErrorCode::ResourceExhausted);
        // Until then, cycles send nothing at all and say why.
        const int sent = counting.sent;
        for (int i = 0; i < 5; ++i) {
            const auto waiting = d.sync();
            QVERIFY(!waiting.complete);
            QVERIFY(waiting.error->message.find("waiting until") != std::string::npos);
        }
        QCOMPARE(counting.sent, sent);
        // When the wait is over (a second refills one pull) the device syncs again.
        QTest::qWait(int(std::chrono::duration_cast<Milliseconds>(*refused.retryAt - d.now()).count()) + 100);
        QVERIFY(d.sync().complete);
        QCOMPARE(pacing.failures(), 0);
        server.terminate();
    }

    void aPushTooLargeForTheServerIsSplitAndGoesThrough() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        const auto e = server.addDevice("staff", {"cm-sunshine"});
        QVERIFY(server.start());
        TestDevice d(server.url(), e.token);
        QVERIFY(d.sync().complete);
        QVERIFY(d.signIn("1001"));
        QVERIFY(fileComplaints(d, 50, "split-"));
        TakesSmallPushes small(d.transport(), 8);
        sync::SyncPacing pacing(1);
        d.route(small, &pacing);
        const auto r = d.sync();
        QVERIFY2(r.complete, r.error ? r.error->message.c_str() : "");
        QCOMPARE(small.refused, 3); // 50 → 25 → 12 → 6
        QVERIFY(pacing.pushBatch() <= 12); // the next cycle starts small (grown once after eight pushes)
        const auto stored = serverComplaints(server);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(stored.count("split-" + std::to_string(i)) ? stored.at("split-" + std::to_string(i)) : 0, 1);
        QCOMPARE(*d.store().pendingCount(), std::int64_t(0));
        server.terminate();
    }

    void aPushThatKeepsTimingOutIsSentInHalves() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        const auto e = server.addDevice("staff", {"cm-sunshine"});
        QVERIFY(server.start());
        TestDevice d(server.url(), e.token);
        QVERIFY(d.sync().complete);
        QVERIFY(d.signIn("1001"));
        QVERIFY(fileComplaints(d, 40, "slow-"));
        SlowLink slow(d.transport(), 12);
        sync::SyncPacing pacing(1, {std::chrono::seconds{2}, std::chrono::seconds{60}, 40});
        d.route(slow, &pacing);
        int cycles = 0;
        for (; cycles < 20 && *d.store().pendingCount() > 0; ++cycles) {
            d.shiftClock(std::chrono::minutes{2}); // past any wait the pacing set
            (void)d.sync();
        }
        QCOMPARE(*d.store().pendingCount(), std::int64_t(0));
        QCOMPARE(slow.timeouts, 4); // 40 twice, 20 twice; then 10 at a time goes through
        QVERIFY(cycles <= 5);
        const auto stored = serverComplaints(server);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(stored.count("slow-" + std::to_string(i)) ? stored.at("slow-" + std::to_string(i)) : 0, 1);
        server.terminate();
    }
};

QTEST_GUILESS_MAIN(BackoffTest)
#include "backoff_test.moc"
