#include "shared/domain/suggestion.h"

namespace courtyard::domain {

void to_json(Json& j, const Suggestion& s) {
    j = Json::object();
    writeHeader(j, s);
    j["type"] = Suggestion::kType;
    j["state"] = s.state;
    j["channel"] = s.channel;
    putIfNotEmpty(j, "resident_name", s.residentName);
    putIfNotEmpty(j, "resident_phone", s.residentPhone);
    j["unit_id"] = s.unitId;
    putIf(j, "category", s.category);
    j["content"] = s.content;
    j["received_at"] = s.receivedAt;
    putIfNotEmpty(j, "receipt_code", s.receiptCode);
    putIfNotEmpty(j, "fingerprint", s.fingerprint);
    putIf(j, "agreed_reply_by", s.agreedReplyBy);
    putIf(j, "adopted", s.adopted);
    putIfNotEmpty(j, "reply", s.reply);
    putIfNotEmpty(j, "not_adopted_reason", s.notAdoptedReason);
    putIf(j, "replied_at", s.repliedAt);
    putIfNotEmpty(j, "handler_id", s.handlerId);
    putIf(j, "reply_due", s.replyDue);
    putIf(j, "escalation", s.escalation);
    j["timeline"] = s.timeline;
    j["comments"] = s.comments;
}

void from_json(const Json& j, Suggestion& s) {
    readHeader(j, s);
    optionalInto(j, "state", s.state);
    optionalInto(j, "channel", s.channel);
    optionalInto(j, "resident_name", s.residentName);
    optionalInto(j, "resident_phone", s.residentPhone);
    optionalInto(j, "unit_id", s.unitId);
    optionalInto(j, "category", s.category);
    s.content = required<std::string>(j, "content");
    s.receivedAt = required<Instant>(j, "received_at");
    optionalInto(j, "receipt_code", s.receiptCode);
    optionalInto(j, "fingerprint", s.fingerprint);
    optionalInto(j, "agreed_reply_by", s.agreedReplyBy);
    optionalInto(j, "adopted", s.adopted);
    optionalInto(j, "reply", s.reply);
    optionalInto(j, "not_adopted_reason", s.notAdoptedReason);
    optionalInto(j, "replied_at", s.repliedAt);
    optionalInto(j, "handler_id", s.handlerId);
    optionalInto(j, "reply_due", s.replyDue);
    optionalInto(j, "escalation", s.escalation);
    optionalInto(j, "timeline", s.timeline);
    optionalInto(j, "comments", s.comments);
}

Status validateNew(const Suggestion& s) {
    if (s.state != SuggestionState::Received)
        return invalidArgument("a new suggestion must start as 'received'");
    if (s.content.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalidArgument("content: is required");
    if (s.content.size() > 20000)
        return invalidArgument("content: is longer than 20000 bytes");
    if (s.adopted || s.repliedAt || !s.reply.empty() || !s.timeline.empty())
        return invalidArgument("a new suggestion cannot carry a reply: it is set by 'reply'");
    return {};
}

namespace {
using S = SuggestionState;
using R = Role;

Status acknowledge(Suggestion& s, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        const auto by = requireParam<Instant>(req.params, "agreed_reply_by");
        if (by <= req.at)
            return invalidArgument("agreed_reply_by: must be later than now");
        s.agreedReplyBy = by;
        s.handlerId = req.actor.staffId;
        s.state = S::Acknowledged;
        return {};
    });
}

Status reply(Suggestion& s, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        const bool adopted = requireParam<bool>(req.params, "adopted");
        s.reply = requireText(req.params, "reply");
        if (!adopted)
            s.notAdoptedReason = requireText(req.params, "reason");
        s.adopted = adopted;
        s.repliedAt = req.at;
        if (s.handlerId.empty())
            s.handlerId = req.actor.staffId;
        s.state = S::Replied;
        return {};
    });
}

Status cancel(Suggestion& s, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        requireText(req.params, "reason");
        s.state = S::Cancelled;
        return {};
    });
}
} // namespace

const Workflow<Suggestion>& suggestionWorkflow() {
    static const Workflow<Suggestion> wf{
        "suggestion",
        {
            {"acknowledge", {S::Received}, {R::Staff, R::Supervisor, R::Manager}, acknowledge},
            {"reply", {S::Received, S::Acknowledged}, {R::Staff, R::Supervisor, R::Manager}, reply},
            {"cancel", {S::Received, S::Acknowledged}, {R::Supervisor, R::Manager}, cancel},
        }};
    return wf;
}

} // namespace courtyard::domain
