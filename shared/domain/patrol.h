#pragma once
// Patrols: a route of checkpoints, each visited within a window after the round
// starts and time-stamped by scanning the QR code on the wall (or confirmed by hand with a
// reason when the code is damaged). Missed and late checkpoints are flagged when the round ends.

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

namespace courtyard::domain {

struct Checkpoint {
    std::string id;
    std::string name;
    std::string location;
    std::string code;         // the QR payload on the wall: "courtyard:cp:<id>:<secret>"
    int dueAfterMinutes = 0;  // expected this long after the round starts
    int toleranceMinutes = 15; // later than due + tolerance is late
};
void to_json(Json& j, const Checkpoint& c);
void from_json(const Json& j, Checkpoint& c);

struct PatrolRoute {
    static constexpr std::string_view kType = "patrol_route";
    std::string id;
    std::string communityId;
    std::string name;
    std::string departmentId;
    std::vector<Checkpoint> checkpoints;
    bool active = true;
};
void to_json(Json& j, const PatrolRoute& r);
void from_json(const Json& j, PatrolRoute& r);
Status validateRoute(const PatrolRoute& r);

enum class ScanMethod { Qr, Manual };
COURTYARD_ENUM_STRINGS(ScanMethod, {{ScanMethod::Qr, "qr"}, {ScanMethod::Manual, "manual"}})

// Append-only: a checkpoint visit never conflicts with anything.
struct CheckpointVisit {
    std::string id;
    std::string checkpointId;
    Instant at{};
    ScanMethod method = ScanMethod::Qr;
    std::string reason; // required for a manual confirmation
    std::string note;
};
void to_json(Json& j, const CheckpointVisit& v);
void from_json(const Json& j, CheckpointVisit& v);

enum class PatrolRoundState { InProgress, Completed, Abandoned };
COURTYARD_ENUM_STRINGS(PatrolRoundState, {{PatrolRoundState::InProgress, "in_progress"},
                                          {PatrolRoundState::Completed, "completed"},
                                          {PatrolRoundState::Abandoned, "abandoned"}})

struct CheckpointResult {
    std::string checkpointId;
    std::string status; // "on_time", "late", "missed"
    std::optional<Instant> visitedAt;
};
void to_json(Json& j, const CheckpointResult& r);
void from_json(const Json& j, CheckpointResult& r);

struct PatrolRound : RecordHeader {
    using State = PatrolRoundState;
    static constexpr std::string_view kType = "patrol_round";

    State state = State::InProgress;
    std::string routeId;
    std::string guardId;
    Instant startedAt{};
    std::optional<Instant> finishedAt;
    std::vector<Checkpoint> checkpoints; // the route as it was when the round started
    std::vector<CheckpointVisit> visits;
    std::vector<CheckpointResult> results; // filled when the round ends
    std::vector<std::string> findingIds;   // rectification items raised on the way
    std::string abandonReason;
    std::vector<TimelineEvent> timeline;
    std::vector<Comment> comments;
};
void to_json(Json& j, const PatrolRound& r);
void from_json(const Json& j, PatrolRound& r);
Status validateNew(const PatrolRound& r);
const Workflow<PatrolRound>& patrolRoundWorkflow();

// On time / late / missed for every checkpoint of the round, as of `end`.
std::vector<CheckpointResult> evaluateRound(const PatrolRound& r, Instant end);
// Checks a visit before it is appended: known checkpoint, reason for manual, round running.
Status validateVisit(const PatrolRound& r, const CheckpointVisit& v);

} // namespace courtyard::domain
