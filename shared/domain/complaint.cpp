#include "shared/domain/complaint.h"

#include "shared/domain/body_text.h"

namespace courtyard::domain {

void to_json(Json& j, const FollowUpVisit& v) {
    j = Json{{"id", v.id},         {"at", v.at},           {"visitor", v.visitor},
             {"method", v.method}, {"opinion", v.opinion}, {"satisfied", v.satisfied}};
}

void from_json(const Json& j, FollowUpVisit& v) {
    v.id = required<std::string>(j, "id");
    v.at = required<Instant>(j, "at");
    optionalInto(j, "visitor", v.visitor);
    optionalInto(j, "method", v.method);
    v.opinion = required<std::string>(j, "opinion");
    v.satisfied = required<bool>(j, "satisfied");
}

// The members of a complaint, for to_json (a tree) and bodyText (its text).
template <typename Out>
void writeMembers(Out& out, const Complaint& c) {
    writeHeaderMembers(out, c);
    out.put("type", Complaint::kType);
    out.put("state", c.state);
    out.put("kind", c.kind);
    out.put("channel", c.channel);
    out.object("complainant", [&](auto& complainant) {
        complainant.put("name", c.complainant.name);
        complainant.put("phone", c.complainant.phone);
    });
    out.put("unit_id", c.unitId);
    out.put("building_id", c.buildingId);
    out.put("category", c.category);
    out.put("content", c.content);
    out.put("received_at", c.receivedAt);
    out.putIf("requested_reply_by", c.requestedReplyBy);
    out.put("urgent", c.urgent);
    out.put("serious", c.serious);
    out.putIfNotEmpty("receipt_code", c.receiptCode);
    out.putIfNotEmpty("fingerprint", c.fingerprint);
    out.put("validity", c.validity);
    out.putIf("cause", c.cause);
    out.putIfNotEmpty("invalid_reason", c.invalidReason);
    out.put("controllability", c.controllability);
    out.put("reach", c.reach);
    out.putIf("grade", c.grade);
    out.putIf("resident_type", c.residentType);
    out.putIf("decided_at", c.decidedAt);
    out.putIfNotEmpty("handler_id", c.handlerId);
    out.putIfNotEmpty("department_id", c.departmentId);
    out.putIf("handling_mode", c.handlingMode);
    out.putIf("agreed_by", c.agreedBy);
    out.putIfNotEmpty("measures", c.measures);
    out.putIfNotEmpty("result", c.result);
    out.putIfNotEmpty("reply", c.reply);
    out.putIf("first_replied_at", c.firstRepliedAt);
    out.putIf("replied_at", c.repliedAt);
    out.putIfNotEmpty("explanation", c.explanation);
    out.putIf("explained_at", c.explainedAt);
    out.putIfNotEmpty("referral_result", c.referralResult);
    out.putIfNotEmpty("transfer_sheet_id", c.transferSheetId);
    out.putIfNotEmpty("leader_id", c.leaderId);
    out.put("round", c.round);
    out.put("visits", c.visits);
    out.putIf("closed_at", c.closedAt);
    out.putIf("reply_due", c.replyDue);
    out.putIf("explanation_due", c.explanationDue);
    out.putIf("visit_due", c.visitDue);
    out.putIf("round_reply_due", c.roundReplyDue);
    out.putIf("escalation", c.escalation);
    out.put("timeline", c.timeline);
    out.put("comments", c.comments);
    out.put("attachments", c.attachments);
}

void to_json(Json& j, const Complaint& c) {
    j = Json::object();
    JsonTreeMembers out(j);
    writeMembers(out, c);
}

std::string bodyText(const Complaint& c) {
    JsonTextMembers out;
    writeMembers(out, c);
    return out.text();
}

void from_json(const Json& j, Complaint& c) {
    readHeader(j, c);
    optionalInto(j, "state", c.state);
    optionalInto(j, "kind", c.kind);
    c.channel = required<Channel>(j, "channel");
    if (auto it = j.find("complainant"); it != j.end() && it->is_object()) {
        optionalInto(*it, "name", c.complainant.name);
        optionalInto(*it, "phone", c.complainant.phone);
    }
    optionalInto(j, "unit_id", c.unitId);
    optionalInto(j, "building_id", c.buildingId);
    c.category = required<Category>(j, "category");
    c.content = required<std::string>(j, "content");
    c.receivedAt = required<Instant>(j, "received_at");
    optionalInto(j, "requested_reply_by", c.requestedReplyBy);
    optionalInto(j, "urgent", c.urgent);
    optionalInto(j, "serious", c.serious);
    optionalInto(j, "receipt_code", c.receiptCode);
    optionalInto(j, "fingerprint", c.fingerprint);
    optionalInto(j, "validity", c.validity);
    optionalInto(j, "cause", c.cause);
    optionalInto(j, "invalid_reason", c.invalidReason);
    optionalInto(j, "controllability", c.controllability);
    optionalInto(j, "reach", c.reach);
    optionalInto(j, "grade", c.grade);
    optionalInto(j, "resident_type", c.residentType);
    optionalInto(j, "decided_at", c.decidedAt);
    optionalInto(j, "handler_id", c.handlerId);
    optionalInto(j, "department_id", c.departmentId);
    optionalInto(j, "handling_mode", c.handlingMode);
    optionalInto(j, "agreed_by", c.agreedBy);
    optionalInto(j, "measures", c.measures);
    optionalInto(j, "result", c.result);
    optionalInto(j, "reply", c.reply);
    optionalInto(j, "first_replied_at", c.firstRepliedAt);
    optionalInto(j, "replied_at", c.repliedAt);
    optionalInto(j, "explanation", c.explanation);
    optionalInto(j, "explained_at", c.explainedAt);
    optionalInto(j, "referral_result", c.referralResult);
    optionalInto(j, "transfer_sheet_id", c.transferSheetId);
    optionalInto(j, "leader_id", c.leaderId);
    optionalInto(j, "round", c.round);
    optionalInto(j, "visits", c.visits);
    optionalInto(j, "closed_at", c.closedAt);
    optionalInto(j, "reply_due", c.replyDue);
    optionalInto(j, "explanation_due", c.explanationDue);
    optionalInto(j, "visit_due", c.visitDue);
    optionalInto(j, "round_reply_due", c.roundReplyDue);
    optionalInto(j, "escalation", c.escalation);
    optionalInto(j, "timeline", c.timeline);
    optionalInto(j, "comments", c.comments);
    optionalInto(j, "attachments", c.attachments);
}

bool isOpen(const Complaint& c) {
    return c.state != ComplaintState::Closed && c.state != ComplaintState::Cancelled;
}

bool fromOutside(Channel channel) {
    return channel == Channel::Company || channel == Channel::Group || channel == Channel::Media ||
           channel == Channel::Government;
}

namespace {

Status outsideOnly(const Complaint& c) {
    if (fromOutside(c.channel))
        return {};
    return failedPrecondition("leader_id: only a complaint that reached the company, the group, the media or the "
                              "government names a responsible leader; this one came by " +
                              std::string(enumName(c.channel)));
}

} // namespace

Status validateNew(const Complaint& c) {
    if (c.state != ComplaintState::Received)
        return invalidArgument("a new complaint must start as 'received'");
    if (c.content.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalidArgument("content: is required");
    if (c.content.size() > 20000)
        return invalidArgument("content: is longer than 20000 bytes");
    if (c.validity != Validity::Undecided || c.cause || c.grade || c.decidedAt ||
        c.handlingMode || c.repliedAt || c.firstRepliedAt || c.closedAt || !c.visits.empty() ||
        !c.timeline.empty() || c.round != 1 || !c.reply.empty() || !c.transferSheetId.empty())
        return invalidArgument(
            "a new complaint cannot carry decisions or results: they are set by transitions");
    if (c.requestedReplyBy && *c.requestedReplyBy < c.receivedAt)
        return invalidArgument("requested_reply_by: is before the complaint was received");
    if (!c.leaderId.empty())
        if (auto st = outsideOnly(c); !st)
            return invalidArgument(st.error().message);
    return {};
}

namespace {

using S = ComplaintState;
using R = Role;

Status answerOnSpot(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        c.reply = requireText(req.params, "reply");
        c.measures = optionalText(req.params, "measures");
        c.result = optionalText(req.params, "result");
        c.validity = Validity::Valid;
        c.cause = Cause::Own;
        c.handlingMode = HandlingMode::SolvedAtOnce;
        c.decidedAt = req.at;
        c.handlerId = req.actor.staffId;
        if (c.departmentId.empty())
            c.departmentId = req.actor.departmentId;
        c.repliedAt = req.at;
        c.firstRepliedAt = req.at;
        c.state = S::Replied;
        return {};
    });
}

Status assign(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        c.handlerId = requireText(req.params, "handler_id");
        optionalInto(req.params, "department_id", c.departmentId);
        return {};
    });
}

