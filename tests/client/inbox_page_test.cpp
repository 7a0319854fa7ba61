// Issue 14, done-when 1, against the real courtyard-server on 127.0.0.1: two tablets. On tablet A
// (an in-process device) the duty clerk files a complaint and answers it on the spot. Tablet B
// (the app's controllers and its real pages offscreen) is the customer-service head's: after one
// sync, "My work" lists the answer to take note of, a banner says a new item came, and the
// navigation counts it. The head raises its grade to 3 (it reached the media) and opens it
// (seen), and syncs. Then every position grade 3 names finds it in the server's inbox
// (GET /v1/inbox) and, after one sync, in tablet A's own prediction; the GM, whom grade 3 does
// not name, does not. The head's seen mark reached the server and tablet A. A kiosk has no
// inbox, and nobody's inbox is read without their proof.
#include "client/inbox_model.h"
#include "client_fixture.h"
#include "page_helpers.h"
#include "support/signed_device.h"
#include "support/test_device.h"
#include "sync/client/device_inbox.h"

#include <QtQuickTest/quicktest.h>

using namespace courtyard;
using namespace courtyard::test;

namespace {

std::optional<rules::InboxItem> deviceItem(TestDevice& d, const std::string& recordId) {
    auto items = sync::deviceInbox(d.store(), d.actor(), d.now());
    if (!items)
        return std::nullopt;
    for (const auto& i : *items)
        if (i.recordId == recordId)
            return i;
    return std::nullopt;
}

} // namespace

class InboxPageTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<TestDevice> m_a;
    Enrolled m_b;

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        const auto a = m_server.addDevice("staff", {"cm-sunshine"}, "tablet A");
        m_b = m_server.addDevice("supervisor", {"cm-sunshine"}, "tablet B");
        QVERIFY(m_server.start());
        m_a = std::make_unique<TestDevice>(m_server.url(), a.token);
        QVERIFY(m_a->sync().complete);
    }

    void aGradeThreeComplaintReachesEveryoneItsGradeNamesAfterOneSyncEach() {
        // Tablet B: the customer-service head signed in, "My work" on the screen.
        ClientDevice b(false, m_server.url(), m_b.token);
        QVERIFY(b.syncNow());
        QVERIFY(b.signIn("2001"));
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 900});
        QVERIFY(window);
        QVERIFY(QTest::qWaitFor([&] { return findNamed(window->contentItem(), "inboxCounts") != nullptr; }, 10000));
        QVERIFY(!findNamed(window->contentItem(), "inboxBanner"));

        // Tablet A: the duty clerk takes the complaint and answers it on the spot.
        QVERIFY(m_a->signIn("1001"));
        auto filed = m_a->fileComplaint("cm-sunshine", "Lobby door closer broken, reporter from the evening paper");
        QVERIFY(filed);
        const std::string id = *filed;
        QVERIFY(m_a->store().transition(id, "answer_on_spot", Json{{"reply", "Adjusted the closer at once"}},
                                        m_a->actor(), m_a->now()));
        QVERIFY(m_a->sync().complete);

        // One sync on B: the answer to take note of, in the list, the banner and the count.
        QVERIFY(b.syncNow());
        const QString item = "inboxItem-" + QString::fromStdString(id);
        QQuickItem* row = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (row = findNamed(window->contentItem(), item)) != nullptr; }, 10000));
        auto* reason = findVisible(row, [](QQuickItem* i) { return i->objectName() == "inboxReason"; });
        QVERIFY(reason);
        QVERIFY2(reason->property("text").toString().startsWith("Answered on the spot"),
                 qPrintable(reason->property("text").toString()));
        QVERIFY(reason->property("text").toString().contains("new"));
        auto* action = findVisible(row, [](QQuickItem* i) { return i->objectName() == "inboxAction"; });
        QVERIFY(action);
        QCOMPARE(action->property("text").toString(), QString("To do: Take note"));
        // The banner shows on its own turn of the event loop, not always with the row: wait for
        // it as for the row (under load it came later and the test failed).
        QQuickItem* banner = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (banner = findNamed(window->contentItem(), "inboxBannerText")) != nullptr; }, 10000));
        QVERIFY2(banner->property("text").toString().startsWith("New in your inbox (1): Lobby door closer"),
                 qPrintable(banner->property("text").toString()));
        auto* nav = findNamed(window->contentItem(), "section-work");
        QVERIFY(nav);
        QCOMPARE(nav->property("text").toString(), QString("My work (1 new)"));

        client::InboxModel inbox;
        inbox.reload();
        const auto rows = inbox.rows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].reason, QString("on_the_spot"));
        QCOMPARE(rows[0].itemKey, QString("on_the_spot"));
        QCOMPARE(rows[0].recordId, QString::fromStdString(id));
        QVERIFY(!rows[0].seen);
        QCOMPARE(inbox.unseenCount(), 1);

        // The head learns it reached the media: grade 3. Opening the item marks it seen.
        QVERIFY(b.app->store().transition(id, "regrade", Json{{"reach", "media"}}, b.app->actor(), b.app->clock()));
        b.app->notifyRecordsChanged();
        // The page reloads its list on a queued call and lays it out on a later polish. Tap only
        // the row of the reloaded list (it shows grade 3), once laid out: a tap at the place of a
        // row not yet laid out, or about to be replaced, was lost (the test then failed after ten
        // seconds, under load).
        QVERIFY(QTest::qWaitFor(
            [&] {
                row = findNamed(window->contentItem(), item);
                return row && row->property("grade").toInt() == 3 && pagesSettled(window)
                       && !QQuickTest::qIsPolishScheduled(window);
            },
            10000));
        tap(row);
        QVERIFY(QTest::qWaitFor([&] { inbox.reload(); return inbox.unseenCount() == 0; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return nav->property("text").toString() == "My work"; }, 10000));
        QVERIFY(b.syncNow());

        // The server's inbox of each person, proven by their own credential.
        auto office = enrolDevice(m_server, "manager", {"cm-sunshine"}, {"2001", "2010", "3001", "3002", "3003"});
        QVERIFY(office);
        for (const char* who : {"s-2010", "s-3001", "s-3002"}) {
            const auto answer = office->getAs(who, "/v1/inbox");
            QCOMPARE(answer.status, 200);
            const Json i = inboxItemOf(answer.body, id);
            QVERIFY2(i.is_object(), who);
            QCOMPARE(i.value("reason", ""), std::string("grade"));
            QCOMPARE(i.value("key", ""), std::string("grade.3"));
            QCOMPARE(i.value("action", ""), std::string("take_note"));
            QCOMPARE(i.value("seen", true), false);
        }
        QVERIFY(inboxItemOf(office->getAs("s-3003", "/v1/inbox").body, id).is_null()); // grade 3 spares the GM
        const Json head = inboxItemOf(office->getAs("s-2001", "/v1/inbox").body, id);
        QCOMPARE(head.value("reason", ""), std::string("on_the_spot"));
        QCOMPARE(head.value("seen", false), true); // B's mark reached the server

        // Tablet A predicts the same after one sync, for each person who signs in on it.
        QVERIFY(m_a->sync().complete);
        for (const char* number : {"2010", "3001", "3002"}) {
            QVERIFY(m_a->signIn(number));
            const auto predicted = deviceItem(*m_a, id);
            QVERIFY2(predicted, number);
            QCOMPARE(predicted->reason, rules::InboxReason::Grade);
            QCOMPARE(predicted->key, std::string("grade.3"));
            QVERIFY(!predicted->seen);
        }
        QVERIFY(m_a->signIn("3003"));
        QVERIFY(!deviceItem(*m_a, id));
        // And the head's seen mark, made on B, shows on A.
        QVERIFY(m_a->signIn("2001"));
        const auto heads = deviceItem(*m_a, id);
        QVERIFY(heads);
        QCOMPARE(heads->reason, rules::InboxReason::OnTheSpot);
        QVERIFY(heads->seen);
        // The clerk who answered has the follow-up visit to make.
        QVERIFY(m_a->signIn("1001"));
        QCOMPARE(deviceItem(*m_a, id)->reason, rules::InboxReason::VisitDue);
    }

    void anInboxIsReadOnlyForAProvenPersonAndNeverAtAKiosk() {
        auto kiosk = enrolDevice(m_server, "kiosk", {"cm-sunshine"});
        QVERIFY(kiosk);
        const auto atKiosk = kiosk->get("/v1/inbox");
        QCOMPARE(atKiosk.status, 403);
        QCOMPARE(atKiosk.errorCode(), std::string("permission_denied"));
        auto tablet = enrolDevice(m_server, "staff", {"cm-sunshine"}, {"1001"});
        QVERIFY(tablet);
        QCOMPARE(tablet->get("/v1/inbox").status, 401); // no X-Courtyard-Actor: nobody proven
        QCOMPARE(tablet->getAs("s-1001", "/v1/inbox").status, 200);
        QCOMPARE(tablet->postJson("/v1/inbox", Json{{"schema", 2}}).status, 405);
    }
};

QTEST_MAIN(InboxPageTest)
#include "inbox_page_test.moc"
