#include "shared/domain/patrol.h"

// The checkpoint window is the deadline rule's (rules/deadlines.h), the one the tablet shows.
#include "shared/rules/deadlines.h"

#include <set>

namespace courtyard::domain {

void to_json(Json& j, const Checkpoint& c) {
    j = Json{{"id", c.id},
             {"name", c.name},
             {"location", c.location},
             {"code", c.code},
             {"due_after_minutes", c.dueAfterMinutes},
             {"tolerance_minutes", c.toleranceMinutes}};
}

void from_json(const Json& j, Checkpoint& c) {
    c.id = required<std::string>(j, "id");
    c.name = required<std::string>(j, "name");
    optionalInto(j, "location", c.location);
    c.code = required<std::string>(j, "code");
    optionalInto(j, "due_after_minutes", c.dueAfterMinutes);
    optionalInto(j, "tolerance_minutes", c.toleranceMinutes);
    if (c.dueAfterMinutes < 0 || c.toleranceMinutes < 0)
        throw DecodeError("checkpoint '" + c.id + "': minutes must not be negative");
}

void to_json(Json& j, const PatrolSchedule& s) {
    Json times = Json::array();
    for (int t : s.times)
        times.push_back(formatClockTime(t));
    j = Json{{"times", times}, {"weekdays", s.weekdays}, {"tolerance_minutes", s.toleranceMinutes}};
}

void from_json(const Json& j, PatrolSchedule& s) {
    s.times.clear();
    for (const auto& t : required<std::vector<std::string>>(j, "times")) {
        auto minutes = parseClockTime(t);
        if (!minutes)
            throw DecodeError("times: '" + t + "' is not a time of day (HH:MM)");
        s.times.push_back(*minutes);
    }
    optionalInto(j, "weekdays", s.weekdays);
    optionalInto(j, "tolerance_minutes", s.toleranceMinutes);
}

void to_json(Json& j, const PatrolRoute& r) {
    j = Json{{"id", r.id},           {"type", PatrolRoute::kType},    {"community_id", r.communityId},
             {"name", r.name},       {"department_id", r.departmentId}, {"checkpoints", r.checkpoints},
             {"active", r.active}};
    if (r.schedule)
        j["schedule"] = *r.schedule;
}

void from_json(const Json& j, PatrolRoute& r) {
    r.id = required<std::string>(j, "id");
    r.communityId = required<std::string>(j, "community_id");
    r.name = required<std::string>(j, "name");
    optionalInto(j, "department_id", r.departmentId);
    r.checkpoints = required<std::vector<Checkpoint>>(j, "checkpoints");
    optionalInto(j, "active", r.active);
    optionalInto(j, "schedule", r.schedule);
}

Status validateRoute(const PatrolRoute& r) {
    if (r.checkpoints.empty())
        return invalidArgument("checkpoints: a route has at least one checkpoint");
    if (r.schedule) {
        const auto& s = *r.schedule;
        if (s.times.empty())
            return invalidArgument("schedule.times: a schedule has at least one time of day");
        if (std::set<int>(s.times.begin(), s.times.end()).size() != s.times.size())
            return invalidArgument("schedule.times: a time of day is listed twice");
        for (int d : s.weekdays)
            if (d < 1 || d > 7)
                return invalidArgument("schedule.weekdays: " + std::to_string(d) +
                                       " is not a day of the week (1 = Monday … 7 = Sunday)");
        if (s.toleranceMinutes < 5 || s.toleranceMinutes > 180)
            return invalidArgument("schedule.tolerance_minutes: must be between 5 and 180");
        if (r.departmentId.empty())
            return invalidArgument("department_id: a scheduled route names the department whose guards walk it");
    }
    std::set<std::string> ids, codes;
    for (const auto& c : r.checkpoints) {
        if (!ids.insert(c.id).second)
            return invalidArgument("checkpoint id '" + c.id + "' is used twice");
        if (!codes.insert(c.code).second)
            return invalidArgument("checkpoint code '" + c.code + "' is used twice");
    }
    return {};
}

void to_json(Json& j, const CheckpointVisit& v) {
    j = Json{{"id", v.id}, {"checkpoint_id", v.checkpointId}, {"at", v.at}, {"method", v.method}};
    putIfNotEmpty(j, "reason", v.reason);
    putIfNotEmpty(j, "note", v.note);
}

void from_json(const Json& j, CheckpointVisit& v) {
    v.id = required<std::string>(j, "id");
    v.checkpointId = required<std::string>(j, "checkpoint_id");
    v.at = required<Instant>(j, "at");
    optionalInto(j, "method", v.method);
    optionalInto(j, "reason", v.reason);
    optionalInto(j, "note", v.note);
}

void to_json(Json& j, const CheckpointResult& r) {
    j = Json{{"checkpoint_id", r.checkpointId}, {"status", r.status}};
    putIf(j, "visited_at", r.visitedAt);
}

void from_json(const Json& j, CheckpointResult& r) {
    r.checkpointId = required<std::string>(j, "checkpoint_id");
    r.status = required<std::string>(j, "status");
    optionalInto(j, "visited_at", r.visitedAt);
}

void to_json(Json& j, const PatrolRound& r) {
    j = Json::object();
    writeHeader(j, r);
    j["type"] = PatrolRound::kType;
    j["state"] = r.state;
    j["route_id"] = r.routeId;
    j["guard_id"] = r.guardId;
    j["started_at"] = r.startedAt;
    putIf(j, "finished_at", r.finishedAt);
    j["checkpoints"] = r.checkpoints;
    j["visits"] = r.visits;
    j["results"] = r.results;
    j["finding_ids"] = r.findingIds;
    putIfNotEmpty(j, "abandon_reason", r.abandonReason);
    j["timeline"] = r.timeline;
    j["comments"] = r.comments;
}

void from_json(const Json& j, PatrolRound& r) {
    readHeader(j, r);
    optionalInto(j, "state", r.state);
    r.routeId = required<std::string>(j, "route_id");
    optionalInto(j, "guard_id", r.guardId);
    r.startedAt = required<Instant>(j, "started_at");
    optionalInto(j, "finished_at", r.finishedAt);
    r.checkpoints = required<std::vector<Checkpoint>>(j, "checkpoints");
    optionalInto(j, "visits", r.visits);
    optionalInto(j, "results", r.results);
    optionalInto(j, "finding_ids", r.findingIds);
    optionalInto(j, "abandon_reason", r.abandonReason);
    optionalInto(j, "timeline", r.timeline);
    optionalInto(j, "comments", r.comments);
}

Status validateNew(const PatrolRound& r) {
    if (r.state != PatrolRoundState::InProgress)
        return invalidArgument("a new patrol round must start as 'in_progress'");
    if (r.checkpoints.empty())
        return invalidArgument("checkpoints: a round copies its route's checkpoints");
    if (!r.visits.empty() || !r.results.empty() || r.finishedAt || !r.timeline.empty())
        return invalidArgument("a new patrol round has no visits or results yet");
    return {};
}

std::vector<CheckpointResult> evaluateRound(const PatrolRound& r, Instant end) {
    std::vector<CheckpointResult> out;
    for (const auto& cp : r.checkpoints) {
        CheckpointResult res;
        res.checkpointId = cp.id;
        // The first visit counts; later rescans do not make a late visit on time.
        for (const auto& v : r.visits)
            if (v.checkpointId == cp.id && (!res.visitedAt || v.at < *res.visitedAt))
                res.visitedAt = v.at;
        const auto window = rules::checkpointDeadline(r.startedAt, cp.dueAfterMinutes, cp.toleranceMinutes);
        if (!res.visitedAt || *res.visitedAt > end)
            res.status = "missed";
        else if (!rules::metBy(window, *res.visitedAt))
            res.status = "late";
        else
            res.status = "on_time";
        if (res.status == "missed")
            res.visitedAt.reset();
        out.push_back(res);
    }
    return out;
}

Status validateVisit(const PatrolRound& r, const CheckpointVisit& v) {
    if (r.state != PatrolRoundState::InProgress)
        return failedPrecondition("checkpoints are recorded only while the round is in progress");
    bool known = false;
    for (const auto& cp : r.checkpoints)
        known = known || cp.id == v.checkpointId;
    if (!known)
        return invalidArgument("checkpoint_id: '" + v.checkpointId + "' is not on this route");
    if (v.method == ScanMethod::Manual && v.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalidArgument("reason: a manual confirmation says why the code was not scanned");
    if (v.at < r.startedAt)
        return invalidArgument("at: a checkpoint visit cannot be before the round started");
    return {};
}

namespace {
using S = PatrolRoundState;
using R = Role;

Status finishRound(PatrolRound& r, const TransitionRequest& req) {
    r.finishedAt = req.at;
    r.results = evaluateRound(r, req.at);
    r.state = S::Completed;
    return {};
}

Status abandonRound(PatrolRound& r, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        r.abandonReason = requireText(req.params, "reason");
        r.finishedAt = req.at;
        r.results = evaluateRound(r, req.at);
        r.state = S::Abandoned;
        return {};
    });
}
} // namespace

