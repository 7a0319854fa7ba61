#include "shared/rules/inbox.h"

#include "shared/rules/deadlines.h"
#include "shared/rules/derive.h"
#include "shared/rules/grading.h"
#include "shared/rules/patrol_schedule.h"

#include <algorithm>
#include <set>
#include <utility>

namespace courtyard::rules {

namespace {

using domain::Deadline;
using domain::Position;

// Overdue, or due within the policy's warning window; nothing else has a clock reason.
std::optional<InboxReason> clockReason(const std::optional<Deadline>& due, Instant now, const Policy& policy) {
    if (!due)
        return std::nullopt;
    if (isOverdue(*due, now))
        return InboxReason::Overdue;
    if (due->dueAt - now <= std::chrono::minutes{policy.inboxWarningMinutes})
        return InboxReason::DueSoon;
    return std::nullopt;
}

// Whether the escalation ladder, as far as an overdue deadline has climbed by now, names this
// position (the same steps escalationFor walks).
bool ladderNames(const Deadline& due, Instant now, const Policy& policy, Position position) {
    if (!isOverdue(due, now))
        return false;
    const auto overdue = std::chrono::duration_cast<std::chrono::minutes>(now - due.dueAt);
    for (const auto& step : policy.escalation) {
        if (overdue.count() < step.afterMinutes)
            break;
        if (step.notify == position)
            return true;
    }
    return false;
}

// Whether the ladder, as far as an overdue deadline has climbed by now, reaches this person for
// a record of `departmentId` (inbox.h: a department head for their own department's records,
// the office director for a record of no department, the positions above for any record).
bool ladderReaches(const Deadline& due, Instant now, const Policy& policy, const InboxPerson& me,
                   const std::string& departmentId) {
    if (me.position == Position::DepartmentHead)
        return !departmentId.empty() && departmentId == me.departmentId &&
               ladderNames(due, now, policy, Position::DepartmentHead);
    if (me.position == Position::OfficeDirector && departmentId.empty() &&
        ladderNames(due, now, policy, Position::DepartmentHead))
        return true;
    return ladderNames(due, now, policy, me.position);
}

bool overdueFor(const std::optional<Deadline>& due, Instant now, const Policy& policy, const InboxPerson& me,
                const std::string& departmentId) {
    return due && isOverdue(*due, now) && ladderReaches(*due, now, policy, me, departmentId);
}

// A line of the record's own words: the first line, at most about 80 bytes, cut on a UTF-8
// character boundary.
std::string titleOf(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    if (line.size() <= 80)
        return line;
    std::size_t cut = 80;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
        --cut;
    return line.substr(0, cut) + "…";
}

InboxItem itemOf(const domain::RecordHeader& h, std::string_view type, std::string state, const std::string& text,
                 const std::optional<Deadline>& due) {
    InboxItem i;
    i.recordType = std::string(type);
    i.recordId = h.id;
    i.communityId = h.communityId;
    i.state = std::move(state);
    i.title = titleOf(text);
    if (due) {
        i.dueAt = due->dueAt;
        i.dueRule = due->rule;
        i.provisional = due->provisional;
    } else {
        i.provisional = false;
    }
    return i;
}

void decide(InboxItem& i, InboxReason reason, InboxAction action, std::string instance = {}) {
    i.reason = reason;
    i.action = action;
    i.key = std::string(enumName(reason));
    if (!instance.empty())
        i.key += "." + instance;
}

// The item for a record whose deadline has passed: what to do, and how far up it has gone.
void decideOverdue(InboxItem& i, const Deadline& due, Instant now, const Policy& policy, InboxAction action,
                   std::string instance) {
    decide(i, InboxReason::Overdue, action, std::move(instance));
    i.escalation = escalationFor(due, now, policy);
}

InboxAction complaintAction(domain::ComplaintState s) {
    using S = domain::ComplaintState;
    switch (s) {
    case S::Received:
        return InboxAction::Decide;
    case S::Handling:
        return InboxAction::Reply;
    case S::Escalated:
        return InboxAction::Arrange;
    case S::Explaining:
        return InboxAction::Explain;
    case S::Referred:
        return InboxAction::FollowReferral;
    case S::Replied:
        return InboxAction::Visit;
    case S::Visited:
        return InboxAction::Close;
    case S::Closed:
    case S::Cancelled:
        break;
    }
    return InboxAction::TakeNote;
}

bool answeredOnTheSpot(const domain::Complaint& c) {
    return std::any_of(c.timeline.begin(), c.timeline.end(),
                       [](const domain::TimelineEvent& e) { return e.action == "answer_on_spot"; });
}

Position addressee(domain::SheetLevel level) {
    switch (level) {
    case domain::SheetLevel::OfficeDirector:
        return Position::OfficeDirector;
    case domain::SheetLevel::DeputyGm:
        return Position::DeputyGm;
    case domain::SheetLevel::Gm:
        return Position::Gm;
    }
    return Position::OfficeDirector;
}

template <typename T>
std::optional<InboxItem> decoded(const Json& body, const InboxPerson& me, Instant now, const Policy& policy) {
    auto rec = decodeJson<T>(body);
    if (!rec)
        return std::nullopt;
    return inboxItem(*rec, me, now, policy);
}

} // namespace

const std::vector<std::string>& inboxRecordTypes() {
    static const std::vector<std::string> types{"complaint",     "suggestion",     "transfer_sheet", "arrangement_notice",
                                                "rectification", "survey_campaign", "patrol_slot"};
    return types;
}

std::optional<InboxItem> inboxItem(const domain::Complaint& c, const InboxPerson& me, Instant now,
                                   const Policy& policy) {
    if (!domain::isOpen(c))
        return std::nullopt;
    const bool mine = !me.staffId.empty() && c.handlerId == me.staffId;
    const bool department = !me.departmentId.empty() && c.departmentId == me.departmentId;
    // A department head is told of their own department's complaints; the positions above
    // them of every complaint of the communities they serve.
    const bool named = me.position != Position::DepartmentHead || department;
    const auto due = activeDeadline(c);
    auto item = itemOf(c, domain::Complaint::kType, std::string(enumName(c.state)), c.content, due);
    item.grade = c.grade;
    const InboxAction next = complaintAction(c.state);
    const auto clock = clockReason(due, now, policy);
    // A reopened round's clock is a new one each round: its key names the round.
    const std::string clockKey = due && c.round > 1 ? due->rule + "." + std::to_string(c.round) : due ? due->rule : "";
    if (clock == InboxReason::Overdue && (mine || department || overdueFor(due, now, policy, me, c.departmentId)))
        decideOverdue(item, *due, now, policy, next, clockKey);
    else if (clock == InboxReason::DueSoon && (mine || department))
        decide(item, InboxReason::DueSoon, next, clockKey);
    else if (answeredOnTheSpot(c) && me.position == Position::DepartmentHead && department && !mine)
        decide(item, InboxReason::OnTheSpot, InboxAction::TakeNote);
    else if (!c.leaderId.empty() && c.leaderId == me.staffId)
        // Followed to the end: every step it takes is news to the leader, until it is closed.
        decide(item, InboxReason::Leader, mine ? next : InboxAction::TakeNote,
               std::string(enumName(c.state)) + (c.round > 1 ? "." + std::to_string(c.round) : ""));
    else if (domain::fromOutside(c.channel) && c.leaderId.empty() &&
             (me.position == Position::DeputyGm || me.position == Position::Gm))
        decide(item, InboxReason::Outside, InboxAction::NameLeader);
    else if (c.grade && named && [&] {
                 const auto& told = whoMustBeTold(*c.grade, policy);
                 return std::find(told.begin(), told.end(), me.position) != told.end();
             }())
        // The handler the grade also names still has the complaint to move on.
        decide(item, InboxReason::Grade, mine ? next : InboxAction::TakeNote, std::to_string(*c.grade));
    else if (c.state == domain::ComplaintState::Replied && (mine || department))
        decide(item, InboxReason::VisitDue, InboxAction::Visit, std::to_string(c.round));
    else if (mine)
        decide(item, InboxReason::Assigned, next);
    else if (department)
        decide(item, InboxReason::Addressed, next);
    else
        return std::nullopt;
    return item;
}

std::optional<InboxItem> inboxItem(const domain::Suggestion& s, const InboxPerson& me, Instant now,
                                   const Policy& policy) {
    using S = domain::SuggestionState;
    if (s.state != S::Received && s.state != S::Acknowledged)
        return std::nullopt;
    const bool mine = !me.staffId.empty() && s.handlerId == me.staffId;
    const auto due = activeDeadline(s);
    auto item = itemOf(s, domain::Suggestion::kType, std::string(enumName(s.state)), s.content, due);
    const auto clock = clockReason(due, now, policy);
    // A suggestion belongs to no department: the ladder's first rung is the office director.
    if (clock == InboxReason::Overdue && (mine || overdueFor(due, now, policy, me, {})))
        decideOverdue(item, *due, now, policy, mine ? InboxAction::Reply : InboxAction::TakeNote, due->rule);
    else if (!mine)
        return std::nullopt;
    else if (clock)
        decide(item, *clock, InboxAction::Reply, due->rule);
    else
        decide(item, InboxReason::Assigned, InboxAction::Reply);
    return item;
}

std::optional<InboxItem> inboxItem(const domain::TransferSheet& s, const InboxPerson& me, Instant now,
                                   const Policy& policy) {
    using S = domain::TransferSheetState;
    const auto due = activeDeadline(s);
    auto item = itemOf(s, domain::TransferSheet::kType, std::string(enumName(s.state)), s.subject, due);
    // Submitted: addressed to the position at its level (the office director first, then the
    // deputy GM, the GM), who names the responsible department within the policy's working
    // days; late, it climbs the ladder from the sending department's head. Arranged: the head
    // of the department it was arranged to records the result.
    const bool addressed = s.state == S::Submitted && me.position == addressee(s.level);
    const auto clock = clockReason(due, now, policy);
    const std::string level(enumName(s.level));
    if (clock == InboxReason::Overdue && (addressed || overdueFor(due, now, policy, me, s.fromDepartmentId)))
        decideOverdue(item, *due, now, policy, addressed ? InboxAction::Arrange : InboxAction::TakeNote,
                      due->rule + "." + level);
    else if (clock == InboxReason::DueSoon && addressed)
        decide(item, InboxReason::DueSoon, InboxAction::Arrange, due->rule + "." + level);
    else if (addressed)
        decide(item, InboxReason::Addressed, InboxAction::Arrange, level);
    else if (s.state == S::Arranged && me.position == Position::DepartmentHead && !me.departmentId.empty() &&
             s.assignedDepartmentId == me.departmentId)
        decide(item, InboxReason::Addressed, InboxAction::Resolve, "arranged");
    else
        return std::nullopt;
    return item;
}

std::optional<InboxItem> inboxItem(const domain::ArrangementNotice& n, const InboxPerson& me, Instant now,
                                   const Policy& policy) {
    using A = domain::ArrangementState;
    if (n.state != A::Issued && n.state != A::Acknowledged)
        return std::nullopt;
    const bool mine = !me.staffId.empty() && n.assigneeId == me.staffId;
    // A notice to a department with nobody named is everyone's there; a named one is also its
    // department head's.
    const bool department = !me.departmentId.empty() && n.departmentId == me.departmentId &&
                            (n.assigneeId.empty() || me.position == Position::DepartmentHead);
    const auto due = activeDeadline(n);
    const bool escalated = overdueFor(due, now, policy, me, n.departmentId);
    if (!mine && !department && !escalated)
        return std::nullopt;
    auto item = itemOf(n, domain::ArrangementNotice::kType, std::string(enumName(n.state)), n.instructions, due);
    const InboxAction next = n.state == A::Issued ? InboxAction::Acknowledge : InboxAction::Complete;
    const auto clock = clockReason(due, now, policy);
    if (clock == InboxReason::Overdue)
        decideOverdue(item, *due, now, policy, mine || department ? next : InboxAction::TakeNote, due->rule);
    else if (clock)
        decide(item, *clock, next, due->rule);
    else
        decide(item, mine ? InboxReason::Assigned : InboxReason::Addressed, next);
    return item;
}

std::optional<InboxItem> inboxItem(const domain::RectificationItem& r, const InboxPerson& me, Instant now,
                                   const Policy& policy) {
    using S = domain::RectificationState;
    const auto due = activeDeadline(r);
    const auto clock = clockReason(due, now, policy);
    // With the developer it is the developer's to act on; once its agreed date is near or past,
    // customer service follows it up.
    InboxAction next;
    if (r.state == S::Reported)
        next = InboxAction::Rectify;
    else if (r.state == S::InHouse)
        next = InboxAction::Complete;
    else if (r.state == S::AwaitingAcceptance)
        next = InboxAction::Accept;
    else if (r.state == S::Scheduled && clock)
        next = InboxAction::FollowReferral;
    else
        return std::nullopt;
    const bool mine = !me.staffId.empty() && r.createdBy == me.staffId;
    const bool department = !me.departmentId.empty() && r.foundByDepartmentId == me.departmentId;
    const bool escalated = overdueFor(due, now, policy, me, r.foundByDepartmentId);
    if (!mine && !department && !escalated)
        return std::nullopt;
    auto item = itemOf(r, domain::RectificationItem::kType, std::string(enumName(r.state)),
                       r.description.empty() ? r.area : r.description, due);
    const std::string clockKey = due ? due->rule + "." + std::to_string(r.round()) : std::string();
    if (clock == InboxReason::Overdue)
        decideOverdue(item, *due, now, policy, mine || department ? next : InboxAction::TakeNote, clockKey);
    else if (clock)
        decide(item, *clock, next, clockKey);
    else
        decide(item, mine ? InboxReason::Assigned : InboxReason::Addressed, next, std::to_string(r.round()));
    return item;
}

std::optional<InboxItem> inboxItem(const domain::SurveyCampaign& c, const InboxPerson& me, Instant now,
                                   const Policy& policy) {
    if (c.state != domain::CampaignState::Open)
        return std::nullopt;
    const bool mine = !me.staffId.empty() && c.createdBy == me.staffId;
    const auto due = activeDeadline(c);
    const auto clock = clockReason(due, now, policy);
    auto item = itemOf(c, domain::SurveyCampaign::kType, std::string(enumName(c.state)), c.title, due);
    // A campaign belongs to no department: the management office's (inbox.h).
    if (clock == InboxReason::Overdue && (mine || overdueFor(due, now, policy, me, {})))
        decideOverdue(item, *due, now, policy, mine ? InboxAction::Close : InboxAction::TakeNote, due->rule);
    else if (clock == InboxReason::DueSoon && mine)
        decide(item, InboxReason::DueSoon, InboxAction::Close, due->rule);
    else
        return std::nullopt;
    return item;
}

std::optional<InboxItem> inboxItem(const domain::PatrolSlot& s, const InboxPerson& me, Instant now,
                                   const Policy& policy) {
    using S = domain::PatrolSlotStatus;
    if (s.departmentId.empty() || s.departmentId != me.departmentId || now >= s.dueAt + kJudgedFor)
        return std::nullopt;
    InboxItem item;
    item.recordType = std::string(domain::PatrolSlot::kType);
    item.recordId = s.id;
    item.communityId = s.communityId;
    item.state = std::string(enumName(s.status));
    item.title = titleOf(s.routeName);
    item.provisional = false; // the server judges expected rounds; a device only reads them
    const bool head = me.position == Position::DepartmentHead;
    if ((s.status == S::Missed || s.status == S::Incomplete) && head) {
        item.dueAt = s.status == S::Missed ? s.startBy : s.finishBy;
        item.dueRule = s.status == S::Missed ? "patrol.start" : "patrol.finish";
        decide(item, InboxReason::Overdue, InboxAction::TakeNote, std::string(enumName(s.status)));
        return item;
    }
    if (s.status == S::Expected && me.position == Position::Staff && now < s.startBy &&
        s.dueAt - now <= std::chrono::minutes{policy.inboxWarningMinutes}) {
        item.dueAt = s.dueAt;
        item.dueRule = "patrol.start";
        decide(item, InboxReason::DueSoon, InboxAction::Patrol, "patrol");
        return item;
    }
    return std::nullopt;
}

std::optional<InboxItem> inboxItem(std::string_view type, const Json& body, const InboxPerson& me, Instant now,
                                   const Policy& policy) {
    if (type == domain::Complaint::kType)
        return decoded<domain::Complaint>(body, me, now, policy);
    if (type == domain::Suggestion::kType)
        return decoded<domain::Suggestion>(body, me, now, policy);
    if (type == domain::TransferSheet::kType)
        return decoded<domain::TransferSheet>(body, me, now, policy);
    if (type == domain::ArrangementNotice::kType)
        return decoded<domain::ArrangementNotice>(body, me, now, policy);
    if (type == domain::RectificationItem::kType)
        return decoded<domain::RectificationItem>(body, me, now, policy);
    if (type == domain::SurveyCampaign::kType)
        return decoded<domain::SurveyCampaign>(body, me, now, policy);
    if (type == domain::PatrolSlot::kType)
        return decoded<domain::PatrolSlot>(body, me, now, policy);
    return std::nullopt;
}

void applySeen(std::vector<InboxItem>& items, const std::vector<domain::InboxSeen>& marks,
               const std::string& staffId) {
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& m : marks)
        if (!staffId.empty() && m.createdBy == staffId)
            seen.emplace(m.recordId, m.item);
    for (auto& i : items)
        i.seen = seen.count({i.recordId, i.key}) > 0;
}

