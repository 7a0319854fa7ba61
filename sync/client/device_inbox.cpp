#include "sync/client/device_inbox.h"

#include "shared/domain/organization.h"
#include "shared/records/record_type.h"


namespace courtyard::sync {

Result<std::vector<rules::InboxItem>> deviceInbox(DeviceStore& store, const domain::Actor& person, Instant now) {
    std::vector<rules::InboxItem> items;
    if (person.staffId.empty())
        return items;
    std::optional<domain::Staff> staff;
    if (auto rec = store.get(person.staffId); rec && *rec && (*rec)->type == "staff")
        if (auto s = decodeJson<domain::Staff>((**rec).body))
            staff = std::move(*s);
    const rules::InboxPerson me{person.staffId, person.position, person.departmentId};
    // The company's policy (the same record the server reads for GET /v1/inbox).
    const auto& policy = store.rulesFor("").policy;

    store::RecordQuery q;
    q.types = rules::inboxRecordTypes();
    q.states = records::inboxOpenStates();
    auto open = store.query(q);
    if (!open)
        return open.error();
    for (const auto& r : *open) {
        if (staff && !domain::servesCommunity(*staff, stringAt(r.body, "community_id")))
            continue;
        if (auto item = rules::inboxItem(r.type, r.body, me, now, policy))
            items.push_back(std::move(*item));
    }

    store::RecordQuery marksQuery;
    marksQuery.types = {std::string(domain::InboxSeen::kType)};
    marksQuery.assignee = person.staffId;
    auto marks = store.query(marksQuery);
    if (!marks)
        return marks.error();
    std::vector<domain::InboxSeen> seen;
    for (const auto& m : *marks)
        if (auto mark = decodeJson<domain::InboxSeen>(m.body))
            seen.push_back(std::move(*mark));
    rules::applySeen(items, seen, person.staffId);
    rules::sortInbox(items);
    return items;
}

Result<std::string> markSeen(DeviceStore& store, const rules::InboxItem& item, const domain::Actor& person,
                             Instant now) {
    if (person.staffId.empty())
        return unauthenticated("nobody is signed in: a seen mark is a person's");
    return store.create(std::string(domain::InboxSeen::kType),
                        Json{{"community_id", item.communityId},
                             {"record_id", item.recordId},
                             {"item", item.key},
                             {"seen_at", now}},
                        person, now);
}

} // namespace courtyard::sync
