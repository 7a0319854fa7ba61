#include "client/report_charts.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace courtyard::client {

namespace {

// The app's palette (qml/components/Theme.qml), so paper and screen read alike.
const QColor kInk("#1a1a1a");
const QColor kMuted("#5a5f66");
const QColor kGrid("#d0d5dc");
const QColor kPrimary("#0b5cab");
const QColor kOther("#9fb7d3");
const QColor kLine("#d9822b");
const QColor kDanger("#b3261e");

QString number(double v) {
    return std::abs(v - std::round(v)) < 1e-9 ? QString::number(qint64(std::llround(v))) : QString::number(v, 'f', 1);
}

// Plot area inside `area` once room is left for the axes' labels, the category names and the legend.
struct Frame {
    QRectF plot;
    double slot = 0; // width of one category
};

Frame frame(const QRectF& area, int categories, const QFontMetricsF& fm, bool rightAxis) {
    const double left = fm.horizontalAdvance("0000") + fm.height() * 0.6;
    const double right = rightAxis ? fm.horizontalAdvance("100%") + fm.height() * 0.6 : fm.height();
    const double top = fm.height() * 2.2;    // the legend
    const double bottom = fm.height() * 2.6; // category names, two lines
    Frame f;
    f.plot = QRectF(area.left() + left, area.top() + top, std::max(1.0, area.width() - left - right),
                    std::max(1.0, area.height() - top - bottom));
    f.slot = f.plot.width() / std::max(1, categories);
    return f;
}

void categoryNames(QPainter& p, const Frame& f, const QStringList& names, const QFontMetricsF& fm) {
    p.setPen(kInk);
    for (int i = 0; i < names.size(); ++i) {
        const QRectF cell(f.plot.left() + i * f.slot + 1, f.plot.bottom() + fm.height() * 0.3, f.slot - 2, fm.height() * 2.2);
        // Two lines at most, then an ellipsis: a long cause must not run into its neighbour.
        QString text = names[i];
        if (fm.boundingRect(cell, Qt::TextWordWrap | Qt::AlignHCenter, text).height() > cell.height())
            text = fm.elidedText(text, Qt::ElideRight, f.slot * 1.9);
        p.drawText(cell, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWrapAnywhere, text);
    }
}

void axisFrame(QPainter& p, const Frame& f, double unit) {
    p.setPen(QPen(kInk, 0.25 * unit));
    p.drawLine(f.plot.bottomLeft(), f.plot.bottomRight());
    p.drawLine(f.plot.bottomLeft(), f.plot.topLeft());
}

// Left-axis ticks from 0 to `max` (the top one labelled with `max` itself).
void leftAxis(QPainter& p, const Frame& f, double max, const QFontMetricsF& fm, double unit, bool percent) {
    const double step = niceStep(max, 5);
    for (double v = 0; v <= max + 1e-9; v += step) {
        const double y = f.plot.bottom() - f.plot.height() * v / max;
        p.setPen(QPen(kGrid, 0.15 * unit));
        p.drawLine(QPointF(f.plot.left(), y), QPointF(f.plot.right(), y));
        p.setPen(kMuted);
        const QString label = number(v) + (percent ? "%" : "");
        p.drawText(QRectF(f.plot.left() - fm.horizontalAdvance(label) - fm.height() * 0.3, y - fm.height() / 2,
                          fm.horizontalAdvance(label), fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, label);
    }
}

void legendItem(QPainter& p, QPointF& at, const QColor& colour, const QString& text, const QFontMetricsF& fm, int shape,
                double unit) {
    const double h = fm.height();
    const QRectF mark(at.x(), at.y() + h * 0.2, h * 0.9, h * 0.6);
    if (shape == 0) {
        p.fillRect(mark, colour);
    } else if (shape == 1) {
        p.setPen(QPen(colour, 0.5 * unit));
        p.drawLine(QPointF(mark.left(), mark.center().y()), QPointF(mark.right(), mark.center().y()));
        p.setBrush(colour);
        p.drawEllipse(mark.center(), h * 0.15, h * 0.15);
        p.setBrush(Qt::NoBrush);
    } else {
        p.setPen(QPen(colour, 0.4 * unit, Qt::DashLine));
        p.drawLine(QPointF(mark.left(), mark.center().y()), QPointF(mark.right(), mark.center().y()));
    }
    p.setPen(kInk);
    p.drawText(QPointF(mark.right() + h * 0.3, at.y() + fm.ascent()), text);
    at.rx() += mark.width() + h * 0.3 + fm.horizontalAdvance(text) + h;
}

} // namespace

double niceStep(double max, int ticks) {
    if (max <= 0 || ticks <= 0)
        return 1;
    const double raw = max / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude)
            return std::max(1.0, m * magnitude); // counts: never a step below one
    return 10 * magnitude;
}

