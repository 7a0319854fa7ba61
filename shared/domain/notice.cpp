#include "shared/domain/notice.h"

namespace courtyard::domain {

void to_json(Json& j, const Notice& n) {
    j = Json::object();
    writeHeader(j, n);
    j["type"] = Notice::kType;
    j["state"] = n.state;
    j["kind"] = n.kind;
    j["title"] = n.title;
    j["body"] = n.body;
    j["valid_from"] = n.validFrom;
    j["valid_until"] = n.validUntil;
    j["urgent"] = n.urgent;
    putIfNotEmpty(j, "location", n.location);
    j["attachments"] = n.attachments;
    j["timeline"] = n.timeline;
}

void from_json(const Json& j, Notice& n) {
    readHeader(j, n);
    optionalInto(j, "state", n.state);
    n.kind = required<NoticeKind>(j, "kind");
    n.title = required<std::string>(j, "title");
    n.body = required<std::string>(j, "body");
    n.validFrom = required<Instant>(j, "valid_from");
    n.validUntil = required<Instant>(j, "valid_until");
    optionalInto(j, "urgent", n.urgent);
    optionalInto(j, "location", n.location);
    optionalInto(j, "attachments", n.attachments);
    optionalInto(j, "timeline", n.timeline);
}

Status validateNew(const Notice& n) {
    if (n.state != NoticeState::Published)
        return invalidArgument("a new notice is published");
    if (n.title.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalidArgument("title: is required");
    if (n.validUntil <= n.validFrom)
        return invalidArgument("valid_until: must be after valid_from");
    if (n.communityId.empty())
        return invalidArgument("community_id: a notice shows on the kiosks of one community");
    if (n.kind == NoticeKind::PestControl && n.location.empty())
        return invalidArgument("location: pest control notices mark the spot");
    return {};
}

bool isShowing(const Notice& n, Instant now) {
    return n.state == NoticeState::Published && n.validFrom <= now && now < n.validUntil;
}

namespace {
Status withdraw(Notice& n, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        requireText(req.params, "reason");
        n.state = NoticeState::Withdrawn;
        return {};
    });
}
} // namespace

const Workflow<Notice>& noticeWorkflow() {
    static const Workflow<Notice> wf{
        "notice",
        {
            {"withdraw", {NoticeState::Published}, {Role::Supervisor, Role::Manager, Role::Admin}, withdraw},
        }};
    return wf;
}

} // namespace courtyard::domain
