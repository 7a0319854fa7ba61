#include "shared/rules/calendar_year.h"

#include "shared/rules/calendar.h"

#include <date/date.h>

#include <algorithm>

namespace courtyard::rules {

namespace {

int yearOf(LocalDate d) { return int(date::year_month_day{d}.year()); }

// The entries of `list` that do not start in `year`.
std::vector<std::string> without(const Json& list, int year) {
    std::vector<std::string> out;
    const std::string prefix = std::to_string(year) + "-";
    if (list.is_array())
        for (const auto& e : list)
            if (e.is_string() && e.get<std::string>().rfind(prefix, 0) != 0)
                out.push_back(e.get<std::string>());
    return out;
}

// The days of one entry, each inside `year`.
Result<std::vector<LocalDate>> daysOf(const std::string& entry, int year, const char* field) {
    std::vector<LocalDate> out;
    const auto dots = entry.find("..");
    auto from = parseDate(entry.substr(0, dots));
    auto to = dots == std::string::npos ? from : parseDate(entry.substr(dots + 2));
    if (!from || !to)
        return invalidField(field, std::string(field) + ": '" + entry + "' is not a date (2027-02-06) or a range "
                                                                        "(2027-02-06..2027-02-14)");
    if (*to < *from)
        return invalidField(field, std::string(field) + ": '" + entry + "' ends before it starts");
    if (yearOf(*from) != year || yearOf(*to) != year)
        return invalidField(field, std::string(field) + ": '" + entry + "' is not inside " + std::to_string(year));
    for (auto d = *from; d <= *to; d += date::days{1})
        out.push_back(d);
    return out;
}

} // namespace

Result<CalendarYearChange> replaceYear(const Json& calendar, const CalendarYear& change) {
    if (change.year < 2000 || change.year > 2200)
        return invalidField("year", "year: " + std::to_string(change.year) + " is not between 2000 and 2200");
    // The calendar without anything about the year: there, weekends alone decide.
    Json base = calendar;
    base["holidays"] = without(calendar.value("holidays", Json::array()), change.year);
    base["working_days"] = without(calendar.value("working_days", Json::array()), change.year);
    std::vector<int> years;
    optionalInto(calendar, "years", years);
    std::erase(years, change.year);
    base["years"] = years;
    auto baseCal = Calendar::fromJson(base);
    if (!baseCal)
        return baseCal.error();

    static constexpr const char* kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
    Json merged = base;
    for (const auto& entry : change.holidays) {
        auto days = daysOf(entry, change.year, "holidays");
        if (!days)
            return days.error();
        merged["holidays"].push_back(entry);
    }
    for (const auto& entry : change.workingDays) {
        auto days = daysOf(entry, change.year, "working_days");
        if (!days)
            return days.error();
        for (auto d : *days)
            if (baseCal->isWorkingDay(d))
                return invalidField("working_days",
                                    "working_days: " + formatDate(d) + " is a " +
                                        kWeekdays[date::weekday{d}.c_encoding()] +
                                        ", a working day anyway: a make-up working day (调休) is a weekend day");
        merged["working_days"].push_back(entry);
    }
    years.push_back(change.year);
    std::sort(years.begin(), years.end());
    merged["years"] = years;
    auto cal = Calendar::fromJson(merged);
    if (!cal) {
        Error e = cal.error();
        if (e.field.empty())
            e.field = e.message.rfind("holidays", 0) == 0 ? "holidays" : "working_days";
        return e;
    }

    CalendarYearChange out;
    const LocalDate first = date::local_days{date::year{change.year} / 1 / 1};
    const LocalDate last = date::local_days{date::year{change.year} / 12 / 31};
    for (auto d = first; d <= last; d += date::days{1}) {
        out.weekdays += baseCal->isWorkingDay(d) ? 1 : 0;
        out.workingDays += cal->isWorkingDay(d) ? 1 : 0;
    }
    if (out.workingDays < out.weekdays - kMaxYearShortfall || out.workingDays > out.weekdays + kMaxYearSurplus)
        return invalidField("holidays", "holidays: " + std::to_string(change.year) + " would have " +
                                            std::to_string(out.workingDays) + " working days against " +
                                            std::to_string(out.weekdays) + " weekdays; a year has between " +
                                            std::to_string(out.weekdays - kMaxYearShortfall) + " and " +
                                            std::to_string(out.weekdays + kMaxYearSurplus) +
                                            ": check the dates");
    out.calendar = cal->toJson();
    return out;
}

} // namespace courtyard::rules
