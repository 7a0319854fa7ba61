// A person's inbox (rules/inbox.h) over generated records: every person a complaint's grade names
// is told, nobody outside a record's scope sees it, overdue and due-soon follow the clock and the
// policy's window, a closed record leaves every inbox, the JSON path the server and the tablet
// take gives the same items as the typed one, and seen marks count only for their own person.
#include "shared/rules/deadlines.h"
#include "shared/rules/derive.h"
#include "shared/rules/grading.h"
#include "shared/rules/inbox.h"
#include "shared/records/record_type.h"

#include "test_support.h"

#include <QtTest>

#include <random>

using namespace courtyard;
using namespace courtyard::rules;
using domain::ComplaintState;
using domain::Position;

namespace {

Instant at(const char* s) { return *parseInstant(s); }

const Instant kNow = at("2026-03-10T06:00:00Z");

// A roster of every position, in two departments.
std::vector<InboxPerson> roster() {
    return {{"s-cs", Position::Staff, "d-cs"},           {"s-eng", Position::Staff, "d-eng"},
            {"h-cs", Position::DepartmentHead, "d-cs"},  {"h-eng", Position::DepartmentHead, "d-eng"},
            {"dir", Position::OfficeDirector, "d-mgmt"}, {"csm", Position::CsManager, "d-mgmt"},
            {"dgm", Position::DeputyGm, "d-mgmt"},       {"gm", Position::Gm, "d-mgmt"}};
}

// Complaints in every state, for either department, handled by anyone or nobody, of every grade,
// received any time in the three days before now (so some are overdue, some due soon).
std::vector<domain::Complaint> generated(std::uint64_t seed, int n) {
    std::mt19937_64 rng(seed);
    auto pick = [&](int k) { return int(std::uniform_int_distribution<int>(0, k - 1)(rng)); };
    const ComplaintState states[] = {ComplaintState::Received, ComplaintState::Handling, ComplaintState::Escalated,
                                     ComplaintState::Replied,  ComplaintState::Visited,  ComplaintState::Explaining,
                                     ComplaintState::Referred, ComplaintState::Closed,   ComplaintState::Cancelled};
    const char* handlers[] = {"", "s-cs", "s-eng", "h-cs"};
    const RuleContext ctx{Calendar::chinaDefault(), Policy::defaults()};
    std::vector<domain::Complaint> out;
    for (int i = 0; i < n; ++i) {
        domain::Complaint c;
        c.id = "c-" + std::to_string(i);
        c.communityId = "cm-1";
        c.content = "generated " + std::to_string(i);
        c.receivedAt = kNow - std::chrono::minutes(pick(3 * 24 * 60));
        c.createdAt = c.receivedAt;
        c.urgent = pick(2) == 0;
        c.state = states[pick(9)];
        c.handlerId = handlers[pick(4)];
        c.departmentId = pick(2) ? "d-cs" : "d-eng";
        c.validity = c.state == ComplaintState::Received ? domain::Validity::Undecided
                     : (c.state == ComplaintState::Explaining || c.state == ComplaintState::Referred)
                         ? domain::Validity::Invalid
                         : domain::Validity::Valid;
        c.controllability = pick(2) ? domain::Controllability::High : domain::Controllability::Low;
        c.reach = pick(2) ? domain::Reach::Community : domain::Reach::Media;
        if (c.validity != domain::Validity::Undecided)
            c.decidedAt = c.receivedAt + std::chrono::minutes(5);
        if (c.state == ComplaintState::Replied || c.state == ComplaintState::Visited)
            c.repliedAt = c.firstRepliedAt = c.receivedAt + std::chrono::minutes(30);
        derive(c, ctx, {true, false});
        out.push_back(std::move(c));
    }
    return out;
}

bool tells(int grade, Position p) {
    const auto& told = whoMustBeTold(grade, Policy::defaults());
    return std::find(told.begin(), told.end(), p) != told.end();
}

domain::Complaint answeredOnTheSpot() {
    domain::Complaint c;
    c.id = "c-spot";
    c.communityId = "cm-1";
    c.content = "lift light out\nsecond line";
    c.receivedAt = c.createdAt = kNow - std::chrono::hours(1);
    auto req = domain::TransitionRequest{};
    req.action = "answer_on_spot";
    req.at = c.receivedAt + std::chrono::minutes(2);
    req.actor = {"s-cs", domain::Role::Staff, Position::Staff, "d-cs", "duty clerk"};
    req.params = Json{{"reply", "replaced the bulb"}};
    req.opId = "dev:1";
    [&] { QVERIFY(domain::complaintWorkflow().apply(c, req)); }();
    derive(c, {Calendar::chinaDefault(), Policy::defaults()}, {true, false});
    return c;
}

} // namespace

