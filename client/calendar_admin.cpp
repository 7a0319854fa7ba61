#include "client/calendar_admin.h"

#include "client/json_bridge.h"

#include <QLocale>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>

namespace courtyard::client {

namespace {

constexpr QLatin1StringView kRecordPrefix{"calendar:"};

QStringList tokens(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[\\s,;，；、]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

// The days of one entry ("2027-02-06" or "2027-02-06..2027-02-12") inside `year`; empty when it
// does not read or lies outside the year (the server says why when it is sent).
QList<QDate> daysOf(const QString& entry, int year) {
    const int dots = int(entry.indexOf(QStringLiteral("..")));
    const QDate from = QDate::fromString(dots < 0 ? entry : entry.left(dots), Qt::ISODate);
    const QDate to = dots < 0 ? from : QDate::fromString(entry.mid(dots + 2), Qt::ISODate);
    QList<QDate> out;
    if (!from.isValid() || !to.isValid() || to < from || from.year() != year || to.year() != year)
        return out;
    for (QDate d = from; d <= to; d = d.addDays(1))
        out.append(d);
    return out;
}

struct Entries {
    QSet<QDate> days;
    QStringList unread; // entries that are no dates of the year, kept as typed
};

Entries read(const QString& text, int year) {
    Entries out;
    for (const auto& t : tokens(text)) {
        const auto days = daysOf(t, year);
        if (days.isEmpty())
            out.unread << t;
        for (const auto& d : days)
            out.days.insert(d);
    }
    return out;
}

// The days in order, runs of consecutive days as ranges; then the entries that did not read.
QString write(const QSet<QDate>& days, const QStringList& unread = {}) {
    QList<QDate> sorted(days.begin(), days.end());
    std::sort(sorted.begin(), sorted.end());
    QStringList out;
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && sorted[j].addDays(1) == sorted[j + 1])
            ++j;
        const QString first = sorted[i].toString(Qt::ISODate);
        out << (j == i ? first : first + ".." + sorted[j].toString(Qt::ISODate));
        i = j + 1;
    }
    out << unread;
    return out.join(QStringLiteral(", "));
}

// The entries of a calendar's list that start in `year`, as one text.
QString yearEntries(const Json& list, int year) {
    QStringList out;
    const std::string prefix = std::to_string(year) + "-";
    if (list.is_array())
        for (const auto& e : list)
            if (e.is_string() && e.get<std::string>().rfind(prefix, 0) == 0)
                out << qs(e.get<std::string>());
    const Entries entries = read(out.join(','), year);
    return write(entries.days, entries.unread);
}

Json jsonList(const QString& text) {
    Json out = Json::array();
    for (const auto& t : tokens(text))
        out.push_back(ss(t));
    return out;
}

} // namespace

CalendarAdmin::CalendarAdmin(QObject* parent) : AdminClient(parent) {
    // Next year: the one an administrator enters each November.
    const qint64 now = app() ? toEpochMs(app()->clock()) : QDateTime::currentMSecsSinceEpoch();
    m_year = QDateTime::fromMSecsSinceEpoch(now).date().year() + 1;
    recompute();
}

const Json* CalendarAdmin::stored() const {
    for (const auto& r : m_records)
        if (qs(stringAt(r, "id")) == m_calendarId)
            return &r;
    return nullptr;
}

bool CalendarAdmin::covered() const {
    const Json* cal = stored();
    if (!cal)
        return false;
    std::vector<int> years;
    try {
        optionalInto(*cal, "years", years);
    } catch (const DecodeError&) {
    }
    if (std::find(years.begin(), years.end(), m_year) != years.end())
        return true;
    return !yearEntries(cal->value("holidays", Json::array()), m_year).isEmpty() ||
           !yearEntries(cal->value("working_days", Json::array()), m_year).isEmpty();
}

