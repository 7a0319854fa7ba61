// Over 400 lines, knowingly: the expected-outcome tables of every workflow are written out in
// full, one after another.
// Every workflow's state machine, enumerated: for every (state, action, role) the expected
// outcome comes from the tables below, written from the procedures, not from the
// code. An allowed combination applied with valid details lands in the expected state; a
// refused one returns the expected error and leaves the record exactly as it was.
#include "shared/domain/complaint.h"
#include "shared/domain/handover.h"
#include "shared/domain/inspection.h"
#include "shared/domain/notice.h"
#include "shared/domain/patrol.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"

#include "test_support.h"

#include <QtTest>
#include <functional>
#include <set>

using namespace courtyard;
using namespace courtyard::domain;

namespace {

const Instant kNow = *parseInstant("2026-03-02T10:00:00+08:00");
const std::string kLater = "2026-03-05T10:00:00+08:00";
const std::vector<Role> kAllRoles{Role::Resident, Role::Staff,       Role::Supervisor,
                                  Role::Manager,  Role::DeveloperCs, Role::Admin};

struct Expect {
    std::string action;
    std::set<std::string> from;
    std::set<Role> roles;
    std::string to; // empty: stays in the state it started from
    Json params = Json::object();
};

Actor actorFor(Role role) {
    Actor a;
    a.role = role;
    a.staffId = role == Role::Resident ? "" : "s-" + std::string(enumName(role));
    a.name = "Tester";
    a.departmentId = "d-cs";
    return a;
}

template <typename Rec>
Json snapshot(const Rec& r) {
    Json j;
    to_json(j, r);
    return j;
}

// Runs the full enumeration for one workflow; returns the number of combinations checked.
template <typename Rec>
int enumerate(const Workflow<Rec>& wf, const std::vector<Expect>& table,
              const std::function<Rec(typename Rec::State)>& make) {
    using State = typename Rec::State;
    // The table and the workflow name the same actions.
    std::set<std::string> inTable, inWorkflow;
    for (const auto& e : table)
        inTable.insert(e.action);
    for (const auto& s : wf.specs())
        inWorkflow.insert(std::string(s.action));
    if (inTable != inWorkflow) {
        QTest::qFail(("actions differ for " + std::string(wf.recordName())).c_str(), __FILE__, __LINE__);
        return 0;
    }
    int checked = 0;
    for (const auto& [state, stateName] : enumNames(State{})) {
        for (const auto& e : table) {
            for (Role role : kAllRoles) {
                const std::string where = std::string(wf.recordName()) + " " + std::string(stateName) +
                                          " --" + e.action + "--> as " + std::string(enumName(role));
                std::optional<ErrorCode> expected;
                if (!e.roles.count(role))
                    expected = ErrorCode::PermissionDenied;
                else if (!e.from.count(std::string(stateName)))
                    expected = ErrorCode::FailedPrecondition;

                const auto st = wf.check(state, e.action, role);
                if (expected) {
                    if (st.has_value() || st.error().code != *expected) {
                        QTest::qFail(("check: " + where + ": expected " +
                                      std::string(errorCodeName(*expected))).c_str(), __FILE__, __LINE__);
                        return checked;
                    }
                } else if (!st.has_value()) {
                    QTest::qFail(("check: " + where + ": expected allowed, got " +
                                  st.error().message).c_str(), __FILE__, __LINE__);
                    return checked;
                }

                Rec rec = make(state);
                const Json before = snapshot(rec);
                TransitionRequest req{e.action, e.params, actorFor(role), kNow, "dev-1:7"};
                auto out = wf.apply(rec, req);
                if (expected) {
                    if (out.has_value() || out.error().code != *expected || snapshot(rec) != before) {
                        QTest::qFail(("apply: " + where + ": expected a refusal that changes "
                                      "nothing").c_str(), __FILE__, __LINE__);
                        return checked;
                    }
                } else {
                    const std::string want = e.to.empty() ? std::string(stateName) : e.to;
                    if (!out.has_value() || out->noop || enumName(rec.state) != want ||
                        rec.timeline.empty() || rec.timeline.back().action != e.action ||
                        rec.timeline.back().id != "dev-1:7") {
                        QTest::qFail(("apply: " + where + ": expected to land in " + want +
                                      (out ? "" : ", got " + out.error().message)).c_str(),
                                     __FILE__, __LINE__);
                        return checked;
                    }
                }
                ++checked;
            }
        }
        // An action the workflow does not have.
        if (wf.check(state, "teleport", Role::Manager).error().code != ErrorCode::InvalidArgument) {
            QTest::qFail("unknown action not refused as invalid", __FILE__, __LINE__);
            return checked;
        }
    }
    return checked;
}

const std::set<Role> kStaffUp{Role::Staff, Role::Supervisor, Role::Manager};
const std::set<Role> kSupervisorUp{Role::Supervisor, Role::Manager};

Complaint complaintIn(ComplaintState s) {
    Complaint c;
    c.id = "c-1";
    c.communityId = "cm-1";
    c.channel = Channel::Government; // one from outside: every step applies (name_leader too)
    c.category = Category::Repairs;
    c.content = "Water leaking from the ceiling of the lift lobby";
    c.receivedAt = kNow - std::chrono::hours{1};
    c.state = s;
    if (s == ComplaintState::Explaining || s == ComplaintState::Referred) {
        c.validity = Validity::Invalid;
        c.cause = Cause::Developer;
    }
    if (s == ComplaintState::Visited) {
        c.repliedAt = kNow - std::chrono::minutes{30};
        c.visits.push_back({"v-1", kNow - std::chrono::minutes{10}, "s-1", VisitMethod::Phone, "fine now", true});
    }
    return c;
}

} // namespace

