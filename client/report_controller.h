#pragma once
// The Reports page's logic: which report (kind, scope, period, department) the signed-in
// supervisor or manager asks the server for (GET /v1/reports/{kind}, docs/reports.md), the
// catalogue of what they may read, the last report loaded (kept when the connection drops),
// and its export as PDF (drawn here) or CSV (the server's own). Requests run on a thread of
// their own so the page never waits for the network.

#include "client/app_context.h"
#include "client/choice_list.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QThread>
#include <QVariantList>
#include <QVariantMap>

namespace courtyard::client {

// Runs on the report thread: one HTTP exchange per call, through the app's transport.
class ReportWorker : public QObject {
    Q_OBJECT
public slots:
    void fetch(int requestId, const QString& serverUrl, const QString& target, const QVariantMap& headers);
signals:
    // `status` 0 with `transportError` set: the server was not reached.
    void fetched(int requestId, int status, const QByteArray& body, const QString& transportError);
};

class ReportController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY selectionChanged)
    Q_PROPERTY(QString scope READ scope WRITE setScope NOTIFY selectionChanged)
    Q_PROPERTY(QString scopeId READ scopeId WRITE setScopeId NOTIFY selectionChanged)
    Q_PROPERTY(QString department READ department WRITE setDepartment NOTIFY selectionChanged)
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY selectionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool offline READ offline NOTIFY errorChanged)
    // The report kinds this person may read (ids; kindName() gives the server's title).
    Q_PROPERTY(QStringList kinds READ kinds NOTIFY catalogueChanged)
    // The places of the current scope this person may read: the communities, or the management
    // offices. From the server's catalogue; before it arrives, the communities on this device.
    Q_PROPERTY(courtyard::client::ChoiceList* places READ places CONSTANT)
    // The departments to filter by, first "all" (worded by allDepartmentsLabel).
    Q_PROPERTY(courtyard::client::ChoiceList* departments READ departments CONSTANT)
    Q_PROPERTY(QString allDepartmentsLabel READ allDepartmentsLabel WRITE setAllDepartmentsLabel NOTIFY catalogueChanged)
    Q_PROPERTY(bool departmentFixed READ departmentFixed NOTIFY catalogueChanged)
    Q_PROPERTY(bool companyAllowed READ companyAllowed NOTIFY catalogueChanged)
    Q_PROPERTY(QVariantMap report READ report NOTIFY reportChanged)
    Q_PROPERTY(bool hasReport READ hasReport NOTIFY reportChanged)
    Q_PROPERTY(QDateTime loadedAt READ loadedAt NOTIFY reportChanged)
    Q_PROPERTY(QString lastExportPath READ lastExportPath NOTIFY exported)

public:
    explicit ReportController(QObject* parent = nullptr);
    ~ReportController() override;

    QString kind() const { return m_kind; }
    void setKind(const QString& kind);
    QString scope() const { return m_scope; }
    void setScope(const QString& scope);
    QString scopeId() const { return m_scopeId; }
    void setScopeId(const QString& id);
    QString department() const { return m_department; }
    void setDepartment(const QString& id);
    QString period() const { return m_period; }
    void setPeriod(const QString& label);
    bool busy() const { return !m_requests.isEmpty(); }
    QString error() const { return m_error; }
    bool offline() const { return m_offline; }
    QStringList kinds() const { return m_kinds; }
    Q_INVOKABLE QString kindName(const QString& kind) const { return m_kindNames.value(kind, kind); }
    ChoiceList* places() { return &m_places; }
    ChoiceList* departments() { return &m_departments; }
    QString allDepartmentsLabel() const { return m_allDepartmentsLabel; }
    void setAllDepartmentsLabel(const QString& label);
    // A supervisor reads their own department only; a manager chooses (or takes them all).
    bool departmentFixed() const;
    // Whether the company-wide scope is offered (managers).
    bool companyAllowed() const;
    QVariantMap report() const { return m_report.toVariantMap(); }
    QJsonObject reportJson() const { return m_report; }
    bool hasReport() const { return !m_report.isEmpty(); }
    QDateTime loadedAt() const { return m_loadedAt; }
    QString lastExportPath() const { return m_lastExportPath; }

    // GET /v1/reports: the kinds and the places this person may read.
    Q_INVOKABLE void loadCatalogue();
    // GET /v1/reports/{kind} for the current selection.
    Q_INVOKABLE void load();
    Q_INVOKABLE void previousPeriod() { setPeriod(shifted(-1)); }
    Q_INVOKABLE void nextPeriod() { setPeriod(shifted(1)); }
    // The kind's natural period containing today.
    Q_INVOKABLE void currentPeriod();
    // The loaded report as an A4 PDF; false (and `error`) when there is none or the file cannot be written.
    Q_INVOKABLE bool exportPdf(const QString& path);
    // The server's CSV of the current selection saved as is; the result arrives as exported()
    // or as `error`. False when the request cannot even be made.
    Q_INVOKABLE bool exportCsv(const QString& path);
    // Where exports go: Documents/Courtyard, or beside the device's database when there is no
    // documents folder (a kiosk-like account, a test machine).
    Q_INVOKABLE QString documentsFolder() const;
    // "monthly-cm-sunshine-d-cs-2026-11.pdf": what the report is, readable in a file list.
    Q_INVOKABLE QString suggestedFileName(const QString& extension) const;
    // A table cell as printed (shared with the PDF).
    Q_INVOKABLE QString formatCell(const QVariant& value, const QString& format) const;

signals:
    void selectionChanged();
    void busyChanged();
    void errorChanged();
    void catalogueChanged();
    void reportChanged();
    void loaded();
    void failed();
    void exported(const QString& path);
    void requestFetch(int requestId, const QString& serverUrl, const QString& target, const QVariantMap& headers);

private:
    // Today in the current community's zone.
    QDate communityToday() const;
    enum class Purpose { Catalogue, Report, Csv };
    struct Request {
        Purpose purpose;
        QString path;   // CSV: where it goes
        QString target; // what was asked (a report's: what an export of it asks again)
    };
    QString shifted(int steps) const;
    QString target(bool csv) const;
    bool send(Purpose purpose, const QString& target, const QString& path = {});
    void onFetched(int requestId, int status, const QByteArray& body, const QString& transportError);
    void setError(const QString& text, bool offline = false);
    void readCatalogue(const QJsonObject& catalogue);
    // places and departments from the catalogue, or the device's directory before it.
    void fillChoices();
    // The lists' current rows are the selection's place and department.
    void followSelection();
    void personChanged();

    AppContext* m_app; // the process's (AppContext::instance()); null only in a misconfigured test
    QThread m_thread;
    QString m_kind = "monthly";
    QString m_scope = "community";
    QString m_scopeId;
    QString m_department;
    QString m_period;
    QString m_loadedTarget; // the request of the report on screen
    QString m_error;
    bool m_offline = false;
    QJsonObject m_catalogue;
    QStringList m_kinds;
    QHash<QString, QString> m_kindNames;
    QList<DirectoryItemView> m_communities, m_offices, m_departmentItems;
    ChoiceList m_places, m_departments;
    QString m_allDepartmentsLabel;
    QJsonObject m_report;
    QDateTime m_loadedAt;
    QString m_lastExportPath;
    QHash<int, Request> m_requests;
    int m_nextRequest = 1;
    int m_latestReport = 0;
};

} // namespace courtyard::client
