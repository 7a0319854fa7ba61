#include "shared/rules/calendar.h"

#include <algorithm>
#include <array>
#include <date/tz.h>
#include <set>

namespace courtyard::rules {

namespace {

constexpr std::array<std::string_view, 7> kWeekdayNames{"sun", "mon", "tue", "wed",
                                                         "thu", "fri", "sat"};

int daysSinceEpoch(LocalDate d) { return d.time_since_epoch().count(); }
int yearOf(LocalDate d) { return int(date::year_month_day{d}.year()); }

// "2026-02-15" or a range "2026-02-15..2026-02-23" (inclusive).
Result<std::vector<LocalDate>> parseDateOrRange(const std::string& text) {
    std::vector<LocalDate> out;
    if (auto dots = text.find(".."); dots != std::string::npos) {
        auto from = parseDate(text.substr(0, dots));
        auto to = parseDate(text.substr(dots + 2));
        if (!from)
            return from.error();
        if (!to)
            return to.error();
        if (*to < *from)
            return invalidArgument("range '" + text + "' ends before it starts");
        if ((*to - *from).count() > 366)
            return invalidArgument("range '" + text + "' is longer than a year");
        for (auto d = *from; d <= *to; d += date::days{1})
            out.push_back(d);
        return out;
    }
    auto d = parseDate(text);
    if (!d)
        return d.error();
    out.push_back(*d);
    return out;
}

Result<const date::time_zone*> locateZone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return invalidArgument("time_zone: '" + std::string(name) +
                               "' is not a time zone in the tz database (e.g. Asia/Shanghai)");
    }
}

} // namespace

Result<Calendar> Calendar::fromJson(const Json& j) {
    if (!j.is_object())
        return invalidArgument("a calendar is a JSON object");
    Calendar cal;
    std::vector<std::string> holidays, workingDays, weekend{"sat", "sun"};
    std::vector<int> years;
    std::string cob = "18:00";
    try {
        optionalInto(j, "id", cal.m_id);
        cal.m_zoneName = required<std::string>(j, "time_zone");
        optionalInto(j, "close_of_business", cob);
        optionalInto(j, "weekend", weekend);
        optionalInto(j, "holidays", holidays);
        optionalInto(j, "working_days", workingDays);
        optionalInto(j, "years", years);
    } catch (const DecodeError& e) {
        return invalidArgument(std::string("calendar: ") + e.what());
    }
    auto zone = locateZone(cal.m_zoneName);
    if (!zone)
        return zone.error();
    cal.m_zone = *zone;
    auto minutes = parseClockTime(cob);
    if (!minutes)
        return invalidArgument("close_of_business: " + minutes.error().message);
    cal.m_closeMinutes = *minutes;

    cal.m_weekendMask = 0;
    for (const auto& w : weekend) {
        auto it = std::find(kWeekdayNames.begin(), kWeekdayNames.end(), w);
        if (it == kWeekdayNames.end())
            return invalidArgument("weekend: '" + w + "' is not one of sun, mon, tue, wed, thu, "
                                   "fri, sat");
        cal.m_weekendMask |= std::uint8_t(1u << (it - kWeekdayNames.begin()));
    }

    std::set<int> holidayDays, workDays, yearSet(years.begin(), years.end());
    for (const auto& text : holidays) {
        auto dates = parseDateOrRange(text);
        if (!dates)
            return invalidArgument("holidays: " + dates.error().message);
        for (auto d : *dates) {
            holidayDays.insert(daysSinceEpoch(d));
            if (years.empty())
                yearSet.insert(yearOf(d));
        }
    }
    for (const auto& text : workingDays) {
        auto dates = parseDateOrRange(text);
        if (!dates)
            return invalidArgument("working_days: " + dates.error().message);
        for (auto d : *dates) {
            if (holidayDays.count(daysSinceEpoch(d)))
                return invalidArgument("working_days: " + formatDate(d) +
                                       " is also listed as a holiday");
            workDays.insert(daysSinceEpoch(d));
            if (years.empty())
                yearSet.insert(yearOf(d));
        }
    }
    for (int y : yearSet)
        if (y < 1970 || y > 2200)
            return invalidArgument("years: " + std::to_string(y) + " is out of range");

    if (!yearSet.empty()) {
        cal.m_firstYear = *yearSet.begin();
        cal.m_coveredYears.assign(std::size_t(*yearSet.rbegin() - cal.m_firstYear + 1), false);
        for (int y : yearSet)
            cal.m_coveredYears[std::size_t(y - cal.m_firstYear)] = true;
    }
    if (!holidayDays.empty() || !workDays.empty()) {
        int lo = INT32_MAX, hi = INT32_MIN;
        for (int d : holidayDays)
            lo = std::min(lo, d), hi = std::max(hi, d);
        for (int d : workDays)
            lo = std::min(lo, d), hi = std::max(hi, d);
        cal.m_firstDay = lo;
        cal.m_kinds.assign(std::size_t(hi - lo + 1), Ordinary);
        for (int d : holidayDays)
            cal.m_kinds[std::size_t(d - lo)] = Holiday;
        for (int d : workDays)
            cal.m_kinds[std::size_t(d - lo)] = MakeUpWorkday;
    }
    cal.m_holidayText = holidays;
    cal.m_workingDayText = workingDays;
    return cal;
}

