#pragma once
// Scheduled patrol rounds. A route with a schedule (domain::PatrolSchedule) is due at each of its
// times of day, on its days of the week, in the community's local time. The server keeps one
// expected round (domain::PatrolSlot) per scheduled time, created ahead of time, and judges it
// against the rounds of the route that devices have synced:
//
//   expected    nobody has started it yet, and its start window is still open
//   started     a round of the route started within the window and is still running
//   completed   that round was completed
//   missed      the window closed and no round of the route started within it
//   incomplete  the round that started in time was abandoned, or is still open past finish_by
//
// A round starts "within the window" when it starts no more than the schedule's tolerance
// before or after the scheduled time; one round fulfils one expected round only. Judging is
// repeated while devices may still be syncing a shift's rounds (kJudgedFor after the scheduled
// time), so a round walked offline and synced later turns a missed round back into a kept one.

#include "shared/domain/patrol.h"
#include "shared/rules/calendar.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace courtyard::rules {

// How far ahead the server creates expected rounds, and how long after its scheduled time an
// expected round is still judged again.
inline constexpr std::chrono::hours kSlotsAhead{12};
inline constexpr std::chrono::hours kJudgedFor{48};

// The instants in [from, to) at which the route is due (none without a schedule or when the route
// is inactive), in order. Local times that do not exist move forward (Calendar::toInstant).
std::vector<Instant> scheduledTimes(const domain::PatrolRoute& route, const Calendar& calendar, Instant from,
                                    Instant to);

// How long a round of the route takes: its last checkpoint's due minutes plus tolerance.
std::chrono::minutes roundLength(const domain::PatrolRoute& route);

// The id every server gives the expected round of `route` at `dueAt`.
std::string slotId(const std::string& routeId, Instant dueAt);

// The expected round of `route` at `dueAt`, not yet judged.
domain::PatrolSlot expectedSlot(const domain::PatrolRoute& route, Instant dueAt);

// Judges the route's expected rounds (any order) against its rounds (any order) at `now`, each
// round fulfilling at most one expected round (the earliest scheduled it fits). Returns the
// indexes of the slots that changed.
std::vector<std::size_t> judgeSlots(std::vector<domain::PatrolSlot>& slots,
                                    const std::vector<domain::PatrolRound>& rounds, Instant now);

} // namespace courtyard::rules
