#include "shared/domain/transfer_sheet.h"

namespace courtyard::domain {

void to_json(Json& j, const TransferSheet& s) {
    j = Json::object();
    writeHeader(j, s);
    j["type"] = TransferSheet::kType;
    j["state"] = s.state;
    putIfNotEmpty(j, "complaint_id", s.complaintId);
    j["subject"] = s.subject;
    j["reason"] = s.reason;
    putIfNotEmpty(j, "from_department_id", s.fromDepartmentId);
    j["level"] = s.level;
    putIfNotEmpty(j, "assigned_department_id", s.assignedDepartmentId);
    putIfNotEmpty(j, "instructions", s.instructions);
    putIfNotEmpty(j, "notice_id", s.noticeId);
    putIfNotEmpty(j, "result", s.result);
    putIfNotEmpty(j, "final_reply", s.finalReply);
    putIf(j, "resolved_at", s.resolvedAt);
    putIf(j, "closed_at", s.closedAt);
    putIf(j, "arrange_due", s.arrangeDue);
    putIf(j, "escalation", s.escalation);
    j["timeline"] = s.timeline;
    j["comments"] = s.comments;
}

void from_json(const Json& j, TransferSheet& s) {
    readHeader(j, s);
    optionalInto(j, "state", s.state);
    optionalInto(j, "complaint_id", s.complaintId);
    s.subject = required<std::string>(j, "subject");
    s.reason = required<std::string>(j, "reason");
    optionalInto(j, "from_department_id", s.fromDepartmentId);
    optionalInto(j, "level", s.level);
    optionalInto(j, "assigned_department_id", s.assignedDepartmentId);
    optionalInto(j, "instructions", s.instructions);
    optionalInto(j, "notice_id", s.noticeId);
    optionalInto(j, "result", s.result);
    optionalInto(j, "final_reply", s.finalReply);
    optionalInto(j, "resolved_at", s.resolvedAt);
    optionalInto(j, "closed_at", s.closedAt);
    optionalInto(j, "arrange_due", s.arrangeDue);
    optionalInto(j, "escalation", s.escalation);
    optionalInto(j, "timeline", s.timeline);
    optionalInto(j, "comments", s.comments);
}

Instant levelSince(const TransferSheet& s) {
    Instant since = s.createdAt;
    for (const auto& e : s.timeline)
        if (e.action == "escalate" && e.at > since)
            since = e.at;
    return since;
}

Status validateNew(const TransferSheet& s) {
    if (s.state != TransferSheetState::Submitted)
        return invalidArgument("a new transfer sheet must start as 'submitted'");
    if (s.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalidArgument("reason: is required: why can the handler not solve it?");
    if (s.level != SheetLevel::OfficeDirector || !s.result.empty() || !s.timeline.empty())
        return invalidArgument("a new transfer sheet goes to the office director first");
    return {};
}

void to_json(Json& j, const ArrangementNotice& n) {
    j = Json::object();
    writeHeader(j, n);
    j["type"] = ArrangementNotice::kType;
    j["state"] = n.state;
    j["source"] = n.source;
    putIfNotEmpty(j, "source_id", n.sourceId);
    j["department_id"] = n.departmentId;
    putIfNotEmpty(j, "assignee_id", n.assigneeId);
    j["instructions"] = n.instructions;
    putIf(j, "due_by", n.dueBy);
    putIfNotEmpty(j, "result", n.result);
    putIf(j, "completed_at", n.completedAt);
    putIf(j, "due", n.due);
    putIf(j, "escalation", n.escalation);
    j["timeline"] = n.timeline;
    j["comments"] = n.comments;
}

void from_json(const Json& j, ArrangementNotice& n) {
    readHeader(j, n);
    optionalInto(j, "state", n.state);
    optionalInto(j, "source", n.source);
    optionalInto(j, "source_id", n.sourceId);
    n.departmentId = required<std::string>(j, "department_id");
    optionalInto(j, "assignee_id", n.assigneeId);
    n.instructions = required<std::string>(j, "instructions");
    optionalInto(j, "due_by", n.dueBy);
    optionalInto(j, "result", n.result);
    optionalInto(j, "completed_at", n.completedAt);
    optionalInto(j, "due", n.due);
    optionalInto(j, "escalation", n.escalation);
    optionalInto(j, "timeline", n.timeline);
    optionalInto(j, "comments", n.comments);
}

Status validateNew(const ArrangementNotice& n) {
    if (n.state != ArrangementState::Issued)
        return invalidArgument("a new arrangement notice must start as 'issued'");
    if (n.departmentId.empty())
        return invalidArgument("department_id: is required: which department must act?");
    if (n.instructions.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalidArgument("instructions: is required");
    if (!n.result.empty() || n.completedAt || !n.timeline.empty())
        return invalidArgument("a new arrangement notice cannot carry a result");
    return {};
}

namespace {
using S = TransferSheetState;
using R = Role;

// A sheet addressed to the deputy GM or the GM is theirs to act on: a manager.
Status requireLevelRole(const TransferSheet& s, const TransitionRequest& req) {
    if (s.level != SheetLevel::OfficeDirector && req.actor.role != Role::Manager)
        return permissionDenied("this transfer sheet is with the " +
                                std::string(enumName(s.level)) + "; only a manager may act on it");
    return {};
}

Status arrangeSheet(TransferSheet& s, const TransitionRequest& req) {
    CY_TRY(requireLevelRole(s, req));
    return guardParams([&]() -> Status {
        s.assignedDepartmentId = requireText(req.params, "department_id");
        s.instructions = requireText(req.params, "instructions");
        s.noticeId = optionalText(req.params, "notice_id");
        s.state = S::Arranged;
        return {};
    });
}

Status escalateSheet(TransferSheet& s, const TransitionRequest& req) {
    CY_TRY(requireLevelRole(s, req));
    if (s.level == SheetLevel::Gm)
        return failedPrecondition("this transfer sheet is already with the GM");
    return guardParams([&]() -> Status {
        requireText(req.params, "reason");
        s.level = s.level == SheetLevel::OfficeDirector ? SheetLevel::DeputyGm : SheetLevel::Gm;
        s.assignedDepartmentId.clear();
        s.noticeId.clear();
        s.state = S::Submitted;
        return {};
    });
}

Status resolveSheet(TransferSheet& s, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        s.result = requireText(req.params, "result");
        s.resolvedAt = req.at;
        s.state = S::Resolved;
        return {};
    });
}

Status closeSheet(TransferSheet& s, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        s.finalReply = requireText(req.params, "reply");
        s.closedAt = req.at;
        s.state = S::Closed;
        return {};
    });
}

