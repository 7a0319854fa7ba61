#pragma once
// A rectification item (整改): found by a resident at house inspection or by staff in
// daily work; fixed in-house, or handed to the developer's customer service, which sets
// measures and a completion date, assigns a team and accepts the work; then the resident
// accepts and signs. An objection opens the next round, the same way, until they are
// satisfied. Items found by staff go back to the department that found them instead.

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

namespace courtyard::domain {

enum class RectificationSource { ResidentInspection, Engineering, Security, Cleaning, Sales, CustomerService, Patrol };
COURTYARD_ENUM_STRINGS(RectificationSource,
                       {{RectificationSource::ResidentInspection, "resident_inspection"},
                        {RectificationSource::Engineering, "engineering"},
                        {RectificationSource::Security, "security"},
                        {RectificationSource::Cleaning, "cleaning"},
                        {RectificationSource::Sales, "sales"},
                        {RectificationSource::CustomerService, "customer_service"},
                        {RectificationSource::Patrol, "patrol"}})

enum class RectificationState { Reported, InHouse, WithDeveloper, Scheduled, AwaitingAcceptance, Accepted, Cancelled };
COURTYARD_ENUM_STRINGS(RectificationState,
                       {{RectificationState::Reported, "reported"},
                        {RectificationState::InHouse, "in_house"},
                        {RectificationState::WithDeveloper, "with_developer"},
                        {RectificationState::Scheduled, "scheduled"},
                        {RectificationState::AwaitingAcceptance, "awaiting_acceptance"},
                        {RectificationState::Accepted, "accepted"},
                        {RectificationState::Cancelled, "cancelled"}})

// One pass at fixing the item. A resident's objection closes the round and opens the next.
struct RectificationRound {
    int number = 1;
    bool developer = false; // handed to the developer's customer service
    std::string measures;
    std::optional<Instant> completionBy; // agreed completion date
    std::string team;
    std::string result;
    std::optional<Instant> completedAt;
    std::string objection; // why the resident did not accept
};
void to_json(Json& j, const RectificationRound& r);
void from_json(const Json& j, RectificationRound& r);

struct RectificationItem : RecordHeader {
    using State = RectificationState;
    static constexpr std::string_view kType = "rectification";

    State state = State::Reported;
    RectificationSource source = RectificationSource::ResidentInspection;
    std::string foundByDepartmentId; // results go back here for items found by staff
    std::string unitId;              // or empty with an area
    std::string area;                // "B2 car park, column 14"
    std::optional<Category> category;
    std::string description;
    std::string reportId; // the rectification report it was collected into
    std::vector<RectificationRound> rounds;
    std::optional<AttachmentRef> signature; // the resident's signature on acceptance
    std::string signerName;
    std::string acceptedBy; // staff-found items: who accepted for the finding department
    std::optional<Instant> acceptedAt;
    std::optional<Deadline> completionDue;
    // Awaiting acceptance: the acceptance is due this long after the round's work was done.
    std::optional<Deadline> acceptanceDue;
    std::optional<Escalation> escalation; // the escalation timer's flag (server-computed)
    std::vector<TimelineEvent> timeline;
    std::vector<Comment> comments;
    std::vector<AttachmentRef> attachments;

    bool foundByResident() const { return source == RectificationSource::ResidentInspection; }
    int round() const { return rounds.empty() ? 1 : rounds.back().number; }
};
void to_json(Json& j, const RectificationItem& r);
void from_json(const Json& j, RectificationItem& r);
Status validateNew(const RectificationItem& r);
const Workflow<RectificationItem>& rectificationWorkflow();

} // namespace courtyard::domain
