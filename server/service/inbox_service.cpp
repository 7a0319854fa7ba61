#include "server/service/inbox_service.h"

#include "server/service/scope.h"
#include "shared/auth/access.h"
#include "shared/domain/organization.h"
#include "shared/records/record_type.h"
#include "shared/rules/inbox.h"
#include "sync/protocol/messages.h"

namespace courtyard::server {

store::RecordQuery inboxOpenWork(const std::vector<std::string>& communities) {
    store::RecordQuery q;
    q.types = rules::inboxRecordTypes();
    q.communityIds = communities;
    q.states = records::inboxOpenStates();
    return q;
}

store::RecordQuery inboxSeenMarks(const std::vector<std::string>& communities, const std::string& staffId) {
    store::RecordQuery q;
    q.types = {std::string(domain::InboxSeen::kType)};
    q.communityIds = communities;
    q.assignee = staffId;
    return q;
}

Result<Json> InboxService::inboxFor(const DeviceRow& device, const std::string& staffId,
                                    const rules::Policy& policy) {
    const Instant now = m_clock();
    std::vector<rules::InboxItem> items;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        auto actor = resolveActor(unit, device, staffId);
        if (!actor)
            return actor.error();
        auto staffRec = unit.get(staffId);
        if (!staffRec)
            return staffRec.error();
        auto staff = decodeJson<domain::Staff>((*staffRec)->body);
        if (!staff)
            return internalError("staff record " + staffId + " does not decode");
        // The communities both the device and the person serve.
        std::vector<std::string> communities;
        for (const auto& c : device.communityIds)
            if (domain::servesCommunity(*staff, c))
                communities.push_back(c);
        if (communities.empty())
            return {};
        const rules::InboxPerson me{actor->staffId, actor->position, actor->departmentId};

        auto open = unit.query(inboxOpenWork(communities));
        if (!open)
            return open.error();
        for (const auto& r : *open)
            if (auth::mayReadRecord(r.type, device.role, r.body))
                if (auto item = rules::inboxItem(r.type, r.body, me, now, policy))
                    items.push_back(std::move(*item));

        auto marks = unit.query(inboxSeenMarks(communities, staffId));
        if (!marks)
            return marks.error();
        std::vector<domain::InboxSeen> seen;
        for (const auto& m : *marks)
            if (auto mark = decodeJson<domain::InboxSeen>(m.body))
                seen.push_back(std::move(*mark));
        rules::applySeen(items, seen, staffId);
        return {};
    }));
    rules::sortInbox(items);
    int unseen = 0;
    Json list = Json::array();
    for (const auto& i : items) {
        unseen += i.seen ? 0 : 1;
        list.push_back(i);
    }
    return Json{{"schema", sync::kSchemaVersion}, {"server_time", formatInstant(now)}, {"staff_id", staffId},
                {"unseen", unseen}, {"items", std::move(list)}};
}

} // namespace courtyard::server
