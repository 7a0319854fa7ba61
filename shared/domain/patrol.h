#pragma once
// Patrols: a route of checkpoints, each visited within a window after the round
// starts and time-stamped by scanning the QR code on the wall (or confirmed by hand with a
// reason when the code is damaged). Missed and late checkpoints are flagged when the round ends.
// A route may have a schedule (times of day, days of the week); the server then keeps one
// expected round (PatrolSlot) per scheduled time and flags it missed when no round of the route
// started in time, or incomplete when the round that did was left open or abandoned
// (rules/patrol_schedule.h).

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

// When rounds of a route are due, in the community's local time. A round fulfils a scheduled
// time when it starts no more than `toleranceMinutes` before or after it.
struct PatrolSchedule {
    std::vector<int> times;    // minutes after local midnight, e.g. 22:00 -> 1320 ("HH:MM" in JSON)
    std::vector<int> weekdays; // ISO days, 1 = Monday … 7 = Sunday; empty: every day
    int toleranceMinutes = 30;
};
void to_json(Json& j, const PatrolSchedule& s);
void from_json(const Json& j, PatrolSchedule& s);

struct PatrolRoute {
    static constexpr std::string_view kType = "patrol_route";
    std::string id;
    std::string communityId;
    std::string name;
    std::string departmentId;
    std::vector<Checkpoint> checkpoints;
    bool active = true;
    std::optional<PatrolSchedule> schedule; // none: rounds are walked when someone starts one
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

enum class PatrolSlotStatus { Expected, Started, Completed, Missed, Incomplete };
COURTYARD_ENUM_STRINGS(PatrolSlotStatus, {{PatrolSlotStatus::Expected, "expected"},
                                          {PatrolSlotStatus::Started, "started"},
                                          {PatrolSlotStatus::Completed, "completed"},
                                          {PatrolSlotStatus::Missed, "missed"},
                                          {PatrolSlotStatus::Incomplete, "incomplete"}})

// One scheduled round of a route, written by the server only (devices read it). Its id names the
// route and the scheduled instant, so every server creates the same record for the same time.
struct PatrolSlot {
    static constexpr std::string_view kType = "patrol_slot";
    std::string id;
    std::string communityId;
    std::string routeId;
    std::string routeName;
    std::string departmentId; // the route's: whose guards walk it, whose head is told
    Instant dueAt{};          // the scheduled time
    Instant startBy{};        // the latest start that still counts (dueAt + tolerance)
    Instant finishBy{};       // when the round should be over (startBy + the route's length + tolerance)
    PatrolSlotStatus status = PatrolSlotStatus::Expected;
    std::string roundId; // the round that fulfils it, once one has started
    std::string guardId;
};
void to_json(Json& j, const PatrolSlot& s);
void from_json(const Json& j, PatrolSlot& s);

} // namespace courtyard::domain
