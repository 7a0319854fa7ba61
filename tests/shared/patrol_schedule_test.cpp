// Scheduled patrol rounds (rules/patrol_schedule.h), with times in the community's local time
// (Asia/Shanghai, 2026): which instants a schedule names (days of the week, a local day that
// straddles UTC midnight); how an expected round is judged against the rounds devices synced —
// missed, started, completed, incomplete (abandoned, or still open past its finish), a round
// synced late turning a missed round back into a kept one, one round fulfilling one expected
// round only; a schedule that does not make sense is refused with the field; and who finds an
// expected round in their inbox (rules/inbox.h): the route department's staff before it, its head
// when it was missed or left incomplete, nobody else, and nobody after two days.
#include "shared/domain/patrol.h"
#include "shared/records/record_type.h"
#include "shared/rules/inbox.h"
#include "shared/rules/patrol_schedule.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::rules;
using domain::PatrolRound;
using domain::PatrolRoundState;
using domain::PatrolSlot;
using domain::PatrolSlotStatus;
using domain::Position;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

Instant at(const char* s) { return *parseInstant(s); }

domain::PatrolRoute route(std::vector<int> weekdays = {}) {
    domain::PatrolRoute r;
    r.id = "route-1";
    r.communityId = "cm-1";
    r.name = "夜间巡逻 Night patrol";
    r.departmentId = "d-sec";
    for (int i = 0; i < 3; ++i)
        r.checkpoints.push_back({"cp-" + std::to_string(i), "cp", "", "code-" + std::to_string(i), i * 20, 10});
    r.schedule = domain::PatrolSchedule{{22 * 60, 2 * 60}, std::move(weekdays), 30};
    return r;
}

PatrolRound patrolRound(const char* id, const char* started, PatrolRoundState state = PatrolRoundState::InProgress) {
    PatrolRound r;
    r.id = id;
    r.communityId = "cm-1";
    r.routeId = "route-1";
    r.guardId = "s-1003";
    r.startedAt = at(started);
    r.state = state;
    return r;
}

std::vector<PatrolSlot> slotsOf(const domain::PatrolRoute& r, Instant from, Instant to) {
    std::vector<PatrolSlot> out;
    for (Instant t : scheduledTimes(r, Calendar::chinaDefault(), from, to))
        out.push_back(expectedSlot(r, t));
    return out;
}

} // namespace

class PatrolScheduleTest : public QObject {
    Q_OBJECT
private slots:
    void aScheduleNamesItsLocalTimesOnItsDays() {
        // 2026-03-20 is a Friday. 22:00 and 02:00 Shanghai are 14:00Z and 18:00Z the day before.
        const auto every = scheduledTimes(route(), Calendar::chinaDefault(), at("2026-03-20T00:00:00+08:00"),
                                          at("2026-03-22T00:00:00+08:00"));
        QCOMPARE(every.size(), std::size_t(4));
        QVERIFY(every[0] == at("2026-03-19T18:00:00Z")); // Fri 02:00
        QVERIFY(every[1] == at("2026-03-20T14:00:00Z")); // Fri 22:00
        QVERIFY(every[3] == at("2026-03-21T14:00:00Z")); // Sat 22:00
        // Weekdays only (Monday to Friday): Saturday's times are not due.
        const auto weekdays = scheduledTimes(route({1, 2, 3, 4, 5}), Calendar::chinaDefault(),
                                             at("2026-03-20T00:00:00+08:00"), at("2026-03-22T00:00:00+08:00"));
        QCOMPARE(weekdays.size(), std::size_t(2));
        // [from, to): the end is not included; an inactive route or one without a schedule has none.
        QCOMPARE(scheduledTimes(route(), Calendar::chinaDefault(), at("2026-03-20T21:00:00+08:00"),
                                at("2026-03-20T22:00:00+08:00"))
                     .size(),
                 std::size_t(0));
        auto inactive = route();
        inactive.active = false;
        QVERIFY(scheduledTimes(inactive, Calendar::chinaDefault(), every.front(), every.back()).empty());
        auto unscheduled = route();
        unscheduled.schedule.reset();
        QVERIFY(scheduledTimes(unscheduled, Calendar::chinaDefault(), every.front(), every.back()).empty());
    }

    void anExpectedRoundHasItsWindows() {
        const auto s = expectedSlot(route(), at("2026-03-20T22:00:00+08:00"));
        QCOMPARE(s.id, slotId("route-1", at("2026-03-20T22:00:00+08:00")));
        QCOMPARE(s.status, PatrolSlotStatus::Expected);
        QCOMPARE(s.startBy, at("2026-03-20T22:30:00+08:00"));
        // The last checkpoint is due 40 minutes in, with 10 minutes' tolerance; then 30 more.
        QCOMPARE(s.finishBy, at("2026-03-20T23:50:00+08:00"));
        QCOMPARE(roundLength(route()), minutes{50});
    }

