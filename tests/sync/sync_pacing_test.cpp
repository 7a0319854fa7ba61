// SyncPacing: waits that grow exponentially with jitter while refusals continue, never shorter
// than the server's Retry-After, capped, reset by a cycle that goes through; a manual sync drops
// only waits of the device's own making; push batches halve on 413 and on repeated timeouts and
// grow back slowly.
#include "sync/client/sync_pacing.h"
#include "test_support.h"

#include <QtTest>
#include <set>

using namespace courtyard;
using namespace courtyard::sync;
using std::chrono::seconds;

class SyncPacingTest : public QObject {
    Q_OBJECT
private slots:
    void waitsGrowExponentiallyWithJitterUpToTheCap() {
        const Instant t0 = *parseInstant("2026-03-05T02:00:00Z");
        for (std::uint64_t seed = 1; seed <= 50; ++seed) {
            SyncPacing p(seed, {seconds{2}, seconds{60}, 2000});
            QVERIFY(p.mayTry(t0));
            for (int n = 1; n <= 10; ++n) {
                p.refused(t0, seconds{0}, "busy", true);
                const auto wait = *p.notBefore() - t0;
                const Milliseconds ceiling = std::min<Milliseconds>(seconds{2} * (1 << (n - 1)), seconds{60});
                QVERIFY2(wait >= ceiling / 2 && wait <= ceiling, qPrintable(QString("n=%1 wait=%2").arg(n).arg(wait.count())));
                QVERIFY(!p.mayTry(t0 + wait - Milliseconds{1}));
                QVERIFY(p.mayTry(t0 + wait));
            }
            QCOMPARE(p.failures(), 10);
        }
    }

    void devicesDoNotComeBackInStep() {
        const Instant t0 = *parseInstant("2026-03-05T02:00:00Z");
        std::set<std::int64_t> waits;
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            SyncPacing p(seed);
            for (int n = 0; n < 4; ++n)
                p.refused(t0, seconds{0}, "cannot reach the server", false);
            waits.insert((*p.notBefore() - t0).count());
        }
        QVERIFY(waits.size() >= 15); // twenty devices, (almost) twenty different moments
    }

    void theServersRetryAfterIsTheFloor() {
        const Instant t0 = *parseInstant("2026-03-05T02:00:00Z");
        SyncPacing p(7);
        p.refused(t0, seconds{120}, "too many pulls", true);
        QCOMPARE(*p.notBefore(), t0 + seconds{120});
        QCOMPARE(p.reason(), std::string("too many pulls"));
        QVERIFY(p.refusedByServer());
        p.forgetNetworkFailures(); // the user pressed "Sync now": the server's wait stays
        QVERIFY(!p.mayTry(t0 + seconds{119}));
        p.succeeded();
        QVERIFY(p.mayTry(t0));
        QCOMPARE(p.failures(), 0);
        p.refused(t0, seconds{0}, "connection refused", false);
        QVERIFY(!p.mayTry(t0));
        p.forgetNetworkFailures(); // a wait of our own making is dropped
        QVERIFY(p.mayTry(t0));
    }

    void pushBatchesHalveAndGrowBackSlowly() {
        SyncPacing p(1, {seconds{2}, seconds{60}, 2000});
        QCOMPARE(p.pushBatch(), 2000);
        QCOMPARE(p.pushBytes(), std::size_t(8u << 20));
        p.pushTooLarge(2000);
        QCOMPARE(p.pushBatch(), 1000);
        p.pushTimedOut(1000);
        QCOMPARE(p.pushBatch(), 1000); // one timeout may be bad luck
        p.pushTimedOut(1000);
        QCOMPARE(p.pushBatch(), 500); // two in a row: the link takes less
        QCOMPARE(p.pushBytes(), std::size_t((8u << 20) / 4));
        for (int i = 0; i < 7; ++i)
            p.pushWentThrough();
        QCOMPARE(p.pushBatch(), 500);
        p.pushWentThrough();
        QCOMPARE(p.pushBatch(), 1000);
        p.pushTooLarge(30); // a push of fewer operations than the batch (the outbox had only 30)
        QCOMPARE(p.pushBatch(), 15);
        for (int i = 0; i < 20; ++i)
            p.pushTooLarge(p.pushBatch());
        QCOMPARE(p.pushBatch(), 1);
        for (int i = 0; i < 200; ++i)
            p.pushWentThrough();
        QCOMPARE(p.pushBatch(), 2000);
    }
};

QTEST_GUILESS_MAIN(SyncPacingTest)
#include "sync_pacing_test.moc"