class WorkflowTest : public QObject {
    Q_OBJECT
private slots:
    void complaintEveryCombination() {
        const std::vector<Expect> table{
            {"answer_on_spot", {"received"}, kStaffUp, "replied", {{"reply", "Fixed the lock at once"}}},
            {"assign", {"received", "handling", "escalated", "explaining", "referred"}, kSupervisorUp, "",
             {{"handler_id", "s-9"}}},
            {"accept", {"received"}, kSupervisorUp, "handling", {{"reach", "community"}}},
            {"reject", {"received"}, kSupervisorUp, "explaining",
             {{"cause", "developer"}, {"reason", "Structural defect under the developer's warranty"}}},
            {"explain", {"explaining"}, kStaffUp, "referred", {{"explanation", "Passed to the developer"}}},
            {"close_referral", {"referred"}, {Role::Staff, Role::Supervisor, Role::Manager, Role::DeveloperCs},
             "closed", {{"result", "Developer resealed the wall"}}},
            {"agree_time", {"handling"}, kStaffUp, "", {{"agreed_by", kLater}}},
            {"transfer", {"handling"}, {Role::Staff, Role::Supervisor}, "escalated",
             {{"sheet_id", "ts-1"}, {"reason", "Needs the engineering budget"}}},
            {"arrange", {"escalated"}, kSupervisorUp, "handling", {{"department_id", "d-eng"}}},
            {"reply", {"handling"}, kStaffUp, "replied",
             {{"handling_mode", "solved_at_once"}, {"measures", "Replaced the seal"},
              {"result", "No more leak"}, {"reply", "Called the resident"}}},
            {"visit", {"replied"}, kStaffUp, "visited", {{"opinion", "Satisfied"}, {"satisfied", true}}},
            {"close", {"visited"}, kSupervisorUp, "closed"},
            {"cancel", {"received"}, kSupervisorUp, "cancelled", {{"reason", "Entered twice"}}},
            {"regrade", {"handling", "escalated", "replied", "visited", "explaining", "referred"}, kSupervisorUp, "",
             {{"reach", "media"}}},
            {"name_leader", {"received", "handling", "escalated", "replied", "visited", "explaining", "referred"},
             kSupervisorUp, "", {{"leader_id", "s-3002"}}},
        };
        const int n = enumerate<Complaint>(complaintWorkflow(), table, complaintIn);
        QCOMPARE(n, 9 * 15 * 6);
    }