    void nobodyStartedInTimeIsMissed() {
        auto due = slotsOf(route(), at("2026-03-20T21:00:00+08:00"), at("2026-03-20T23:00:00+08:00"));
        QCOMPARE(due.size(), std::size_t(1));
        // Still inside its start window: nothing to judge yet.
        QVERIFY(judgeSlots(due, {}, at("2026-03-20T22:29:00+08:00")).empty());
        QCOMPARE(due[0].status, PatrolSlotStatus::Expected);
        // A round started too late (an hour after) does not keep it.
        const std::vector<PatrolRound> late{patrolRound("r-late", "2026-03-20T23:00:00+08:00")};
        QCOMPARE(judgeSlots(due, late, at("2026-03-20T23:10:00+08:00")).size(), std::size_t(1));
        QCOMPARE(due[0].status, PatrolSlotStatus::Missed);
        QVERIFY(due[0].roundId.empty());
        // Judging again changes nothing.
        QVERIFY(judgeSlots(due, late, at("2026-03-20T23:20:00+08:00")).empty());
    }

    void aRoundSyncedLateKeepsTheRoundAfterAll() {
        auto due = slotsOf(route(), at("2026-03-20T21:00:00+08:00"), at("2026-03-20T23:00:00+08:00"));
        QCOMPARE(judgeSlots(due, {}, at("2026-03-21T00:00:00+08:00")).size(), std::size_t(1));
        QCOMPARE(due[0].status, PatrolSlotStatus::Missed);
        // The guard walked it offline from 21:40 (early, but within the tolerance) and synced at 06:00.
        const std::vector<PatrolRound> synced{patrolRound("r-1", "2026-03-20T21:40:00+08:00", PatrolRoundState::Completed)};
        QCOMPARE(judgeSlots(due, synced, at("2026-03-21T06:00:00+08:00")).size(), std::size_t(1));
        QCOMPARE(due[0].status, PatrolSlotStatus::Completed);
        QCOMPARE(due[0].roundId, std::string("r-1"));
        QCOMPARE(due[0].guardId, std::string("s-1003"));
    }

    void aRoundLeftOpenOrAbandonedIsIncomplete() {
        auto due = slotsOf(route(), at("2026-03-20T21:00:00+08:00"), at("2026-03-20T23:00:00+08:00"));
        const std::vector<PatrolRound> open{patrolRound("r-1", "2026-03-20T22:20:00+08:00")};
        judgeSlots(due, open, at("2026-03-20T22:40:00+08:00"));
        QCOMPARE(due[0].status, PatrolSlotStatus::Started);
        // Started 20 minutes after its time (within the tolerance), it is still to be over by 23:50.
        QCOMPARE(due[0].finishBy, at("2026-03-20T23:50:00+08:00"));
        judgeSlots(due, open, at("2026-03-20T23:49:00+08:00"));
        QCOMPARE(due[0].status, PatrolSlotStatus::Started);
        judgeSlots(due, open, at("2026-03-20T23:50:00+08:00"));
        QCOMPARE(due[0].status, PatrolSlotStatus::Incomplete);

        auto other = slotsOf(route(), at("2026-03-20T21:00:00+08:00"), at("2026-03-20T23:00:00+08:00"));
        const std::vector<PatrolRound> abandoned{
            patrolRound("r-2", "2026-03-20T22:00:00+08:00", PatrolRoundState::Abandoned)};
        judgeSlots(other, abandoned, at("2026-03-20T22:05:00+08:00"));
        QCOMPARE(other[0].status, PatrolSlotStatus::Incomplete);
    }

    void oneRoundKeepsOneExpectedRound() {
        // Two times 20 minutes apart with 30 minutes' tolerance: one round fits both windows.
        auto r = route();
        r.schedule->times = {22 * 60, 22 * 60 + 20};
        std::vector<PatrolSlot> due;
        for (Instant t : scheduledTimes(r, Calendar::chinaDefault(), at("2026-03-20T21:00:00+08:00"),
                                        at("2026-03-20T23:00:00+08:00")))
            due.push_back(expectedSlot(r, t));
        QCOMPARE(due.size(), std::size_t(2));
        judgeSlots(due, {patrolRound("r-1", "2026-03-20T22:10:00+08:00", PatrolRoundState::Completed)},
                   at("2026-03-21T01:00:00+08:00"));
        QCOMPARE(due[0].status, PatrolSlotStatus::Completed);
        QCOMPARE(due[1].status, PatrolSlotStatus::Missed);
        // A round of another route keeps nothing.
        auto third = slotsOf(route(), at("2026-03-20T21:00:00+08:00"), at("2026-03-20T23:00:00+08:00"));
        auto elsewhere = patrolRound("r-9", "2026-03-20T22:00:00+08:00", PatrolRoundState::Completed);
        elsewhere.routeId = "route-2";
        judgeSlots(third, {elsewhere}, at("2026-03-21T01:00:00+08:00"));
        QCOMPARE(third[0].status, PatrolSlotStatus::Missed);
    }

