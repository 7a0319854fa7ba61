#pragma once
// Shift handover (交接班): the outgoing shift hands every open complaint over
// explicitly; someone of the next shift acknowledges it. And the weekly review: a department
// head reads the week's complaint records and transfer sheets and signs that they did.

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

namespace courtyard::domain {

enum class HandoverState { Open, Acknowledged };
COURTYARD_ENUM_STRINGS(HandoverState, {{HandoverState::Open, "open"}, {HandoverState::Acknowledged, "acknowledged"}})

struct HandoverItem {
    std::string complaintId;
    std::string note; // where it stands, what the next shift must do
};
void to_json(Json& j, const HandoverItem& i);
void from_json(const Json& j, HandoverItem& i);

struct ShiftHandover : RecordHeader {
    using State = HandoverState;
    static constexpr std::string_view kType = "shift_handover";

    State state = State::Open;
    std::string fromStaffId;
    std::string departmentId;
    std::vector<HandoverItem> items;
    std::string notes;
    std::string acknowledgedBy;
    std::optional<Instant> acknowledgedAt;
    std::vector<TimelineEvent> timeline;
};
void to_json(Json& j, const ShiftHandover& h);
void from_json(const Json& j, ShiftHandover& h);
Status validateNew(const ShiftHandover& h);
const Workflow<ShiftHandover>& handoverWorkflow();

struct WeeklyReview : RecordHeader {
    static constexpr std::string_view kType = "weekly_review";
    std::string departmentId;
    Instant weekStart{}; // the Monday the week began, local midnight
    std::string reviewerId;
    int complaints = 0;     // complaint records read
    int transferSheets = 0; // transfer sheets read
    std::string notes;
};
void to_json(Json& j, const WeeklyReview& r);
void from_json(const Json& j, WeeklyReview& r);
Status validateNew(const WeeklyReview& r);

} // namespace courtyard::domain
