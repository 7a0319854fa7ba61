// Brute force against staff PINs, with the real server on 127.0.0.1: online, after the policy's
// free attempts every further attempt waits — even with the right PIN — per person and per
// device, and the waits double (checked against real time with a one-second policy); offline on
// a tablet, the same delays on the tablet's own count, which survives a restart, until the
// tablet forgets the credential and only an online sign-in helps. A PIN set by an administrator
// replaces the old one online and, once the tablet has synced, offline; a PIN changed by the
// person withdraws their sign-in on their other tablet; a revoked tablet erases what it holds.
#include "support/server_process.h"
#include "support/signed_device.h"
#include "support/test_device.h"
#include "test_support.h"

#include <QFile>
#include <QtTest>
#include <thread>

using namespace courtyard;
using namespace courtyard::test;

namespace {

const std::string kNewPin = "582947";

int retryAfter(const JsonAnswer& a) {
    auto it = a.headers.find("retry-after");
    return it == a.headers.end() ? -1 : std::stoi(it->second);
}

// Refused for waiting: 429 with Retry-After, reason pin_delay.
bool mustWait(const JsonAnswer& a, std::string* why) {
    *why = std::to_string(a.status) + " " + a.body.dump();
    return a.status == 429 && a.errorReason() == "pin_delay" && retryAfter(a) > 0 &&
           a.body["error"].value("retry_after", 0) == retryAfter(a);
}

} // namespace

class PinLockoutTest : public QObject {
    Q_OBJECT

    ServerProcess m_server; // the demo company, default policy (3 free attempts, 30 s doubling)

