#include "shared/rules/patrol_schedule.h"

#include <algorithm>
#include <date/date.h>
#include <set>

namespace courtyard::rules {

using domain::PatrolRound;
using domain::PatrolSlot;
using Status = domain::PatrolSlotStatus;

std::vector<Instant> scheduledTimes(const domain::PatrolRoute& route, const Calendar& calendar, Instant from,
                                    Instant to) {
    std::vector<Instant> out;
    if (!route.active || !route.schedule || from >= to)
        return out;
    const auto& s = *route.schedule;
    std::vector<int> times = s.times;
    std::sort(times.begin(), times.end());
    // A day before and after: a local day's times can fall on either side of a UTC day.
    for (LocalDate d = calendar.localDate(from) - date::days{1}; d <= calendar.localDate(to) + date::days{1};
         d += date::days{1}) {
        const int iso = static_cast<int>(date::weekday{d}.iso_encoding());
        if (!s.weekdays.empty() && std::find(s.weekdays.begin(), s.weekdays.end(), iso) == s.weekdays.end())
            continue;
        for (int minutes : times) {
            const Instant t = calendar.toInstant(d, minutes);
            if (t >= from && t < to && (out.empty() || out.back() < t))
                out.push_back(t);
        }
    }
    return out;
}

std::chrono::minutes roundLength(const domain::PatrolRoute& route) {
    int longest = 0;
    for (const auto& cp : route.checkpoints)
        longest = std::max(longest, cp.dueAfterMinutes + cp.toleranceMinutes);
    return std::chrono::minutes{longest};
}

std::string slotId(const std::string& routeId, Instant dueAt) {
    return "ps-" + routeId + "-" + std::to_string(toEpochMs(dueAt) / 60000);
}

domain::PatrolSlot expectedSlot(const domain::PatrolRoute& route, Instant dueAt) {
    const std::chrono::minutes tolerance{route.schedule ? route.schedule->toleranceMinutes : 0};
    PatrolSlot s;
    s.id = slotId(route.id, dueAt);
    s.communityId = route.communityId;
    s.routeId = route.id;
    s.routeName = route.name;
    s.departmentId = route.departmentId;
    s.dueAt = dueAt;
    s.startBy = dueAt + tolerance;
    s.finishBy = s.startBy + roundLength(route) + tolerance;
    return s;
}

namespace {

// The status a slot has at `now`, given the round that fulfils it (none: nobody started in time).
Status statusOf(const PatrolSlot& s, const PatrolRound* round, Instant now) {
    if (!round)
        return now >= s.startBy ? Status::Missed : Status::Expected;
    switch (round->state) {
    case domain::PatrolRoundState::Completed:
        return Status::Completed;
    case domain::PatrolRoundState::Abandoned:
        return Status::Incomplete;
    case domain::PatrolRoundState::InProgress:
        break;
    }
    return now >= s.finishBy ? Status::Incomplete : Status::Started;
}

} // namespace

std::vector<std::size_t> judgeSlots(std::vector<PatrolSlot>& slots, const std::vector<PatrolRound>& rounds,
                                    Instant now) {
    std::vector<std::size_t> order(slots.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(slots[a].dueAt, slots[a].id) < std::tie(slots[b].dueAt, slots[b].id);
    });
    std::vector<const PatrolRound*> byStart;
    for (const auto& r : rounds)
        byStart.push_back(&r);
    std::sort(byStart.begin(), byStart.end(), [](const PatrolRound* a, const PatrolRound* b) {
        return std::tie(a->startedAt, a->id) < std::tie(b->startedAt, b->id);
    });

    std::set<std::string> used;
    std::vector<std::size_t> changed;
    for (std::size_t i : order) {
        PatrolSlot& s = slots[i];
        const auto tolerance = s.startBy - s.dueAt;
        const PatrolRound* match = nullptr;
        for (const PatrolRound* r : byStart)
            if (r->routeId == s.routeId && !used.count(r->id) && r->startedAt >= s.dueAt - tolerance &&
                r->startedAt <= s.startBy) {
                match = r;
                break;
            }
        if (match)
            used.insert(match->id);
        PatrolSlot judged = s;
        judged.status = statusOf(s, match, now);
        judged.roundId = match ? match->id : std::string{};
        judged.guardId = match ? match->guardId : std::string{};
        if (judged.status != s.status || judged.roundId != s.roundId || judged.guardId != s.guardId) {
            s = std::move(judged);
            changed.push_back(i);
        }
    }
    std::sort(changed.begin(), changed.end());
    return changed;
}

} // namespace courtyard::rules