    void suggestionEveryCombination() {
        const std::vector<Expect> table{
            {"acknowledge", {"received"}, kStaffUp, "acknowledged", {{"agreed_reply_by", kLater}}},
            {"reply", {"received", "acknowledged"}, kStaffUp, "replied",
             {{"adopted", true}, {"reply", "Thank you, we will add benches"}}},
            {"cancel", {"received", "acknowledged"}, kSupervisorUp, "cancelled", {{"reason", "Duplicate"}}},
        };
        const int n = enumerate<Suggestion>(suggestionWorkflow(), table, [](SuggestionState s) {
            Suggestion x;
            x.id = "sg-1";
            x.content = "More benches by the pond";
            x.receivedAt = kNow;
            x.state = s;
            return x;
        });
        QCOMPARE(n, 4 * 3 * 6);
    }

    void transferSheetEveryCombination() {
        const std::vector<Expect> table{
            {"arrange", {"submitted"}, kSupervisorUp, "arranged",
             {{"department_id", "d-eng"}, {"instructions", "Replace the pump by Friday"}}},
            {"escalate", {"submitted", "arranged"}, kSupervisorUp, "submitted",
             {{"reason", "Cost above the office's authority"}}},
            {"resolve", {"arranged"}, kStaffUp, "resolved", {{"result", "Pump replaced"}}},
            {"close", {"resolved"}, kSupervisorUp, "closed", {{"reply", "Told the resident on the phone"}}},
        };
        const int n = enumerate<TransferSheet>(transferSheetWorkflow(), table, [](TransferSheetState s) {
            TransferSheet x;
            x.id = "ts-1";
            x.subject = "Basement pump";
            x.reason = "Beyond the department";
            x.state = s;
            return x;
        });
        QCOMPARE(n, 4 * 4 * 6);
    }

    void arrangementNoticeEveryCombination() {
        const std::vector<Expect> table{
            {"acknowledge", {"issued"}, {Role::Staff, Role::Supervisor}, "acknowledged"},
            {"complete", {"issued", "acknowledged"}, {Role::Staff, Role::Supervisor}, "completed",
             {{"result", "Done"}}},
            {"cancel", {"issued", "acknowledged"}, kSupervisorUp, "cancelled", {{"reason", "Superseded"}}},
        };
        const int n = enumerate<ArrangementNotice>(arrangementWorkflow(), table, [](ArrangementState s) {
            ArrangementNotice x;
            x.id = "an-1";
            x.departmentId = "d-eng";
            x.instructions = "Fix the gate";
            x.state = s;
            return x;
        });
        QCOMPARE(n, 4 * 3 * 6);
    }

    void rectificationEveryCombination() {
        const AttachmentRef sig{std::string(64, 'a'), AttachmentKind::Signature, "image/png", 1200, ""};
        const std::vector<Expect> table{
            {"fix_in_house", {"reported"}, kStaffUp, "in_house", {{"measures", "Re-grout the tiles"}}},
            {"hand_off", {"reported"}, kStaffUp, "with_developer"},
            {"plan", {"with_developer"}, {Role::DeveloperCs}, "scheduled",
             {{"measures", "Replace the window frame"}, {"completion_by", kLater}, {"team", "Team 3"}}},
            {"complete_work", {"in_house"}, kStaffUp, "awaiting_acceptance", {{"result", "Tiles re-grouted"}}},
            {"developer_accept", {"scheduled"}, {Role::DeveloperCs}, "awaiting_acceptance",
             {{"result", "Frame replaced and checked"}}},
            {"accept", {"awaiting_acceptance"}, kStaffUp, "accepted",
             {{"signature", sig}, {"signer_name", "Li Wei"}}},
            {"object", {"awaiting_acceptance"}, kStaffUp, "reported", {{"reason", "Still a gap at the sill"}}},
            {"cancel", {"reported"}, kSupervisorUp, "cancelled", {{"reason", "Not a defect"}}},
        };
        const int n = enumerate<RectificationItem>(rectificationWorkflow(), table, [](RectificationState s) {
            RectificationItem x;
            x.id = "r-1";
            x.unitId = "u-1";
            x.description = "Crack in the bathroom tiles";
            x.state = s;
            if (s != RectificationState::Reported) {
                RectificationRound r;
                r.developer = s == RectificationState::WithDeveloper || s == RectificationState::Scheduled;
                x.rounds.push_back(r);
            }
            return x;
        });
        QCOMPARE(n, 7 * 8 * 6);
    }

