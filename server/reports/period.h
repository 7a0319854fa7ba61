#pragma once
// Report periods: calendar weeks (ISO, Monday to Sunday), months, quarters, half years and
// years, in the local time of a calendar's zone, as half-open instant ranges [from, to).
// Labels: "2026-W47", "2026-11", "2026-Q4", "2026-H2", "2026".

#include "shared/rules/calendar.h"

#include <string>
#include <string_view>

namespace courtyard::server::reports {

enum class Granularity { Week, Month, Quarter, Half, Year };

struct Period {
    Granularity granularity = Granularity::Month;
    std::string label;
    LocalDate first{}; // the first local day
    LocalDate end{};   // the day after the last
    Instant from{};
    Instant to{};
};

Result<Period> parsePeriod(std::string_view label, const rules::Calendar& calendar);
// The period of this granularity that contains the local day of `t`.
Period periodContaining(Granularity g, Instant t, const rules::Calendar& calendar);
// The period just before (same granularity).
Period previousPeriod(const Period& p, const rules::Calendar& calendar);

} // namespace courtyard::server::reports
