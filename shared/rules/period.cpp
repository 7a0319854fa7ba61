#include "shared/rules/period.h"

#include <charconv>
#include <cstdio>
#include <date/iso_week.h>

namespace courtyard::rules {

namespace {

using namespace date;

PeriodDays make(Granularity g, LocalDate first, LocalDate end) {
    PeriodDays p;
    p.granularity = g;
    p.first = first;
    p.end = end;
    const year_month_day ymd{first};
    const int y = int(ymd.year());
    const unsigned m = unsigned(ymd.month());
    char buf[32];
    switch (g) {
    case Granularity::Week: {
        const iso_week::year_weeknum_weekday iso{first};
        std::snprintf(buf, sizeof buf, "%04d-W%02u", int(iso.year()), unsigned(iso.weeknum()));
        break;
    }
    case Granularity::Month: std::snprintf(buf, sizeof buf, "%04d-%02u", y, m); break;
    case Granularity::Quarter: std::snprintf(buf, sizeof buf, "%04d-Q%u", y, (m - 1) / 3 + 1); break;
    case Granularity::Half: std::snprintf(buf, sizeof buf, "%04d-H%u", y, (m - 1) / 6 + 1); break;
    case Granularity::Year: std::snprintf(buf, sizeof buf, "%04d", y); break;
    }
    p.label = buf;
    return p;
}

// The period of granularity g starting in month `firstMonth` (1-based) of year y.
PeriodDays months(Granularity g, int y, unsigned firstMonth, unsigned count) {
    const year_month start{year{y}, month{firstMonth}};
    const year_month next = start + date::months{int(count)};
    return make(g, local_days{start / 1}, local_days{next / 1});
}

int monthsIn(Granularity g) {
    switch (g) {
    case Granularity::Month: return 1;
    case Granularity::Quarter: return 3;
    case Granularity::Half: return 6;
    case Granularity::Year: return 12;
    case Granularity::Week: break;
    }
    return 0;
}

bool number(std::string_view s, int& out) {
    if (s.empty())
        return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

constexpr std::string_view kNames[] = {"week", "month", "quarter", "half", "year"};

} // namespace

std::string_view granularityName(Granularity g) { return kNames[int(g)]; }

std::optional<Granularity> granularityNamed(std::string_view name) {
    for (int i = 0; i < 5; ++i)
        if (kNames[i] == name)
            return Granularity(i);
    return std::nullopt;
}

Granularity naturalGranularity(std::string_view kind) {
    if (kind == "weekly")
        return Granularity::Week;
    if (kind == "quarterly")
        return Granularity::Quarter;
    if (kind == "half_yearly")
        return Granularity::Half;
    if (kind == "annual_complaints" || kind == "annual_survey")
        return Granularity::Year;
    return Granularity::Month; // monthly, inspections, kpi
}

Result<PeriodDays> parsePeriodDays(std::string_view label) {
    auto bad = [&](std::string_view why) {
        return invalidArgument("period '" + std::string(label) + "': " + std::string(why) +
                               " (use 2026, 2026-H2, 2026-Q4, 2026-11 or 2026-W47)");
    };
    int y = 0;
    if (label.size() < 4 || !number(label.substr(0, 4), y) || y < 2000 || y > 2200)
        return bad("does not start with a year");
    if (label.size() == 4)
        return months(Granularity::Year, y, 1, 12);
    if (label[4] != '-' || label.size() < 6)
        return bad("is not a period");
    const std::string_view rest = label.substr(5);
    int n = 0;
    if (rest[0] == 'H' || rest[0] == 'Q' || rest[0] == 'W') {
        if (!number(rest.substr(1), n))
            return bad("has no number after " + std::string(1, rest[0]));
        if (rest[0] == 'H') {
            if (n < 1 || n > 2)
                return bad("a half year is H1 or H2");
            return months(Granularity::Half, y, unsigned(n - 1) * 6 + 1, 6);
        }
        if (rest[0] == 'Q') {
            if (n < 1 || n > 4)
                return bad("a quarter is Q1 to Q4");
            return months(Granularity::Quarter, y, unsigned(n - 1) * 3 + 1, 3);
        }
        const iso_week::year_weeknum_weekday monday{iso_week::year{y}, iso_week::weeknum{unsigned(n)}, iso_week::mon};
        if (n < 1 || !monday.ok())
            return bad("there is no such ISO week in that year");
        const LocalDate first = local_days(monday);
        return make(Granularity::Week, first, first + days{7});
    }
    if (rest.size() != 2 || !number(rest, n) || n < 1 || n > 12)
        return bad("a month is 01 to 12");
    return months(Granularity::Month, y, unsigned(n), 1);
}

PeriodDays periodOfDay(Granularity g, LocalDate day) {
    const year_month_day ymd{day};
    const int y = int(ymd.year());
    const unsigned m = unsigned(ymd.month());
    if (g == Granularity::Week) {
        const LocalDate first = day - (weekday{day} - Monday);
        return make(g, first, first + days{7});
    }
    const int span = monthsIn(g);
    return months(g, y, (m - 1) / unsigned(span) * unsigned(span) + 1, unsigned(span));
}

PeriodDays shiftPeriod(const PeriodDays& p, int steps) {
    if (p.granularity == Granularity::Week)
        return periodOfDay(p.granularity, p.first + days{7 * steps});
    const year_month start = year_month_day{p.first}.year() / year_month_day{p.first}.month();
    const year_month moved = start + date::months{monthsIn(p.granularity) * steps};
    return periodOfDay(p.granularity, local_days{moved / 1});
}

Period inZone(const PeriodDays& days, const Calendar& cal) {
    Period p;
    static_cast<PeriodDays&>(p) = days;
    p.from = cal.toInstant(days.first, 0);
    p.to = cal.toInstant(days.end, 0);
    return p;
}

Result<Period> parsePeriod(std::string_view label, const Calendar& cal) {
    auto d = parsePeriodDays(label);
    if (!d)
        return d.error();
    return inZone(*d, cal);
}

Period periodContaining(Granularity g, Instant t, const Calendar& cal) {
    return inZone(periodOfDay(g, cal.localDate(t)), cal);
}

Period previousPeriod(const Period& p, const Calendar& cal) { return inZone(shiftPeriod(p, -1), cal); }

} // namespace courtyard::rules
