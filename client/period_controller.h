#pragma once
// One screen's report period (a week, a month, …) in the current community's calendar, by the
// rule the server's reports use (shared/rules/period.h): the supervisor's week under review is
// the server's weekly report's week, Monday 00:00 to Monday 00:00 in the community's zone,
// whatever zone the tablet is set to.

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace courtyard::client {

class PeriodController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // "week", "month", "quarter", "half" or "year"; changing it keeps the period that holds
    // the current one's first day.
    Q_PROPERTY(QString unit READ unit WRITE setUnit NOTIFY periodChanged)
    // "2026-W47"; empty until read: then the period that holds now.
    Q_PROPERTY(QString label READ label WRITE setLabel NOTIFY periodChanged)
    Q_PROPERTY(QDateTime from READ from NOTIFY periodChanged)   // the first instant
    Q_PROPERTY(QDateTime until READ until NOTIFY periodChanged) // the first instant after
    // The first day as the community reads it, "2026-11-16" (a tablet in another zone would
    // show `from` on the evening before).
    Q_PROPERTY(QString firstDay READ firstDay NOTIFY periodChanged)

public:
    explicit PeriodController(QObject* parent = nullptr);

    QString unit() const { return m_unit; }
    void setUnit(const QString& unit);
    QString label() const;
    void setLabel(const QString& label);
    QDateTime from() const;
    QDateTime until() const;
    QString firstDay() const;

    // `steps` periods later (negative: earlier).
    Q_INVOKABLE void step(int steps);
    // The period that holds now.
    Q_INVOKABLE void current();

signals:
    void periodChanged();

private:
    QString m_unit = QStringLiteral("week");
    mutable QString m_label;
};

} // namespace courtyard::client
