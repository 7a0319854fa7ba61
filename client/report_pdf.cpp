// Over 400 lines, knowingly: one report's page layout (header, tiles, tables, charts, footers)
// shares the Layout cursor and its page-break rules; the pieces are short functions over it.

#include "client/report_pdf.h"

#include "client/report_charts.h"
#include "client/report_format.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTimeZone>
#include <functional>
#include <vector>

namespace courtyard::client {

namespace {

constexpr int kDpi = 300;
const QColor kInk("#1a1a1a");
const QColor kMuted("#5a5f66");
const QColor kRule("#d0d5dc");
const QColor kShade("#eef1f5");
const QColor kPrimary("#0b5cab");

using Op = std::function<void(QPainter&)>;

// Lays the report out top to bottom into pages of drawing operations; pages are painted only
// once their number is known, for "page n / m".
class Layout {
public:
    explicit Layout(QPdfWriter& writer) : m_writer(writer) {
        mm = kDpi / 25.4;
        const QRect paint = writer.pageLayout().paintRectPixels(kDpi);
        width = paint.width();
        height = paint.height();
        top = 9 * mm;             // the running header of pages after the first
        bottom = height - 9 * mm; // the footer
        newPage();
        y = 0;                    // the first page starts with the full header instead
    }
    QFont font(double points, bool bold = false) const {
        QFont f(ReportPdf::fontFamily());
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }
    QFontMetricsF metrics(const QFont& f) const { return QFontMetricsF(f, &m_writer); }
    void newPage() {
        pages.emplace_back();
        y = top;
    }
    bool fits(double h) const { return y + h <= bottom; }
    // Starts a new page unless `h` fits (a block taller than a page starts at the top anyway).
    void need(double h) {
        if (!fits(h) && y > top + 1)
            newPage();
    }
    void add(Op op) { pages.back().push_back(std::move(op)); }
    double textHeight(const QFont& f, const QString& text, double w) const {
        return metrics(f).boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, text).height();
    }
    // A paragraph across the page (or `w` wide at `x`).
    void paragraph(const QFont& f, const QString& text, const QColor& colour, double gapAfter, double x = 0, double w = -1) {
        if (w < 0)
            w = width - x;
        const double h = textHeight(f, text, w);
        need(h);
        const QRectF r(x, y, w, h);
        add([=](QPainter& p) {
            p.setFont(f);
            p.setPen(colour);
            p.drawText(r, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
        });
        y += h + gapAfter;
    }

    double mm = 1, width = 0, height = 0, top = 0, bottom = 0, y = 0;
    std::vector<std::vector<Op>> pages;

private:
    QPdfWriter& m_writer;
};

QString localTime(const QString& rfc3339, const QTimeZone& zone) {
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    if (!t.isValid())
        return rfc3339;
    return (zone.isValid() ? t.toTimeZone(zone) : t.toLocalTime()).toString("yyyy-MM-dd HH:mm");
}

QString scopeLine(const QJsonObject& report) {
    const QJsonObject scope = report.value("scope").toObject();
    const QString kind = scope.value("kind").toString();
    QString what = kind == "community" ? ReportPdf::tr("Community")
                   : kind == "office"  ? ReportPdf::tr("Management office")
                                       : ReportPdf::tr("Company");
    QString line = what;
    if (const QString name = scope.value("name").toString(); !name.isEmpty())
        line += ": " + name;
    if (const QString dept = scope.value("department_name").toString(scope.value("department_id").toString()); !dept.isEmpty())
        line += ReportPdf::tr(" · department: %1").arg(dept);
    return line;
}

QString periodLine(const QJsonObject& report, const QTimeZone& zone) {
    const QJsonObject period = report.value("period").toObject();
    QString line = period.value("label").toString();
    const QDateTime from = QDateTime::fromString(period.value("from").toString(), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(period.value("to").toString(), Qt::ISODate);
    if (from.isValid() && to.isValid()) {
        // `to` is exclusive: the last day is the one before it, in the scope's time zone.
        const QDate first = (zone.isValid() ? from.toTimeZone(zone) : from.toLocalTime()).date();
        const QDate last = (zone.isValid() ? to.toTimeZone(zone) : to.toLocalTime()).addMSecs(-1).date();
        line += QString(" (%1 – %2, %3)").arg(first.toString("yyyy-MM-dd"), last.toString("yyyy-MM-dd"),
                                              period.value("time_zone").toString());
    }
    return line;
}

QString asOfLine(const QJsonObject& report, const QTimeZone& zone) {
    QString line = ReportPdf::tr("As of %1").arg(localTime(report.value("as_of").toString(), zone));
    const QJsonObject data = report.value("data").toObject();
    const QJsonObject least = data.value("least_recent_sync").toObject();
    if (!least.isEmpty()) {
        const QString at = least.value("at").toString();
        line += at.isEmpty() ? ReportPdf::tr(" · %1 has never synced").arg(least.value("device").toString())
                             : ReportPdf::tr(" · least recent sync: %1 at %2")
                                   .arg(least.value("device").toString(), localTime(at, zone));
    }
    if (data.contains("devices"))
        line += ReportPdf::tr(" · %n device(s)", nullptr, data.value("devices").toInt());
    return line;
}

void header(Layout& l, const QJsonObject& report, const QTimeZone& zone) {
    l.paragraph(l.font(17, true), report.value("title").toString(), kInk, 2 * l.mm);
    l.paragraph(l.font(10), scopeLine(report), kInk, 0.8 * l.mm);
    l.paragraph(l.font(10), ReportPdf::tr("Period: %1").arg(periodLine(report, zone)), kInk, 0.8 * l.mm);
    l.paragraph(l.font(8.5), asOfLine(report, zone), kMuted, 0.8 * l.mm);
    if (report.value("target").isDouble())
        l.paragraph(l.font(8.5), ReportPdf::tr("Satisfaction target: %1").arg(report.value("target").toDouble()), kMuted, 0);
    // Records of the period purged under the retention policy: the figures leave them out.
    const QJsonObject purged = report.value("purged").toObject();
    if (!purged.isEmpty())
        l.paragraph(l.font(8.5, true),
                    ReportPdf::tr("Purged up to %1. %2")
                        .arg(localTime(purged.value("through").toString(), zone), purged.value("note").toString()),
                    kInk, 0);
    const double y = l.y + 2 * l.mm;
    const double w = l.width;
    const double mm = l.mm;
    l.add([=](QPainter& p) {
        p.setPen(QPen(kPrimary, 0.5 * mm));
        p.drawLine(QPointF(0, y), QPointF(w, y));
    });
    l.y = y + 5 * l.mm;
}

void sectionTitle(Layout& l, const QString& title, double keepWithNext) {
    const QFont f = l.font(12.5, true);
    const double h = l.textHeight(f, title, l.width);
    l.need(h + keepWithNext); // no heading alone at the foot of a page
    l.paragraph(f, title, kInk, 2 * l.mm);
}

void tiles(Layout& l, const QJsonObject& section) {
    const QJsonArray list = section.value("tiles").toArray();
    constexpr int perRow = 3;
    const double gap = 4 * l.mm;
    const double w = (l.width - gap * (perRow - 1)) / perRow;
    const double h = 27 * l.mm;
    sectionTitle(l, section.value("title").toString(), h);
    const QFont labelFont = l.font(8.5), valueFont = l.font(19, true), smallFont = l.font(7.5);
    const double mm = l.mm;
    for (int i = 0; i < list.size(); ++i) {
        if (i % perRow == 0) {
            if (i > 0)
                l.y += h + gap;
            l.need(h);
        }
        const QJsonObject t = list[i].toObject();
        const QRectF box((i % perRow) * (w + gap), l.y, w, h);
        const QString format = t.value("format").toString();
        const QString value = formatCell(t.value("value").toVariant(), format);
        QStringList notes;
        if (t.value("numerator").isDouble() && t.value("denominator").isDouble())
            notes << QString("%1 / %2").arg(t.value("numerator").toInteger()).arg(t.value("denominator").toInteger());
        if (t.value("target").isDouble())
            notes << ReportPdf::tr("target %1").arg(formatCell(t.value("target").toVariant(), format));
        const QList<QVariant> trend = [&] {
            QList<QVariant> out;
            for (const auto& point : t.value("trend").toArray())
                out << point.toObject().value("value").toVariant();
            return out;
        }();
        const QString label = t.value("label").toString();
        const ChartStyle style{smallFont, mm};
        l.add([=](QPainter& p) {
            p.setPen(QPen(kRule, 0.3 * mm));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(box, 2 * mm, 2 * mm);
            const QRectF inner = box.adjusted(3 * mm, 2.5 * mm, -3 * mm, -2.5 * mm);
            p.setFont(labelFont);
            p.setPen(kMuted);
            const QFontMetricsF lm(labelFont, p.device());
            p.drawText(QRectF(inner.left(), inner.top(), inner.width(), lm.height()), Qt::AlignLeft,
                       lm.elidedText(label, Qt::ElideRight, inner.width()));
            p.setFont(valueFont);
            p.setPen(kPrimary);
            const QFontMetricsF vm(valueFont, p.device());
            p.drawText(QRectF(inner.left(), inner.top() + lm.height() + mm, inner.width(), vm.height()), Qt::AlignLeft, value);
            p.setFont(smallFont);
            p.setPen(kMuted);
            const QFontMetricsF sm(smallFont, p.device());
            p.drawText(QRectF(inner.left(), inner.bottom() - sm.height(), inner.width() * 0.55, sm.height()), Qt::AlignLeft,
                       sm.elidedText(notes.join(" · "), Qt::ElideRight, inner.width() * 0.55));
            drawSparkline(p, QRectF(inner.right() - inner.width() * 0.4, inner.bottom() - 9 * mm, inner.width() * 0.4, 8 * mm),
                          trend, style);
        });
    }
    if (!list.isEmpty())
        l.y += h;
    l.y += 6 * l.mm;
}

struct Column {
    QString key, label, format;
    double x = 0, w = 0;
};

// A table that runs over as many pages as it needs, its headings at the top of each.
void table(Layout& l, const QString& title, std::vector<Column> columns, const QJsonArray& rows, const QJsonObject& total) {
    const QFont headFont = l.font(8.5, true), cellFont = l.font(8.5), totalFont = l.font(8.5, true);
    const QFontMetricsF cm = l.metrics(cellFont);
    const double pad = 1.5 * l.mm;
    // Widths: text columns get more room than figures; all of them fill the page.
    double weights = 0;
    for (const auto& c : columns)
        weights += c.format == "text" ? 2.6 : c.format == "time" ? 1.7 : 1.0;
    double x = 0;
    for (auto& c : columns) {
        c.w = l.width * (c.format == "text" ? 2.6 : c.format == "time" ? 1.7 : 1.0) / std::max(1.0, weights);
        c.x = x;
        x += c.w;
    }
    double headH = 0;
    for (const auto& c : columns)
        headH = std::max(headH, l.textHeight(headFont, c.label, c.w - 2 * pad));
    headH += 2 * pad;
    const double rowH = cm.height() + 2 * pad;
    const double mm = l.mm;
    const double width = l.width;
    auto headings = [&] {
        const double y = l.y;
        l.add([=](QPainter& p) {
            p.fillRect(QRectF(0, y, width, headH), kShade);
            p.setFont(headFont);
            p.setPen(kInk);
            for (const auto& c : columns)
                p.drawText(QRectF(c.x + pad, y + pad, c.w - 2 * pad, headH - 2 * pad),
                           Qt::TextWordWrap | Qt::AlignBottom | (c.format == "text" ? Qt::AlignLeft : Qt::AlignRight), c.label);
            p.setPen(QPen(kInk, 0.3 * mm));
            p.drawLine(QPointF(0, y + headH), QPointF(width, y + headH));
        });
        l.y += headH;
    };
    auto row = [&](const QJsonObject& r, bool isTotal, bool shaded) {
        if (!l.fits(rowH)) {
            l.newPage();
            l.paragraph(l.font(8.5), ReportPdf::tr("%1 (continued)").arg(title), kMuted, mm);
            headings();
        }
        const double y = l.y;
        QStringList texts;
        for (const auto& c : columns)
            texts << cm.elidedText(formatCell(r.value(c.key).toVariant(), c.format), Qt::ElideRight, c.w - 2 * pad);
        l.add([=](QPainter& p) {
            if (shaded)
                p.fillRect(QRectF(0, y, width, rowH), QColor("#f7f8fa"));
            if (isTotal) {
                p.setPen(QPen(kInk, 0.3 * mm));
                p.drawLine(QPointF(0, y), QPointF(width, y));
            }
            p.setFont(isTotal ? totalFont : cellFont);
            p.setPen(kInk);
            for (int i = 0; i < int(columns.size()); ++i)
                p.drawText(QRectF(columns[i].x + pad, y, columns[i].w - 2 * pad, rowH),
                           Qt::AlignVCenter | (columns[i].format == "text" ? Qt::AlignLeft : Qt::AlignRight), texts[i]);
        });
        l.y += rowH;
    };
    l.need(headH + 3 * rowH);
    headings();
    for (int i = 0; i < rows.size(); ++i)
        row(rows[i].toObject(), false, i % 2 == 1);
    if (rows.isEmpty())
        l.paragraph(cellFont, ReportPdf::tr("Nothing in this period."), kMuted, 0, pad);
    if (!total.isEmpty())
        row(total, true, false);
    const double y = l.y;
    l.add([=](QPainter& p) {
        p.setPen(QPen(kRule, 0.3 * mm));
        p.drawLine(QPointF(0, y), QPointF(width, y));
    });
    l.y += 7 * l.mm;
}

std::vector<Column> columnsOf(const QJsonObject& section) {
    std::vector<Column> out;
    for (const auto& c : section.value("columns").toArray()) {
        const QJsonObject o = c.toObject();
        out.push_back({o.value("key").toString(), o.value("label").toString(), o.value("format").toString("text")});
    }
    return out;
}

void chart(Layout& l, const QJsonObject& section, double heightMm, bool pareto) {
    const double h = heightMm * l.mm;
    sectionTitle(l, section.value("title").toString(), h);
    l.need(h);
    const QRectF area(0, l.y, l.width, h);
    const ChartStyle style{l.font(8), l.mm};
    l.add([=](QPainter& p) {
        if (pareto)
            drawParetoChart(p, area, section, style);
        else
            drawBarsChart(p, area, section, style);
    });
    l.y += h + 4 * l.mm;
}

void pareto(Layout& l, const QJsonObject& section) {
    chart(l, section, 88, true);
    // The figures under the chart, for the reader with a pen.
    std::vector<Column> columns{{"label", ReportPdf::tr("Item"), "text"},
                                {"count", ReportPdf::tr("Count"), "count"},
                                {"percent", ReportPdf::tr("Share"), "percent"},
                                {"cumulative_percent", ReportPdf::tr("Cumulative"), "percent"},
                                {"vital_few", ReportPdf::tr("Vital few"), "bool"}};
    table(l, section.value("title").toString(), columns, section.value("rows").toArray(), {});
}

void footers(QPainter& p, const Layout& l, const QJsonObject& report, int page, int pages) {
    const QFont f = l.font(7.5);
    p.setFont(f);
    p.setPen(kMuted);
    const QFontMetricsF fm(f, p.device());
    const double y = l.height - fm.height();
    p.setPen(QPen(kRule, 0.25 * l.mm));
    p.drawLine(QPointF(0, y - 1.5 * l.mm), QPointF(l.width, y - 1.5 * l.mm));
    p.setPen(kMuted);
    const QString left = fm.elidedText(QString("Courtyard · %1 · %2").arg(report.value("title").toString(),
                                                                         report.value("period").toObject().value("label").toString()),
                                       Qt::ElideRight, l.width * 0.7);
    p.drawText(QRectF(0, y, l.width * 0.7, fm.height()), Qt::AlignLeft, left);
    p.drawText(QRectF(l.width * 0.7, y, l.width * 0.3, fm.height()), Qt::AlignRight,
               ReportPdf::tr("Page %1 / %2").arg(page).arg(pages));
    if (page > 1) {
        // The running header: which report this loose page belongs to.
        const QString running = fm.elidedText(QString("%1 · %2 · %3").arg(report.value("title").toString(), scopeLine(report),
                                                                           report.value("period").toObject().value("label").toString()),
                                              Qt::ElideRight, l.width);
        p.drawText(QRectF(0, 0, l.width, fm.height()), Qt::AlignLeft, running);
        p.setPen(QPen(kRule, 0.25 * l.mm));
        p.drawLine(QPointF(0, fm.height() + 1.5 * l.mm), QPointF(l.width, fm.height() + 1.5 * l.mm));
    }
}

} // namespace

QString ReportPdf::fontFamily() { return QStringLiteral("WenQuanYi Micro Hei"); }

bool ReportPdf::write(const QJsonObject& report, const QString& path, QString* error) {
    if (report.isEmpty()) {
        if (error)
            *error = tr("There is no report to export yet.");
        return false;
    }
    if (!QFontDatabase::families().contains(fontFamily()))
        qWarning("ReportPdf: font %s is not installed; Chinese may print as boxes (install fonts-wqy-microhei)",
                 qPrintable(fontFamily()));
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Written beside and renamed over the target when complete: a full disk or a crash never
    // leaves half a PDF under the report's name.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QPdfWriter writer(&file);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 12, 16, 12),
                                     QPageLayout::Millimeter));
    writer.setTitle(report.value("title").toString());
    writer.setCreator("Courtyard");

