#include "server/service/patrol_slots.h"

#include "shared/rules/patrol_schedule.h"

#include <map>
#include <set>

namespace courtyard::server {

using domain::PatrolRound;
using domain::PatrolRoute;
using domain::PatrolSlot;

namespace {

template <typename T>
Result<std::map<std::string, std::vector<T>>> byRoute(WriteUnit& unit, const store::RecordQuery& q) {
    auto rows = unit.query(q);
    if (!rows)
        return rows.error();
    std::map<std::string, std::vector<T>> out;
    for (const auto& r : *rows) {
        auto v = decodeJson<T>(r.body);
        if (v) // a body that does not decode is left alone, as the escalation pass does
            out[v->routeId].push_back(std::move(*v));
    }
    return out;
}

Status putSlot(WriteUnit& unit, const PatrolSlot& s, bool deleted = false) {
    store::StoredRecord rec;
    rec.id = s.id;
    rec.type = std::string(PatrolSlot::kType);
    rec.body = s;
    rec.deleted = deleted;
    auto v = unit.put(std::move(rec));
    if (!v)
        return v.error();
    return {};
}

} // namespace

Result<PatrolSlotPass> schedulePatrols(WriteUnit& unit, RulesCache& rules, Instant now) {
    PatrolSlotPass pass;
    store::RecordQuery routesQ;
    routesQ.types = {std::string(PatrolRoute::kType)};
    auto routes = unit.query(routesQ);
    if (!routes)
        return routes.error();

    const Instant judgedFrom = now - rules::kJudgedFor;
    store::RecordQuery slotsQ;
    slotsQ.types = {std::string(PatrolSlot::kType)};
    slotsQ.happenedFrom = judgedFrom;
    auto slots = byRoute<PatrolSlot>(unit, slotsQ);
    if (!slots)
        return slots.error();
    // Rounds that may fulfil a slot in the window: started up to a tolerance (at most 3 hours)
    // before the earliest slot judged.
    store::RecordQuery roundsQ;
    roundsQ.types = {std::string(PatrolRound::kType)};
    roundsQ.happenedFrom = judgedFrom - std::chrono::hours{3};
    auto rounds = byRoute<PatrolRound>(unit, roundsQ);
    if (!rounds)
        return rounds.error();

    // Withdraws the expected rounds of a route not yet due that `keep` does not name.
    const auto withdraw = [&](std::vector<PatrolSlot>& mine, const std::set<std::string>& keep) -> Status {
        for (auto it = mine.begin(); it != mine.end();) {
            if (it->status == domain::PatrolSlotStatus::Expected && it->startBy > now && !keep.count(it->id)) {
                CY_TRY(putSlot(unit, *it, true));
                ++pass.withdrawn;
                it = mine.erase(it);
            } else {
                ++it;
            }
        }
        return {};
    };

    std::set<std::string> live;
    for (const auto& row : *routes) {
        auto route = decodeJson<PatrolRoute>(row.body);
        if (!route)
            continue;
        live.insert(route->id);
        auto ctx = rules.get(unit, route->communityId, now);
        if (!ctx)
            continue;
        std::vector<PatrolSlot>& mine = (*slots)[route->id];

        // What the schedule says now, from the earliest start window still open.
        const std::chrono::minutes tolerance{route->schedule ? route->schedule->toleranceMinutes : 0};
        const auto times = rules::scheduledTimes(*route, ctx->calendar, now - tolerance, now + rules::kSlotsAhead);
        std::set<std::string> scheduled;
        for (Instant t : times)
            scheduled.insert(rules::slotId(route->id, t));

        // Withdraw expected rounds not yet due that the schedule no longer has.
        CY_TRY(withdraw(mine, scheduled));
        std::set<std::string> known;
        for (const auto& s : mine)
            known.insert(s.id);
        std::set<std::string> fresh;
        for (Instant t : times)
            if (!known.count(rules::slotId(route->id, t))) {
                // Not in the judged window's query: maybe stored already and withdrawn or judged
                // older than the window. Never create an id that exists.
                auto existing = unit.get(rules::slotId(route->id, t));
                if (!existing)
                    return existing.error();
                if (*existing && !(*existing)->deleted)
                    continue;
                mine.push_back(rules::expectedSlot(*route, t));
                fresh.insert(mine.back().id);
            }

        const auto changed = rules::judgeSlots(mine, (*rounds)[route->id], now);
        std::set<std::size_t> changedSet(changed.begin(), changed.end());
        for (std::size_t i = 0; i < mine.size(); ++i) {
            const bool isNew = fresh.count(mine[i].id) > 0;
            if (!isNew && !changedSet.count(i))
                continue;
            CY_TRY(putSlot(unit, mine[i]));
            ++(isNew ? pass.created : pass.judged);
        }
    }
    // A route deleted since: none of its rounds not yet due is expected any more. (A round
    // that was due stays as judged, for the report.)
    for (auto& [routeId, mine] : *slots)
        if (!live.count(routeId))
            CY_TRY(withdraw(mine, {}));
    return pass;
}

} // namespace courtyard::server
