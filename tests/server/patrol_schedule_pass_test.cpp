// Issue 14, done-when 3: a patrol schedule produces a missed round when nobody starts it, shown in
// the inbox and in the report — on a real SQLite file and on a real PostgreSQL database of a
// throw-away cluster, through the server's own escalation pass, inbox and report services with a
// controllable clock. The demo's night patrols are due at 22:00 and 02:00 with 30 minutes'
// tolerance (Asia/Shanghai). Before 22:00 the guards of the security department find the round in
// their inbox; at 22:40 the round nobody started is missed and reaches the department head (the
// guard supervisor), the one started in time is running; a second pass changes nothing; a round
// left open past its finish is incomplete; the inspections report counts both; a round walked
// offline and synced late turns the missed round into a kept one; and an expected round the
// schedule no longer has is withdrawn.
#include "server/demo/demo_company.h"
#include "server/reports/report_service.h"
#include "server/service/admin_service.h"
#include "server/service/escalation_service.h"
#include "server/service/inbox_service.h"
#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"
#include "support/engines.h"
#include "support/postgres_cluster.h"
#include "support/signed_device.h"

#include "shared/rules/patrol_schedule.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace courtyard;
using namespace courtyard::server;
using courtyard::test::PostgresCluster;
using courtyard::test::openStore;

namespace {

Instant at(const char* s) { return *parseInstant(s); }

DeviceRow device(const std::string& role, std::vector<std::string> communities) {
    DeviceRow d;
    d.id = "dev-" + role;
    d.roleName = role;
    d.role = role == "supervisor" ? domain::Role::Supervisor : domain::Role::Staff;
    d.communityIds = std::move(communities);
    return d;
}

const Json& section(const Json& report, const std::string& id) {
    for (const auto& s : report["sections"])
        if (s["id"] == id)
            return s;
    qFatal("report has no section %s", id.c_str());
}

std::int64_t tile(const Json& report, const std::string& key) {
    for (const auto& t : section(report, "headline")["tiles"])
        if (t["key"] == key)
            return t["value"].get<std::int64_t>();
    qFatal("report has no tile %s", key.c_str());
}

} // namespace

class PatrolSchedulePassTest : public QObject {
    Q_OBJECT
    PostgresCluster m_cluster;
    QTemporaryDir m_dir;

    Instant m_now{};
    std::unique_ptr<ServerStorage> m_store;
    RulesCache m_rules{std::chrono::seconds{0}};

