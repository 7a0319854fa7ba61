#include "client/report_format.h"

#include "shared/rules/period.h"

#include <QDateTime>
#include <cmath>
#include <optional>

namespace courtyard::client {

namespace {

// QDate and the domain's LocalDate are both whole days; the domain counts from 1970-01-01.
const QDate kEpoch(1970, 1, 1);
LocalDate toLocalDate(QDate d) { return LocalDate{date::days{kEpoch.daysTo(d)}}; }
QDate toQDate(LocalDate d) { return kEpoch.addDays(d.time_since_epoch().count()); }

std::optional<rules::PeriodDays> parsed(const QString& label) {
    auto p = rules::parsePeriodDays(label.toStdString());
    return p ? std::optional(std::move(*p)) : std::nullopt;
}

} // namespace

QString naturalPeriodUnit(const QString& kind) {
    return QString::fromUtf8(rules::granularityName(rules::naturalGranularity(kind.toStdString())));
}

QString periodLabel(const QString& unit, QDate day) {
    if (!day.isValid())
        return {};
    const auto g = rules::granularityNamed(unit.toStdString()).value_or(rules::Granularity::Month);
    return QString::fromStdString(rules::periodOfDay(g, toLocalDate(day)).label);
}

QString periodUnitOf(const QString& label) {
    const auto p = parsed(label);
    return p ? QString::fromUtf8(rules::granularityName(p->granularity)) : QString();
}

QDate periodStart(const QString& label) {
    const auto p = parsed(label);
    return p ? toQDate(p->first) : QDate();
}

QString shiftPeriod(const QString& label, int steps) {
    const auto p = parsed(label);
    return p ? QString::fromStdString(rules::shiftPeriod(*p, steps).label) : label;
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