    std::unique_ptr<SignedDevice> tablet() { return enrolDevice(m_server, "staff", {"cm-sunshine"}); }

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
    }

    void wrongPinsOnlineMakeThePersonAndTheTabletWait() {
        std::string why;
        // Per person: three wrong PINs for 1001 on one tablet …
        auto first = tablet(), second = tablet();
        for (int i = 0; i < 3; ++i) {
            const auto wrong = first->signIn("1001", "918273");
            QCOMPARE(wrong.status, 401);
            QCOMPARE(QString::fromStdString(wrong.errorCode()), QString("unauthenticated"));
        }
        // … and the next attempt waits, even with the right PIN, on that tablet and on another.
        const auto right = first->signIn("1001", demoPin(std::string("1001")));
        QVERIFY2(mustWait(right, &why), why.c_str());
        QVERIFY(retryAfter(right) <= 30); // pin_delay_seconds, default 30
        QVERIFY2(mustWait(second->signIn("1001", demoPin(std::string("1001"))), &why), why.c_str());
        QCOMPARE(second->signIn("1002", demoPin(std::string("1002"))).status, 200); // the other tablet is not locked

        // Per device: one wrong PIN each for three people on one tablet locks the tablet.
        auto third = tablet();
        for (const char* number : {"1003", "1004", "1005"})
            QCOMPARE(third->signIn(number, "918273").status, 401);
        QVERIFY2(mustWait(third->signIn("2001", demoPin(std::string("2001"))), &why), why.c_str());
        // None of those people is locked anywhere else.
        QCOMPARE(second->signIn("1003", demoPin(std::string("1003"))).status, 200);

        // An unknown staff number is answered exactly as a wrong PIN: nobody learns who exists.
        auto fourth = tablet();
        const auto unknown = fourth->signIn("7777", "918273");
        const auto wrongPin = fourth->signIn("1002", "918273");
        QCOMPARE(unknown.status, 401);
        QCOMPARE(QString::fromStdString(unknown.body.dump()), QString::fromStdString(wrongPin.body.dump()));
    }

    void theWaitDoublesWithEachFurtherWrongPin() {
        // A company with a one-second delay, capped at four, so real time can show the doubling.
        // `demo-company`, the policy edited, `init --company` (ServerProcess::setPolicy).
        ServerProcess server;
        QVERIFY(server.setPolicy(R"({"pin_delay_seconds": 1, "pin_delay_max_seconds": 4})"));
        QVERIFY(server.start());
        auto tabletOfThatCompany = enrolDevice(server, "staff", {"cm-sunshine"});
        SignedDevice& device = *tabletOfThatCompany;

        for (int i = 0; i < 3; ++i)
            QCOMPARE(device.signIn("1001", "918273").status, 401);
        std::string why;
        // After wrong PIN 3, 4, 5 and 6 the waits are 1, 2, 4 and 4 (the cap) seconds. Each
        // announced wait is more than half its full length (so 1, 2, 4 grow, and the cap holds
        // at 4, not 8), and once waited out the PIN is checked again.
        const int delays[] = {1, 2, 4, 4};
        for (int k = 0; k < 4; ++k) {
            const auto early = device.signIn("1001", demoPin(std::string("1001")));
            QVERIFY2(mustWait(early, &why), why.c_str());
            const int wait = retryAfter(early);
            QVERIFY2(wait <= delays[k] && 2 * wait > delays[k], (std::to_string(wait) + " s").c_str());
            std::this_thread::sleep_for(std::chrono::seconds(wait) + std::chrono::milliseconds(100));
            if (k < 3)
                QCOMPARE(device.signIn("1001", "918273").status, 401); // checked, not refused for waiting
        }
        QCOMPARE(device.signIn("1001", demoPin(std::string("1001"))).status, 200);
        // The right PIN clears the count: one wrong PIN is again just wrong.
        QCOMPARE(device.signIn("1001", "918273").status, 401);
        QCOMPARE(device.signIn("1001", demoPin(std::string("1001"))).status, 200);
        server.terminate();
    }

    void wrongPinsOfflineWaitThenTheTabletForgetsTheSignIn() {
        const auto d = m_server.addDevice("staff", {"cm-sunshine"});
        TestDevice t(m_server.url(), d.token);
        QVERIFY(t.signIn("1004")); // online: the credential is sealed on the tablet
        QVERIFY(t.sync().complete);      // and the company's policy is known
        sync::signOut(t.store());
        const std::string pin = demoPin(std::string("1004")), wrong = "918273";
        Instant now = t.now();
        // The policy's defaults (docs/sync-protocol.md): 3 free, then 30 s doubling, 10 in all.
        const int waits[] = {0, 0, 30, 60, 120, 240, 480, 960, 1920};
        for (int failure = 1; failure <= 9; ++failure) {
            auto r = sync::signInOffline(t.store(), "1004", wrong, now);
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::Unauthenticated);
            const int wait = waits[failure - 1];
            if (wait > 0) {
                // Too early, even with the right PIN; the count survives closing the app.
                if (failure == 3)
                    t.reopen();
                auto early = sync::signInOffline(t.store(), "1004", pin, now + std::chrono::seconds(wait - 1));
                QVERIFY(!early);
                QCOMPARE(early.error().reason, std::string("pin_delay"));
                QCOMPARE(early.error().retryAfterSeconds, 1);
            }
            now += std::chrono::seconds(wait);
        }
        QVERIFY(sync::hasCredential(t.store(), "1004"));
        auto tenth = sync::signInOffline(t.store(), "1004", wrong, now);
        QVERIFY(!tenth);
        QCOMPARE(tenth.error().reason, std::string("credential_forgotten"));
        QVERIFY(!sync::hasCredential(t.store(), "1004"));
        // Even the right PIN cannot open what is gone: only the server can sign 1004 in now.
        auto offline = sync::signInOffline(t.store(), "1004", pin, now);
        QVERIFY(!offline);
        QCOMPARE(offline.error().reason, std::string("online_sign_in_needed"));
        QVERIFY2(t.signIn("1004"), t.lastError().message.c_str());
        QVERIFY(sync::hasCredential(t.store(), "1004"));
    }

    void aPinSetByAnAdministratorReplacesTheOldOneOnlineAndOnASyncedTablet() {
        const auto d = m_server.addDevice("staff", {"cm-sunshine"});
        TestDevice t(m_server.url(), d.token);
        QVERIFY(t.signIn("1005"));
        QVERIFY(t.sync().complete);
        QCOMPARE(m_server.admin({"staff", "pin", "s-1005"}, nullptr, nullptr, QByteArray::fromStdString(kNewPin + "\n")),
                 0);
        auto other = tablet();
        QCOMPARE(other->signIn("1005", demoPin(std::string("1005"))).status, 401); // the old PIN, online
        QCOMPARE(other->signIn("1005", kNewPin).status, 200);

        sync::signOut(t.store());
        QVERIFY(t.sync().complete); // the staff record's new credential epoch arrives …
        QVERIFY(!sync::hasCredential(t.store(), "1005")); // … and the sealed sign-in is forgotten
        auto old = sync::signIn(t.store(), &t.engine(), "1005", demoPin(std::string("1005")), t.now());
        QVERIFY(!old);
        QCOMPARE(old.error().code, ErrorCode::Unauthenticated); // asked online: the old PIN is wrong
        QVERIFY(sync::signIn(t.store(), &t.engine(), "1005", kNewPin, t.now()));
        sync::signOut(t.store());
        QVERIFY(sync::signInOffline(t.store(), "1005", kNewPin, t.now())); // and offline from now on
    }

    void aPinChangedByThePersonWithdrawsTheirSignInOnTheirOtherTablet() {
        const auto a = m_server.addDevice("staff", {"cm-sunshine"}, "tablet A");
        const auto b = m_server.addDevice("staff", {"cm-sunshine"}, "tablet B");
        TestDevice here(m_server.url(), a.token), there(m_server.url(), b.token);
        QVERIFY(here.signIn("1003"));
        QVERIFY(there.signIn("1003"));
        QVERIFY(there.sync().complete);
        // Filed on tablet B under the credential that is about to be withdrawn, not yet sent.
        QVERIFY(there.fileComplaint("cm-sunshine", "Gate bell broken"));
        QVERIFY(sync::changePin(here.store(), here.engine(), "1003", demoPin(std::string("1003")), kNewPin, here.now()));
        QVERIFY(there.sync().complete);
        auto refused = there.store().rejections();
        QVERIFY(refused && refused->size() == 1);
        QCOMPARE(refused->front().error.code, ErrorCode::Unauthenticated);
        QVERIFY2(refused->front().error.message.find("withdrawn") != std::string::npos,
                 refused->front().error.message.c_str());
        QVERIFY(!sync::hasCredential(there.store(), "1003"));
        QVERIFY(!sync::signInOffline(there.store(), "1003", demoPin(std::string("1003")), there.now()));
        QVERIFY(here.sync().complete);
        auto kept = sync::signInOffline(here.store(), "1003", kNewPin, here.now()); // tablet A keeps the new one
        QVERIFY2(kept, kept ? "" : kept.error().message.c_str());
    }

    void aRevokedTabletErasesWhatItHoldsAtItsNextContact() {
        const auto d = m_server.addDevice("staff", {"cm-sunshine"});
        TestDevice t(m_server.url(), d.token);
        QVERIFY(t.signIn("2002"));
        QVERIFY(t.fileComplaint("cm-sunshine", "ZEBRA-7731 sent to the office"));
        QVERIFY(t.sync().complete);
        QVERIFY(t.fileComplaint("cm-sunshine", "ZEBRA-7732 still in the outbox"));
        QVERIFY(*t.store().pendingCount() == 1);
        // Whether any of the database's files holds the bytes.
        auto onDisk = [&](const QByteArray& text) {
            bool found = false;
            for (const char* suffix : {"", "-wal", "-journal"}) {
                QFile f(t.dbPath() + suffix);
                found = found || (f.open(QIODevice::ReadOnly) && f.readAll().contains(text));
            }
            return found;
        };
        QVERIFY(*t.store().count({}) > 150); // the community's units, the staff, the complaints
        QVERIFY(onDisk("ZEBRA-7732") && onDisk("13900000001")); // a unit owner's phone
        QVERIFY(m_server.revoke(d.id));

        QVERIFY(!t.sync().complete); // refused: device_revoked
        QCOMPARE(*t.store().count({}), std::int64_t(0));
        QCOMPARE(*t.store().pendingCount(), std::int64_t(0));
        QVERIFY(!sync::hasCredential(t.store(), "2002"));
        QVERIFY(t.store().state()->token.empty());
        // Nothing of a record's text is left anywhere in the database's files.
        QVERIFY(!onDisk("ZEBRA-77"));
        QVERIFY(!onDisk("13900000001"));
    }

    void cleanupTestCase() { m_server.terminate(); }
};

QTEST_GUILESS_MAIN(PinLockoutTest)
#include "pin_lockout_test.moc"
