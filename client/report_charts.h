#pragma once
// The reports' charts painted with QPainter, for paper (the screen draws them with Qt Charts):
// the Pareto chart (排列图: counts as bars on the left axis, the cumulative share as a line
// with points on a right axis of 0–100%, the cut as a dashed line, the vital few set apart),
// values against a target line, and the small trend line of a headline figure.

#include <QFont>
#include <QJsonObject>
#include <QList>
#include <QRectF>

class QPainter;

namespace courtyard::client {

struct ChartStyle {
    QFont font;       // axis labels and legends; the painter's device decides its size
    double unit = 1;  // device pixels per millimetre: line widths and gaps are in millimetres
};

void drawParetoChart(QPainter& p, const QRectF& area, const QJsonObject& section, const ChartStyle& style);
void drawBarsChart(QPainter& p, const QRectF& area, const QJsonObject& section, const ChartStyle& style);
// Oldest first, the current value last; null values (nothing to count) leave a gap.
void drawSparkline(QPainter& p, const QRectF& area, const QList<QVariant>& values, const ChartStyle& style);

// A round upper bound and step for an axis that must show `max` with about `ticks` lines.
double niceStep(double max, int ticks);

} // namespace courtyard::client
