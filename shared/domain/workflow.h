#pragma once
// A workflow is an explicit state machine: named states, named actions, for each action the
// states it may start from and the roles that may take it, and an apply function that checks
// what the action requires and changes a copy of the record. An illegal transition returns a
// typed error and changes nothing; a transition that was already applied is a no-op.

#include "shared/core/hash.h"
#include "shared/domain/action_form.h"
#include "shared/domain/common.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::domain {

struct TransitionRequest {
    std::string action;
    Json params = Json::object();
    Actor actor;
    Instant at{};     // when it happened on the device
    std::string opId; // "<device>:<seq>", recorded in the timeline
};

template <typename Record>
struct TransitionSpec {
    std::string_view action;
    std::vector<typename Record::State> from;
    RoleSet roles;
    // Checks the request's params against the record and applies the change to `r`, a copy the
    // caller discards on error. Must set r.state.
    Status (*apply)(Record& r, const TransitionRequest& req);
    // What the record itself must be, beyond its state, for the step to be offered at all (only
    // a complaint from outside names a leader); nullptr when nothing. Returns the reason it is not.
    Status (*applies)(const Record& r) = nullptr;
};

struct TransitionOutcome {
    bool noop = false; // already applied: nothing changed
};

template <typename Record>
class Workflow {
public:
    using State = typename Record::State;

    Workflow(std::string_view recordName, std::vector<TransitionSpec<Record>> specs)
        : m_name(recordName), m_specs(std::move(specs)) {}

    std::string_view recordName() const { return m_name; }
    const std::vector<TransitionSpec<Record>>& specs() const { return m_specs; }

    const TransitionSpec<Record>* find(std::string_view action) const {
        for (const auto& s : m_specs)
            if (s.action == action)
                return &s;
        return nullptr;
    }

    // The static part of the check: does the action exist, may this role take it, and may it
    // start from this state. Requirements on params are checked by apply().
    Status check(State state, std::string_view action, Role role) const {
        const auto* spec = find(action);
        if (!spec)
            return invalidArgument("unknown action '" + std::string(action) + "' for a " +
                                   std::string(m_name) + "; actions are: " + actionList());
        if (!spec->roles.contains(role))
            return permissionDenied("the " + std::string(enumName(role)) + " role may not '" +
                                    std::string(action) + "' a " + std::string(m_name));
        for (State s : spec->from)
            if (s == state)
                return {};
        std::string from;
        for (State s : spec->from)
            from += (from.empty() ? "" : ", ") + std::string(enumName(s));
        return failedPrecondition("cannot '" + std::string(action) + "' a " + std::string(m_name) +
                                  " that is " + std::string(enumName(state)) +
                                  " (allowed from: " + from + ")");
    }

    // check() and the step's condition on the record itself (TransitionSpec::applies).
    Status check(const Record& record, std::string_view action, Role role) const {
        CY_TRY(check(record.state, action, role));
        const auto* spec = find(action);
        return spec->applies ? spec->applies(record) : Status{};
    }

    // Applies the request to `record`. The params must fit the step's form (action_form.h)
    // before the step's own checks run. On error `record` is unchanged. When the same action with
    // the same params was the last one applied and the record still sits in the state it
    // produced, the request is a duplicate (two devices closing the same complaint): a no-op,
    // not an error. The same action with different params is a rival edit and is refused with
    // who got there first, so the loser's input is shown to them rather than dropped silently.
    Result<TransitionOutcome> apply(Record& record, const TransitionRequest& req) const {
        const std::string digest = paramsDigest(req.params);
        if (auto st = check(record, req.action, req.actor.role); !st) {
            if (st.error().code == ErrorCode::FailedPrecondition && !record.timeline.empty()) {
                const auto& last = record.timeline.back();
                if (last.action == req.action && last.to == enumName(record.state)) {
                    if (last.digest == digest)
                        return TransitionOutcome{true};
                    return conflict("this " + std::string(m_name) + " was already '" +
                                    req.action + "' by " +
                                    (last.actorName.empty() ? last.actor : last.actorName) +
                                    " at " + formatInstant(last.at) + " with different details");
                }
            }
            return st.error();
        }
        CY_TRY(checkActionParams(Record::kType, req.action, req.params, [&] { return Json(record); }));
        Record copy = record;
        const State before = copy.state;
        if (auto st = find(req.action)->apply(copy, req); !st)
            return st.error();
        TimelineEvent ev;
        ev.id = req.opId;
        ev.at = req.at;
        ev.actor = req.actor.staffId;
        ev.actorName = req.actor.name;
        ev.action = req.action;
        ev.from = std::string(enumName(before));
        ev.to = std::string(enumName(copy.state));
        ev.digest = digest;
        if (req.params.is_object())
            if (auto it = req.params.find("note"); it != req.params.end() && it->is_string())
                ev.note = it->template get<std::string>();
        copy.timeline.push_back(std::move(ev));
        record = std::move(copy);
        return TransitionOutcome{false};
    }

    static std::string paramsDigest(const Json& params) {
        return toHex64(fnv1a64(params.is_null() ? std::string("{}") : params.dump()));
    }

    std::string actionList() const {
        std::string out;
        for (const auto& s : m_specs)
            out += (out.empty() ? "" : ", ") + std::string(s.action);
        return out;
    }

private:
    std::string_view m_name;
    std::vector<TransitionSpec<Record>> m_specs;
};

// Param readers for apply functions: they throw DecodeError, which the registry converts to
// InvalidArgument. `requireText` rejects empty and whitespace-only strings.
std::string requireText(const Json& params, std::string_view key);
std::string optionalText(const Json& params, std::string_view key);

template <typename T>
T requireParam(const Json& params, std::string_view key) {
    return required<T>(params, key);
}

// Runs an apply body, converting DecodeError into InvalidArgument.
template <typename F>
Status guardParams(F&& body) {
    try {
        return body();
    } catch (const DecodeError& e) {
        return invalidArgument(e.what());
    } catch (const nlohmann::json::exception& e) {
        return invalidArgument(e.what());
    }
}

} // namespace courtyard::domain
