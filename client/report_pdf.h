#pragma once
// A report (the JSON of docs/reports.md) printed to an A4 PDF with QPdfWriter: a header with
// the title, scope, period and "as of" on every page, "page n / m" at the foot, headline
// figures as boxes, tables whose headings repeat on every page they run onto, and the Pareto
// and target charts drawn. Chinese text uses WenQuanYi Micro Hei (fonts-wqy-microhei).

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace courtyard::client {

class ReportPdf {
    Q_DECLARE_TR_FUNCTIONS(ReportPdf)
public:
    // The font the report is set in; it must be installed for Chinese to print.
    static QString fontFamily();
    // Writes `report` to `path`; false with `error` set when the file cannot be written.
    static bool write(const QJsonObject& report, const QString& path, QString* error);
};

} // namespace courtyard::client