Status accept(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        optionalInto(req.params, "controllability", c.controllability);
        optionalInto(req.params, "reach", c.reach);
        optionalInto(req.params, "resident_type", c.residentType);
        c.handlerId = req.actor.staffId;
        optionalInto(req.params, "handler_id", c.handlerId);
        optionalInto(req.params, "department_id", c.departmentId);
        if (c.departmentId.empty())
            c.departmentId = req.actor.departmentId;
        c.validity = Validity::Valid;
        c.cause = Cause::Own;
        c.decidedAt = req.at;
        c.state = S::Handling;
        return {};
    });
}

Status reject(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        const auto cause = requireParam<Cause>(req.params, "cause");
        if (cause == Cause::Own)
            return invalidArgument("cause: an invalid complaint is caused by the developer, an "
                                   "outside body or public facilities, not 'own'");
        c.invalidReason = requireText(req.params, "reason");
        optionalInto(req.params, "controllability", c.controllability);
        optionalInto(req.params, "reach", c.reach);
        c.cause = cause;
        c.validity = Validity::Invalid;
        c.decidedAt = req.at;
        if (c.handlerId.empty())
            c.handlerId = req.actor.staffId;
        // The department that decided it owns the explanation (and counts it in its reports).
        optionalInto(req.params, "department_id", c.departmentId);
        if (c.departmentId.empty())
            c.departmentId = req.actor.departmentId;
        c.state = S::Explaining;
        return {};
    });
}