class InboxTest : public QObject {
    Q_OBJECT
private slots:
    void everyPersonAGradeNamesIsToldOfEveryOpenComplaint() {
        int told = 0;
        for (const auto& c : generated(14, 3000)) {
            for (const auto& me : roster()) {
                const auto item = inboxItem(c, me, kNow, Policy::defaults());
                if (!domain::isOpen(c)) {
                    QVERIFY2(!item, c.id.c_str());
                    continue;
                }
                const bool ownDepartment = c.departmentId == me.departmentId;
                if (c.grade && tells(*c.grade, me.position) &&
                    (me.position != Position::DepartmentHead || ownDepartment)) {
                    QVERIFY2(item, (c.id + " for " + me.staffId).c_str());
                    ++told;
                    // Told, or something more pressing about the same record.
                    QVERIFY(item->reason == InboxReason::Grade || item->reason == InboxReason::Overdue ||
                            item->reason == InboxReason::DueSoon || item->reason == InboxReason::OnTheSpot ||
                            item->reason == InboxReason::VisitDue || ownDepartment || c.handlerId == me.staffId);
                    if (item->reason == InboxReason::Grade) {
                        // Its own handler is told what to do next; everyone else takes note.
                        QCOMPARE(item->action == InboxAction::TakeNote, c.handlerId != me.staffId);
                        QCOMPARE(item->key, "grade." + std::to_string(*c.grade));
                    }
                }
            }
        }
        QVERIFY(told > 1000); // the generator reaches the rule
    }

    void nobodyOutsideARecordsScopeSeesIt() {
        for (const auto& c : generated(15, 3000)) {
            for (const auto& me : roster()) {
                const auto item = inboxItem(c, me, kNow, Policy::defaults());
                if (!item)
                    continue;
                const bool mine = c.handlerId == me.staffId;
                const bool department = c.departmentId == me.departmentId;
                const bool graded = c.grade && tells(*c.grade, me.position);
                const auto due = activeDeadline(c);
                const bool escalatedToMe = due && [&] {
                    const auto e = escalationFor(*due, kNow, Policy::defaults());
                    if (!e)
                        return false;
                    for (int level = 1; level <= e->level; ++level)
                        if (Policy::defaults().escalation[std::size_t(level - 1)].notify == me.position)
                            return true;
                    return false;
                }();
                QVERIFY2(mine || department || graded || escalatedToMe, (c.id + " for " + me.staffId).c_str());
                if (item->reason == InboxReason::DueSoon || item->reason == InboxReason::Assigned ||
                    item->reason == InboxReason::VisitDue)
                    QVERIFY(mine || department);
            }
        }
    }

    void overdueAndDueSoonFollowTheClockAndTheWindow() {
        int overdue = 0, soon = 0;
        for (const auto& c : generated(16, 3000)) {
            const InboxPerson handler{c.handlerId.empty() ? "nobody" : c.handlerId, Position::Staff, "d-x"};
            const auto item = inboxItem(c, handler, kNow, Policy::defaults());
            const auto due = activeDeadline(c);
            if (c.handlerId.empty() || !domain::isOpen(c)) {
                QVERIFY(!item);
                continue;
            }
            QVERIFY(item);
            if (due && due->dueAt < kNow) {
                QCOMPARE(item->reason, InboxReason::Overdue);
                QCOMPARE(item->key, "overdue." + due->rule);
                ++overdue;
            } else if (due && due->dueAt - kNow <= std::chrono::minutes(240)) {
                QCOMPARE(item->reason, InboxReason::DueSoon);
                ++soon;
            } else {
                QVERIFY(item->reason != InboxReason::Overdue && item->reason != InboxReason::DueSoon);
            }
            if (due)
                QCOMPARE(item->dueAt, std::optional<Instant>(due->dueAt));
        }
        QVERIFY(overdue > 50);
        QVERIFY(soon > 5);
    }