void sortInbox(std::vector<InboxItem>& items) {
    std::stable_sort(items.begin(), items.end(), [](const InboxItem& a, const InboxItem& b) {
        const bool ao = a.reason == InboxReason::Overdue, bo = b.reason == InboxReason::Overdue;
        if (ao != bo)
            return ao;
        if (a.dueAt.has_value() != b.dueAt.has_value())
            return a.dueAt.has_value();
        if (a.dueAt && *a.dueAt != *b.dueAt)
            return *a.dueAt < *b.dueAt;
        return a.recordId < b.recordId;
    });
}

void to_json(Json& j, const InboxItem& i) {
    j = Json{{"record_type", i.recordType}, {"record_id", i.recordId}, {"community_id", i.communityId},
             {"reason", i.reason},          {"action", i.action},        {"key", i.key},
             {"title", i.title},            {"state", i.state},          {"seen", i.seen}};
    if (i.dueAt) {
        j["due_at"] = *i.dueAt;
        j["due_rule"] = i.dueRule;
        j["provisional"] = i.provisional;
    }
    if (i.grade)
        j["grade"] = *i.grade;
    if (i.escalation)
        j["escalation"] = *i.escalation;
}

void from_json(const Json& j, InboxItem& i) {
    i.recordType = required<std::string>(j, "record_type");
    i.recordId = required<std::string>(j, "record_id");
    optionalInto(j, "community_id", i.communityId);
    i.reason = required<InboxReason>(j, "reason");
    i.action = required<InboxAction>(j, "action");
    i.key = required<std::string>(j, "key");
    optionalInto(j, "title", i.title);
    optionalInto(j, "state", i.state);
    optionalInto(j, "due_at", i.dueAt);
    optionalInto(j, "due_rule", i.dueRule);
    optionalInto(j, "provisional", i.provisional);
    optionalInto(j, "grade", i.grade);
    optionalInto(j, "escalation", i.escalation);
    optionalInto(j, "seen", i.seen);
}

} // namespace courtyard::rules