bool CalendarAdmin::isWeekend(QDate d) const {
    static const char* names[] = {"", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const Json* cal = stored();
    const Json weekend = cal ? cal->value("weekend", Json::array({"sat", "sun"})) : Json::array({"sat", "sun"});
    for (const auto& w : weekend)
        if (w.is_string() && QString::fromStdString(w.get<std::string>()).toLower().startsWith(names[d.dayOfWeek()]))
            return true;
    return false;
}

void CalendarAdmin::setCalendarId(const QString& id) {
    if (id == m_calendarId)
        return;
    m_calendarId = id;
    emit viewChanged();
    loadYear();
}

void CalendarAdmin::setYear(int year) {
    if (year == m_year || year < 2000 || year > 2200)
        return;
    m_year = year;
    emit viewChanged();
    loadYear();
}

void CalendarAdmin::setHolidaysText(const QString& text) {
    if (text == m_holidaysText)
        return;
    m_holidaysText = text;
    recompute();
}

void CalendarAdmin::setWorkingDaysText(const QString& text) {
    if (text == m_workingDaysText)
        return;
    m_workingDaysText = text;
    recompute();
}

bool CalendarAdmin::edited() const {
    const Json* cal = stored();
    const QString holidays = cal ? yearEntries(cal->value("holidays", Json::array()), m_year) : QString();
    const QString working = cal ? yearEntries(cal->value("working_days", Json::array()), m_year) : QString();
    const Entries h = read(m_holidaysText, m_year), w = read(m_workingDaysText, m_year);
    return write(h.days, h.unread) != holidays || write(w.days, w.unread) != working;
}

int CalendarAdmin::kindOf(int month, int day) const {
    const QDate d(m_year, month, day);
    if (m_makeUp.contains(d))
        return MakeUp;
    if (m_holidays.contains(d))
        return Holiday;
    return isWeekend(d) ? Weekend : Working;
}

void CalendarAdmin::loadYear() {
    const Json* cal = stored();
    m_holidaysText = cal ? yearEntries(cal->value("holidays", Json::array()), m_year) : QString();
    m_workingDaysText = cal ? yearEntries(cal->value("working_days", Json::array()), m_year) : QString();
    recompute();
}

void CalendarAdmin::recompute() {
    m_holidays = read(m_holidaysText, m_year).days;
    m_makeUp = read(m_workingDaysText, m_year).days;
    const QLocale locale(app() ? app()->language() : QStringLiteral("zh_CN"));
    QList<CalendarMonthView> months;
    m_workingDays = m_weekdays = 0;
    for (int m = 1; m <= 12; ++m) {
        CalendarMonthView v;
        v.month = m;
        v.title = locale.standaloneMonthName(m, QLocale::LongFormat);
        const QDate first(m_year, m, 1);
        v.offset = first.dayOfWeek() - 1; // Monday first
        for (int day = 1; day <= first.daysInMonth(); ++day) {
            const int kind = kindOf(m, day);
            v.kinds.append(kind);
            m_weekdays += isWeekend(QDate(m_year, m, day)) ? 0 : 1;
            m_workingDays += kind == Working || kind == MakeUp ? 1 : 0;
        }
        months.append(v);
    }
    m_months.setRows(months);
    emit entriesChanged();
}

void CalendarAdmin::toggle(int month, int day) {
    const QDate d(m_year, month, day);
    if (!d.isValid())
        return;
    Entries h = read(m_holidaysText, m_year), w = read(m_workingDaysText, m_year);
    if (w.days.contains(d)) { // a make-up day → an ordinary day
        w.days.remove(d);
    } else if (h.days.contains(d)) { // a holiday → a make-up day on a weekend day, else ordinary
        h.days.remove(d);
        if (isWeekend(d))
            w.days.insert(d);
    } else { // ordinary → a holiday
        h.days.insert(d);
    }
    m_holidaysText = write(h.days, h.unread);
    m_workingDaysText = write(w.days, w.unread);
    recompute();
}

void CalendarAdmin::revert() { loadYear(); }

void CalendarAdmin::refresh() {
    call("GET", "/v1/admin/calendars", nullptr, "list", [this](const Json& answer) {
        m_records.clear();
        QList<ChoiceView> choices;
        for (const auto& r : answer.value("calendars", Json::array())) {
            Json rec = r;
            QString id = qs(stringAt(r, "id"));
            if (id.startsWith(kRecordPrefix))
                id = id.mid(kRecordPrefix.size());
            rec["id"] = ss(id);
            const QString zone = qs(stringAt(r, "time_zone"));
            choices.append({id, zone.isEmpty() ? id : id + " · " + zone});
            m_records.append(std::move(rec));
        }
        m_calendars.setRows(choices);
        if (!stored() && !m_records.isEmpty())
            m_calendarId = qs(stringAt(m_records.first(), "id"));
        emit viewChanged();
        loadYear();
    });
}

void CalendarAdmin::save() {
    if (m_calendarId.isEmpty()) {
        setError(tr("Choose a calendar first."), QStringLiteral("calendar"));
        return;
    }
    const QString target = "/v1/admin/calendars/" + QString::fromUtf8(QUrl::toPercentEncoding(m_calendarId)) +
                           "/years/" + QString::number(m_year);
    const Json body{{"holidays", jsonList(m_holidaysText)}, {"working_days", jsonList(m_workingDaysText)}};
    const QString id = m_calendarId;
    call("PUT", target, body, "year", [this, id](const Json& answer) {
        Json rec = answer.value("calendar", Json::object());
        rec["id"] = ss(id);
        for (auto& r : m_records)
            if (qs(stringAt(r, "id")) == id)
                r = rec;
        emit viewChanged();
        loadYear();
    });
}

} // namespace courtyard::client
