#pragma once
// Instants and local dates. Every instant is UTC with millisecond precision; local dates only
// exist relative to a community's time zone (see rules/calendar.h). Nothing here reads a clock:
// "now" is always passed in by the caller.

#include "shared/core/result.h"

#include <chrono>
#include <cstdint>
#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>

namespace courtyard {

using Milliseconds = std::chrono::milliseconds;
using Instant = std::chrono::sys_time<Milliseconds>;
using LocalDate = date::local_days;

// Milliseconds since the Unix epoch, the storage and index form.
inline std::int64_t toEpochMs(Instant t) { return t.time_since_epoch().count(); }
inline Instant fromEpochMs(std::int64_t ms) { return Instant{Milliseconds{ms}}; }

// RFC 3339 in UTC: "2026-02-13T08:00:00Z", with ".123" only when the milliseconds are non-zero.
std::string formatInstant(Instant t);
// Accepts RFC 3339 with 'Z' or a numeric offset ("+08:00"), optional fraction (up to 9 digits,
// truncated to milliseconds). Rejects anything else with a message naming the problem.
Result<Instant> parseInstant(std::string_view text);

// "2026-02-13"
std::string formatDate(LocalDate d);
Result<LocalDate> parseDate(std::string_view text);

// "18:00" -> minutes after midnight.
Result<int> parseClockTime(std::string_view text);
std::string formatClockTime(int minutesAfterMidnight);

// "2 h 05 m", "3 d 4 h" — compact human durations for logs and CLI output (the UI localises).
std::string formatDuration(Milliseconds d);

} // namespace courtyard