void drawParetoChart(QPainter& p, const QRectF& area, const QJsonObject& section, const ChartStyle& style) {
    const QJsonArray rows = section.value("rows").toArray();
    const double cut = section.value("cut").toDouble(80);
    double total = section.value("total").toDouble();
    if (total <= 0)
        for (const auto& r : rows)
            total += r.toObject().value("count").toDouble();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(style.font);
    const QFontMetricsF fm(style.font, p.device());
    const double u = style.unit;
    const Frame f = frame(area, int(rows.size()), fm, true);

    QPointF legend(f.plot.left(), area.top());
    legendItem(p, legend, kPrimary, QCoreApplication::translate("ReportPdf", "Vital few"), fm, 0, u);
    legendItem(p, legend, kOther, QCoreApplication::translate("ReportPdf", "Others"), fm, 0, u);
    legendItem(p, legend, kLine, QCoreApplication::translate("ReportPdf", "Cumulative %"), fm, 1, u);
    legendItem(p, legend, kDanger, QCoreApplication::translate("ReportPdf", "Cut %1%").arg(number(cut)), fm, 2, u);

    if (rows.isEmpty() || total <= 0) {
        axisFrame(p, f, u);
        p.setPen(kMuted);
        p.drawText(f.plot, Qt::AlignCenter, QCoreApplication::translate("ReportPdf", "Nothing to count in this period."));
        p.restore();
        return;
    }
    // Left axis: counts up to the total, so 100% on the right sits level with the whole.
    leftAxis(p, f, total, fm, u, false);
    // Right axis: 0–100%.
    for (int v = 0; v <= 100; v += 20) {
        const double y = f.plot.bottom() - f.plot.height() * v / 100.0;
        p.setPen(QPen(kMuted, 0.25 * u));
        p.drawLine(QPointF(f.plot.right(), y), QPointF(f.plot.right() + 1.2 * u, y));
        p.drawText(QPointF(f.plot.right() + 1.6 * u, y + fm.ascent() / 2 - fm.descent() / 2), QString("%1%").arg(v));
    }
    p.setPen(QPen(kInk, 0.25 * u));
    p.drawLine(f.plot.topRight(), f.plot.bottomRight());
    axisFrame(p, f, u);

    QStringList names;
    QPolygonF cumulative;
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject r = rows[i].toObject();
        names << r.value("label").toString();
        const double count = r.value("count").toDouble();
        const double h = f.plot.height() * count / total;
        const QRectF bar(f.plot.left() + i * f.slot + f.slot * 0.15, f.plot.bottom() - h, f.slot * 0.7, h);
        p.fillRect(bar, r.value("vital_few").toBool() ? kPrimary : kOther);
        p.setPen(kInk);
        p.drawText(QRectF(bar.left() - f.slot * 0.15, bar.top() - fm.height() * 1.05, f.slot, fm.height()),
                   Qt::AlignHCenter | Qt::AlignBottom, number(count));
        cumulative << QPointF(f.plot.left() + (i + 0.5) * f.slot,
                              f.plot.bottom() - f.plot.height() * r.value("cumulative_percent").toDouble() / 100.0);
    }
    // The cut, dashed, across the whole plot.
    const double cutY = f.plot.bottom() - f.plot.height() * cut / 100.0;
    p.setPen(QPen(kDanger, 0.4 * u, Qt::DashLine));
    p.drawLine(QPointF(f.plot.left(), cutY), QPointF(f.plot.right(), cutY));
    // The cumulative line and its points.
    p.setPen(QPen(kLine, 0.5 * u));
    p.drawPolyline(cumulative);
    p.setBrush(kLine);
    for (const auto& pt : cumulative)
        p.drawEllipse(pt, 0.8 * u, 0.8 * u);
    p.setBrush(Qt::NoBrush);
    p.setFont(style.font);
    categoryNames(p, f, names, fm);
    p.restore();
}