    void surveyCampaignEveryCombination() {
        const std::vector<Expect> table{
            {"open", {"draft"}, kSupervisorUp, "open"},
            {"close", {"open"}, kSupervisorUp, "closed"},
            {"publish", {"closed"}, kSupervisorUp, "reported", {{"notice_id", "n-9"}}},
            {"cancel", {"draft", "open"}, kSupervisorUp, "cancelled", {{"reason", "Typhoon"}}},
        };
        const int n = enumerate<SurveyCampaign>(surveyCampaignWorkflow(), table, [](CampaignState s) {
            SurveyCampaign x;
            x.id = "sc-1";
            x.title = "March opinion solicitation";
            x.categories = {Category::Cleaning};
            x.periodStart = kNow;
            x.periodEnd = kNow + std::chrono::hours{24 * 30};
            x.sample = {{"u-1", false}};
            x.quota = 1;
            x.state = s;
            return x;
        });
        QCOMPARE(n, 5 * 4 * 6);
    }

    void patrolRoundEveryCombination() {
        const std::vector<Expect> table{
            {"finish", {"in_progress"}, {Role::Staff, Role::Supervisor}, "completed"},
            {"abandon", {"in_progress"}, {Role::Staff, Role::Supervisor}, "abandoned",
             {{"reason", "Fire alarm: called away"}}},
        };
        const int n = enumerate<PatrolRound>(patrolRoundWorkflow(), table, [](PatrolRoundState s) {
            PatrolRound x;
            x.id = "pr-1";
            x.routeId = "route-1";
            x.startedAt = kNow - std::chrono::hours{1};
            x.checkpoints = {{"cp-1", "Gate", "North gate", "courtyard:cp:cp-1:x", 0, 15}};
            x.state = s;
            return x;
        });
        QCOMPARE(n, 3 * 2 * 6);
    }

    void inspectionAndNoticeEveryCombination() {
        const std::vector<Expect> inspectionTable{{"submit", {"draft"}, kStaffUp, "submitted"}};
        int n = enumerate<Inspection>(inspectionWorkflow(), inspectionTable, [](InspectionState s) {
            Inspection x;
            x.id = "i-1";
            x.templateId = "t-1";
            x.scale = {{"good", "Good", true}, {"poor", "Poor", false}};
            x.items = {{"badge", "Badge worn and straight", "", false}};
            x.graded = {{"badge", "good", "", {}, ""}};
            x.state = s;
            return x;
        });
        QCOMPARE(n, 2 * 1 * 6);
        const std::vector<Expect> noticeTable{
            {"withdraw", {"published"}, {Role::Supervisor, Role::Manager, Role::Admin}, "withdrawn",
             {{"reason", "Work postponed"}}}};
        n = enumerate<Notice>(noticeWorkflow(), noticeTable, [](NoticeState s) {
            Notice x;
            x.id = "n-1";
            x.title = "Water cut";
            x.state = s;
            return x;
        });
        QCOMPARE(n, 2 * 1 * 6);
    }

    void handoverEveryCombination() {
        const std::vector<Expect> table{{"acknowledge", {"open"}, kStaffUp, "acknowledged"}};
        const int n = enumerate<ShiftHandover>(handoverWorkflow(), table, [](HandoverState s) {
            ShiftHandover h;
            h.id = "h-1";
            h.fromStaffId = "s-outgoing";
            h.state = s;
            return h;
        });
        QCOMPARE(n, 2 * 1 * 6);
    }

