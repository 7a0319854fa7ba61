#pragma once
// A year of a calendar as an administrator enters it every November, when the State Council
// publishes the next year's days off and make-up working days (调休): the year's entries replace
// whatever the calendar said about that year, after checks that catch a slip of the keyboard —
// every date inside the year, a make-up working day only on a weekend day, and a count of
// working days a real year could have. `init` and the admin API both go through
// Calendar::fromJson afterwards; this adds what only makes sense for one year at a time.

#include "shared/core/json_util.h"

#include <string>
#include <vector>

namespace courtyard::rules {

struct CalendarYear {
    int year = 0;
    std::vector<std::string> holidays;    // "2027-02-06" or "2027-02-06..2027-02-14"
    std::vector<std::string> workingDays; // make-up working days, each a weekend day
};

struct CalendarYearChange {
    Json calendar;       // the whole calendar with the year replaced (Calendar::toJson form)
    int workingDays = 0; // in the year, by the new calendar
    int weekdays = 0;    // in the year, weekends alone
};

// The year's working days may differ from its weekdays (weekends alone) by this much: China's
// holidays take 11 to 13 weekdays a year and make-up days give back 5 to 7.
inline constexpr int kMaxYearShortfall = 25;
inline constexpr int kMaxYearSurplus = 10;

// Refusals are invalid_argument naming the field: "year", "holidays" or "working_days".
Result<CalendarYearChange> replaceYear(const Json& calendar, const CalendarYear& change);

} // namespace courtyard::rules
