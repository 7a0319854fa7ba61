#pragma once
// The working calendar: a time zone, the close of business, weekend days, holidays,
// and make-up working days (调休) that count as working days even on a weekend. A calendar is
// data — JSON, shipped with a mainland-China default for 2025 and 2026, editable, synced to
// devices. A date in a year the calendar has no data for falls back to weekends-only, and
// every result computed from such a date says so.

#include "shared/core/json_util.h"
#include "shared/core/time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace date {
class time_zone;
}

namespace courtyard::rules {

class Calendar {
public:
    // JSON shape (docs/configuration.md):
    // {"id": "cn-mainland", "time_zone": "Asia/Shanghai", "close_of_business": "18:00",
    //  "weekend": ["sat", "sun"], "years": [2025, 2026],
    //  "holidays": ["2026-01-01", "2026-02-15..2026-02-23"], "working_days": ["2026-01-04"]}
    // "years" is optional: by default the years that appear in holidays/working_days.
    static Result<Calendar> fromJson(const Json& j);
    static Result<Calendar> parse(std::string_view text);
    Json toJson() const;

    // The mainland-China calendar for 2025 and 2026 (State Council notices), Asia/Shanghai.
    static const Calendar& chinaDefault();
    static std::string_view chinaDefaultJson();

    // The same calendar in another zone: a community's own zone wins over the calendar's.
    Result<Calendar> withZone(std::string_view zoneName) const;

    const std::string& id() const { return m_id; }
    const std::string& zoneName() const { return m_zoneName; }
    int closeOfBusinessMinutes() const { return m_closeMinutes; }
    bool coversYear(int year) const;
    bool isWorkingDay(LocalDate d) const;

    LocalDate localDate(Instant t) const;
    // Minutes after local midnight of t's local date (the wall-clock time of day).
    int localMinutes(Instant t) const;
    // Local wall time -> instant. A time that does not exist (spring forward) moves forward by
    // the gap; an ambiguous one (fall back) takes the earlier instant.
    Instant toInstant(LocalDate d, int minutesAfterMidnight) const;

    struct Day {
        LocalDate date;
        bool fallback = false; // some day counted lay in a year without calendar data
    };
    // The n-th working day strictly after d (n >= 1).
    Day nthWorkingDayAfter(LocalDate d, int n) const;

private:
    enum DayKind : std::uint8_t { Ordinary = 0, Holiday = 1, MakeUpWorkday = 2 };
    DayKind kindOf(LocalDate d) const;

    std::string m_id = "custom";
    std::string m_zoneName;
    const date::time_zone* m_zone = nullptr;
    int m_closeMinutes = 18 * 60;
    std::uint8_t m_weekendMask = (1u << 0) | (1u << 6); // bit per weekday, Sunday = 0
    int m_firstYear = 0;                                // years with data: [first, first+size)
    std::vector<bool> m_coveredYears;
    int m_firstDay = 0; // days since epoch of the first entry of m_kinds
    std::vector<std::uint8_t> m_kinds;
    std::vector<std::string> m_holidayText, m_workingDayText; // as read, for toJson
};

} // namespace courtyard::rules
