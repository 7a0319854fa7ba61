#include "shared/domain/handover.h"

namespace courtyard::domain {

void to_json(Json& j, const HandoverItem& i) {
    j = Json{{"complaint_id", i.complaintId}};
    putIfNotEmpty(j, "note", i.note);
}

void from_json(const Json& j, HandoverItem& i) {
    i.complaintId = required<std::string>(j, "complaint_id");
    optionalInto(j, "note", i.note);
}

void to_json(Json& j, const ShiftHandover& h) {
    j = Json::object();
    writeHeader(j, h);
    j["type"] = ShiftHandover::kType;
    j["state"] = h.state;
    j["from_staff_id"] = h.fromStaffId;
    putIfNotEmpty(j, "department_id", h.departmentId);
    j["items"] = h.items;
    putIfNotEmpty(j, "notes", h.notes);
    putIfNotEmpty(j, "acknowledged_by", h.acknowledgedBy);
    putIf(j, "acknowledged_at", h.acknowledgedAt);
    j["timeline"] = h.timeline;
}

void from_json(const Json& j, ShiftHandover& h) {
    readHeader(j, h);
    optionalInto(j, "state", h.state);
    h.fromStaffId = required<std::string>(j, "from_staff_id");
    optionalInto(j, "department_id", h.departmentId);
    optionalInto(j, "items", h.items);
    optionalInto(j, "notes", h.notes);
    optionalInto(j, "acknowledged_by", h.acknowledgedBy);
    optionalInto(j, "acknowledged_at", h.acknowledgedAt);
    optionalInto(j, "timeline", h.timeline);
}

Status validateNew(const ShiftHandover& h) {
    if (h.state != HandoverState::Open || h.acknowledgedAt || !h.acknowledgedBy.empty())
        return invalidArgument("a new handover is open, not yet acknowledged");
    if (h.fromStaffId.empty())
        return invalidArgument("from_staff_id: who hands over");
    return {};
}

void to_json(Json& j, const WeeklyReview& r) {
    j = Json::object();
    writeHeader(j, r);
    j["type"] = WeeklyReview::kType;
    j["department_id"] = r.departmentId;
    j["week_start"] = r.weekStart;
    j["reviewer_id"] = r.reviewerId;
    j["complaints"] = r.complaints;
    j["transfer_sheets"] = r.transferSheets;
    putIfNotEmpty(j, "notes", r.notes);
}

void from_json(const Json& j, WeeklyReview& r) {
    readHeader(j, r);
    r.departmentId = required<std::string>(j, "department_id");
    r.weekStart = required<Instant>(j, "week_start");
    optionalInto(j, "reviewer_id", r.reviewerId);
    optionalInto(j, "complaints", r.complaints);
    optionalInto(j, "transfer_sheets", r.transferSheets);
    optionalInto(j, "notes", r.notes);
}

Status validateNew(const WeeklyReview& r) {
    if (r.departmentId.empty())
        return invalidArgument("department_id: whose records were reviewed");
    if (r.complaints < 0 || r.transferSheets < 0)
        return invalidArgument("counts cannot be negative");
    return {};
}

namespace {
Status acknowledge(ShiftHandover& h, const TransitionRequest& req) {
    // The next shift acknowledges: not the person who handed over.
    if (req.actor.staffId == h.fromStaffId)
        return failedPrecondition("a handover is acknowledged by the next shift, not by whoever handed it over");
    h.acknowledgedBy = req.actor.staffId;
    h.acknowledgedAt = req.at;
    h.state = HandoverState::Acknowledged;
    return {};
}
} // namespace

const Workflow<ShiftHandover>& handoverWorkflow() {
    static const Workflow<ShiftHandover> wf{
        "shift handover",
        {{"acknowledge", {HandoverState::Open}, {Role::Staff, Role::Supervisor, Role::Manager}, acknowledge}}};
    return wf;
}

} // namespace courtyard::domain