Status explain(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        c.explanation = requireText(req.params, "explanation");
        c.explainedAt = req.at;
        // Developer-caused: forwarded to the developer and followed; external: coordinated
        // with the responsible body. Public facilities outside our remit end with the
        // explanation.
        if (c.cause == Cause::Developer || c.cause == Cause::External) {
            c.state = S::Referred;
        } else {
            c.state = S::Closed;
            c.closedAt = req.at;
        }
        return {};
    });
}

Status closeReferral(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        c.referralResult = requireText(req.params, "result");
        c.state = S::Closed;
        c.closedAt = req.at;
        return {};
    });
}

Status agreeTime(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        const auto by = requireParam<Instant>(req.params, "agreed_by");
        if (by <= req.at)
            return invalidArgument("agreed_by: must be later than now");
        c.agreedBy = by;
        c.handlingMode = HandlingMode::AgreedTime;
        return {};
    });
}

Status transfer(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        c.transferSheetId = requireText(req.params, "sheet_id");
        requireText(req.params, "reason");
        c.state = S::Escalated;
        return {};
    });
}

Status arrange(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        c.departmentId = requireText(req.params, "department_id");
        optionalInto(req.params, "handler_id", c.handlerId);
        c.state = S::Handling;
        return {};
    });
}

Status reply(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        const auto mode = requireParam<HandlingMode>(req.params, "handling_mode");
        c.reply = requireText(req.params, "reply");
        if (mode == HandlingMode::ExplainOnly) {
            c.measures = optionalText(req.params, "measures");
            c.result = optionalText(req.params, "result");
        } else {
            c.measures = requireText(req.params, "measures");
            c.result = requireText(req.params, "result");
        }
        c.handlingMode = mode;
        c.repliedAt = req.at;
        if (!c.firstRepliedAt)
            c.firstRepliedAt = req.at;
        c.state = S::Replied;
        return {};
    });
}