    Clock clock() {
        return [this] { return m_now; };
    }
    EscalationService::Pass pass() {
        EscalationService escalations(*m_store, m_rules, clock());
        auto p = escalations.runNow();
        if (!p)
            qFatal("pass: %s", p.error().message.c_str());
        return *p;
    }
    Json inbox(const DeviceRow& d, const std::string& staffId) {
        InboxService inboxes(*m_store, clock());
        auto out = inboxes.inboxFor(d, staffId, rules::Policy::defaults());
        if (!out)
            qFatal("inbox: %s", out.error().message.c_str());
        return *out;
    }
    Json report() {
        reports::ReportService service(*m_store, clock());
        reports::ReportRequest r;
        r.kind = "inspections";
        auto out = service.compute(r);
        if (!out)
            qFatal("report: %s", out.error().message.c_str());
        return *out;
    }
    std::optional<domain::PatrolSlot> slot(const std::string& id, bool* deleted = nullptr) {
        std::optional<domain::PatrolSlot> out;
        auto st = m_store->read([&](ReadUnit& u) -> Status {
            auto rec = u.get(id);
            if (!rec)
                return rec.error();
            if (*rec) {
                if (deleted)
                    *deleted = (*rec)->deleted;
                if (auto s = decodeJson<domain::PatrolSlot>((*rec)->body))
                    out = *s;
            }
            return {};
        });
        if (!st)
            qFatal("read: %s", st.error().message.c_str());
        return out;
    }
    void putRound(const std::string& id, const std::string& route, const std::string& community, Instant started,
                  domain::PatrolRoundState state) {
        domain::PatrolRound r;
        r.id = id;
        r.communityId = community;
        r.createdAt = started;
        r.createdBy = "s-1003";
        r.routeId = route;
        r.guardId = "s-1003";
        r.startedAt = started;
        r.state = state;
        QVERIFY(m_store->write([&](WriteUnit& u) -> Status {
            store::StoredRecord rec;
            rec.id = id;
            rec.type = "patrol_round";
            rec.body = r;
            auto v = u.put(std::move(rec));
            return v ? Status{} : Status{v.error()};
        }));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_cluster.start());
    }
    void cleanupTestCase() { m_cluster.stop(); }

    void aRoundNobodyStartsIsMissedInTheInboxAndTheReport_data() {
        QTest::addColumn<QString>("engine");
        QTest::newRow("SQLite") << "sqlite";
        QTest::newRow("PostgreSQL") << "postgresql";
    }
    void aRoundNobodyStartsIsMissedInTheInboxAndTheReport() {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        const std::string where = e == "postgresql" ? m_cluster.createDatabase("patrols").toStdString()
                                                    : m_dir.filePath("patrols.db").toStdString();
        auto opened = openStore(e, where);
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        m_store = std::move(*opened);
        m_now = at("2026-03-20T12:00:00+08:00");
        QVERIFY(importCompany(*m_store, demoCompany(), clock(), {1024, 1}));

        // Noon: the evening's 22:00 rounds of both communities are created ahead; 02:00 is more
        // than 12 hours away.
        auto p = pass();
        QCOMPARE(p.patrols.created, 2);
        const Instant ten = at("2026-03-20T22:00:00+08:00");
        const std::string sunshine = rules::slotId("route-sunshine", ten);
        const std::string jade = rules::slotId("route-jadelake", ten);
        QCOMPARE(slot(sunshine)->status, domain::PatrolSlotStatus::Expected);
        QCOMPARE(slot(jade)->departmentId, std::string("d-sec"));

        // 21:45: Zhao Gang, a guard at Sunshine, is told to walk it; his supervisor is not told yet.
        m_now = at("2026-03-20T21:45:00+08:00");
        const auto guardDevice = device("staff", {"cm-sunshine"});
        const auto supervisorDevice = device("supervisor", {"cm-sunshine", "cm-jadelake"});
        const Json walk = test::inboxItemOf(inbox(guardDevice, "s-1003"), sunshine);
        QVERIFY2(!walk.is_null(), "the guard's inbox has the round due");
        QCOMPARE(walk["action"].get<std::string>(), std::string("patrol"));
        QCOMPARE(walk["reason"].get<std::string>(), std::string("due_soon"));
        QVERIFY(test::inboxItemOf(inbox(supervisorDevice, "s-2003"), sunshine).is_null());

        // He starts Sunshine's round at 22:10; nobody starts Jade Lake's.
        putRound("round-1", "route-sunshine", "cm-sunshine", at("2026-03-20T22:10:00+08:00"),
                 domain::PatrolRoundState::InProgress);
        m_now = at("2026-03-20T22:40:00+08:00");
        p = pass();
        QCOMPARE(p.patrols.judged, 2);
        QCOMPARE(p.patrols.created, 2); // the 02:00 rounds are now within 12 hours
        QCOMPARE(slot(jade)->status, domain::PatrolSlotStatus::Missed);
        QCOMPARE(slot(sunshine)->status, domain::PatrolSlotStatus::Started);
        QCOMPARE(slot(sunshine)->roundId, std::string("round-1"));
        // The pass is idempotent: a second one in the same minute writes nothing.
        p = pass();
        QCOMPARE(p.patrols.created + p.patrols.judged + p.patrols.withdrawn, 0);

        // Huang Lei, head of security (the guard supervisor), finds the missed round.
        const Json missed = test::inboxItemOf(inbox(supervisorDevice, "s-2003"), jade);
        QVERIFY2(!missed.is_null(), "the guard supervisor's inbox has the missed round");
        QCOMPARE(missed["reason"].get<std::string>(), std::string("overdue"));
        QCOMPARE(missed["key"].get<std::string>(), std::string("overdue.missed"));
        QCOMPARE(missed["state"].get<std::string>(), std::string("missed"));
        QCOMPARE(missed["record_type"].get<std::string>(), std::string("patrol_slot"));
        QVERIFY(test::inboxItemOf(inbox(supervisorDevice, "s-2003"), sunshine).is_null()); // it is running
        // The customer-service head (another department) is not told.
        QVERIFY(test::inboxItemOf(inbox(supervisorDevice, "s-2001"), jade).is_null());

        // 00:30: Sunshine's round is still open past its finish: incomplete.
        m_now = at("2026-03-21T00:30:00+08:00");
        p = pass();
        QCOMPARE(slot(sunshine)->status, domain::PatrolSlotStatus::Incomplete);
        QCOMPARE(test::inboxItemOf(inbox(supervisorDevice, "s-2003"), sunshine)["key"].get<std::string>(),
                 std::string("overdue.incomplete"));

        // The inspections report of the month counts the scheduled rounds as the pass judged them.
        Json r = report();
        const Json& rows = section(r, "scheduled_rounds")["rows"];
        QCOMPARE(rows.size(), std::size_t(2)); // route-jadelake, route-sunshine (by id)
        QCOMPARE(rows[0]["scheduled"].get<int>(), 1);
        QCOMPARE(rows[0]["missed_rounds"].get<int>(), 1);
        QCOMPARE(rows[1]["incomplete"].get<int>(), 1);
        QCOMPARE(rows[1]["missed_rounds"].get<int>(), 0);
        QCOMPARE(tile(r, "missed_rounds"), std::int64_t(1));

        // A guard walked Jade Lake's round offline from 22:05 and syncs at 06:00: it was kept.
        putRound("round-2", "route-jadelake", "cm-jadelake", at("2026-03-20T22:05:00+08:00"),
                 domain::PatrolRoundState::Completed);
        m_now = at("2026-03-21T06:00:00+08:00");
        p = pass();
        QCOMPARE(slot(jade)->status, domain::PatrolSlotStatus::Completed);
        QVERIFY(test::inboxItemOf(inbox(supervisorDevice, "s-2003"), jade).is_null());
        // Nobody walked the 02:00 rounds: both missed. The report now counts those two, and not
        // Jade Lake's 22:00 round any more.
        QCOMPARE(slot(rules::slotId("route-jadelake", at("2026-03-21T02:00:00+08:00")))->status,
                 domain::PatrolSlotStatus::Missed);
        r = report();
        const Json& after = section(r, "scheduled_rounds")["rows"];
        QCOMPARE(after[0]["scheduled"].get<int>(), 2);
        QCOMPARE(after[0]["completed"].get<int>(), 1);
        QCOMPARE(after[0]["missed_rounds"].get<int>(), 1);
        QCOMPARE(tile(r, "missed_rounds"), std::int64_t(2));

        // Noon on the 21st: the evening's rounds are created; then the office moves Jade Lake's
        // patrol to 02:00 only, and its 22:00 round, not yet due, is withdrawn (deleted, so every
        // device drops it); Sunshine's stays.
        m_now = at("2026-03-21T12:00:00+08:00");
        QCOMPARE(pass().patrols.created, 2);
        const Instant tonight = at("2026-03-21T22:00:00+08:00");
        QVERIFY(m_store->write([&](WriteUnit& u) -> Status {
            auto rec = u.get("route-jadelake");
            if (!rec || !*rec)
                return internalError("no route");
            store::StoredRecord route = **rec;
            route.body["schedule"]["times"] = Json::array({"02:00"});
            route.index.reset();
            route.encodedBody.reset();
            route.rawBody.clear();
            auto v = u.put(std::move(route));
            return v ? Status{} : Status{v.error()};
        }));
        p = pass();
        QCOMPARE(p.patrols.withdrawn, 1);
        bool deleted = false;
        slot(rules::slotId("route-jadelake", tonight), &deleted);
        QVERIFY(deleted);
        QCOMPARE(slot(rules::slotId("route-sunshine", tonight))->status, domain::PatrolSlotStatus::Expected);

        // The office deletes Sunshine's route: its round tonight is withdrawn too, and no pass
        // creates it again; the rounds it already had stay, as judged, for the report.
        QVERIFY(m_store->write([&](WriteUnit& u) -> Status {
            auto rec = u.get("route-sunshine");
            if (!rec || !*rec)
                return internalError("no route");
            store::StoredRecord route = **rec;
            route.deleted = true;
            route.index.reset();
            route.encodedBody.reset();
            route.rawBody.clear();
            auto v = u.put(std::move(route));
            return v ? Status{} : Status{v.error()};
        }));
        p = pass();
        QCOMPARE(p.patrols.withdrawn, 1);
        QCOMPARE(p.patrols.created, 0);
        deleted = false;
        slot(rules::slotId("route-sunshine", tonight), &deleted);
        QVERIFY(deleted);
        bool judgedDeleted = true;
        QVERIFY(slot(sunshine, &judgedDeleted));
        QVERIFY(!judgedDeleted);
        p = pass();
        QCOMPARE(p.patrols.created + p.patrols.judged + p.patrols.withdrawn, 0);
    }
};

QTEST_GUILESS_MAIN(PatrolSchedulePassTest)
#include "patrol_schedule_pass_test.moc"
