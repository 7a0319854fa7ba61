#include "shared/domain/common.h"

#include "shared/domain/body_text.h"

namespace courtyard::domain {

void readHeader(const Json& j, RecordHeader& h) {
    h.id = required<std::string>(j, "id");
    if (h.id.empty() || h.id.size() > 64)
        throw DecodeError("id: must be 1 to 64 characters");
    optionalInto(j, "community_id", h.communityId);
    optionalInto(j, "created_at", h.createdAt);
    optionalInto(j, "created_by", h.createdBy);
    optionalInto(j, "origin_device", h.originDevice);
}

void writeHeader(Json& j, const RecordHeader& h) {
    JsonTreeMembers out(j);
    writeHeaderMembers(out, h);
}

void to_json(Json& j, const TimelineEvent& e) {
    j = Json{{"id", e.id}, {"at", e.at}, {"actor", e.actor}, {"action", e.action},
             {"from", e.from}, {"to", e.to}};
    putIfNotEmpty(j, "actor_name", e.actorName);
    putIfNotEmpty(j, "note", e.note);
    putIfNotEmpty(j, "digest", e.digest);
}

void from_json(const Json& j, TimelineEvent& e) {
    e.id = required<std::string>(j, "id");
    e.at = required<Instant>(j, "at");
    optionalInto(j, "actor", e.actor);
    optionalInto(j, "actor_name", e.actorName);
    e.action = required<std::string>(j, "action");
    optionalInto(j, "from", e.from);
    optionalInto(j, "to", e.to);
    optionalInto(j, "note", e.note);
    optionalInto(j, "digest", e.digest);
}

void to_json(Json& j, const Comment& c) {
    j = Json{{"id", c.id}, {"at", c.at}, {"author", c.author}, {"text", c.text}};
}

void from_json(const Json& j, Comment& c) {
    c.id = required<std::string>(j, "id");
    c.at = required<Instant>(j, "at");
    optionalInto(j, "author", c.author);
    c.text = required<std::string>(j, "text");
}

bool isSha256Hex(std::string_view s) {
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

void to_json(Json& j, const AttachmentRef& a) {
    j = Json{{"sha256", a.sha256}, {"kind", a.kind}, {"mime", a.mime}, {"size", a.size}};
    putIfNotEmpty(j, "name", a.name);
}

void from_json(const Json& j, AttachmentRef& a) {
    a.sha256 = required<std::string>(j, "sha256");
    if (!isSha256Hex(a.sha256))
        throw DecodeError("sha256: must be 64 lowercase hex digits");
    a.kind = required<AttachmentKind>(j, "kind");
    optionalInto(j, "mime", a.mime);
    optionalInto(j, "size", a.size);
    if (a.size < 0)
        throw DecodeError("size: must not be negative");
    optionalInto(j, "name", a.name);
}

// Member by member rather than from an initializer list, which allocates a two-element array
// and a key for every member: a complaint carries four deadlines, each built for every record a
// push creates.
void to_json(Json& j, const Deadline& d) {
    j = Json::object();
    JsonTreeMembers out(j);
    writeMembers(out, d);
}

void from_json(const Json& j, Deadline& d) {
    d.dueAt = required<Instant>(j, "due_at");
    d.rule = required<std::string>(j, "rule");
    optionalInto(j, "provisional", d.provisional);
    optionalInto(j, "calendar_fallback", d.calendarFallback);
    optionalInto(j, "started_at", d.startedAt);
    optionalInto(j, "basis", d.basis);
}

void to_json(Json& j, const Escalation& e) {
    j = Json::object();
    JsonTreeMembers out(j);
    writeMembers(out, e);
}

void from_json(const Json& j, Escalation& e) {
    e.level = required<int>(j, "level");
    e.notify = required<Position>(j, "notify");
    optionalInto(j, "since", e.since);
    optionalInto(j, "rule", e.rule);
    optionalInto(j, "due_at", e.dueAt);
}

} // namespace courtyard::domain