Status visit(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        FollowUpVisit v;
        v.id = req.opId;
        optionalInto(req.params, "visit_id", v.id);
        if (v.id.empty())
            return invalidArgument("visit_id: is required");
        v.at = req.at;
        v.visitor = req.actor.staffId;
        optionalInto(req.params, "method", v.method);
        v.opinion = requireText(req.params, "opinion");
        v.satisfied = requireParam<bool>(req.params, "satisfied");
        c.visits.push_back(v);
        if (v.satisfied) {
            c.state = S::Visited;
        } else {
            // Keep following until the resident is satisfied: back to handling, next round.
            c.round += 1;
            c.state = S::Handling;
        }
        return {};
    });
}

Status close(Complaint& c, const TransitionRequest& req) {
    if (c.visits.empty() || !c.visits.back().satisfied)
        return failedPrecondition("closing a complaint needs a satisfied follow-up visit");
    c.closedAt = req.at;
    c.state = S::Closed;
    return {};
}

// The grade's inputs change only by a supervisor's decision: at accept or reject, or later
// when the complaint spreads (reaches the media) or turns out to be more within our control.
Status regrade(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        if (!req.params.contains("controllability") && !req.params.contains("reach"))
            return invalidArgument("controllability or reach: at least one is required");
        optionalInto(req.params, "controllability", c.controllability);
        optionalInto(req.params, "reach", c.reach);
        return {};
    });
}

// Leadership names who follows a complaint from outside to the end; naming another hands it over.
Status nameLeader(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        c.leaderId = requireText(req.params, "leader_id");
        return {};
    });
}

Status cancel(Complaint& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        requireText(req.params, "reason");
        c.closedAt = req.at;
        c.state = S::Cancelled;
        return {};
    });
}

} // namespace

const Workflow<Complaint>& complaintWorkflow() {
    static const Workflow<Complaint> wf{
        "complaint",
        {
            {"answer_on_spot", {S::Received}, {R::Staff, R::Supervisor, R::Manager}, answerOnSpot},
            {"assign",
             {S::Received, S::Handling, S::Escalated, S::Explaining, S::Referred},
             {R::Supervisor, R::Manager},
             assign},
            {"accept", {S::Received}, {R::Supervisor, R::Manager}, accept},
            {"reject", {S::Received}, {R::Supervisor, R::Manager}, reject},
            {"explain", {S::Explaining}, {R::Staff, R::Supervisor, R::Manager}, explain},
            {"close_referral",
             {S::Referred},
             {R::Staff, R::Supervisor, R::Manager, R::DeveloperCs},
             closeReferral},
            {"agree_time", {S::Handling}, {R::Staff, R::Supervisor, R::Manager}, agreeTime},
            {"transfer", {S::Handling}, {R::Staff, R::Supervisor}, transfer},
            {"arrange", {S::Escalated}, {R::Supervisor, R::Manager}, arrange},
            {"reply", {S::Handling}, {R::Staff, R::Supervisor, R::Manager}, reply},
            {"visit", {S::Replied}, {R::Staff, R::Supervisor, R::Manager}, visit},
            {"close", {S::Visited}, {R::Supervisor, R::Manager}, close},
            {"regrade",
             {S::Handling, S::Escalated, S::Replied, S::Visited, S::Explaining, S::Referred},
             {R::Supervisor, R::Manager},
             regrade},
            {"cancel", {S::Received}, {R::Supervisor, R::Manager}, cancel},
            {"name_leader",
             {S::Received, S::Handling, S::Escalated, S::Replied, S::Visited, S::Explaining, S::Referred},
             {R::Supervisor, R::Manager},
             nameLeader,
             outsideOnly},
        }};
    return wf;
}

} // namespace courtyard::domain