    Layout l(writer);
    const QTimeZone zone(report.value("period").toObject().value("time_zone").toString().toUtf8());
    header(l, report, zone);
    for (const auto& s : report.value("sections").toArray()) {
        const QJsonObject section = s.toObject();
        const QString kind = section.value("kind").toString();
        if (kind == "tiles")
            tiles(l, section);
        else if (kind == "table") {
            // The title stays on the page with the headings and the first rows.
            sectionTitle(l, section.value("title").toString(), 25 * l.mm);
            table(l, section.value("title").toString(), columnsOf(section), section.value("rows").toArray(),
                  section.value("total").toObject());
        }
        else if (kind == "pareto")
            pareto(l, section);
        else if (kind == "bars")
            chart(l, section, 72, false);
        else // a section kind newer than this app: say so rather than drop it silently
            l.paragraph(l.font(9), tr("%1: this version cannot print sections of kind \"%2\".")
                                       .arg(section.value("title").toString(), kind),
                        kMuted, 4 * l.mm);
    }

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    const int pages = int(l.pages.size());
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        for (const auto& op : l.pages[std::size_t(i)]) {
            painter.save();
            op(painter);
            painter.restore();
        }
        footers(painter, l, report, i + 1, pages);
    }
    if (!painter.end() || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace courtyard::client
