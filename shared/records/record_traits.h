#pragma once
// Over 400 lines, knowingly: one specialisation per record type, side by side, so a rule that
// differs between types is seen next to its siblings.
// Per-type traits for TypedRecordType (record_types.cpp): when edits are allowed, what only
// the server computes, how items are appended to each list, index columns and the
// resident-facing receipt view. Which fields are plain and which lists exist (and who may
// touch them) is the authorization table's (shared/auth/access.h). Internal to the registry;
// callers use RecordType.

#include "shared/domain/complaint.h"
#include "shared/domain/handover.h"
#include "shared/domain/inbox_seen.h"
#include "shared/domain/inspection.h"
#include "shared/domain/notice.h"
#include "shared/domain/patrol.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/records/record_type.h"
#include "shared/rules/derive.h"

#include <algorithm>

using courtyard::domain::putIfNotEmpty;

namespace courtyard::records {

template <typename T>
struct Traits;

namespace detail {

// Appends by id; a repeated id is a no-op (a retried append).
template <typename Item>
bool appendById(std::vector<Item>& list, Item item) {
    for (const auto& existing : list)
        if (existing.id == item.id)
            return false;
    list.push_back(std::move(item));
    std::stable_sort(list.begin(), list.end(), [](const Item& a, const Item& b) {
        return a.at != b.at ? a.at < b.at : a.id < b.id;
    });
    return true;
}

inline bool appendAttachment(std::vector<domain::AttachmentRef>& list, domain::AttachmentRef a) {
    for (const auto& existing : list)
        if (existing.sha256 == a.sha256)
            return false;
    list.push_back(std::move(a));
    return true;
}

inline Result<bool> appendComment(std::vector<domain::Comment>& list, const Json& item) {
    auto c = item.get<domain::Comment>();
    if (c.text.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalidArgument("text: is required");
    if (c.text.size() > 20000)
        return invalidArgument("text: is longer than 20000 bytes");
    return appendById(list, std::move(c));
}

inline IndexFields baseIndex(const domain::RecordHeader& h, std::string state) {
    IndexFields f;
    f.communityId = h.communityId;
    f.state = std::move(state);
    f.happenedAt = h.createdAt;
    return f;
}

inline void setDue(IndexFields& f, const std::optional<domain::Deadline>& d) {
    if (d) {
        f.dueAt = d->dueAt;
        f.dueRule = d->rule;
    }
}

// What a resident sees of their own submission at a kiosk: a coarse status and the reply.
inline Json receiptBase(const domain::RecordHeader& h, std::string_view type,
                        const std::string& code, const std::string& unitId, std::string status,
                        Instant receivedAt) {
    return Json{{"id", h.id},
                {"type", type},
                {"community_id", h.communityId},
                {"origin_device", h.originDevice},
                {"receipt_code", code},
                {"unit_id", unitId},
                {"status", std::move(status)},
                {"received_at", receivedAt}};
}

} // namespace detail

template <>
struct Traits<domain::Complaint> {
    using T = domain::Complaint;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = true;
    static constexpr Visibility visibility = Visibility::Submitter;
    static const domain::Workflow<T>& workflow() { return domain::complaintWorkflow(); }
    static bool editable(const T& c) { return domain::isOpen(c); }
    static void strip(T& c) {
        c.replyDue.reset();
        c.explanationDue.reset();
        c.visitDue.reset();
        c.roundReplyDue.reset();
        c.grade.reset();
        c.escalation.reset();
    }
    static Status validateNew(const T& c) { return domain::validateNew(c); }
    static Status validateEdit(const T& c) {
        if (c.content.find_first_not_of(" \t\r\n") == std::string::npos)
            return invalidArgument("content: is required");
        return {};
    }
    static Result<bool> append(T& c, std::string_view list, const Json& item) {
        if (list == "comments")
            return detail::appendComment(c.comments, item);
        return detail::appendAttachment(c.attachments, item.get<domain::AttachmentRef>());
    }
    static IndexFields index(const T& c) {
        auto f = detail::baseIndex(c, std::string(enumName(c.state)));
        f.unitId = c.unitId;
        f.assignee = c.handlerId;
        f.departmentId = c.departmentId;
        f.happenedAt = c.receivedAt;
        detail::setDue(f, rules::activeDeadline(c));
        return f;
    }
    static Json receipt(const T& c) {
        using S = domain::ComplaintState;
        std::string status = "being_handled";
        if (c.state == S::Received)
            status = "received";
        else if (c.state == S::Replied || c.state == S::Visited)
            status = "replied";
        else if (c.state == S::Closed || c.state == S::Cancelled)
            status = "closed";
        auto j = detail::receiptBase(c, T::kType, c.receiptCode, c.unitId, status, c.receivedAt);
        j["category"] = c.category;
        j["kind"] = c.kind;
        putIfNotEmpty(j, "fingerprint", c.fingerprint);
        if (!c.reply.empty())
            j["reply"] = c.reply;
        else if (!c.explanation.empty())
            j["reply"] = c.explanation;
        if (c.repliedAt)
            j["replied_at"] = *c.repliedAt;
        else if (c.explainedAt)
            j["replied_at"] = *c.explainedAt;
        return j;
    }
};

template <>
struct Traits<domain::Suggestion> {
    using T = domain::Suggestion;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = true;
    static constexpr Visibility visibility = Visibility::Submitter;
    static const domain::Workflow<T>& workflow() { return domain::suggestionWorkflow(); }
    static bool editable(const T& s) {
        return s.state == domain::SuggestionState::Received ||
               s.state == domain::SuggestionState::Acknowledged;
    }
    static void strip(T& s) {
        s.replyDue.reset();
        s.escalation.reset();
    }
    static Status validateNew(const T& s) { return domain::validateNew(s); }
    static Status validateEdit(const T& s) {
        if (s.content.find_first_not_of(" \t\r\n") == std::string::npos)
            return invalidArgument("content: is required");
        return {};
    }
    static Result<bool> append(T& s, std::string_view, const Json& item) {
        return detail::appendComment(s.comments, item);
    }
    static IndexFields index(const T& s) {
        auto f = detail::baseIndex(s, std::string(enumName(s.state)));
        f.unitId = s.unitId;
        f.assignee = s.handlerId;
        f.happenedAt = s.receivedAt;
        detail::setDue(f, rules::activeDeadline(s));
        return f;
    }
    static Json receipt(const T& s) {
        std::string status = "received";
        if (s.state == domain::SuggestionState::Acknowledged)
            status = "being_handled";
        else if (s.state == domain::SuggestionState::Replied)
            status = "replied";
        else if (s.state == domain::SuggestionState::Cancelled)
            status = "closed";
        auto j = detail::receiptBase(s, T::kType, s.receiptCode, s.unitId, status, s.receivedAt);
        j["kind"] = "suggestion";
        putIfNotEmpty(j, "fingerprint", s.fingerprint);
        if (s.category)
            j["category"] = *s.category;
        if (!s.reply.empty())
            j["reply"] = s.reply;
        if (s.adopted)
            j["adopted"] = *s.adopted;
        if (!s.notAdoptedReason.empty())
            j["reason"] = s.notAdoptedReason;
        if (s.repliedAt)
            j["replied_at"] = *s.repliedAt;
        return j;
    }
};

// Records residents never see: the receipt view is empty.
struct StaffOnlyTraits {
    static constexpr Visibility visibility = Visibility::Staff;
    template <typename T>
    static Json receipt(const T&) {
        return Json::object();
    }
};

template <>
struct Traits<domain::TransferSheet> : StaffOnlyTraits {
    using T = domain::TransferSheet;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = true;
    static const domain::Workflow<T>& workflow() { return domain::transferSheetWorkflow(); }
    static bool editable(const T& s) { return s.state == domain::TransferSheetState::Submitted; }
    static void strip(T& s) {
        s.arrangeDue.reset();
        s.escalation.reset();
    }
    static Status validateNew(const T& s) { return domain::validateNew(s); }
    static Status validateEdit(const T&) { return {}; }
    static Result<bool> append(T& s, std::string_view, const Json& item) {
        return detail::appendComment(s.comments, item);
    }
    static IndexFields index(const T& s) {
        auto f = detail::baseIndex(s, std::string(enumName(s.state)));
        f.departmentId = s.assignedDepartmentId.empty() ? s.fromDepartmentId : s.assignedDepartmentId;
        detail::setDue(f, rules::activeDeadline(s));
        return f;
    }
};

template <>
struct Traits<domain::ArrangementNotice> : StaffOnlyTraits {
    using T = domain::ArrangementNotice;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = true;
    static const domain::Workflow<T>& workflow() { return domain::arrangementWorkflow(); }
    static bool editable(const T& n) {
        return n.state == domain::ArrangementState::Issued ||
               n.state == domain::ArrangementState::Acknowledged;
    }
    static void strip(T& n) {
        n.due.reset();
        n.escalation.reset();
    }
    static Status validateNew(const T& n) { return domain::validateNew(n); }
    static Status validateEdit(const T& n) {
        if (n.instructions.find_first_not_of(" \t\r\n") == std::string::npos)
            return invalidArgument("instructions: is required");
        return {};
    }
    static Result<bool> append(T& n, std::string_view, const Json& item) {
        return detail::appendComment(n.comments, item);
    }
    static IndexFields index(const T& n) {
        auto f = detail::baseIndex(n, std::string(enumName(n.state)));
        f.assignee = n.assigneeId;
        f.departmentId = n.departmentId;
        detail::setDue(f, rules::activeDeadline(n));
        return f;
    }
};

template <>
struct Traits<domain::RectificationItem> : StaffOnlyTraits {
    using T = domain::RectificationItem;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = true;
    static const domain::Workflow<T>& workflow() { return domain::rectificationWorkflow(); }
    static bool editable(const T& r) {
        return r.state != domain::RectificationState::Accepted &&
               r.state != domain::RectificationState::Cancelled;
    }
    static void strip(T& r) {
        r.completionDue.reset();
        r.acceptanceDue.reset();
        r.escalation.reset();
    }
    static Status validateNew(const T& r) { return domain::validateNew(r); }
    static Status validateEdit(const T& r) {
        if (r.description.find_first_not_of(" \t\r\n") == std::string::npos)
            return invalidArgument("description: is required");
        return {};
    }
    static Result<bool> append(T& r, std::string_view list, const Json& item) {
        if (list == "comments")
            return detail::appendComment(r.comments, item);
        return detail::appendAttachment(r.attachments, item.get<domain::AttachmentRef>());
    }
    static IndexFields index(const T& r) {
        auto f = detail::baseIndex(r, std::string(enumName(r.state)));
        f.unitId = r.unitId;
        f.departmentId = r.foundByDepartmentId;
        detail::setDue(f, rules::activeDeadline(r));
        return f;
    }
};

template <>
struct Traits<domain::SurveyCampaign> {
    using T = domain::SurveyCampaign;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = true;
    static constexpr Visibility visibility = Visibility::Kiosk;
    static const domain::Workflow<T>& workflow() { return domain::surveyCampaignWorkflow(); }
    static bool editable(const T& c) { return c.state == domain::CampaignState::Draft; }
    static void strip(T& c) {
        c.periodDue.reset();
        c.escalation.reset();
    }
    static Status validateNew(const T& c) { return domain::validateNew(c); }
    static Status validateEdit(const T& c) {
        if (c.periodEnd <= c.periodStart)
            return invalidArgument("period_end: must be after period_start");
        if (c.categories.empty())
            return invalidArgument("categories: pick at least one of the eight categories");
        return {};
    }
    static Result<bool> append(T& c, std::string_view, const Json& item) {
        return detail::appendComment(c.comments, item);
    }
    static IndexFields index(const T& c) {
        auto f = detail::baseIndex(c, std::string(enumName(c.state)));
        f.happenedAt = c.periodStart;
        detail::setDue(f, rules::activeDeadline(c));
        return f;
    }
    static Json receipt(const T&) { return Json::object(); }
};

template <>
struct Traits<domain::SurveyResponse> {
    using T = domain::SurveyResponse;
    static constexpr bool hasWorkflow = false;
    static constexpr bool derives = false;
    static constexpr Visibility visibility = Visibility::Submitter;
    static bool editable(const T&) { return false; }
    static void strip(T&) {}
    static Status validateNew(const T& r) { return domain::validateNew(r); }
    static Status validateEdit(const T&) { return {}; }
    static Result<bool> append(T&, std::string_view, const Json&) { return false; }
    static IndexFields index(const T& r) {
        auto f = detail::baseIndex(r, std::string(enumName(r.outcome)));
        f.unitId = r.unitId;
        f.happenedAt = r.answeredAt;
        return f;
    }
    static Json receipt(const T& r) {
        return Json{{"id", r.id},           {"type", T::kType},     {"community_id", r.communityId},
                    {"origin_device", r.originDevice}, {"campaign_id", r.campaignId},
                    {"unit_id", r.unitId},  {"status", "received"}, {"received_at", r.answeredAt},
                    {"outcome", std::string(enumName(r.outcome))}};
    }
};

template <>
struct Traits<domain::PatrolRound> : StaffOnlyTraits {
    using T = domain::PatrolRound;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = false;
    static const domain::Workflow<T>& workflow() { return domain::patrolRoundWorkflow(); }
    static bool editable(const T&) { return false; }
    static void strip(T&) {}
    static Status validateNew(const T& r) { return domain::validateNew(r); }
    static Status validateEdit(const T&) { return {}; }
    static Result<bool> append(T& r, std::string_view list, const Json& item) {
        if (list == "comments")
            return detail::appendComment(r.comments, item);
        if (list == "finding_ids") {
            if (!item.is_string() || item.get<std::string>().empty())
                return invalidArgument("finding_ids: an item is a record id");
            const auto id = item.get<std::string>();
            if (std::find(r.findingIds.begin(), r.findingIds.end(), id) != r.findingIds.end())
                return false;
            r.findingIds.push_back(id);
            return true;
        }
        auto v = item.get<domain::CheckpointVisit>();
        for (const auto& existing : r.visits)
            if (existing.id == v.id)
                return false;
        CY_TRY(domain::validateVisit(r, v));
        return detail::appendById(r.visits, std::move(v));
    }
    static IndexFields index(const T& r) {
        auto f = detail::baseIndex(r, std::string(enumName(r.state)));
        f.assignee = r.guardId;
        f.happenedAt = r.startedAt;
        return f;
    }
};

template <>
struct Traits<domain::Inspection> : StaffOnlyTraits {
    using T = domain::Inspection;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = false;
    static const domain::Workflow<T>& workflow() { return domain::inspectionWorkflow(); }
    static bool editable(const T& i) { return i.state == domain::InspectionState::Draft; }
    static void strip(T&) {}
    static Status validateNew(const T& i) { return domain::validateNew(i); }
    static Status validateEdit(const T&) { return {}; }
    static Result<bool> append(T& i, std::string_view, const Json& item) {
        return detail::appendComment(i.comments, item);
    }
    static IndexFields index(const T& i) {
        auto f = detail::baseIndex(i, std::string(enumName(i.state)));
        f.assignee = i.inspectorId;
        if (i.subjectKind == domain::SubjectKind::Unit)
            f.unitId = i.subjectId;
        return f;
    }
};

template <>
struct Traits<domain::Notice> {
    using T = domain::Notice;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = false;
    static constexpr Visibility visibility = Visibility::Kiosk;
    static const domain::Workflow<T>& workflow() { return domain::noticeWorkflow(); }
    static bool editable(const T& n) { return n.state == domain::NoticeState::Published; }
    static void strip(T&) {}
    static Status validateNew(const T& n) { return domain::validateNew(n); }
    static Status validateEdit(const T& n) {
        if (n.validUntil <= n.validFrom)
            return invalidArgument("valid_until: must be after valid_from");
        return {};
    }
    static Result<bool> append(T& n, std::string_view, const Json& item) {
        return detail::appendAttachment(n.attachments, item.get<domain::AttachmentRef>());
    }
    static IndexFields index(const T& n) {
        auto f = detail::baseIndex(n, std::string(enumName(n.state)));
        f.happenedAt = n.validFrom;
        return f;
    }
    static Json receipt(const T&) { return Json::object(); }
};

template <>
struct Traits<domain::ShiftHandover> : StaffOnlyTraits {
    using T = domain::ShiftHandover;
    static constexpr bool hasWorkflow = true;
    static constexpr bool derives = false;
    static const domain::Workflow<T>& workflow() { return domain::handoverWorkflow(); }
    static bool editable(const T& h) { return h.state == domain::HandoverState::Open; }
    static void strip(T&) {}
    static Status validateNew(const T& h) { return domain::validateNew(h); }
    static Status validateEdit(const T&) { return {}; }
    static Result<bool> append(T&, std::string_view, const Json&) { return false; }
    static IndexFields index(const T& h) {
        auto f = detail::baseIndex(h, std::string(enumName(h.state)));
        f.assignee = h.fromStaffId;
        f.departmentId = h.departmentId;
        return f;
    }
};

template <>
struct Traits<domain::WeeklyReview> : StaffOnlyTraits {
    using T = domain::WeeklyReview;
    static constexpr bool hasWorkflow = false;
    static constexpr bool derives = false;
    static bool editable(const T&) { return false; }
    static void strip(T&) {}
    static Status validateNew(const T& r) { return domain::validateNew(r); }
    static Status validateEdit(const T&) { return {}; }
    static Result<bool> append(T&, std::string_view, const Json&) { return false; }
    static IndexFields index(const T& r) {
        auto f = detail::baseIndex(r, "reviewed");
        f.assignee = r.reviewerId;
        f.departmentId = r.departmentId;
        f.happenedAt = r.weekStart;
        return f;
    }
};

// A person's seen mark on an inbox item: created once, never edited; indexed under the person
// (assignee) so their marks are read without scanning everyone's.
template <>
struct Traits<domain::InboxSeen> : StaffOnlyTraits {
    using T = domain::InboxSeen;
    static constexpr bool hasWorkflow = false;
    static constexpr bool derives = false;
    static bool editable(const T&) { return false; }
    static void strip(T&) {}
    static Status validateNew(const T& s) { return domain::validateNew(s); }
    static Status validateEdit(const T&) { return {}; }
    static Result<bool> append(T&, std::string_view, const Json&) { return false; }
    static IndexFields index(const T& s) {
        auto f = detail::baseIndex(s, "seen");
        f.assignee = s.createdBy;
        f.happenedAt = s.seenAt;
        return f;
    }
};

} // namespace courtyard::records
