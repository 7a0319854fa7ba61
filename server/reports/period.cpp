#include "server/reports/period.h"

#include <charconv>
#include <date/iso_week.h>

namespace courtyard::server::reports {

namespace {

using namespace date;

Period make(Granularity g, LocalDate first, LocalDate end, const rules::Calendar& cal) {
    Period p;
    p.granularity = g;
    p.first = first;
    p.end = end;
    p.from = cal.toInstant(first, 0);
    p.to = cal.toInstant(end, 0);
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

// The period of granularity g starting in month `m` (1-based first month) of year y.
Period months(Granularity g, int y, unsigned firstMonth, unsigned count, const rules::Calendar& cal) {
    const year_month start{year{y}, month{firstMonth}};
    const year_month next = start + date::months{int(count)};
    return make(g, local_days{start / 1}, local_days{next / 1}, cal);
}

bool number(std::string_view s, int& out) {
    if (s.empty())
        return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

} // namespace

Result<Period> parsePeriod(std::string_view label, const rules::Calendar& cal) {
    auto bad = [&](std::string_view why) {
        return invalidArgument("period '" + std::string(label) + "': " + std::string(why) +
                               " (use 2026, 2026-H2, 2026-Q4, 2026-11 or 2026-W47)");
    };
    int y = 0;
    if (label.size() < 4 || !number(label.substr(0, 4), y) || y < 2000 || y > 2200)
        return bad("does not start with a year");
    if (label.size() == 4)
        return months(Granularity::Year, y, 1, 12, cal);
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
            return months(Granularity::Half, y, unsigned(n - 1) * 6 + 1, 6, cal);
        }
        if (rest[0] == 'Q') {
            if (n < 1 || n > 4)
                return bad("a quarter is Q1 to Q4");
            return months(Granularity::Quarter, y, unsigned(n - 1) * 3 + 1, 3, cal);
        }
        const iso_week::year_weeknum_weekday monday{iso_week::year{y}, iso_week::weeknum{unsigned(n)}, iso_week::mon};
        if (n < 1 || !monday.ok())
            return bad("there is no such ISO week in that year");
        const LocalDate first = local_days(monday);
        return make(Granularity::Week, first, first + days{7}, cal);
    }
    if (rest.size() != 2 || !number(rest, n) || n < 1 || n > 12)
        return bad("a month is 01 to 12");
    return months(Granularity::Month, y, unsigned(n), 1, cal);
}

Period periodContaining(Granularity g, Instant t, const rules::Calendar& cal) {
    const LocalDate day = cal.localDate(t);
    const year_month_day ymd{day};
    const int y = int(ymd.year());
    const unsigned m = unsigned(ymd.month());
    switch (g) {
    case Granularity::Week: {
        const LocalDate first = day - (weekday{day} - Monday);
        return make(g, first, first + days{7}, cal);
    }
    case Granularity::Month: return months(g, y, m, 1, cal);
    case Granularity::Quarter: return months(g, y, (m - 1) / 3 * 3 + 1, 3, cal);
    case Granularity::Half: return months(g, y, (m - 1) / 6 * 6 + 1, 6, cal);
    case Granularity::Year: return months(g, y, 1, 12, cal);
    }
    return months(Granularity::Month, y, m, 1, cal);
}

Period previousPeriod(const Period& p, const rules::Calendar& cal) {
    // The day before the first day lies in the previous period.
    return periodContaining(p.granularity, cal.toInstant(p.first - days{1}, 12 * 60), cal);
}

} // namespace courtyard::server::reports