    void theOutgoingShiftCannotAcknowledgeItsOwnHandover() {
        ShiftHandover h;
        h.id = "h-1";
        h.fromStaffId = "s-staff";
        auto out = handoverWorkflow().apply(h, {"acknowledge", Json::object(), actorFor(Role::Staff), kNow, "d:1"});
        QCOMPARE(out.error().code, ErrorCode::FailedPrecondition);
        QCOMPARE(h.state, HandoverState::Open);
    }

    // ---- What each transition requires ----------------------------------------------------

    void anInvalidComplaintNeedsANonOwnCauseAndAReason_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no reason") << R"({"cause":"external"})" << "reason";
        QTest::newRow("blank reason") << R"({"cause":"external","reason":"   "})" << "reason";
        QTest::newRow("own cause is not invalid") << R"({"cause":"own","reason":"x"})" << "cause";
        QTest::newRow("unknown cause") << R"({"cause":"weather","reason":"x"})" << "cause";
        QTest::newRow("no cause") << R"({"reason":"x"})" << "cause";
    }
    void anInvalidComplaintNeedsANonOwnCauseAndAReason() {
        QFETCH(QString, params);
        QFETCH(QString, mentions);
        auto c = complaintIn(ComplaintState::Received);
        const Json before = snapshot(c);
        auto out = complaintWorkflow().apply(
            c, {"reject", Json::parse(params.toStdString()), actorFor(Role::Supervisor), kNow, "d:1"});
        QVERIFY(!out);
        QCOMPARE(out.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(out.error().message.find(mentions.toStdString()) != std::string::npos,
                 out.error().message.c_str());
        QCOMPARE(snapshot(c), before);
    }

    void aReplyNeedsMeasuresAndResultUnlessItOnlyExplains() {
        auto c = complaintIn(ComplaintState::Handling);
        auto out = complaintWorkflow().apply(
            c, {"reply", {{"handling_mode", "solved_at_once"}, {"reply", "Done"}}, actorFor(Role::Staff), kNow, "d:1"});
        QVERIFY(!out);
        QVERIFY(out.error().message.find("measures") != std::string::npos);
        out = complaintWorkflow().apply(
            c, {"reply", {{"handling_mode", "explain_only"}, {"reply", "The fee is set by the price bureau"}},
                actorFor(Role::Staff), kNow, "d:1"});
        QVERIFY(out);
        QCOMPARE(c.state, ComplaintState::Replied);
        QCOMPARE(c.repliedAt, std::optional<Instant>(kNow));
        QCOMPARE(c.firstRepliedAt, std::optional<Instant>(kNow));
    }

    // 沟通禁语: what is said to the complainant is refused, on every device and on the server.
    void aReplyWithAForbiddenPhraseIsRefusedAndChangesNothing() {
        auto c = complaintIn(ComplaintState::Handling);
        auto out = complaintWorkflow().apply(
            c, {"reply", {{"handling_mode", "explain_only"}, {"reply", "这个事情不归我们管"}}, actorFor(Role::Staff),
                kNow, "d:1"});
        QVERIFY(!out);
        QVERIFY(out.error().message.find("不归我们管") != std::string::npos);
        QCOMPARE(c.state, ComplaintState::Handling);
        QVERIFY(c.reply.empty());
        auto fresh = complaintIn(ComplaintState::Received);
        QVERIFY(!complaintWorkflow().apply(fresh, {"answer_on_spot", {{"reply", "您可以投诉我去"}},
                                                   actorFor(Role::Staff), kNow, "d:2"}));
        QCOMPARE(fresh.state, ComplaintState::Received);
    }

    void anUnsatisfiedVisitReopensTheComplaintForAnotherRound() {
        auto c = complaintIn(ComplaintState::Replied);
        c.repliedAt = kNow - std::chrono::hours{5};
        c.firstRepliedAt = c.repliedAt;
        auto out = complaintWorkflow().apply(
            c, {"visit", {{"opinion", "Still leaking"}, {"satisfied", false}}, actorFor(Role::Staff), kNow, "d:2"});
        QVERIFY(out);
        QCOMPARE(c.state, ComplaintState::Handling);
        QCOMPARE(c.round, 2);
        QCOMPARE(c.visits.size(), std::size_t(1));
        QCOMPARE(c.visits[0].opinion, std::string("Still leaking"));
        QVERIFY(!c.visits[0].satisfied);
        // Closing without a satisfied visit is refused even if the state were forced.
        c.state = ComplaintState::Visited;
        out = complaintWorkflow().apply(c, {"close", Json::object(), actorFor(Role::Supervisor), kNow, "d:3"});
        QVERIFY(!out);
        QCOMPARE(out.error().code, ErrorCode::FailedPrecondition);
        QVERIFY(out.error().message.find("visit") != std::string::npos);
    }

    void anExplainedComplaintAboutPublicFacilitiesClosesAtOnce() {
        auto c = complaintIn(ComplaintState::Received);
        QVERIFY(complaintWorkflow().apply(c, {"reject", {{"cause", "public_facility"}, {"reason", "City road"}},
                                              actorFor(Role::Supervisor), kNow, "d:1"}));
        // The deciding supervisor's department owns it, so its reports count it.
        QCOMPARE(c.departmentId, std::string("d-cs"));
        QVERIFY(complaintWorkflow().apply(c, {"explain", {{"explanation", "The road belongs to the city"}},
                                              actorFor(Role::Staff), kNow, "d:2"}));
        QCOMPARE(c.state, ComplaintState::Closed);
        QCOMPARE(c.closedAt, std::optional<Instant>(kNow));
    }

    void theSameTransitionTwiceIsANoOpButARivalEditIsRefused() {
        auto c = complaintIn(ComplaintState::Received);
        const Json accept{{"reach", "community"}};
        QVERIFY(complaintWorkflow().apply(c, {"accept", accept, actorFor(Role::Supervisor), kNow, "a:1"}));
        const Json after = snapshot(c);
        // Another device took the very same decision offline: nothing changes, no error.
        auto again = complaintWorkflow().apply(c, {"accept", accept, actorFor(Role::Manager), kNow, "b:4"});
        QVERIFY(again);
        QVERIFY(again->noop);
        QCOMPARE(snapshot(c), after);
        // The same action with different details lost the race: refused, and says who won.
        auto rival = complaintWorkflow().apply(
            c, {"accept", {{"reach", "media"}}, actorFor(Role::Manager), kNow, "b:5"});
        QVERIFY(!rival);
        QCOMPARE(rival.error().code, ErrorCode::Conflict);
        QVERIFY(rival.error().message.find("Tester") != std::string::npos);
        QCOMPARE(snapshot(c), after);
        // A different transition from the wrong state is still just illegal.
        auto reject = complaintWorkflow().apply(
            c, {"reject", {{"cause", "external"}, {"reason", "x"}}, actorFor(Role::Manager), kNow, "b:6"});
        QCOMPARE(reject.error().code, ErrorCode::FailedPrecondition);
    }

    void aTransferSheetClimbsToTheGmAndOnlyManagersActAboveTheOffice() {
        TransferSheet s;
        s.id = "ts-1";
        s.subject = "Pump";
        s.reason = "Budget";
        const auto& wf = transferSheetWorkflow();
        QVERIFY(wf.apply(s, {"escalate", {{"reason", "Cost"}}, actorFor(Role::Supervisor), kNow, "d:1"}));
        QCOMPARE(s.level, SheetLevel::DeputyGm);
        auto sup = wf.apply(s, {"arrange", {{"department_id", "d-eng"}, {"instructions", "Do it"}},
                                actorFor(Role::Supervisor), kNow, "d:2"});
        QVERIFY(!sup);
        QCOMPARE(sup.error().code, ErrorCode::PermissionDenied);
        QVERIFY(wf.apply(s, {"escalate", {{"reason", "Needs the GM"}}, actorFor(Role::Manager), kNow, "d:3"}));
        QCOMPARE(s.level, SheetLevel::Gm);
        auto beyond = wf.apply(s, {"escalate", {{"reason", "?"}}, actorFor(Role::Manager), kNow, "d:4"});
        QCOMPARE(beyond.error().code, ErrorCode::FailedPrecondition);
        QVERIFY(wf.apply(s, {"arrange", {{"department_id", "d-eng"}, {"instructions", "Approved"}},
                             actorFor(Role::Manager), kNow, "d:5"}));
        QCOMPARE(s.state, TransferSheetState::Arranged);
    }

    void anObjectionOpensASecondRoundThatRunsTheSameWay() {
        RectificationItem r;
        r.id = "r-1";
        r.unitId = "u-1";
        r.description = "Window leaks";
        const auto& wf = rectificationWorkflow();
        const AttachmentRef sig{std::string(64, 'b'), AttachmentKind::Signature, "image/png", 900, ""};
        QVERIFY(wf.apply(r, {"hand_off", Json::object(), actorFor(Role::Staff), kNow, "d:1"}));
        QVERIFY(wf.apply(r, {"plan", {{"measures", "New seal"}, {"completion_by", kLater}, {"team", "T1"}},
                             actorFor(Role::DeveloperCs), kNow, "d:2"}));
        QVERIFY(wf.apply(r, {"developer_accept", {{"result", "Sealed"}}, actorFor(Role::DeveloperCs), kNow, "d:3"}));
        QVERIFY(wf.apply(r, {"object", {{"reason", "Leaks in rain"}}, actorFor(Role::Staff), kNow, "d:4"}));
        QCOMPARE(r.state, RectificationState::Reported);
        QCOMPARE(r.round(), 2);
        QCOMPARE(r.rounds[0].objection, std::string("Leaks in rain"));
        QVERIFY(wf.apply(r, {"hand_off", Json::object(), actorFor(Role::Staff), kNow, "d:5"}));
        QCOMPARE(r.rounds.size(), std::size_t(2));
        QVERIFY(r.rounds[1].developer);
        QVERIFY(wf.apply(r, {"plan", {{"measures", "Replace frame"}, {"completion_by", kLater}, {"team", "T2"}},
                             actorFor(Role::DeveloperCs), kNow, "d:6"}));
        QVERIFY(wf.apply(r, {"developer_accept", {{"result", "Replaced"}}, actorFor(Role::DeveloperCs), kNow, "d:7"}));
        // The resident signs: a signature attachment is required, a photo will not do.
        AttachmentRef photo = sig;
        photo.kind = AttachmentKind::Photo;
        auto wrong = wf.apply(r, {"accept", {{"signature", photo}, {"signer_name", "Li"}}, actorFor(Role::Staff), kNow, "d:8"});
        QCOMPARE(wrong.error().code, ErrorCode::InvalidArgument);
        QVERIFY(wf.apply(r, {"accept", {{"signature", sig}, {"signer_name", "Li"}}, actorFor(Role::Staff), kNow, "d:9"}));
        QCOMPARE(r.state, RectificationState::Accepted);
        QCOMPARE(r.signature->sha256, sig.sha256);
    }

    void staffFoundItemsAreAcceptedByTheFindingDepartment() {
        RectificationItem r;
        r.id = "r-2";
        r.source = RectificationSource::Security;
        r.area = "B2 car park";
        r.description = "Broken light";
        r.state = RectificationState::AwaitingAcceptance;
        r.rounds.push_back({});
        auto out = rectificationWorkflow().apply(r, {"accept", Json::object(), actorFor(Role::Staff), kNow, "d:1"});
        QVERIFY(!out);
        QVERIFY(out.error().message.find("accepted_by") != std::string::npos);
        QVERIFY(rectificationWorkflow().apply(r, {"accept", {{"accepted_by", "s-sec-head"}},
                                                  actorFor(Role::Staff), kNow, "d:2"}));
        QCOMPARE(r.acceptedBy, std::string("s-sec-head"));
    }

    void anInspectionIsSubmittedOnlyFullyGradedWithPhotosOfFailures() {
        Inspection i;
        i.id = "i-1";
        i.templateId = "t-1";
        i.scale = {{"good", "Good", true}, {"fair", "Fair", true}, {"poor", "Poor", false}};
        i.items = {{"uniform", "Uniform buttoned and ironed", "", true}, {"badge", "Badge", "", false}};
        i.graded = {{"badge", "good", "", {}, ""}};
        auto out = inspectionWorkflow().apply(i, {"submit", Json::object(), actorFor(Role::Supervisor), kNow, "d:1"});
        QCOMPARE(out.error().code, ErrorCode::FailedPrecondition);
        i.graded.push_back({"uniform", "poor", "Creased", {}, ""});
        out = inspectionWorkflow().apply(i, {"submit", Json::object(), actorFor(Role::Supervisor), kNow, "d:1"});
        QVERIFY(out.error().message.find("photo") != std::string::npos);
        i.graded[1].photos.push_back({std::string(64, 'c'), AttachmentKind::Photo, "image/jpeg", 5000, ""});
        QVERIFY(inspectionWorkflow().apply(i, {"submit", Json::object(), actorFor(Role::Supervisor), kNow, "d:1"}));
        QCOMPARE(failedItems(i), std::vector<std::string>{"uniform"});
    }

    void aPatrolRoundFlagsMissedAndLateCheckpoints() {
        PatrolRound r;
        r.id = "pr-1";
        r.routeId = "route";
        r.startedAt = kNow;
        r.checkpoints = {{"a", "Gate", "", "qa", 0, 10},
                         {"b", "Pump room", "", "qb", 20, 10},
                         {"c", "Roof", "", "qc", 40, 10}};
        r.visits = {{"v1", "a", kNow + std::chrono::minutes{5}, ScanMethod::Qr, "", ""},
                    {"v2", "b", kNow + std::chrono::minutes{31}, ScanMethod::Manual, "Code scratched off", ""}};
        QVERIFY(!validateVisit(r, {"v3", "zz", kNow, ScanMethod::Qr, "", ""}));
        QVERIFY(!validateVisit(r, {"v3", "c", kNow, ScanMethod::Manual, "", ""}));
        QVERIFY(validateVisit(r, {"v3", "c", kNow, ScanMethod::Qr, "", ""}));
        QVERIFY(patrolRoundWorkflow().apply(r, {"finish", Json::object(), actorFor(Role::Staff),
                                                kNow + std::chrono::minutes{60}, "d:1"}));
        QCOMPARE(r.results.size(), std::size_t(3));
        QCOMPARE(r.results[0].status, std::string("on_time"));
        QCOMPARE(r.results[1].status, std::string("late"));
        QCOMPARE(r.results[2].status, std::string("missed"));
        QVERIFY(!r.results[2].visitedAt);
        QVERIFY(!validateVisit(r, {"v4", "c", kNow, ScanMethod::Qr, "", ""})); // round is over
    }

    void aCampaignOpensOnlyWithItsSampleDrawn() {
        SurveyCampaign c;
        c.id = "sc";
        c.title = "t";
        c.categories = {Category::Security};
        c.periodStart = kNow;
        c.periodEnd = kNow + std::chrono::hours{1};
        auto out = surveyCampaignWorkflow().apply(c, {"open", Json::object(), actorFor(Role::Supervisor), kNow, "d:1"});
        QCOMPARE(out.error().code, ErrorCode::FailedPrecondition);
        QCOMPARE(c.state, CampaignState::Draft);
    }
};

QTEST_GUILESS_MAIN(WorkflowTest)
#include "workflow_test.moc"
