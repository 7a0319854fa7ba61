#include "client/report_format.h"

#include <QDateTime>
#include <QRegularExpression>
#include <cmath>

namespace courtyard::client {

QString naturalPeriodUnit(const QString& kind) {
    if (kind == "weekly")
        return "week";
    if (kind == "quarterly")
        return "quarter";
    if (kind == "half_yearly")
        return "half";
    if (kind == "annual_complaints" || kind == "annual_survey")
        return "year";
    return "month"; // monthly, inspections, kpi
}

QString periodLabel(const QString& unit, QDate day) {
    if (!day.isValid())
        return {};
    if (unit == "week") {
        // ISO weeks: the week-numbering year differs from the calendar year around New Year.
        int isoYear = 0;
        const int week = day.weekNumber(&isoYear);
        return QString("%1-W%2").arg(isoYear).arg(week, 2, 10, QChar('0'));
    }
    if (unit == "quarter")
        return QString("%1-Q%2").arg(day.year()).arg((day.month() - 1) / 3 + 1);
    if (unit == "half")
        return QString("%1-H%2").arg(day.year()).arg(day.month() <= 6 ? 1 : 2);
    if (unit == "year")
        return QString::number(day.year());
    return QString("%1-%2").arg(day.year()).arg(day.month(), 2, 10, QChar('0'));
}

namespace {
const QRegularExpression kLabel(R"(^(\d{4})(?:-(W(\d{2})|Q([1-4])|H([12])|(\d{2})))?$)");
} // namespace

QString periodUnitOf(const QString& label) {
    const auto m = kLabel.match(label);
    if (!m.hasMatch())
        return {};
    if (!m.captured(3).isEmpty())
        return "week";
    if (!m.captured(4).isEmpty())
        return "quarter";
    if (!m.captured(5).isEmpty())
        return "half";
    if (!m.captured(6).isEmpty())
        return "month";
    return "year";
}

QDate periodStart(const QString& label) {
    const auto m = kLabel.match(label);
    if (!m.hasMatch())
        return {};
    const int year = m.captured(1).toInt();
    if (!m.captured(3).isEmpty()) {
        const int week = m.captured(3).toInt();
        // ISO week 1 holds 4 January; weeks start on Monday.
        const QDate jan4(year, 1, 4);
        const QDate monday1 = jan4.addDays(1 - jan4.dayOfWeek());
        const QDate start = monday1.addDays(7 * (week - 1));
        return periodLabel("week", start) == label ? start : QDate();
    }
    if (!m.captured(4).isEmpty())
        return QDate(year, 3 * (m.captured(4).toInt() - 1) + 1, 1);
    if (!m.captured(5).isEmpty())
        return QDate(year, m.captured(5).toInt() == 1 ? 1 : 7, 1);
    if (!m.captured(6).isEmpty())
        return QDate(year, m.captured(6).toInt(), 1); // invalid for month 13
    return QDate(year, 1, 1);
}

QString shiftPeriod(const QString& label, int steps) {
    const QString unit = periodUnitOf(label);
    const QDate start = periodStart(label);
    if (unit.isEmpty() || !start.isValid())
        return label;
    QDate moved;
    if (unit == "week")
        moved = start.addDays(7 * steps);
    else if (unit == "month")
        moved = start.addMonths(steps);
    else if (unit == "quarter")
        moved = start.addMonths(3 * steps);
    else if (unit == "half")
        moved = start.addMonths(6 * steps);
    else
        moved = start.addYears(steps);
    return periodLabel(unit, moved);
}

QString formatCell(const QVariant& value, const QString& format) {
    // Absent (a total row without that figure): nothing. Null (a rate with no denominator): a dash.
    if (!value.isValid())
        return {};
    if (value.isNull())
        return format == "text" ? QString() : QStringLiteral("—");
    if (format == "count") {
        bool ok = false;
        const double n = value.toDouble(&ok);
        return ok ? QString::number(qint64(std::llround(n))) : value.toString();
    }
    if (format == "percent") {
        bool ok = false;
        const double p = value.toDouble(&ok);
        return ok ? QString::number(p, 'f', 1) + "%" : value.toString();
    }
    if (format == "time") {
        const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODate);
        return t.isValid() ? t.toLocalTime().toString("yyyy-MM-dd HH:mm") : value.toString();
    }
    if (format == "bool")
        return value.toBool() ? QStringLiteral("✓") : QStringLiteral("✗");
    if (value.typeId() == QMetaType::Double) {
        // A number in a text column: no trailing zeros.
        return QString::number(value.toDouble(), 'g', 12);
    }
    return value.toString();
}

} // namespace courtyard::client
