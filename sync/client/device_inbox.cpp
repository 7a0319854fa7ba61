#include "sync/client/device_inbox.h"

#include "shared/domain/organization.h"
#include "shared/records/record_type.h"
#include "shared/rules/patrol_schedule.h"

#include <map>
#include <set>

namespace courtyard::sync {

namespace {

template <typename T>
Result<std::map<std::string, std::vector<T>>> byRoute(DeviceStore& store, std::string_view type, Instant from) {
    store::RecordQuery q;
    q.types = {std::string(type)};
    q.happenedFrom = from;
    auto rows = store.query(q);
    if (!rows)
        return rows.error();
    std::map<std::string, std::vector<T>> out;
    for (const auto& r : *rows)
        if (auto v = decodeJson<T>(r.body))
            out[v->routeId].push_back(std::move(*v));
    return out;
}

// Scheduled patrol rounds as the server would judge them now (rules/patrol_schedule.h), from what
// this tablet holds: the expected rounds it synced, judged again against the rounds it knows of
// (walked here offline, or synced), and — when it has not heard from the server for longer than
// the server creates them ahead — the expected rounds the server has made since, from the synced
// routes' schedules. Only times after that horizon are predicted: an earlier time the server did
// not send has no expected round there (the schedule is newer than it, say). What differs from
// the server's last word is provisional; the server's judgement replaces it at the next sync.
Status patrolItems(DeviceStore& store, const rules::InboxPerson& me, const std::optional<domain::Staff>& staff,
                   Instant now, const rules::Policy& policy, std::vector<rules::InboxItem>& items) {
    if (me.departmentId.empty())
        return {};
    const Instant from = now - rules::kJudgedFor;
    auto slots = byRoute<domain::PatrolSlot>(store, domain::PatrolSlot::kType, from);
    if (!slots)
        return slots.error();
    auto rounds = byRoute<domain::PatrolRound>(store, domain::PatrolRound::kType, from - std::chrono::hours{3});
    if (!rounds)
        return rounds.error();
    auto state = store.state();
    if (!state)
        return state.error();
    // Expected rounds the server had made by the last sync are here; later ones are predicted.
    const Instant horizon = state->lastSyncAt ? *state->lastSyncAt + rules::kSlotsAhead : now;
    const Instant until = now + std::chrono::minutes{policy.inboxWarningMinutes};

    store::RecordQuery routesQ;
    routesQ.types = {std::string(domain::PatrolRoute::kType)};
    auto routes = store.query(routesQ);
    if (!routes)
        return routes.error();
    std::map<std::string, domain::PatrolRoute> routeById;
    for (const auto& r : *routes)
        if (auto route = decodeJson<domain::PatrolRoute>(r.body); route && route->departmentId == me.departmentId)
            routeById[route->id] = std::move(*route);

    std::set<std::string> routeIds;
    for (const auto& [id, list] : *slots)
        routeIds.insert(id);
    for (const auto& [id, route] : routeById)
        routeIds.insert(id);
    for (const auto& routeId : routeIds) {
        std::vector<domain::PatrolSlot> mine = (*slots)[routeId];
        if (const auto it = routeById.find(routeId); it != routeById.end() && horizon < until) {
            std::set<std::string> known;
            for (const auto& sl : mine)
                known.insert(sl.id);
            const auto& route = it->second;
            const auto& calendar = store.rulesFor(route.communityId).calendar;
            for (Instant t : rules::scheduledTimes(route, calendar, std::max(horizon, from), until))
                if (!known.count(rules::slotId(route.id, t)))
                    mine.push_back(rules::expectedSlot(route, t));
        }
        const std::vector<domain::PatrolSlot> before = mine;
        rules::judgeSlots(mine, (*rounds)[routeId], now);
        for (std::size_t i = 0; i < mine.size(); ++i) {
            const auto& sl = mine[i];
            if (staff && !domain::servesCommunity(*staff, sl.communityId))
                continue;
            auto item = rules::inboxItem(sl, me, now, policy);
            if (!item)
                continue;
            // The tablet's own judgement, or an expected round the server has not sent yet.
            const bool stored = i < (*slots)[routeId].size();
            item->provisional = !stored || before[i].status != sl.status;
            items.push_back(std::move(*item));
        }
    }
    return {};
}

} // namespace

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
    for (const auto& type : rules::inboxRecordTypes())
        if (type != domain::PatrolSlot::kType) // judged again below, with the rounds
            q.types.push_back(type);
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

    CY_TRY(patrolItems(store, me, staff, now, policy, items));

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
