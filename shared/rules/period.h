#pragma once
// Report periods, one definition for the server's reports, the tablet's report screen and the
// supervisor's weekly review: calendar weeks (ISO, Monday to Sunday), months, quarters, half
// years and years. Labels: "2026-W47", "2026-11", "2026-Q4", "2026-H2", "2026".
//
// A period is a run of local days; placed in a calendar's zone (the community's) it becomes a
// half-open instant range [from, to). A device and the server name the same week for the same
// moment because both ask the community's calendar which local day it is.

#include "shared/rules/calendar.h"

#include <optional>
#include <string>
#include <string_view>

namespace courtyard::rules {

enum class Granularity { Week, Month, Quarter, Half, Year };

// "week", "month", "quarter", "half", "year".
std::string_view granularityName(Granularity g);
std::optional<Granularity> granularityNamed(std::string_view name);

// The period a report kind covers by nature (weekly → week, quarterly → quarter, half_yearly →
// half, annual_* → year); every other kind reads a month, the commonest review.
Granularity naturalGranularity(std::string_view reportKind);

// A period as local days: [first, end).
struct PeriodDays {
    Granularity granularity = Granularity::Month;
    std::string label;
    LocalDate first{}; // the first local day
    LocalDate end{};   // the day after the last
};

// The period as local days of its label; InvalidArgument naming the problem otherwise.
Result<PeriodDays> parsePeriodDays(std::string_view label);
// The period of this granularity that contains the local day `day`.
PeriodDays periodOfDay(Granularity g, LocalDate day);
// `steps` periods of the same granularity later (negative: earlier).
PeriodDays shiftPeriod(const PeriodDays& p, int steps);

// A period placed in a calendar's zone: local midnight of `first` to local midnight of `end`.
struct Period : PeriodDays {
    Instant from{};
    Instant to{};
};

Period inZone(const PeriodDays& p, const Calendar& calendar);
Result<Period> parsePeriod(std::string_view label, const Calendar& calendar);
// The period of this granularity that contains the local day of `t`.
Period periodContaining(Granularity g, Instant t, const Calendar& calendar);
// The period just before (same granularity).
Period previousPeriod(const Period& p, const Calendar& calendar);

} // namespace courtyard::rules