    void aScheduleThatMakesNoSenseIsRefusedWithTheField_data() {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("field");
        QTest::newRow("no times") << R"({"times": []})" << "schedule.times";
        QTest::newRow("a time listed twice") << R"({"times": ["22:00", "22:00"]})" << "schedule.times";
        QTest::newRow("day 8") << R"({"times": ["22:00"], "weekdays": [8]})" << "schedule.weekdays";
        // Not rounded to Monday, and not cast from a number no day can be (undefined behaviour).
        QTest::newRow("day 1.5") << R"({"times": ["22:00"], "weekdays": [1.5]})" << "schedule.weekdays";
        QTest::newRow("day 3e86") << R"({"times": ["22:00"], "weekdays": [3e86]})" << "schedule.weekdays";
        QTest::newRow("days not a list") << R"({"times": ["22:00"], "weekdays": 3})" << "schedule.weekdays";
        QTest::newRow("tolerance 0") << R"({"times": ["22:00"], "tolerance_minutes": 0})"
                                     << "schedule.tolerance_minutes";
        QTest::newRow("not a time") << R"({"times": ["25:70"]})" << "schedule.times";
    }
    void aScheduleThatMakesNoSenseIsRefusedWithTheField() {
        QFETCH(QString, schedule);
        QFETCH(QString, field);
        Json body = route();
        body["schedule"] = Json::parse(schedule.toStdString());
        auto out = records::findRecordType("patrol_route")->normalize(body);
        QVERIFY(!out);
        QVERIFY2(out.error().message.find(field.toStdString()) != std::string::npos, out.error().message.c_str());
        // A schedule names the department whose guards walk the route.
        Json noDepartment = route();
        noDepartment.erase("department_id");
        QVERIFY(!records::findRecordType("patrol_route")->normalize(noDepartment));
        QVERIFY(records::findRecordType("patrol_route")->normalize(Json(route())));
    }

    void theGuardsAreToldBeforeAndTheirHeadAfter() {
        auto s = expectedSlot(route(), at("2026-03-20T22:00:00+08:00"));
        const auto& policy = Policy::defaults();
        const InboxPerson guard{"s-1003", Position::Staff, "d-sec"};
        const InboxPerson head{"s-2003", Position::DepartmentHead, "d-sec"};
        const InboxPerson cleaner{"s-1004", Position::Staff, "d-clean"};
        const InboxPerson director{"s-3002", Position::OfficeDirector, ""};
        const Instant before = at("2026-03-20T22:00:00+08:00") - minutes{policy.inboxWarningMinutes};

        QVERIFY(!inboxItem(s, guard, before - minutes{1}, policy)); // not yet within the warning window
        auto walk = inboxItem(s, guard, before, policy);
        QVERIFY(walk);
        QCOMPARE(walk->reason, InboxReason::DueSoon);
        QCOMPARE(walk->action, InboxAction::Patrol);
        QCOMPARE(walk->key, std::string("due_soon.patrol"));
        QCOMPARE(*walk->dueAt, s.dueAt);
        QVERIFY(!inboxItem(s, head, before, policy));
        QVERIFY(!inboxItem(s, cleaner, before, policy));

        std::vector<PatrolSlot> due{s};
        judgeSlots(due, {}, at("2026-03-20T22:31:00+08:00"));
        const Json stored = due[0];
        auto missed = inboxItem("patrol_slot", stored, head, at("2026-03-20T22:31:00+08:00"), policy);
        QVERIFY(missed);
        QCOMPARE(missed->reason, InboxReason::Overdue);
        QCOMPARE(missed->action, InboxAction::TakeNote);
        QCOMPARE(missed->key, std::string("overdue.missed"));
        QCOMPARE(missed->state, std::string("missed"));
        QCOMPARE(missed->title, std::string("夜间巡逻 Night patrol"));
        QVERIFY(!missed->provisional);
        QVERIFY(!inboxItem(due[0], guard, at("2026-03-20T22:31:00+08:00"), policy));
        QVERIFY(!inboxItem(due[0], director, at("2026-03-20T22:31:00+08:00"), policy));
        // Two days on it is the report's, no longer anyone's to do.
        QVERIFY(!inboxItem(due[0], head, s.dueAt + kJudgedFor, policy));
        // The statuses an inbox query must ask for.
        const auto states = records::inboxOpenStates();
        for (const char* status : {"expected", "missed", "incomplete"})
            QVERIFY2(std::find(states.begin(), states.end(), status) != states.end(), status);
    }
};

QTEST_GUILESS_MAIN(PatrolScheduleTest)
#include "patrol_schedule_test.moc"
