#pragma once
// How the reports' figures read, on screen and on paper alike: the period labels of
// docs/reports.md (2026, 2026-H2, 2026-Q4, 2026-11, 2026-W47) as Qt values, over the shared
// rule (shared/rules/period.h), and a table cell's text from its column format (text, count,
// percent, time, bool).

#include <QDate>
#include <QString>
#include <QVariant>

namespace courtyard::client {

// The kind of period a report kind covers by nature: "week", "month", "quarter", "half" or
// "year" (an unknown kind reads a month, the commonest review).
QString naturalPeriodUnit(const QString& reportKind);
// The label of the period of `unit` that contains `day`: ("month", 2026-11-23) → "2026-11".
QString periodLabel(const QString& unit, QDate day);
// The unit a label is written in ("2026-W47" → "week"); empty when it is not a period label.
QString periodUnitOf(const QString& label);
// The first day of a labelled period; invalid when the label is not one.
QDate periodStart(const QString& label);
// The label `steps` periods of the same unit later (negative: earlier); the label itself when
// it cannot be read.
QString shiftPeriod(const QString& label, int steps);

// A cell as a person reads it: counts as whole numbers, percentages with one decimal and "%",
// a rate with nothing to count (null) as "—", an absent figure as nothing, instants (RFC 3339 UTC) in local time, booleans as yes/no marks.
QString formatCell(const QVariant& value, const QString& format);

} // namespace courtyard::client
