#include "shared/domain/rectification.h"

namespace courtyard::domain {

void to_json(Json& j, const RectificationRound& r) {
    j = Json{{"number", r.number}, {"developer", r.developer}};
    putIfNotEmpty(j, "measures", r.measures);
    putIf(j, "completion_by", r.completionBy);
    putIfNotEmpty(j, "team", r.team);
    putIfNotEmpty(j, "result", r.result);
    putIf(j, "completed_at", r.completedAt);
    putIfNotEmpty(j, "objection", r.objection);
}

void from_json(const Json& j, RectificationRound& r) {
    r.number = required<int>(j, "number");
    optionalInto(j, "developer", r.developer);
    optionalInto(j, "measures", r.measures);
    optionalInto(j, "completion_by", r.completionBy);
    optionalInto(j, "team", r.team);
    optionalInto(j, "result", r.result);
    optionalInto(j, "completed_at", r.completedAt);
    optionalInto(j, "objection", r.objection);
}

void to_json(Json& j, const RectificationItem& r) {
    j = Json::object();
    writeHeader(j, r);
    j["type"] = RectificationItem::kType;
    j["state"] = r.state;
    j["source"] = r.source;
    putIfNotEmpty(j, "found_by_department_id", r.foundByDepartmentId);
    putIfNotEmpty(j, "unit_id", r.unitId);
    putIfNotEmpty(j, "area", r.area);
    putIf(j, "category", r.category);
    j["description"] = r.description;
    putIfNotEmpty(j, "report_id", r.reportId);
    j["rounds"] = r.rounds;
    putIf(j, "signature", r.signature);
    putIfNotEmpty(j, "signer_name", r.signerName);
    putIfNotEmpty(j, "accepted_by", r.acceptedBy);
    putIf(j, "accepted_at", r.acceptedAt);
    putIf(j, "completion_due", r.completionDue);
    putIf(j, "acceptance_due", r.acceptanceDue);
    putIf(j, "escalation", r.escalation);
    j["timeline"] = r.timeline;
    j["comments"] = r.comments;
    j["attachments"] = r.attachments;
}

void from_json(const Json& j, RectificationItem& r) {
    readHeader(j, r);
    optionalInto(j, "state", r.state);
    r.source = required<RectificationSource>(j, "source");
    optionalInto(j, "found_by_department_id", r.foundByDepartmentId);
    optionalInto(j, "unit_id", r.unitId);
    optionalInto(j, "area", r.area);
    optionalInto(j, "category", r.category);
    r.description = required<std::string>(j, "description");
    optionalInto(j, "report_id", r.reportId);
    optionalInto(j, "rounds", r.rounds);
    optionalInto(j, "signature", r.signature);
    optionalInto(j, "signer_name", r.signerName);
    optionalInto(j, "accepted_by", r.acceptedBy);
    optionalInto(j, "accepted_at", r.acceptedAt);
    optionalInto(j, "completion_due", r.completionDue);
    optionalInto(j, "acceptance_due", r.acceptanceDue);
    optionalInto(j, "escalation", r.escalation);
    optionalInto(j, "timeline", r.timeline);
    optionalInto(j, "comments", r.comments);
    optionalInto(j, "attachments", r.attachments);
}

Status validateNew(const RectificationItem& r) {
    if (r.state != RectificationState::Reported)
        return invalidArgument("a new rectification item must start as 'reported'");
    if (r.description.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalidArgument("description: is required");
    if (r.unitId.empty() && r.area.empty())
        return invalidArgument("unit_id or area: say where the item is");
    if (r.foundByResident() && r.unitId.empty())
        return invalidArgument("unit_id: an item from a house inspection belongs to a unit");
    if (!r.rounds.empty() || r.signature || r.acceptedAt || !r.timeline.empty())
        return invalidArgument("a new rectification item cannot carry rounds or an acceptance");
    return {};
}

namespace {
using S = RectificationState;
using R = Role;

RectificationRound& openRound(RectificationItem& r, bool developer) {
    if (r.rounds.empty() || r.rounds.back().completedAt || !r.rounds.back().objection.empty()) {
        RectificationRound next;
        next.number = r.rounds.empty() ? 1 : r.rounds.back().number + 1;
        r.rounds.push_back(next);
    }
    r.rounds.back().developer = developer;
    return r.rounds.back();
}

Status fixInHouse(RectificationItem& r, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        auto measures = requireText(req.params, "measures");
        auto completionBy = optionalField<Instant>(req.params, "completion_by");
        auto& round = openRound(r, false);
        round.measures = std::move(measures);
        round.completionBy = completionBy;
        optionalInto(req.params, "team", round.team);
        r.state = S::InHouse;
        return {};
    });
}

Status handOff(RectificationItem& r, const TransitionRequest& req) {
    (void)req; // what was handed over goes on the timeline as the request's note
    openRound(r, true);
    r.state = S::WithDeveloper;
    return {};
}

Status plan(RectificationItem& r, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        auto& round = r.rounds.back();
        round.measures = requireText(req.params, "measures");
        const auto by = requireParam<Instant>(req.params, "completion_by");
        if (by <= req.at)
            return invalidArgument("completion_by: must be later than now");
        round.completionBy = by;
        round.team = requireText(req.params, "team");
        r.state = S::Scheduled;
        return {};
    });
}

Status completeWork(RectificationItem& r, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        auto& round = r.rounds.back();
        round.result = requireText(req.params, "result");
        round.completedAt = req.at;
        r.state = S::AwaitingAcceptance;
        return {};
    });
}

Status accept(RectificationItem& r, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        if (r.foundByResident()) {
            // The resident signs on the screen; the signature is an attachment.
            auto sig = requireParam<AttachmentRef>(req.params, "signature");
            if (sig.kind != AttachmentKind::Signature)
                return invalidArgument("signature: must be an attachment of kind 'signature'");
            r.signerName = requireText(req.params, "signer_name");
            r.signature = sig;
        } else {
            // Found by staff: the finding department accepts the result.
            r.acceptedBy = requireText(req.params, "accepted_by");
        }
        r.acceptedAt = req.at;
        r.state = S::Accepted;
        return {};
    });
}

Status object(RectificationItem& r, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        r.rounds.back().objection = requireText(req.params, "reason");
        RectificationRound next;
        next.number = r.rounds.back().number + 1;
        r.rounds.push_back(next);
        r.state = S::Reported;
        return {};
    });
}

Status cancel(RectificationItem& r, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        requireText(req.params, "reason");
        r.state = S::Cancelled;
        return {};
    });
}
} // namespace

const Workflow<RectificationItem>& rectificationWorkflow() {
    static const Workflow<RectificationItem> wf{
        "rectification item",
        {
            {"fix_in_house", {S::Reported}, {R::Staff, R::Supervisor, R::Manager}, fixInHouse},
            {"hand_off", {S::Reported}, {R::Staff, R::Supervisor, R::Manager}, handOff},
            {"plan", {S::WithDeveloper}, {R::DeveloperCs}, plan},
            {"complete_work", {S::InHouse}, {R::Staff, R::Supervisor, R::Manager}, completeWork},
            {"developer_accept", {S::Scheduled}, {R::DeveloperCs}, completeWork},
            {"accept", {S::AwaitingAcceptance}, {R::Staff, R::Supervisor, R::Manager}, accept},
            {"object", {S::AwaitingAcceptance}, {R::Staff, R::Supervisor, R::Manager}, object},
            {"cancel", {S::Reported}, {R::Supervisor, R::Manager}, cancel},
        }};
    return wf;
}

} // namespace courtyard::domain
