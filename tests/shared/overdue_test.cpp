// Over 400 lines, knowingly: one table of every deadline of every record type, on time, due soon
// and at each rung, read as one table.
// Every clock of every record (rules/overdue.h), table-driven: for each deadline the rules define
// — a complaint's first reply (both rules), its invalid-complaint explanation, its follow-up
// visit of the first and of a reopened round, a reopened round's reply (both rules), a
// suggestion's reply, a transfer sheet's arrangement at its first and at a later level, an
// arrangement notice's date, a rectification item's completion and acceptance, a survey's
// fieldwork period — the active deadline (worked out by hand from the policy and the 2026
// calendar, holidays and make-up working days included), on time, due soon, overdue at each
// rung of the ladder; the pass's flag is raised once per rung, and a met deadline drops it.
// Times are written in the community's local time (Asia/Shanghai).
#include "shared/records/record_type.h"
#include "shared/rules/deadlines.h"
#include "shared/rules/derive.h"
#include "shared/rules/inbox.h"
#include "shared/rules/overdue.h"

#include "test_support.h"

#include <QtTest>

#include <map>

using namespace courtyard;
using namespace courtyard::rules;
using domain::Position;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

Instant at(const char* s) { return *parseInstant(s); }
Instant at(const QString& s) { return *parseInstant(s.toStdString()); }

const RuleContext& ctx() {
    static const RuleContext c{Calendar::chinaDefault(), Policy::defaults()};
    return c;
}

template <typename T>
QByteArray encoded(T rec) {
    derive(rec, ctx(), {true, false});
    Json j;
    to_json(j, rec);
    return QByteArray::fromStdString(j.dump());
}

domain::Complaint complaint(const char* received, bool urgent = false) {
    domain::Complaint c;
    c.id = "c-1";
    c.communityId = "cm-1";
    c.content = "water leaking in the lift lobby";
    c.receivedAt = c.createdAt = at(received);
    c.urgent = urgent;
    c.handlerId = "s-cs";
    c.departmentId = "d-cs";
    c.state = domain::ComplaintState::Handling;
    c.validity = domain::Validity::Valid;
    c.decidedAt = c.receivedAt;
    return c;
}

// Replied, visited unsatisfied, reopened: round 2, back to handling.
domain::Complaint reopened(const char* visitAt, bool urgent) {
    auto c = complaint("2026-09-25T09:00:00+08:00", urgent);
    c.repliedAt = c.firstRepliedAt = at("2026-09-28T10:00:00+08:00");
    c.visits.push_back({"v-1", at(visitAt), "s-cs", domain::VisitMethod::Phone, "still leaking", false});
    c.round = 2;
    c.state = domain::ComplaintState::Handling;
    return c;
}

domain::TransferSheet sheet(const char* created) {
    domain::TransferSheet s;
    s.id = "t-1";
    s.communityId = "cm-1";
    s.createdAt = at(created);
    s.subject = "roof membrane";
    s.reason = "needs the developer";
    s.fromDepartmentId = "d-eng";
    return s;
}

domain::RectificationItem rectification() {
    domain::RectificationItem r;
    r.id = "r-1";
    r.communityId = "cm-1";
    r.createdAt = at("2026-03-02T09:00:00+08:00");
    r.createdBy = "s-cs";
    r.foundByDepartmentId = "d-cs";
    r.source = domain::RectificationSource::ResidentInspection;
    r.description = "cracked tile in the bathroom";
    r.rounds.push_back({});
    return r;
}

} // namespace

class OverdueTest : public QObject {
    Q_OBJECT
private slots:
    void everyClock_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("due");

