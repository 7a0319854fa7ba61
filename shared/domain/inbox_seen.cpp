#include "shared/domain/inbox_seen.h"

namespace courtyard::domain {

void to_json(Json& j, const InboxSeen& s) {
    j = Json::object();
    writeHeader(j, s);
    j["type"] = InboxSeen::kType;
    j["record_id"] = s.recordId;
    j["item"] = s.item;
    j["seen_at"] = s.seenAt;
}

void from_json(const Json& j, InboxSeen& s) {
    readHeader(j, s);
    s.recordId = required<std::string>(j, "record_id");
    s.item = required<std::string>(j, "item");
    s.seenAt = required<Instant>(j, "seen_at");
}

Status validateNew(const InboxSeen& s) {
    if (s.communityId.empty())
        return invalidArgument("community_id: the community of the record that was seen");
    if (s.recordId.empty() || s.recordId.size() > 64)
        return invalidArgument("record_id: the record that was seen (1-64 characters)");
    if (s.item.empty() || s.item.size() > 64)
        return invalidArgument("item: the inbox item's key (1-64 characters)");
    return {};
}

} // namespace courtyard::domain