using A = ArrangementState;

Status acknowledgeNotice(ArrangementNotice& n, const TransitionRequest& req) {
    if (n.assigneeId.empty())
        n.assigneeId = req.actor.staffId;
    n.state = A::Acknowledged;
    return {};
}

Status completeNotice(ArrangementNotice& n, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        n.result = requireText(req.params, "result");
        n.completedAt = req.at;
        n.state = A::Completed;
        return {};
    });
}

Status cancelNotice(ArrangementNotice& n, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        requireText(req.params, "reason");
        n.state = A::Cancelled;
        return {};
    });
}
} // namespace

const Workflow<TransferSheet>& transferSheetWorkflow() {
    static const Workflow<TransferSheet> wf{
        "transfer sheet",
        {
            {"arrange", {S::Submitted}, {R::Supervisor, R::Manager}, arrangeSheet},
            {"escalate", {S::Submitted, S::Arranged}, {R::Supervisor, R::Manager}, escalateSheet},
            {"resolve", {S::Arranged}, {R::Staff, R::Supervisor, R::Manager}, resolveSheet},
            {"close", {S::Resolved}, {R::Supervisor, R::Manager}, closeSheet},
        }};
    return wf;
}

const Workflow<ArrangementNotice>& arrangementWorkflow() {
    static const Workflow<ArrangementNotice> wf{
        "arrangement notice",
        {
            {"acknowledge", {A::Issued}, {R::Staff, R::Supervisor}, acknowledgeNotice},
            {"complete", {A::Issued, A::Acknowledged}, {R::Staff, R::Supervisor}, completeNotice},
            {"cancel", {A::Issued, A::Acknowledged}, {R::Supervisor, R::Manager}, cancelNotice},
        }};
    return wf;
}

} // namespace courtyard::domain