        QTest::newRow("a complaint's reply: received Thursday, two working days skip the weekend")
            << "complaint" << encoded(complaint("2026-03-05T10:00:00+08:00")) << "complaint_reply.working_days"
            << "2026-03-09T18:00:00+08:00";
        QTest::newRow("an urgent complaint's reply: two hours")
            << "complaint" << encoded(complaint("2026-03-05T10:00:00+08:00", true)) << "complaint_reply.urgent"
            << "2026-03-05T12:00:00+08:00";
        {
            auto c = complaint("2026-04-03T09:00:00+08:00");
            c.validity = domain::Validity::Invalid;
            c.decidedAt = at("2026-04-03T16:00:00+08:00");
            c.state = domain::ComplaintState::Explaining;
            QTest::newRow("an invalid complaint decided before Qingming: explained on the Tuesday after")
                << "complaint" << encoded(c) << "complaint_invalid_explanation" << "2026-04-07T18:00:00+08:00";
        }
        {
            auto c = complaint("2026-03-05T10:00:00+08:00");
            c.repliedAt = c.firstRepliedAt = at("2026-03-05T15:00:00+08:00");
            c.state = domain::ComplaintState::Replied;
            QTest::newRow("the follow-up visit of the first round: three days after the reply")
                << "complaint" << encoded(c) << "complaint_visit" << "2026-03-08T15:00:00+08:00";
        }
        QTest::newRow("a reopened round's reply: the National Day holiday is skipped")
            << "complaint" << encoded(reopened("2026-09-30T11:00:00+08:00", false))
            << "complaint_reply.round_working_days" << "2026-10-09T18:00:00+08:00";
        QTest::newRow("an urgent complaint's reopened round: two hours from the unsatisfied visit")
            << "complaint" << encoded(reopened("2026-09-30T11:00:00+08:00", true)) << "complaint_reply.round_urgent"
            << "2026-09-30T13:00:00+08:00";
        {
            auto c = reopened("2026-09-30T11:00:00+08:00", false);
            c.repliedAt = at("2026-10-08T10:00:00+08:00");
            c.state = domain::ComplaintState::Replied;
            QTest::newRow("the follow-up visit of a reopened round: three days after its reply")
                << "complaint" << encoded(c) << "complaint_visit" << "2026-10-11T10:00:00+08:00";
        }
        {
            domain::Suggestion s;
            s.id = "s-1";
            s.communityId = "cm-1";
            s.content = "more benches by the pond";
            s.receivedAt = s.createdAt = at("2026-03-05T10:00:00+08:00");
            s.handlerId = "s-cs";
            QTest::newRow("a suggestion's reply: three days")
                << "suggestion" << encoded(s) << "suggestion_reply.default" << "2026-03-08T10:00:00+08:00";
        }
        QTest::newRow("a transfer sheet sent on the Friday before Spring Festival: due on the make-up Saturday")
            << "transfer_sheet" << encoded(sheet("2026-02-13T16:00:00+08:00")) << "transfer_sheet.arrange"
            << "2026-02-14T18:00:00+08:00";
        {
            auto s = sheet("2026-04-28T09:00:00+08:00");
            s.level = domain::SheetLevel::DeputyGm;
            domain::TimelineEvent e;
            e.id = "d:2";
            e.at = at("2026-04-30T17:00:00+08:00");
            e.action = "escalate";
            s.timeline.push_back(e);
            QTest::newRow("a sheet sent up to the deputy GM before Labour Day: a new clock from then")
                << "transfer_sheet" << encoded(s) << "transfer_sheet.arrange" << "2026-05-06T18:00:00+08:00";
        }
        {
            domain::ArrangementNotice n;
            n.id = "n-1";
            n.communityId = "cm-1";
            n.createdAt = at("2026-03-05T09:00:00+08:00");
            n.departmentId = "d-eng";
            n.instructions = "replace the pump seal";
            n.dueBy = at("2026-03-06T18:00:00+08:00");
            QTest::newRow("an arrangement notice: the date on it")
                << "arrangement_notice" << encoded(n) << "arrangement.agreed" << "2026-03-06T18:00:00+08:00";
        }
        {
            auto r = rectification();
            r.rounds.back().completionBy = at("2026-03-07T12:00:00+08:00");
            r.state = domain::RectificationState::InHouse;
            QTest::newRow("a rectification item's completion: the agreed date")
                << "rectification" << encoded(r) << "rectification.agreed" << "2026-03-07T12:00:00+08:00";
        }
        {
            auto r = rectification();
            r.rounds.back().completionBy = at("2026-03-07T12:00:00+08:00");
            r.rounds.back().completedAt = at("2026-03-06T09:00:00+08:00");
            r.state = domain::RectificationState::AwaitingAcceptance;
            QTest::newRow("a rectification item's acceptance: three days after the work")
                << "rectification" << encoded(r) << "rectification.acceptance" << "2026-03-09T09:00:00+08:00";
        }
        {
            domain::SurveyCampaign c;
            c.id = "sc-1";
            c.communityId = "cm-1";
            c.createdBy = "s-cs";
            c.title = "March opinion solicitation";
            c.categories = {domain::Category::Cleaning};
            c.periodStart = at("2026-03-01T09:00:00+08:00");
            c.periodEnd = at("2026-03-31T18:00:00+08:00");
            c.state = domain::CampaignState::Open;
            QTest::newRow("a survey's fieldwork: the end of its period")
                << "survey_campaign" << encoded(c) << "survey.period_end" << "2026-03-31T18:00:00+08:00";
        }
    }

    void everyClock() {
        QFETCH(QString, type);
        QFETCH(QByteArray, body);
        QFETCH(QString, rule);
        QFETCH(QString, due);
        const std::string t = type.toStdString();
        const Json stored = Json::parse(body.toStdString());
        const Instant dueAt = at(due);
        const Policy& p = Policy::defaults();

        // Days ahead: running, nothing to flag.
        auto clock = clockOf(t, stored, dueAt - hours{5}, p);
        QVERIFY(clock);
        QCOMPARE(clock->due.rule, rule.toStdString());
        QCOMPARE(formatInstant(clock->due.dueAt), formatInstant(dueAt));
        QVERIFY(!clock->due.provisional);
        QVERIFY(!clock->overdue);
        QVERIFY(!clock->dueSoon);
        QVERIFY(!clock->rung);
        // Within the warning window, and at the due time itself: due soon, still on time.
        clock = clockOf(t, stored, dueAt - hours{1}, p);
        QVERIFY(clock->dueSoon && !clock->overdue);
        clock = clockOf(t, stored, dueAt, p);
        QVERIFY(clock->dueSoon && !clock->overdue);
        Json untouched = stored;
        QVERIFY(!raiseFlag(t, untouched, dueAt, p));
        QCOMPARE(untouched, stored);

        // A minute late: the first rung (the department head); a day late: the deputy GM.
        clock = clockOf(t, stored, dueAt + minutes{1}, p);
        QVERIFY(clock->overdue && !clock->dueSoon);
        QCOMPARE(clock->rung->level, 1);
        QCOMPARE(clock->rung->notify, Position::DepartmentHead);
        QCOMPARE(clock->rung->rule, rule.toStdString());
        QCOMPARE(clock->rung->dueAt, std::optional<Instant>(dueAt));
        QVERIFY(!clock->flag);
        clock = clockOf(t, stored, dueAt + hours{24}, p);
        QCOMPARE(clock->rung->level, 2);
        QCOMPARE(clock->rung->notify, Position::DeputyGm);

        // The pass: each rung written once.
        Json body1 = stored;
        auto raised = raiseFlag(t, body1, dueAt + minutes{1}, p);
        QVERIFY(raised);
        QCOMPARE(raised->level, 1);
        QCOMPARE(body1["escalation"]["level"], Json(1));
        QCOMPARE(body1["escalation"]["rule"], Json(rule.toStdString()));
        const Json afterFirst = body1;
        QVERIFY(!raiseFlag(t, body1, dueAt + minutes{1}, p));
        QVERIFY(!raiseFlag(t, body1, dueAt + hours{23}, p));
        QCOMPARE(body1, afterFirst);
        QCOMPARE(clockOf(t, body1, dueAt + hours{2}, p)->flag->level, 1);
        raised = raiseFlag(t, body1, dueAt + hours{24}, p);
        QVERIFY(raised);
        QCOMPARE(raised->level, 2);
        QCOMPARE(body1["escalation"]["notify"], Json("deputy_gm"));
        QVERIFY(!raiseFlag(t, body1, dueAt + hours{200}, p));

        // The server deriving the flagged record again (any later edit) keeps the flag: its
        // deadline is still the one running.
        const auto* recordType = records::findRecordType(t);
        QVERIFY(recordType);
        Json rederived = body1;
        recordType->derive(rederived, ctx(), {true, false});
        QCOMPARE(rederived["escalation"], body1["escalation"]);
        // The index the pass looks at first carries the same deadline (rules::mayRaise trusts it).
        QCOMPARE(recordType->index(body1).dueAt, std::optional<Instant>(dueAt));
        QCOMPARE(recordType->index(body1).dueRule, rule.toStdString());
    }

    void aMetDeadlineDropsItsFlagAndTheNextClockStartsClean() {
        auto c = complaint("2026-03-05T10:00:00+08:00");
        derive(c, ctx(), {true, false});
        const Instant late = c.replyDue->dueAt + hours{30};
        Json body;
        to_json(body, c);
        QVERIFY(raiseFlag("complaint", body, late, Policy::defaults()));
        c = body.get<domain::Complaint>();
        QCOMPARE(c.escalation->level, 2);
        // Replied: the visit's clock runs; the reply's flag is no longer about anything.
        c.repliedAt = c.firstRepliedAt = late;
        c.state = domain::ComplaintState::Replied;
        derive(c, ctx(), {true, false});
        QVERIFY(!c.escalation);
        QCOMPARE(activeDeadline(c)->rule, std::string("complaint_visit"));
        to_json(body, c);
        const auto flag = raiseFlag("complaint", body, c.visitDue->dueAt + minutes{5}, Policy::defaults());
        QCOMPARE(flag->level, 1);
        QCOMPARE(flag->rule, std::string("complaint_visit"));
        // Visited unsatisfied: round 2 has its own reply clock, and the visit's flag goes.
        c = body.get<domain::Complaint>();
        c.visits.push_back({"v-1", c.visitDue->dueAt + hours{1}, "s-cs", domain::VisitMethod::Phone, "no", false});
        c.round = 2;
        c.state = domain::ComplaintState::Handling;
        derive(c, ctx(), {true, false});
        QVERIFY(!c.escalation);
        QVERIFY(c.roundReplyDue);
        QCOMPARE(activeDeadline(c)->rule, std::string("complaint_reply.round_working_days"));
        // The first reply's deadline (the on-time figure) is kept as it was.
        QCOMPARE(formatInstant(c.replyDue->dueAt), formatInstant(at("2026-03-09T18:00:00+08:00")));
    }

    void aFlagFromBeforeFlagsNamedTheirDeadlineIsReadAsItsOwn() {
        auto c = complaint("2026-03-05T10:00:00+08:00");
        derive(c, ctx(), {true, false});
        c.escalation = domain::Escalation{1, Position::DepartmentHead, c.replyDue->dueAt, {}, std::nullopt};
        Json body;
        to_json(body, c);
        QVERIFY(!body["escalation"].contains("rule"));
        QVERIFY(!raiseFlag("complaint", body, c.replyDue->dueAt + hours{2}, Policy::defaults()));
        QCOMPARE(raiseFlag("complaint", body, c.replyDue->dueAt + hours{25}, Policy::defaults())->level, 2);
    }

    // The escalation pass looks at a record's index (its active deadline) and flag first and
    // reads the body only where mayRaise says so: at every moment of the ladder, with every kind
    // of flag a record may carry, mayRaise must say exactly what raiseFlag finds.
    void theIndexAndTheFlagAloneTellWhichRecordsMayMove() {
        auto c = complaint("2026-03-05T10:00:00+08:00");
        derive(c, ctx(), {true, false});
        const domain::Deadline due = *activeDeadline(c);
        const Policy& policy = Policy::defaults();
        QVERIFY(policy.escalation.size() >= 2);
        const Instant other = due.dueAt - hours{48};
        const std::vector<std::pair<std::string, std::optional<domain::Escalation>>> flags{
            {"no flag", std::nullopt},
            {"rung 1 of this deadline", domain::Escalation{1, Position::DepartmentHead, due.dueAt, due.rule, due.dueAt}},
            {"rung 2 of this deadline", domain::Escalation{2, Position::DeputyGm, due.dueAt, due.rule, due.dueAt}},
            {"rung 3 of this deadline", domain::Escalation{3, Position::Gm, due.dueAt, due.rule, due.dueAt}},
            {"rung 2 of another deadline", domain::Escalation{2, Position::DeputyGm, other, "complaint_visit", other}},
            {"rung 2 of this rule, another due time",
             domain::Escalation{2, Position::DeputyGm, other, due.rule, other}},
            {"an unnamed rung 1 from after the due time",
             domain::Escalation{1, Position::DepartmentHead, due.dueAt + minutes{1}, {}, std::nullopt}},
            {"an unnamed rung 2 from before the due time",
             domain::Escalation{2, Position::DeputyGm, due.dueAt - hours{1}, {}, std::nullopt}},
        };
        int raised = 0;
        for (const auto offset : {-hours{1}, hours{0}, hours{1}, hours{2}, hours{23}, hours{25}, hours{100}}) {
            const Instant now = due.dueAt + offset;
            for (const auto& [name, flag] : flags) {
                c.escalation = flag;
                Json body;
                to_json(body, c);
                const std::string text = body.contains("escalation") ? body["escalation"].dump() : std::string();
                const bool raises = raiseFlag("complaint", body, now, policy).has_value();
                raised += raises ? 1 : 0;
                QVERIFY2(mayRaise(text, due, now, policy) == raises,
                         (name + " at " + std::to_string(offset.count()) + " h").c_str());
            }
        }
        QVERIFY(raised > 0); // the grid has records that move and records that do not
        // A flag that does not decode: the record is read whole (raiseFlag decides).
        const Instant late = due.dueAt + hours{25};
        QVERIFY(mayRaise("{\"level\":\"high\"}", due, late, policy));
        QVERIFY(mayRaise("{\"level\":", due, late, policy));
        QVERIFY(mayRaise("null", due, late, policy));
        // Nothing may move before the first rung, whatever the flag says.
        QVERIFY(!mayRaise("{\"level\":", due, due.dueAt - minutes{1}, policy));
        QVERIFY(!mayRaise("", due, due.dueAt, policy));
    }

    void aRecordMissingFieldsIsSkipped_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("a suggestion without its content") << "suggestion"
                                                            << QByteArray(R"({"id":"s","received_at":"2026-03-01T00:00:00Z",
                                                                 "reply_due":{"due_at":"2026-03-02T00:00:00Z","rule":"x"}})");
        QTest::newRow("a notice whose deadline is not a deadline")
            << "arrangement_notice"
            << QByteArray(R"({"id":"n","department_id":"d","instructions":"x","state":"issued","due":"tomorrow"})");
        QTest::newRow("a complaint that is not an object") << "complaint" << QByteArray(R"([1,2,3])");
        QTest::newRow("a type without clocks") << "patrol_round" << QByteArray(R"({"id":"p"})");
        QTest::newRow("a campaign with an unknown state") << "survey_campaign"
                                                           << QByteArray(R"({"id":"c","state":"melted"})");
    }

    void aRecordMissingFieldsIsSkipped() {
        QFETCH(QString, type);
        QFETCH(QByteArray, body);
        Json j = Json::parse(body.toStdString());
        const Json before = j;
        const Instant later = at("2027-01-01T00:00:00Z");
        QVERIFY(!raiseFlag(type.toStdString(), j, later, Policy::defaults()));
        QVERIFY(!clockOf(type.toStdString(), j, later, Policy::defaults()));
        QCOMPARE(j, before);
    }

    void theNewPolicyNumbersAreRangedAndUsed() {
        auto p = Policy::fromJson({{"sheet_arrange_working_days", 2}, {"acceptance_days", 5}});
        QVERIFY(p);
        QCOMPARE(p->sheetArrangeWorkingDays, 2);
        QCOMPARE(Policy::defaults().sheetArrangeWorkingDays, 1);
        QCOMPARE(Policy::defaults().acceptanceDays, 3);
        const auto& cal = Calendar::chinaDefault();
        QCOMPARE(formatInstant(sheetArrangeDeadline(at("2026-02-13T16:00:00+08:00"), cal, *p).dueAt),
                 formatInstant(at("2026-02-24T18:00:00+08:00"))); // the make-up Saturday, then after the holiday
        QCOMPARE(formatInstant(acceptanceDeadline(at("2026-03-06T09:00:00+08:00"), cal, *p).dueAt),
                 formatInstant(at("2026-03-11T09:00:00+08:00")));
        for (const char* key : {"sheet_arrange_working_days", "acceptance_days"}) {
            for (int bad : {0, 61}) {
                auto refused = Policy::fromJson({{key, bad}});
                QVERIFY(!refused);
                QCOMPARE(refused.error().field, std::string(key));
            }
            QCOMPARE(Policy::defaults().toJson().count(key), std::size_t(1));
        }
    }

    // The inbox shows an overdue record of every type to the person who acts on it, and to the
    // positions the ladder has reached — a record of no department reaches the office director.
    void overdueRecordsReachThePeopleWhoMustAct_data() { everyClock_data(); }

    void overdueRecordsReachThePeopleWhoMustAct() {
        QFETCH(QString, type);
        QFETCH(QByteArray, body);
        QFETCH(QString, due);
        const std::string t = type.toStdString();
        const Json stored = Json::parse(body.toStdString());
        const Instant dueAt = at(due);
        const Policy& p = Policy::defaults();
        // Who acts on each type, and the department whose head is the ladder's first rung ("" =
        // none: the office director).
        struct Who {
            InboxPerson actor;
            std::string department;
        };
        const std::map<std::string, Who> who{
            {"complaint", {{"s-cs", Position::Staff, "d-cs"}, "d-cs"}},
            {"suggestion", {{"s-cs", Position::Staff, "d-cs"}, ""}},
            {"transfer_sheet", {{"dir", Position::OfficeDirector, "d-mgmt"}, "d-eng"}},
            {"arrangement_notice", {{"s-eng", Position::Staff, "d-eng"}, "d-eng"}},
            {"rectification", {{"s-cs", Position::Staff, "d-cs"}, "d-cs"}},
            {"survey_campaign", {{"s-cs", Position::Staff, "d-cs"}, ""}},
        };
        Who w = who.at(t);
        // A sheet is acted on by the position it is addressed to.
        if (t == "transfer_sheet" && stored.value("level", "") == "deputy_gm")
            w.actor = {"dgm", Position::DeputyGm, "d-mgmt"};
        const InboxPerson stranger{"s-x", Position::Staff, "d-clean"};
        const InboxPerson otherHead{"h-clean", Position::DepartmentHead, "d-clean"};
        const InboxPerson head{"h", Position::DepartmentHead, w.department};
        const InboxPerson director{"dir", Position::OfficeDirector, "d-mgmt"};
        const InboxPerson deputy{"dgm", Position::DeputyGm, "d-mgmt"};
        const InboxPerson& firstRung = w.department.empty() ? director : head;

        const Instant late = dueAt + minutes{1};
        auto mine = inboxItem(t, stored, w.actor, late, p);
        QVERIFY(mine);
        QCOMPARE(mine->reason, InboxReason::Overdue);
        QVERIFY(mine->action != InboxAction::TakeNote);
        QCOMPARE(mine->escalation->level, 1);
        QCOMPARE(mine->dueAt, std::optional<Instant>(dueAt));
        QVERIFY(mine->key.rfind("overdue." + mine->dueRule, 0) == 0);
        auto first = inboxItem(t, stored, firstRung, late, p);
        QVERIFY(first);
        QCOMPARE(first->reason, InboxReason::Overdue);
        QVERIFY(!inboxItem(t, stored, stranger, late, p));
        QVERIFY(!inboxItem(t, stored, otherHead, late, p));
        // The deputy GM: only once the ladder reaches them.
        if (w.actor.position != Position::DeputyGm) {
            const auto deputyEarly = inboxItem(t, stored, deputy, late, p);
            QVERIFY(!deputyEarly || deputyEarly->reason != InboxReason::Overdue);
        }
        auto deputyLate = inboxItem(t, stored, deputy, dueAt + hours{24}, p);
        QVERIFY(deputyLate);
        QCOMPARE(deputyLate->reason, InboxReason::Overdue);
        QCOMPARE(deputyLate->escalation->notify, Position::DeputyGm);
        // Before the deadline, the one who acts sees it coming.
        auto soon = inboxItem(t, stored, w.actor, dueAt - hours{1}, p);
        QVERIFY(soon);
        QCOMPARE(soon->reason, InboxReason::DueSoon);
        QVERIFY(!soon->escalation);
        // Every type with a clock reaches the inbox.
        const auto& types = inboxRecordTypes();
        QVERIFY(std::find(types.begin(), types.end(), t) != types.end());
    }
};

QTEST_GUILESS_MAIN(OverdueTest)
#include "overdue_test.moc"
