// What the rules write onto records: deadlines (provisional on a device, authoritative on the
// server), fixed once computed so a calendar edit does not move them unless an administrator
// forces a recompute, and a complaint's grade.
#include "shared/rules/derive.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::rules;

namespace {
Instant at(const char* s) { return *parseInstant(s); }
domain::Complaint received() {
    domain::Complaint c;
    c.id = "c";
    c.receivedAt = at("2026-03-05T10:00:00+08:00"); // Thursday
    return c;
}
} // namespace

class DeriveTest : public QObject {
    Q_OBJECT
private slots:
    void aDeviceFigureIsProvisionalUntilTheServerComputesIt() {
        auto c = received();
        const RuleContext ctx{Calendar::chinaDefault(), Policy::defaults()};
        derive(c, ctx, {false, false});
        QVERIFY(c.replyDue);
        QVERIFY(c.replyDue->provisional);
        QCOMPARE(formatInstant(c.replyDue->dueAt), formatInstant(at("2026-03-09T18:00:00+08:00")));
        derive(c, ctx, {true, false});
        QVERIFY(!c.replyDue->provisional);
        QCOMPARE(activeDeadline(c)->rule, std::string("complaint_reply.working_days"));
    }

    void aCalendarEditDoesNotMoveADeadlineAlreadySet() {
        auto c = received();
        derive(c, {Calendar::chinaDefault(), Policy::defaults()}, {true, false});
        const auto before = *c.replyDue;
        // The company declares Monday 9 March a holiday after the deadline was set.
        auto edited = *Calendar::parse(R"({"time_zone":"Asia/Shanghai","years":[2026],
                                          "holidays":["2026-03-09"]})");
        derive(c, {edited, Policy::defaults()}, {true, false});
        QCOMPARE(c.replyDue->dueAt, before.dueAt);
        // An administrator asks to recompute: now it moves to Tuesday.
        derive(c, {edited, Policy::defaults()}, {true, true});
        QCOMPARE(formatInstant(c.replyDue->dueAt), formatInstant(at("2026-03-10T18:00:00+08:00")));
    }

    void changingTheComplaintsOwnInputsRecomputes() {
        auto c = received();
        const RuleContext ctx{Calendar::chinaDefault(), Policy::defaults()};
        derive(c, ctx, {true, false});
        c.urgent = true;
        derive(c, ctx, {true, false});
        QCOMPARE(c.replyDue->rule, std::string("complaint_reply.urgent"));
        QCOMPARE(formatInstant(c.replyDue->dueAt), formatInstant(at("2026-03-05T12:00:00+08:00")));
    }

    void theServerReplacesAProvisionalFigureComputedOnAStaleCalendar() {
        auto c = received();
        auto stale = *Calendar::parse(R"({"time_zone":"Asia/Shanghai","years":[2026],"holidays":["2026-03-06"]})");
        derive(c, {stale, Policy::defaults()}, {false, false});
        QCOMPARE(formatInstant(c.replyDue->dueAt), formatInstant(at("2026-03-10T18:00:00+08:00")));
        derive(c, {Calendar::chinaDefault(), Policy::defaults()}, {true, false});
        QCOMPARE(formatInstant(c.replyDue->dueAt), formatInstant(at("2026-03-09T18:00:00+08:00")));
        QVERIFY(!c.replyDue->provisional);
    }

    void invalidComplaintsGetAnExplanationDeadlineInstead() {
        auto c = received();
        const RuleContext ctx{Calendar::chinaDefault(), Policy::defaults()};
        derive(c, ctx, {true, false});
        c.validity = domain::Validity::Invalid;
        c.decidedAt = at("2026-03-05T11:00:00+08:00");
        c.state = domain::ComplaintState::Explaining;
        derive(c, ctx, {true, false});
        QVERIFY(!c.replyDue);
        QVERIFY(c.explanationDue);
        QCOMPARE(formatInstant(c.explanationDue->dueAt), formatInstant(at("2026-03-06T18:00:00+08:00")));
        QCOMPARE(c.grade, std::optional<int>(1));
        QCOMPARE(activeDeadline(c)->rule, std::string("complaint_invalid_explanation"));
    }

    void aRepliedComplaintIsDueForItsVisit() {
        auto c = received();
        const RuleContext ctx{Calendar::chinaDefault(), Policy::defaults()};
        c.validity = domain::Validity::Valid;
        c.reach = domain::Reach::Media;
        c.repliedAt = at("2026-03-05T15:00:00+08:00");
        c.firstRepliedAt = c.repliedAt;
        c.state = domain::ComplaintState::Replied;
        derive(c, ctx, {true, false});
        QCOMPARE(c.grade, std::optional<int>(3));
        QVERIFY(c.visitDue);
        QCOMPARE(formatInstant(c.visitDue->dueAt), formatInstant(at("2026-03-08T15:00:00+08:00")));
        QCOMPARE(activeDeadline(c)->rule, std::string("complaint_visit"));
        c.state = domain::ComplaintState::Closed;
        QVERIFY(!activeDeadline(c));
    }

    void otherRecordsDeadlines() {
        const RuleContext ctx{Calendar::chinaDefault(), Policy::defaults()};
        domain::Suggestion s;
        s.receivedAt = at("2026-03-02T10:00:00+08:00");
        derive(s, ctx, {true, false});
        QCOMPARE(formatInstant(s.replyDue->dueAt), formatInstant(at("2026-03-05T10:00:00+08:00")));
        domain::RectificationItem r;
        r.rounds.push_back({});
        derive(r, ctx, {true, false});
        QVERIFY(!r.completionDue);
        r.rounds.back().completionBy = at("2026-03-20T10:00:00Z");
        r.state = domain::RectificationState::Scheduled;
        derive(r, ctx, {true, false});
        QCOMPARE(activeDeadline(r)->rule, std::string("rectification.agreed"));
        domain::SurveyCampaign sc;
        sc.periodStart = at("2026-03-01T00:00:00Z");
        sc.periodEnd = at("2026-03-31T00:00:00Z");
        sc.state = domain::CampaignState::Open;
        derive(sc, ctx, {true, false});
        QCOMPARE(activeDeadline(sc)->dueAt, sc.periodEnd);
    }
};

QTEST_GUILESS_MAIN(DeriveTest)
#include "derive_test.moc"