void drawBarsChart(QPainter& p, const QRectF& area, const QJsonObject& section, const ChartStyle& style) {
    const QJsonArray bars = section.value("bars").toArray();
    const bool percent = section.value("format").toString() == "percent";
    const QJsonValue targetValue = section.value("target");
    const bool hasTarget = targetValue.isDouble();
    const double target = targetValue.toDouble();
    double max = percent ? 100 : 0;
    if (!percent) {
        for (const auto& b : bars)
            max = std::max(max, b.toObject().value("value").toDouble());
        max = std::max(max, target);
        const double step = niceStep(max, 5);
        max = std::max(step, std::ceil(max / step) * step);
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(style.font);
    const QFontMetricsF fm(style.font, p.device());
    const double u = style.unit;
    const Frame f = frame(area, int(bars.size()), fm, false);
    QPointF legend(f.plot.left(), area.top());
    legendItem(p, legend, kPrimary, QCoreApplication::translate("ReportPdf", "At or above target"), fm, 0, u);
    legendItem(p, legend, kDanger, QCoreApplication::translate("ReportPdf", "Below target"), fm, 0, u);
    if (hasTarget)
        legendItem(p, legend, kInk, QCoreApplication::translate("ReportPdf", "Target %1").arg(number(target)), fm, 2, u);
    leftAxis(p, f, max, fm, u, percent);
    axisFrame(p, f, u);
    QStringList names;
    for (int i = 0; i < bars.size(); ++i) {
        const QJsonObject b = bars[i].toObject();
        names << b.value("label").toString();
        const QJsonValue v = b.value("value");
        if (!v.isDouble())
            continue; // nothing measured: an empty slot, not a zero
        const double h = f.plot.height() * std::clamp(v.toDouble(), 0.0, max) / max;
        const QRectF bar(f.plot.left() + i * f.slot + f.slot * 0.2, f.plot.bottom() - h, f.slot * 0.6, h);
        p.fillRect(bar, b.value("below_target").toBool() ? kDanger : kPrimary);
        p.setPen(kInk);
        p.drawText(QRectF(bar.left() - f.slot * 0.2, bar.top() - fm.height() * 1.05, f.slot, fm.height()),
                   Qt::AlignHCenter | Qt::AlignBottom, number(v.toDouble()) + (percent ? "%" : ""));
    }
    if (hasTarget) {
        const double y = f.plot.bottom() - f.plot.height() * std::clamp(target, 0.0, max) / max;
        p.setPen(QPen(kInk, 0.4 * u, Qt::DashLine));
        p.drawLine(QPointF(f.plot.left(), y), QPointF(f.plot.right(), y));
    }
    categoryNames(p, f, names, fm);
    p.restore();
}

void drawSparkline(QPainter& p, const QRectF& area, const QList<QVariant>& values, const ChartStyle& style) {
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& v : values)
        if (!v.isNull() && v.isValid()) {
            const double d = v.toDouble();
            lo = any ? std::min(lo, d) : d;
            hi = any ? std::max(hi, d) : d;
            any = true;
        }
    if (!any || values.size() < 2)
        return;
    if (hi - lo < 1e-9) {
        lo -= 1;
        hi += 1;
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double step = area.width() / double(values.size() - 1);
    QPainterPath path;
    bool drawing = false;
    QPointF last;
    for (int i = 0; i < values.size(); ++i) {
        if (values[i].isNull() || !values[i].isValid()) {
            drawing = false;
            continue;
        }
        last = QPointF(area.left() + i * step, area.bottom() - area.height() * (values[i].toDouble() - lo) / (hi - lo));
        if (drawing)
            path.lineTo(last);
        else
            path.moveTo(last);
        drawing = true;
    }
    p.setPen(QPen(kPrimary, 0.35 * style.unit));
    p.drawPath(path);
    p.setBrush(kPrimary);
    p.drawEllipse(last, 0.6 * style.unit, 0.6 * style.unit); // the current period
    p.restore();
}

} // namespace courtyard::client