const Workflow<PatrolRound>& patrolRoundWorkflow() {
    static const Workflow<PatrolRound> wf{
        "patrol round",
        {
            {"finish", {S::InProgress}, {R::Staff, R::Supervisor}, finishRound},
            {"abandon", {S::InProgress}, {R::Staff, R::Supervisor}, abandonRound},
        }};
    return wf;
}

void to_json(Json& j, const PatrolSlot& s) {
    j = Json{{"id", s.id},
             {"type", PatrolSlot::kType},
             {"community_id", s.communityId},
             {"route_id", s.routeId},
             {"route_name", s.routeName},
             {"department_id", s.departmentId},
             {"due_at", s.dueAt},
             {"start_by", s.startBy},
             {"finish_by", s.finishBy},
             {"status", s.status}};
    putIfNotEmpty(j, "round_id", s.roundId);
    putIfNotEmpty(j, "guard_id", s.guardId);
}

void from_json(const Json& j, PatrolSlot& s) {
    s.id = required<std::string>(j, "id");
    s.communityId = required<std::string>(j, "community_id");
    s.routeId = required<std::string>(j, "route_id");
    optionalInto(j, "route_name", s.routeName);
    optionalInto(j, "department_id", s.departmentId);
    s.dueAt = required<Instant>(j, "due_at");
    s.startBy = required<Instant>(j, "start_by");
    s.finishBy = required<Instant>(j, "finish_by");
    s.status = required<PatrolSlotStatus>(j, "status");
    optionalInto(j, "round_id", s.roundId);
    optionalInto(j, "guard_id", s.guardId);
}

} // namespace courtyard::domain