Result<Calendar> Calendar::parse(std::string_view text) {
    auto j = parseJson(text);
    if (!j)
        return invalidArgument("calendar: not valid JSON");
    return fromJson(*j);
}

Json Calendar::toJson() const {
    Json weekend = Json::array();
    for (std::size_t i = 0; i < kWeekdayNames.size(); ++i)
        if (m_weekendMask & (1u << i))
            weekend.push_back(kWeekdayNames[i]);
    Json years = Json::array();
    for (std::size_t i = 0; i < m_coveredYears.size(); ++i)
        if (m_coveredYears[i])
            years.push_back(m_firstYear + int(i));
    return Json{{"id", m_id},
                {"time_zone", m_zoneName},
                {"close_of_business", formatClockTime(m_closeMinutes)},
                {"weekend", weekend},
                {"years", years},
                {"holidays", m_holidayText},
                {"working_days", m_workingDayText}};
}

Result<Calendar> Calendar::withZone(std::string_view zoneName) const {
    if (zoneName == m_zoneName)
        return *this;
    auto zone = locateZone(zoneName);
    if (!zone)
        return zone.error();
    Calendar copy = *this;
    copy.m_zone = *zone;
    copy.m_zoneName = std::string(zoneName);
    return copy;
}

bool Calendar::coversYear(int year) const {
    const int i = year - m_firstYear;
    return i >= 0 && std::size_t(i) < m_coveredYears.size() && m_coveredYears[std::size_t(i)];
}

Calendar::DayKind Calendar::kindOf(LocalDate d) const {
    const int i = daysSinceEpoch(d) - m_firstDay;
    if (i < 0 || std::size_t(i) >= m_kinds.size())
        return Ordinary;
    return DayKind(m_kinds[std::size_t(i)]);
}

bool Calendar::isWorkingDay(LocalDate d) const {
    switch (kindOf(d)) {
    case Holiday:
        return false;
    case MakeUpWorkday:
        return true;
    case Ordinary:
        break;
    }
    const unsigned wd = date::weekday{d}.c_encoding();
    return (m_weekendMask & (1u << wd)) == 0;
}

LocalDate Calendar::localDate(Instant t) const {
    const auto secs = date::floor<std::chrono::seconds>(t);
    const auto info = m_zone->get_info(secs);
    return date::floor<date::days>(date::local_seconds{(secs + info.offset).time_since_epoch()});
}

int Calendar::localMinutes(Instant t) const {
    const auto secs = date::floor<std::chrono::seconds>(t);
    const auto info = m_zone->get_info(secs);
    const date::local_seconds local{(secs + info.offset).time_since_epoch()};
    const auto sinceMidnight = local - date::floor<date::days>(local);
    return int(std::chrono::duration_cast<std::chrono::minutes>(sinceMidnight).count());
}

Instant Calendar::toInstant(LocalDate d, int minutesAfterMidnight) const {
    const date::local_seconds lt = date::local_seconds{d} + std::chrono::minutes{minutesAfterMidnight};
    const auto info = m_zone->get_info(lt);
    // unique: first is the offset; ambiguous: first is the earlier instant; nonexistent: first
    // is the offset before the gap, which moves the wall time forward by the gap.
    return Instant{std::chrono::duration_cast<Milliseconds>(
        (lt - info.first.offset).time_since_epoch())};
}

Calendar::Day Calendar::nthWorkingDayAfter(LocalDate d, int n) const {
    Day out{d, false};
    int found = 0;
    while (found < n) {
        out.date += date::days{1};
        if (!coversYear(yearOf(out.date)))
            out.fallback = true;
        if (isWorkingDay(out.date))
            ++found;
    }
    return out;
}

std::string_view Calendar::chinaDefaultJson() {
    // State Council notices: 2025 (November 2024) and 2026 (November 2025).
    return R"({
  "id": "cn-mainland",
  "time_zone": "Asia/Shanghai",
  "close_of_business": "18:00",
  "weekend": ["sat", "sun"],
  "years": [2025, 2026],
  "holidays": [
    "2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06",
    "2025-05-01..2025-05-05", "2025-05-31..2025-06-02", "2025-10-01..2025-10-08",
    "2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
    "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
    "2026-10-01..2026-10-07"
  ],
  "working_days": [
    "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"
  ]
})";
}

const Calendar& Calendar::chinaDefault() {
    static const Calendar cal = [] {
        auto parsed = parse(chinaDefaultJson());
        if (!parsed)
            throw std::logic_error("built-in calendar does not parse: " + parsed.error().message);
        return std::move(parsed).value();
    }();
    return cal;
}

} // namespace courtyard::rules