    void theWarningWindowIsThePolicys() {
        auto c = generated(17, 1).front();
        c.state = ComplaintState::Handling;
        c.handlerId = "s-cs";
        c.firstRepliedAt.reset();
        c.replyDue = agreedDeadline("complaint_reply.urgent", kNow, kNow + std::chrono::minutes(90));
        const InboxPerson me{"s-cs", Position::Staff, "d-cs"};
        QCOMPARE(inboxItem(c, me, kNow, Policy::defaults())->reason, InboxReason::DueSoon);
        auto narrow = *Policy::fromJson({{"inbox_warning_minutes", 60}});
        QCOMPARE(inboxItem(c, me, kNow, narrow)->reason, InboxReason::Assigned);
        QCOMPARE(inboxItem(c, me, kNow, narrow)->action, InboxAction::Reply);
        QCOMPARE(inboxItem(c, me, kNow + std::chrono::minutes(31), narrow)->reason, InboxReason::DueSoon);
        QCOMPARE(inboxItem(c, me, kNow + std::chrono::minutes(91), narrow)->reason, InboxReason::Overdue);
    }

    void theDepartmentHeadTakesNoteOfAnAnswerOnTheSpot() {
        const auto c = answeredOnTheSpot();
        const InboxPerson head{"h-cs", Position::DepartmentHead, "d-cs"};
        const auto item = inboxItem(c, head, kNow, Policy::defaults());
        QVERIFY(item);
        QCOMPARE(item->reason, InboxReason::OnTheSpot);
        QCOMPARE(item->action, InboxAction::TakeNote);
        QCOMPARE(item->title, std::string("lift light out"));
        // The clerk who answered has the visit to make; another department's head nothing.
        const auto clerk = inboxItem(c, {"s-cs", Position::Staff, "d-cs"}, kNow, Policy::defaults());
        QCOMPARE(clerk->reason, InboxReason::VisitDue);
        QCOMPARE(clerk->action, InboxAction::Visit);
        QCOMPARE(clerk->key, std::string("visit_due.1"));
        QVERIFY(!inboxItem(c, {"h-eng", Position::DepartmentHead, "d-eng"}, kNow, Policy::defaults()));
    }

    void anOutsideComplaintIsFollowedByItsLeaderToTheEnd() {
        const auto& wf = domain::complaintWorkflow();
        const auto policy = Policy::defaults();
        domain::Complaint c;
        c.id = "c-gov";
        c.communityId = "cm-1";
        c.channel = domain::Channel::Government;
        c.content = "forwarded by the district office";
        c.receivedAt = c.createdAt = kNow - std::chrono::minutes(10);
        int seq = 0;
        const auto step = [&](const char* action, Json params, domain::Actor actor) {
            domain::TransitionRequest req;
            req.action = action;
            req.params = std::move(params);
            req.actor = std::move(actor);
            req.at = kNow;
            req.opId = "dev:" + std::to_string(++seq);
            return wf.apply(c, req);
        };
        const domain::Actor gm{"gm", domain::Role::Manager, Position::Gm, "d-mgmt", "GM"};
        const domain::Actor head{"h-cs", domain::Role::Supervisor, Position::DepartmentHead, "d-cs", "CS head"};
        const InboxPerson dgmP{"dgm", Position::DeputyGm, "d-mgmt"}, gmP{"gm", Position::Gm, "d-mgmt"},
            dirP{"dir", Position::OfficeDirector, "d-mgmt"}, csmP{"csm", Position::CsManager, "d-mgmt"},
            staffP{"s-cs", Position::Staff, "d-cs"};

        // No leader yet: the deputy GM and the GM are asked to name one; nobody else is told.
        for (const auto& p : {dgmP, gmP}) {
            const auto i = inboxItem(c, p, kNow, policy);
            QVERIFY(i);
            QCOMPARE(i->reason, InboxReason::Outside);
            QCOMPARE(i->action, InboxAction::NameLeader);
            QCOMPARE(i->key, std::string("outside"));
        }
        for (const auto& p : {dirP, csmP, staffP})
            QVERIFY(!inboxItem(c, p, kNow, policy));

        // Staff may not name one; the GM names the office director.
        auto refused = step("name_leader", {{"leader_id", "dir"}}, {"s-cs", domain::Role::Staff, Position::Staff, "d-cs", "clerk"});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!step("name_leader", Json::object(), gm)); // leader_id is required
        QVERIFY(c.leaderId.empty());
        QVERIFY(step("name_leader", {{"leader_id", "dir"}}, gm));
        QCOMPARE(c.leaderId, std::string("dir"));
        QCOMPARE(c.timeline.back().action, std::string("name_leader"));
        QVERIFY(!inboxItem(c, dgmP, kNow, policy));
        QVERIFY(!inboxItem(c, gmP, kNow, policy));

