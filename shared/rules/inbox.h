#pragma once
// A person's inbox: what the records say they must act on or be told of now. One rule, called
// by the server (GET /v1/inbox, authoritative) and by the tablet over its synced records
// (provisional, like its deadlines), so both list the same items for the same records.
//
// Each open record gives a person at most one item, for the first reason that holds, in this
// order: overdue, due soon (both within the person's scope), answered on the spot (the
// department head takes note), they are the leader who follows a complaint from outside to the
// end (a new item at each state and round, until it is closed), a complaint from outside has no
// leader yet (the deputy GM and the GM: name one), the grade names their position, a follow-up
// visit is due, assigned to them, addressed to their position or department.
//
// Overdue records of every type with a clock (rules/overdue.h) reach, besides the people who act
// on them, the positions the escalation ladder has climbed to by now: a department head for
// their own department's records — a record that belongs to no department (a suggestion, a
// survey campaign, a complaint not yet given to one) is the management office's, so its
// department-head rung reaches the office director — and every higher position for the
// records of the communities they serve. The item says what to do and
// carries a key; a seen mark (domain/inbox_seen.h) names the record and that key, so an item
// that comes back for a new reason, a new round or a higher level is new again.

#include "shared/domain/complaint.h"
#include "shared/domain/inbox_seen.h"
#include "shared/domain/patrol.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/rules/policy.h"

#include <optional>
#include <string>
#include <vector>

namespace courtyard::rules {

enum class InboxReason { Overdue, DueSoon, OnTheSpot, Leader, Outside, Grade, VisitDue, Assigned, Addressed };
COURTYARD_ENUM_STRINGS(InboxReason, {{InboxReason::Overdue, "overdue"},
                                     {InboxReason::DueSoon, "due_soon"},
                                     {InboxReason::OnTheSpot, "on_the_spot"},
                                     {InboxReason::Leader, "leader"},
                                     {InboxReason::Outside, "outside"},
                                     {InboxReason::Grade, "grade"},
                                     {InboxReason::VisitDue, "visit_due"},
                                     {InboxReason::Assigned, "assigned"},
                                     {InboxReason::Addressed, "addressed"}})

// What the person is to do about it.
enum class InboxAction {
    Decide,         // a new complaint: valid or not, who handles it
    Reply,          // reply to the complainant or resident
    Explain,        // explain an invalid complaint
    FollowReferral, // follow the developer's or outside body's result
    Arrange,        // name the responsible department (sheet, escalated complaint)
    Resolve,        // record the result of an arranged sheet
    Visit,          // the follow-up visit
    Close,          // close after a satisfied visit
    Acknowledge,    // acknowledge an arrangement notice
    Complete,       // complete the arranged work
    Rectify,        // fix or hand off a rectification item
    Accept,         // have the work accepted
    TakeNote,       // be told: nothing to change on the record
    Patrol,         // walk a scheduled patrol round
    NameLeader,     // name the leader who follows a complaint from outside to the end
};
COURTYARD_ENUM_STRINGS(InboxAction, {{InboxAction::Decide, "decide"},
                                     {InboxAction::Reply, "reply"},
                                     {InboxAction::Explain, "explain"},
                                     {InboxAction::FollowReferral, "follow_referral"},
                                     {InboxAction::Arrange, "arrange"},
                                     {InboxAction::Resolve, "resolve"},
                                     {InboxAction::Visit, "visit"},
                                     {InboxAction::Close, "close"},
                                     {InboxAction::Acknowledge, "acknowledge"},
                                     {InboxAction::Complete, "complete"},
                                     {InboxAction::Rectify, "rectify"},
                                     {InboxAction::Accept, "accept"},
                                     {InboxAction::TakeNote, "take_note"},
                                     {InboxAction::Patrol, "patrol"},
                                     {InboxAction::NameLeader, "name_leader"}})

// Whose inbox: a staff member as the staff records say (the server: the proven person).
struct InboxPerson {
    std::string staffId;
    domain::Position position = domain::Position::Staff;
    std::string departmentId;
};

struct InboxItem {
    std::string recordType;
    std::string recordId;
    std::string communityId;
    InboxReason reason = InboxReason::Assigned;
    InboxAction action = InboxAction::TakeNote;
    // What a seen mark names with the record id: the reason, and for a complaint its round, for
    // a sheet the level it is addressed to ("grade", "visit_due.2", "addressed.deputy_gm").
    std::string key;
    std::string title; // a line of the record's own text, for the list
    std::string state;
    std::optional<Instant> dueAt;
    std::string dueRule;
    bool provisional = true; // the deadline is the device's figure
    std::optional<int> grade;
    // Overdue: the ladder rung the deadline has reached by now (who it has climbed to).
    std::optional<domain::Escalation> escalation;
    bool seen = false;
};
void to_json(Json& j, const InboxItem& i);
void from_json(const Json& j, InboxItem& i);

// The record types that can put an item in an inbox.
const std::vector<std::string>& inboxRecordTypes();

std::optional<InboxItem> inboxItem(const domain::Complaint& c, const InboxPerson& me, Instant now,
                                   const Policy& policy);
std::optional<InboxItem> inboxItem(const domain::Suggestion& s, const InboxPerson& me, Instant now,
                                   const Policy& policy);
std::optional<InboxItem> inboxItem(const domain::TransferSheet& s, const InboxPerson& me, Instant now,
                                   const Policy& policy);
std::optional<InboxItem> inboxItem(const domain::ArrangementNotice& n, const InboxPerson& me, Instant now,
                                   const Policy& policy);
std::optional<InboxItem> inboxItem(const domain::RectificationItem& r, const InboxPerson& me, Instant now,
                                   const Policy& policy);
// A survey campaign is in its creator's inbox (and up the ladder) only when its fieldwork period
// is about to end or has ended while it is still open: close it.
std::optional<InboxItem> inboxItem(const domain::SurveyCampaign& c, const InboxPerson& me, Instant now,
                                   const Policy& policy);
// A scheduled patrol round (rules/patrol_schedule.h): due soon (from the policy's warning window
// before its time until its start window closes) for the staff of the route's department while
// nobody has started it — walk it; missed or incomplete for the head of that department (the
// guard supervisor), for the two days the server still judges it — take note.
std::optional<InboxItem> inboxItem(const domain::PatrolSlot& s, const InboxPerson& me, Instant now,
                                   const Policy& policy);
// A stored record of any type, as JSON: decoded and passed to the function of its type;
// nullopt for other types and for bodies that do not decode.
std::optional<InboxItem> inboxItem(std::string_view type, const Json& body, const InboxPerson& me, Instant now,
                                   const Policy& policy);

// Marks as seen the items the person's marks name (marks of other people are ignored).
void applySeen(std::vector<InboxItem>& items, const std::vector<domain::InboxSeen>& marks,
               const std::string& staffId);
// The order an inbox is read in: overdue first, then by deadline (none last), then by id.
void sortInbox(std::vector<InboxItem>& items);

} // namespace courtyard::rules
