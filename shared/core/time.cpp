#include "shared/core/time.h"

#include <cstdio>
#include <cstdlib>

namespace courtyard {

namespace {

bool readDigits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

Result<date::year_month_day> parseYmd(std::string_view text, std::string_view what) {
    int y = 0, m = 0, d = 0;
    if (text.size() < 10 || !readDigits(text, 0, 4, y) || text[4] != '-' ||
        !readDigits(text, 5, 2, m) || text[7] != '-' || !readDigits(text, 8, 2, d))
        return invalidArgument(std::string(what) + " '" + std::string(text) +
                               "' is not a date of the form YYYY-MM-DD");
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return invalidArgument(std::string(what) + " '" + std::string(text) +
                               "' is not a valid calendar date");
    return ymd;
}

} // namespace

std::string formatInstant(Instant t) {
    const auto day = date::floor<date::days>(t);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<Milliseconds> tod{t - day};
    const int year = int(ymd.year());
    const auto ms = tod.subseconds().count();
    if (year < 0 || year > 9999) { // rare enough for printf; the fixed layout below is four digits
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", year, unsigned(ymd.month()),
                      unsigned(ymd.day()), int(tod.hours().count()), int(tod.minutes().count()),
                      int(tod.seconds().count()), int(ms));
        std::string out = buf;
        if (ms == 0)
            out.replace(out.size() - 5, 4, "");
        return out;
    }
    // Written digit by digit: every record and history entry carries several instants, and
    // snprintf cost about 3,000 instructions a call on the push path.
    char buf[24] = "0000-00-00T00:00:00.000";
    auto put = [&](int pos, int width, int value) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            buf[pos + i] = char('0' + value % 10);
    };
    put(0, 4, year);
    put(5, 2, int(unsigned(ymd.month())));
    put(8, 2, int(unsigned(ymd.day())));
    put(11, 2, int(tod.hours().count()));
    put(14, 2, int(tod.minutes().count()));
    put(17, 2, int(tod.seconds().count()));
    if (ms == 0) {
        buf[19] = 'Z';
        return std::string(buf, 20);
    }
    put(20, 3, int(ms));
    buf[23] = 'Z';
    return std::string(buf, 24);
}

Result<Instant> parseInstant(std::string_view text) {
    const auto bad = [&](const char* why) {
        return invalidArgument("time '" + std::string(text) + "' is not an RFC 3339 instant (" +
                               why + "), e.g. 2026-02-13T16:00:00+08:00");
    };
    if (text.size() < 20)
        return bad("too short");
    auto ymd = parseYmd(text.substr(0, 10), "date");
    if (!ymd)
        return bad("bad date");
    if (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
        return bad("missing 'T'");
    int hh = 0, mi = 0, ss = 0;
    if (!readDigits(text, 11, 2, hh) || text[13] != ':' || !readDigits(text, 14, 2, mi) ||
        text[16] != ':' || !readDigits(text, 17, 2, ss))
        return bad("bad time of day");
    if (hh > 23 || mi > 59 || ss > 60)
        return bad("time of day out of range");
    std::size_t pos = 19;
    int ms = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        std::size_t digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 3)
                ms = ms * 10 + (text[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0 || digits > 9)
            return bad("bad fraction");
        for (std::size_t i = digits; i < 3; ++i)
            ms *= 10;
    }
    if (pos >= text.size())
        return bad("missing zone: use Z or +HH:MM");
    int offsetMinutes = 0;
    const char z = text[pos];
    if (z == 'Z' || z == 'z') {
        ++pos;
    } else if (z == '+' || z == '-') {
        int oh = 0, om = 0;
        if (!readDigits(text, pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
            !readDigits(text, pos + 4, 2, om) || oh > 23 || om > 59)
            return bad("bad zone offset");
        offsetMinutes = (oh * 60 + om) * (z == '-' ? -1 : 1);
        pos += 6;
    } else {
        return bad("missing zone: use Z or +HH:MM");
    }
    if (pos != text.size())
        return bad("trailing characters");
    if (ss == 60)
        ss = 59; // leap second: clamp, we have no use for it
    const Instant local = date::sys_days{*ymd} + std::chrono::hours{hh} +
                          std::chrono::minutes{mi} + std::chrono::seconds{ss} + Milliseconds{ms};
    return local - std::chrono::minutes{offsetMinutes};
}

std::string formatDate(LocalDate d) {
    const date::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()));
    return buf;
}

Result<LocalDate> parseDate(std::string_view text) {
    if (text.size() != 10)
        return invalidArgument("date '" + std::string(text) + "' is not of the form YYYY-MM-DD");
    auto ymd = parseYmd(text, "date");
    if (!ymd)
        return ymd.error();
    return LocalDate{*ymd};
}

Result<int> parseClockTime(std::string_view text) {
    int h = 0, m = 0;
    if (text.size() != 5 || !readDigits(text, 0, 2, h) || text[2] != ':' ||
        !readDigits(text, 3, 2, m) || h > 23 || m > 59)
        return invalidArgument("time of day '" + std::string(text) + "' is not of the form HH:MM");
    return h * 60 + m;
}

std::string formatClockTime(int minutesAfterMidnight) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutesAfterMidnight / 60,
                  minutesAfterMidnight % 60);
    return buf;
}

std::string formatDuration(Milliseconds d) {
    const bool negative = d.count() < 0;
    auto total = std::chrono::duration_cast<std::chrono::minutes>(negative ? -d : d).count();
    const long long days = total / (24 * 60);
    const long long hours = (total / 60) % 24;
    const long long minutes = total % 60;
    char buf[48];
    if (days > 0)
        std::snprintf(buf, sizeof buf, "%s%lld d %lld h", negative ? "-" : "", days, hours);
    else if (hours > 0)
        std::snprintf(buf, sizeof buf, "%s%lld h %02lld m", negative ? "-" : "", hours, minutes);
    else
        std::snprintf(buf, sizeof buf, "%s%lld m", negative ? "-" : "", minutes);
    return buf;
}

} // namespace courtyard
