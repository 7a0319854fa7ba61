// Issue 14, done-when 3, end to end: a scheduled patrol round nobody started reaches the guard
// supervisor through the real courtyard-server on 127.0.0.1 and the real "My work" page
// offscreen. Before the server starts, its escalation pass runs twice over its SQLite file with
// the clock set two hours back and then now, against a schedule put two hours before now: the
// round is created while its start window is open, then judged missed. Huang Lei, head of
// security, signs in on a supervisor tablet: after one sync "My work" lists the missed round
// (overdue, take note); tapping it marks it seen and stays on the list (there is no record to
// open). The server's inbox and the inspections report say the same.
#include "client/inbox_model.h"
#include "client_fixture.h"
#include "page_helpers.h"
#include "server/service/escalation_service.h"
#include "server/storage/sqlite_storage.h"
#include "shared/rules/patrol_schedule.h"
#include "support/signed_device.h"

using namespace courtyard;
using namespace courtyard::test;

namespace {

Instant systemNow() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }

} // namespace

class PatrolInboxPageTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    Enrolled m_tablet;
    std::string m_slot;

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        QVERIFY2(m_server.store().isEmpty(), "this test seeds the server's SQLite file");
        m_tablet = m_server.addDevice("supervisor", {"cm-sunshine"}, "guard supervisor's tablet");

        // Sunshine's night patrol, moved to two hours ago (local time), with 30 minutes' grace.
        const Instant now = systemNow();
        const Instant due = now - std::chrono::hours{2};
        const auto& calendar = rules::Calendar::chinaDefault();
        auto storage = server::SqliteStorage::open(m_server.dataDir().toStdString() + "/courtyard.db",
                                                   server::SqliteStorageOptions{1});
        QVERIFY2(storage, storage ? "" : storage.error().message.c_str());
        QVERIFY((*storage)->write([&](server::WriteUnit& u) -> Status {
            auto rec = u.get("route-sunshine");
            if (!rec || !*rec)
                return internalError("the demo has no route-sunshine");
            store::StoredRecord route = **rec;
            route.body["schedule"] = {{"times", {formatClockTime(calendar.localMinutes(due))}},
                                      {"tolerance_minutes", 30}};
            route.index.reset();
            route.encodedBody.reset();
            route.rawBody.clear();
            auto v = u.put(std::move(route));
            return v ? Status{} : Status{v.error()};
        }));
        const Instant dueMinute = calendar.toInstant(calendar.localDate(due), calendar.localMinutes(due));
        m_slot = rules::slotId("route-sunshine", dueMinute);

        Instant clock = due - std::chrono::minutes{10};
        server::RulesCache rulesCache{std::chrono::seconds{0}};
        server::EscalationService pass(**storage, rulesCache, [&clock] { return clock; });
        auto created = pass.runNow();
        QVERIFY(created);
        QVERIFY(created->patrols.created >= 1);
        clock = now;
        auto judged = pass.runNow();
        QVERIFY(judged);
        QVERIFY(judged->patrols.judged >= 1);
        storage->reset(); // closed before the server opens the file
        QVERIFY(m_server.start());
    }

    void aMissedRoundReachesTheGuardSupervisorsInbox() {
        ClientDevice tablet(false, m_server.url(), m_tablet.token);
        QVERIFY(tablet.syncNow());
        QVERIFY(tablet.signIn("2003")); // 黄磊 Huang Lei, head of security
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 900});
        QVERIFY(window);

        const QString name = "inboxItem-" + QString::fromStdString(m_slot);
        QQuickItem* row = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (row = findNamed(window->contentItem(), name)) != nullptr; }, 10000));
        auto* reason = findVisible(row, [](QQuickItem* i) { return i->objectName() == "inboxReason"; });
        QVERIFY(reason);
        QVERIFY2(reason->property("text").toString().startsWith("Overdue"), qPrintable(reason->property("text").toString()));
        auto* action = findVisible(row, [](QQuickItem* i) { return i->objectName() == "inboxAction"; });
        QVERIFY(action);
        QCOMPARE(action->property("text").toString(), QString("To do: Take note"));
        QCOMPARE(row->property("title").toString(), QString("夜间巡逻 Night patrol"));
        QCOMPARE(row->property("recordType").toString(), QString("patrol_slot"));

        // Tapped: seen, and the list stays (nothing to open).
        client::InboxModel inbox;
        inbox.reload();
        const int unseen = inbox.unseenCount();
        QVERIFY(unseen >= 1);
        tap(row);
        QVERIFY(QTest::qWaitFor([&] { inbox.reload(); return inbox.unseenCount() == unseen - 1; }, 10000));
        QTest::qWait(500); // a page pushed now would have covered the list (StackView hides it)
        QVERIFY(QTest::qWaitFor([&] { return pagesSettled(window); }, 5000));
        row = findNamed(window->contentItem(), name);
        QVERIFY(row && row->isVisible());
        QVERIFY(tablet.syncNow());

        // The server says the same: the missed round, seen; and the inspections report counts it.
        auto office = enrolDevice(m_server, "supervisor", {"cm-sunshine"}, {"2003"});
        QVERIFY(office);
        const auto answer = office->getAs("s-2003", "/v1/inbox");
        QCOMPARE(answer.status, 200);
        Json item;
        for (const auto& i : answer.body.value("items", Json::array()))
            if (i.value("record_id", "") == m_slot)
                item = i;
        QVERIFY2(item.is_object(), answer.body.dump().c_str());
        QCOMPARE(item.value("key", ""), std::string("overdue.missed"));
        QCOMPARE(item.value("seen", false), true);
        const auto report = office->getAs("s-2003", "/v1/reports/inspections?scope=community&id=cm-sunshine");
        QCOMPARE(report.status, 200);
        std::int64_t missed = -1;
        for (const auto& s : report.body["sections"])
            if (s.value("id", "") == "headline")
                for (const auto& t : s["tiles"])
                    if (t.value("key", "") == "missed_rounds")
                        missed = t.value("value", std::int64_t(-1));
        QVERIFY2(missed >= 1, report.body.dump().substr(0, 400).c_str());
    }
};

QTEST_MAIN(PatrolInboxPageTest)
#include "patrol_inbox_page_test.moc"
