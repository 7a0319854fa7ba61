// Issue 14: a complaint that reached the government is followed to the end by a named leader,
// against the real courtyard-server on 127.0.0.1 and the real pages offscreen. The duty clerk
// files it on tablet A (an in-process device). On tablet B the deputy GM (马骏, s-3002) finds it in
// "My work" after one sync — no leader yet, name one — and the record page offers the step
// (it does not on a complaint by phone); he names the customer-service head (刘洋, s-2001) through
// the step dialog and syncs. The server's inbox then has it for her, at every state it reaches,
// and no longer for the deputy GM or the GM; the annual complaint summary lists it with her
// name. A device that pushes the step for a complaint by phone is refused and nothing changes.
#include "client/inbox_model.h"
#include "client/intake_controller.h"
#include "client/record_controller.h"
#include "client_fixture.h"
#include "page_helpers.h"
#include "support/signed_device.h"
#include "support/test_device.h"

using namespace courtyard;
using namespace courtyard::test;

namespace {

const Json* section(const Json& report, const std::string& id) {
    const auto sections = report.find("sections");
    if (sections == report.end() || !sections->is_array())
        return nullptr;
    for (const auto& s : *sections)
        if (s.value("id", "") == id)
            return &s;
    return nullptr;
}

} // namespace

class OutsideComplaintTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<TestDevice> m_a;
    Enrolled m_b;

    Result<std::string> file(const std::string& channel, const std::string& content) {
        return m_a->store().create("complaint",
                                   Json{{"community_id", "cm-sunshine"},
                                        {"channel", channel},
                                        {"category", "housing"},
                                        {"content", content},
                                        {"received_at", formatInstant(m_a->now())}},
                                   m_a->actor(), m_a->now());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        const auto a = m_server.addDevice("staff", {"cm-sunshine"}, "tablet A");
        m_b = m_server.addDevice("manager", {"cm-sunshine"}, "tablet B");
        QVERIFY(m_server.start());
        m_a = std::make_unique<TestDevice>(m_server.url(), a.token);
        QVERIFY(m_a->sync().complete);
    }

    void aComplaintFromTheGovernmentIsFollowedByItsLeaderToTheEnd() {
        QVERIFY(m_a->signIn("1001"));
        auto filed = file("government", "District office forwards: the east gate barrier is broken again");
        QVERIFY2(filed, filed ? "" : filed.error().message.c_str());
        const std::string id = *filed;
        auto byPhone = file("phone", "Corridor light out on floor 3");
        QVERIFY(byPhone);
        QVERIFY(m_a->sync().complete);

        // Tablet B: the deputy GM signed in, "My work" on the screen.
        ClientDevice b(false, m_server.url(), m_b.token);
        QVERIFY(b.syncNow());
        QVERIFY(b.signIn("3002"));
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400});
        QVERIFY(window);
        const QString itemName = "inboxItem-" + QString::fromStdString(id);
        QQuickItem* row = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (row = findNamed(window->contentItem(), itemName)) != nullptr; }, 10000));
        auto* reason = findVisible(row, [](QQuickItem* i) { return i->objectName() == "inboxReason"; });
        QVERIFY(reason);
        QVERIFY2(reason->property("text").toString().startsWith("An outside complaint without a responsible leader"),
                 qPrintable(reason->property("text").toString()));
        auto* action = findVisible(row, [](QQuickItem* i) { return i->objectName() == "inboxAction"; });
        QVERIFY(action);
        QCOMPARE(action->property("text").toString(), QString("To do: Name the leader who follows it to the end"));
        // The complaint by phone is nobody's to follow: not in his list.
        QVERIFY(!findNamed(window->contentItem(), "inboxItem-" + QString::fromStdString(*byPhone)));

        // The record page offers the step for the one from outside only.
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", QString::fromStdString(*byPhone)}}));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(window->contentItem(), "action_cancel") != nullptr; }, 5000));
        QVERIFY(!findNamed(window->contentItem(), "action_name_leader"));
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", QString::fromStdString(id)}}));
        QQuickItem* nameLeader = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (nameLeader = findNamed(window->contentItem(), "action_name_leader")) != nullptr; }, 5000));
        QVERIFY(nameLeader->isVisible());

        // He names the customer-service head through the step's dialog: the people it offers are
        // supervisors and managers.
        auto* dialog = window->findChild<QObject*>("actionDialog");
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QVariant, "name_leader"));
        QQuickItem* leader = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (leader = findNamed(window->contentItem(), "choices_leader_id")) != nullptr; }, 5000));
        const QStringList offered = leader->property("options").toStringList();
        QVERIFY2(offered.contains("s-2001") && offered.contains("s-3003"), qPrintable(offered.join(",")));
        QVERIFY(!offered.contains("s-1001")); // a clerk does not lead
        QMetaObject::invokeMethod(leader, "chosen", Q_ARG(QString, "s-2001"));
        QMetaObject::invokeMethod(dialog, "submit");
        QVERIFY2(dialog->property("error").toString().isEmpty(), qPrintable(dialog->property("error").toString()));
        client::RecordController rc;
        rc.setRecordId(QString::fromStdString(id));
        QCOMPARE(rc.view().leaderId, QString("s-2001"));
        QVERIFY(!rc.availableActions().isEmpty());

        // Filed on the tablet with its leader named at once (the intake page's leader field);
        // a leader for a complaint by phone is refused there, before anything is stored.
        client::IntakeController intake;
        const QVariantMap media{{"channel", "media"}, {"leader_id", "s-3003"}, {"category", "security"},
                                {"content", "Evening paper: the north gate is left open at night"}};
        const QString mediaId = intake.createComplaint(media);
        QVERIFY2(!mediaId.isEmpty(), qPrintable(intake.lastError()));
        rc.setRecordId(mediaId);
        QCOMPARE(rc.view().leaderId, QString("s-3003"));
        QVariantMap phone = media;
        phone["channel"] = "phone";
        QVERIFY(intake.createComplaint(phone).isEmpty());
        QVERIFY2(intake.lastError().contains("leader_id"), qPrintable(intake.lastError()));
        QVERIFY(b.syncNow());

        // The server: hers now, at the state it is in; no longer the deputy GM's or the GM's.
        auto office = enrolDevice(m_server, "manager", {"cm-sunshine"}, {"2001", "3002", "3003"});
        QVERIFY(office);
        const auto hers = [&] { return inboxItemOf(office->getAs("s-2001", "/v1/inbox").body, id); };
        Json i = hers();
        QVERIFY(i.is_object());
        QCOMPARE(i.value("reason", ""), std::string("leader"));
        QCOMPARE(i.value("action", ""), std::string("take_note"));
        QCOMPARE(i.value("key", ""), std::string("leader.received"));
        QVERIFY(inboxItemOf(office->getAs("s-3002", "/v1/inbox").body, id).is_null());
        QVERIFY(inboxItemOf(office->getAs("s-3003", "/v1/inbox").body, id).is_null());
        const Json gms = inboxItemOf(office->getAs("s-3003", "/v1/inbox").body, mediaId.toStdString());
        QCOMPARE(gms.value("reason", ""), std::string("leader")); // the one the GM leads

        // The deputy GM accepts it and gives it to engineering: a new item for her, at its new state.
        QVERIFY(b.app->store().transition(id, "accept", Json{{"handler_id", "s-1002"}, {"department_id", "d-eng"}},
                                          b.app->actor(), b.app->clock()));
        QVERIFY(b.syncNow());
        i = hers();
        QCOMPARE(i.value("reason", ""), std::string("leader"));
        QCOMPARE(i.value("key", ""), std::string("leader.handling"));
        QCOMPARE(i.value("seen", true), false);

        // The annual complaint summary lists it, with who follows it.
        const std::string year = formatInstant(m_a->now()).substr(0, 4);
        const auto report = office->getAs("s-3003", "/v1/reports/annual_complaints?period=" + year);
        QCOMPARE(report.status, 200);
        const Json* outside = section(report.body, "outside_complaints");
        QVERIFY(outside);
        bool listed = false;
        for (const auto& r : (*outside)["rows"])
            if (r.value("id", "") == id) {
                listed = true;
                QCOMPARE(r.value("leader", ""), std::string("刘洋 Liu Yang"));
                QCOMPARE(r.value("channel", ""), std::string("Via the government"));
            }
        QVERIFY(listed);
    }

    void aLeaderForAComplaintByPhoneIsRefusedAndChangesNothing() {
        QVERIFY(m_a->signIn("1001"));
        auto byPhone = file("phone", "Bins not emptied");
        QVERIFY(byPhone);
        QVERIFY(m_a->sync().complete);
        auto office = enrolDevice(m_server, "manager", {"cm-sunshine"}, {"3003"});
        QVERIFY(office);
        const Json op{{"kind", "transition"},
                      {"type", "complaint"},
                      {"id", *byPhone},
                      {"at", formatInstant(m_a->now())},
                      {"actor", "s-3003"},
                      {"action", "name_leader"},
                      {"params", {{"leader_id", "s-3003"}}}};
        const auto answer = office->push(Json::array({op}));
        QCOMPARE(answer.status, 200);
        const Json& result = answer.body["results"][0];
        QCOMPARE(result.value("status", ""), std::string("rejected"));
        QCOMPARE(result["error"].value("code", ""), std::string("failed_precondition"));
        QVERIFY2(result["error"].value("message", "").starts_with("leader_id:"), result.dump().c_str());
        // Nothing changed: the complaint has no leader on the server.
        bool seen = false;
        for (const auto& change : office->pullAll())
            if (change.value("id", "") == *byPhone) {
                seen = true;
                QVERIFY(!change["record"].contains("leader_id"));
                QCOMPARE(change["record"].value("state", ""), std::string("received"));
            }
        QVERIFY(seen);
    }
};

QTEST_MAIN(OutsideComplaintTest)
#include "outside_complaint_test.moc"
