#pragma once
// The admin face's Calendar page: the company's calendars (GET /v1/admin/calendars), one year
// of one of them month by month, and the year's holidays and make-up working days (调休) as an
// administrator enters them every November — typed as lists of dates and ranges
// ("2027-02-06..2027-02-12"), or by tapping days (a weekday: working day → holiday → working
// day; a weekend day: → holiday → make-up working day → weekend). The typed lists are what is
// sent (PUT /v1/admin/calendars/<id>/years/<year>); the months show what they say. The server
// checks the year (dates inside it, make-up days on weekend days, a plausible count of working
// days) and a refusal names its field: "holidays" or "working_days". QML: `CalendarAdmin`.

#include "client/admin_client.h"
#include "client/admin_views.h"
#include "client/gadget_list_model.h"

#include <QDate>
#include <QSet>

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class CalendarAdmin : public courtyard::client::AdminClient {
    Q_OBJECT
    QML_ELEMENT
    // choiceView rows: key the calendar's id ("cn-mainland"), name what the page shows.
    Q_PROPERTY(courtyard::client::GadgetListModel* calendars READ calendarsModel CONSTANT)
    Q_PROPERTY(QString calendarId READ calendarId WRITE setCalendarId NOTIFY viewChanged)
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY viewChanged)
    // Whether the stored calendar has data for the year (else weekends alone count there).
    Q_PROPERTY(bool covered READ covered NOTIFY viewChanged)
    // The year's entries as typed: dates and ranges, separated by commas, spaces or lines.
    Q_PROPERTY(QString holidaysText READ holidaysText WRITE setHolidaysText NOTIFY entriesChanged)
    Q_PROPERTY(QString workingDaysText READ workingDaysText WRITE setWorkingDaysText NOTIFY entriesChanged)
    // Differs from what the server has for the year.
    Q_PROPERTY(bool edited READ edited NOTIFY entriesChanged)
    // calendarMonthView rows, January to December, as the entries say.
    Q_PROPERTY(courtyard::client::GadgetListModel* months READ monthsModel CONSTANT)
    // The year's working days by the entries, and by weekends alone.
    Q_PROPERTY(int workingDays READ workingDays NOTIFY entriesChanged)
    Q_PROPERTY(int weekdays READ weekdays NOTIFY entriesChanged)

public:
    enum DayKind { Working = 0, Weekend = 1, Holiday = 2, MakeUp = 3 };
    Q_ENUM(DayKind)

    explicit CalendarAdmin(QObject* parent = nullptr);

    GadgetListModel* calendarsModel() { return &m_calendars; }
    GadgetListModel* monthsModel() { return &m_months; }
    QList<CalendarMonthView> months() const { return m_months.rows<CalendarMonthView>(); }
    QString calendarId() const { return m_calendarId; }
    void setCalendarId(const QString& id);
    int year() const { return m_year; }
    void setYear(int year);
    bool covered() const;
    QString holidaysText() const { return m_holidaysText; }
    void setHolidaysText(const QString& text);
    QString workingDaysText() const { return m_workingDaysText; }
    void setWorkingDaysText(const QString& text);
    bool edited() const;
    int workingDays() const { return m_workingDays; }
    int weekdays() const { return m_weekdays; }
    // What the entries make of one day of the year (DayKind).
    Q_INVOKABLE int kindOf(int month, int day) const;

    // Each answers through saved(what) or failed(what): "list", "year".
    Q_INVOKABLE void refresh();
    // The next kind of a day (see above); the lists are written anew, in ranges.
    Q_INVOKABLE void toggle(int month, int day);
    // The year's entries as the server has them.
    Q_INVOKABLE void revert();
    Q_INVOKABLE void save();

signals:
    void viewChanged();
    void entriesChanged();

private:
    const Json* stored() const; // the chosen calendar's record, or null
    bool isWeekend(QDate d) const;
    void loadYear();  // the texts from the stored calendar
    void recompute(); // the months and counts from the texts

    QList<Json> m_records; // as listed, ids without "calendar:"
    GadgetListModel m_calendars{ChoiceView::staticMetaObject, this};
    GadgetListModel m_months{CalendarMonthView::staticMetaObject, this};
    QString m_calendarId;
    int m_year = 0;
    QString m_holidaysText, m_workingDaysText;
    QSet<QDate> m_holidays, m_makeUp; // as the texts say (entries that do not read are left out)
    int m_workingDays = 0, m_weekdays = 0;
};

} // namespace courtyard::client