        // The leader is told at every state it reaches, with a new key each time, until it closes.
        std::vector<std::string> keys;
        const auto leaderItem = [&] {
            const auto i = inboxItem(c, dirP, kNow, policy);
            if (!i)
                return false;
            [&] {
                QCOMPARE(i->reason, InboxReason::Leader);
                QCOMPARE(i->action, InboxAction::TakeNote);
            }();
            keys.push_back(i->key);
            return true;
        };
        QVERIFY(leaderItem());
        QVERIFY(step("accept", {{"handler_id", "s-cs"}, {"department_id", "d-cs"}}, head));
        QVERIFY(leaderItem());
        QVERIFY(step("reply", {{"handling_mode", "solved_at_once"}, {"measures", "m"}, {"result", "r"}, {"reply", "done"}}, head));
        QVERIFY(leaderItem());
        QVERIFY(step("visit", {{"opinion", "not fixed"}, {"satisfied", false}}, head));
        QVERIFY(leaderItem());
        QCOMPARE(keys, (std::vector<std::string>{"leader.received", "leader.handling", "leader.replied", "leader.handling.2"}));
        QVERIFY(step("reply", {{"handling_mode", "solved_at_once"}, {"measures", "m"}, {"result", "r"}, {"reply", "fixed"}}, head));
        QVERIFY(step("visit", {{"opinion", "fine now"}, {"satisfied", true}}, head));
        QVERIFY(leaderItem());
        QVERIFY(step("close", Json::object(), head));
        QVERIFY(!inboxItem(c, dirP, kNow, policy));
    }

    void onlyAComplaintFromOutsideNamesALeader() {
        const auto* type = records::findRecordType("complaint");
        QVERIFY(type);
        Json body{{"id", "c-1"},      {"community_id", "cm-1"}, {"channel", "phone"},
                  {"category", "housing"}, {"content", "noise"},  {"received_at", "2026-03-10T06:00:00Z"}};
        // Filed with a leader: only from outside.
        Json withLeader = body;
        withLeader["leader_id"] = "dgm";
        auto refused = type->prepareNew(withLeader);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(refused.error().message).startsWith("leader_id:"));
        withLeader["channel"] = "media";
        auto filed = type->prepareNew(withLeader);
        QVERIFY(filed);
        QCOMPARE((*filed)["leader_id"], Json("dgm"));

        // The step is offered, and taken, only on a complaint from outside.
        auto phone = type->prepareNew(body);
        QVERIFY(phone);
        const auto offered = [&](const Json& b) {
            const auto a = type->availableActionsOn(b, domain::Role::Manager);
            return std::find(a.begin(), a.end(), "name_leader") != a.end();
        };
        QVERIFY(!offered(*phone));
        QVERIFY(offered(*filed));
        // By state alone it is there; the record rules it out.
        const auto byState = type->availableActions("received", domain::Role::Manager);
        QVERIFY(std::find(byState.begin(), byState.end(), "name_leader") != byState.end());
        domain::TransitionRequest req;
        req.action = "name_leader";
        req.params = {{"leader_id", "dgm"}};
        req.actor = {"gm", domain::Role::Manager, Position::Gm, "d-mgmt", "GM"};
        req.at = kNow;
        req.opId = "dev:1";
        Json before = *phone;
        auto st = type->transition(*phone, req);
        QVERIFY(!st);
        QCOMPARE(st.error().code, ErrorCode::FailedPrecondition);
        QCOMPARE(*phone, before);
    }

    void aSheetIsAddressedToThePositionAtItsLevel() {
        domain::TransferSheet s;
        s.id = "ts-1";
        s.communityId = "cm-1";
        s.subject = "roof leak beyond our budget";
        s.fromDepartmentId = "d-eng";
        for (const auto& me : roster()) {
            const auto item = inboxItem(s, me, kNow, Policy::defaults());
            QCOMPARE(bool(item), me.position == Position::OfficeDirector);
        }
        s.level = domain::SheetLevel::DeputyGm;
        const auto item = inboxItem(s, {"dgm", Position::DeputyGm, "d-mgmt"}, kNow, Policy::defaults());
        QVERIFY(item);
        QCOMPARE(item->action, InboxAction::Arrange);
        QCOMPARE(item->key, std::string("addressed.deputy_gm"));
        QVERIFY(!inboxItem(s, {"dir", Position::OfficeDirector, "d-mgmt"}, kNow, Policy::defaults()));
        s.state = domain::TransferSheetState::Arranged;
        s.assignedDepartmentId = "d-cs";
        QCOMPARE(inboxItem(s, {"h-cs", Position::DepartmentHead, "d-cs"}, kNow, Policy::defaults())->action,
                 InboxAction::Resolve);
        QVERIFY(!inboxItem(s, {"s-cs", Position::Staff, "d-cs"}, kNow, Policy::defaults()));
    }

    void aNoticeToADepartmentReachesItsPeopleUntilSomeoneIsNamed() {
        domain::ArrangementNotice n;
        n.id = "an-1";
        n.communityId = "cm-1";
        n.departmentId = "d-eng";
        n.instructions = "replace the pump seal";
        QCOMPARE(inboxItem(n, {"s-eng", Position::Staff, "d-eng"}, kNow, Policy::defaults())->reason,
                 InboxReason::Addressed);
        QVERIFY(!inboxItem(n, {"s-cs", Position::Staff, "d-cs"}, kNow, Policy::defaults()));
        n.assigneeId = "s-other";
        QVERIFY(!inboxItem(n, {"s-eng", Position::Staff, "d-eng"}, kNow, Policy::defaults()));
        QVERIFY(inboxItem(n, {"h-eng", Position::DepartmentHead, "d-eng"}, kNow, Policy::defaults()));
        const auto theirs = inboxItem(n, {"s-other", Position::Staff, "d-eng"}, kNow, Policy::defaults());
        QCOMPARE(theirs->reason, InboxReason::Assigned);
        QCOMPARE(theirs->action, InboxAction::Acknowledge);
    }

    void theJsonPathGivesTheSameItemsAsTheTypedOne() {
        for (const auto& c : generated(18, 500)) {
            Json body;
            to_json(body, c);
            for (const auto& me : roster()) {
                const auto typed = inboxItem(c, me, kNow, Policy::defaults());
                const auto viaJson = inboxItem("complaint", body, me, kNow, Policy::defaults());
                QCOMPARE(bool(typed), bool(viaJson));
                if (!typed)
                    continue;
                Json a, b;
                to_json(a, *typed);
                to_json(b, *viaJson);
                QCOMPARE(a.dump(), b.dump());
                // And an item survives its own wire form (GET /v1/inbox).
                QCOMPARE(Json(a.get<InboxItem>()).dump(), a.dump());
            }
        }
        QVERIFY(!inboxItem("notice", Json{{"id", "n-1"}}, roster().front(), kNow, Policy::defaults()));
        QVERIFY(!inboxItem("complaint", Json{{"id", 7}}, roster().front(), kNow, Policy::defaults()));
    }

    void seenMarksCountForTheirOwnPersonAndItemOnly() {
        const auto c = answeredOnTheSpot();
        std::vector<InboxItem> items{*inboxItem(c, {"h-cs", Position::DepartmentHead, "d-cs"}, kNow,
                                                Policy::defaults())};
        domain::InboxSeen other;
        other.createdBy = "s-cs";
        other.recordId = c.id;
        other.item = "on_the_spot";
        applySeen(items, {other}, "h-cs");
        QVERIFY(!items[0].seen);
        domain::InboxSeen wrongItem = other;
        wrongItem.createdBy = "h-cs";
        wrongItem.item = "grade.1";
        applySeen(items, {other, wrongItem}, "h-cs");
        QVERIFY(!items[0].seen);
        domain::InboxSeen mine = other;
        mine.createdBy = "h-cs";
        applySeen(items, {other, wrongItem, mine}, "h-cs");
        QVERIFY(items[0].seen);
    }

    void overdueComesFirstThenTheSoonestDeadline() {
        std::vector<InboxItem> items;
        for (const auto& c : generated(19, 2000))
            if (auto i = inboxItem(c, {"dgm", Position::DeputyGm, "d-mgmt"}, kNow, Policy::defaults()))
                items.push_back(*i);
        QVERIFY(items.size() > 20);
        sortInbox(items);
        bool pastOverdue = false;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const bool overdue = items[i].reason == InboxReason::Overdue;
            QVERIFY(!(overdue && pastOverdue));
            pastOverdue = pastOverdue || !overdue;
            if (i > 0 && (items[i - 1].reason == InboxReason::Overdue) == overdue && items[i].dueAt &&
                items[i - 1].dueAt)
                QVERIFY(*items[i - 1].dueAt <= *items[i].dueAt);
        }
    }
};

QTEST_GUILESS_MAIN(InboxTest)
#include "inbox_test.moc"
