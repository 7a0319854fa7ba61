// Over 400 lines, knowingly: the selection (kind, scope, place, department, period), the
// requests made for it on the report thread (catalogue, report, CSV; a late answer to an older
// question is dropped) and the choices the catalogue allows all read the same state.

#include "client/report_controller.h"

#include "client/directory.h"
#include "client/json_bridge.h"
#include "client/qt_transport.h"
#include "client/report_format.h"
#include "client/report_pdf.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/proof.h"
#include "sync/protocol/roles.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QUrlQuery>

namespace courtyard::client {

void ReportWorker::fetch(int requestId, const QString& serverUrl, const QString& target, const QVariantMap& headers) {
    // Reports take a moment on a large company: a longer wait than a sync round's.
    QtTransport transport(serverUrl, 60000);
    sync::HttpRequest request;
    request.target = target.toStdString();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.headers[it.key().toStdString()] = it.value().toString().toStdString();
    auto response = transport.send(request);
    if (!response) {
        emit fetched(requestId, 0, {}, qs(response.error().message));
        return;
    }
    emit fetched(requestId, response->status, QByteArray::fromStdString(response->body), {});
}

ReportController::ReportController(QObject* parent) : QObject(parent), m_app(AppContext::instance()) {
    auto* worker = new ReportWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &ReportController::requestFetch, worker, &ReportWorker::fetch);
    connect(worker, &ReportWorker::fetched, this, &ReportController::onFetched);
    m_thread.setObjectName("courtyard-reports");
    m_thread.start();
    connect(this, &ReportController::selectionChanged, this, &ReportController::followSelection);
    if (m_app) {
        m_scopeId = m_app->currentCommunity();
        connect(m_app, &AppContext::actorChanged, this, &ReportController::personChanged);
        // Before the catalogue, the choices are the device's own data, which a sync changes.
        connect(m_app, &AppContext::recordsChanged, this, [this] {
            if (m_catalogue.isEmpty())
                fillChoices();
        });
        connect(m_app, &AppContext::currentCommunityChanged, this, &ReportController::fillChoices);
        // Titles, headings and category names come from the server in the reader's language.
        connect(m_app, &AppContext::languageChanged, this, [this] {
            if (!m_catalogue.isEmpty())
                loadCatalogue();
            if (hasReport())
                load();
        });
    }
    personChanged();
}

ReportController::~ReportController() {
    m_thread.quit();
    m_thread.wait();
}

void ReportController::personChanged() {
    // One person's report is never left on screen for the next one who signs in.
    m_requests.clear();
    m_catalogue = {};
    m_kinds.clear();
    m_kindNames.clear();
    m_communities.clear();
    m_offices.clear();
    m_departmentItems.clear();
    m_report = {};
    m_loadedTarget.clear();
    m_loadedAt = {};
    m_error.clear();
    m_offline = false;
    m_department = departmentFixed() && m_app ? qs(m_app->actor().departmentId) : QString();
    currentPeriod();
    fillChoices();
    emit busyChanged();
    emit errorChanged();
    emit catalogueChanged();
    emit reportChanged();
    emit selectionChanged();
}

// The catalogue's word is the server's; before it arrives, the role says the same.
bool ReportController::departmentFixed() const {
    if (m_catalogue.contains("department_fixed"))
        return m_catalogue.value("department_fixed").toBool();
    return m_app && m_app->actor().role == domain::Role::Supervisor;
}

bool ReportController::companyAllowed() const {
    if (m_catalogue.contains("company"))
        return m_catalogue.value("company").toBool();
    return m_app && m_app->actor().role == domain::Role::Manager;
}

void ReportController::setKind(const QString& kind) {
    if (kind == m_kind || kind.isEmpty())
        return;
    m_kind = kind;
    // The new kind's natural period, around the period being read: today when that period
    // holds today, else its first day (moving from 2026-10 to quarterly reads 2026-Q4).
    const QDate today = communityToday();
    const QDate start = periodStart(m_period);
    const QDate end = periodStart(shiftPeriod(m_period, 1));
    const QDate anchor = start.isValid() && end.isValid() && (today < start || today >= end) ? start : today;
    m_period = periodLabel(naturalPeriodUnit(m_kind), anchor);
    emit selectionChanged();
}

QDate ReportController::communityToday() const {
    // The server places periods in the scope's community's zone: so does the tablet.
    if (!m_app)
        return QDate::currentDate();
    const auto& calendar = m_app->store().rulesFor(m_app->currentCommunity().toStdString()).calendar;
    const LocalDate day = calendar.localDate(m_app->clock());
    return QDate(1970, 1, 1).addDays(day.time_since_epoch().count());
}

void ReportController::setScope(const QString& scope) {
    if (scope == m_scope)
        return;
    m_scope = scope;
    // Keep the id meaningful for the new scope: the current community, the first office, none.
    if (scope == "company")
        m_scopeId.clear();
    else if (scope == "community")
        m_scopeId = m_app ? m_app->currentCommunity() : QString();
    else if (scope == "office")
        m_scopeId = m_offices.isEmpty() ? QString() : m_offices.first().id;
    fillChoices();
    emit selectionChanged();
}

void ReportController::setScopeId(const QString& id) {
    if (id == m_scopeId)
        return;
    m_scopeId = id;
    emit selectionChanged();
}

void ReportController::setDepartment(const QString& id) {
    if (id == m_department)
        return;
    m_department = id;
    emit selectionChanged();
}

void ReportController::setPeriod(const QString& label) {
    if (label == m_period)
        return;
    m_period = label;
    emit selectionChanged();
}

void ReportController::currentPeriod() {
    setPeriod(periodLabel(naturalPeriodUnit(m_kind), communityToday()));
}

QString ReportController::shifted(int steps) const { return shiftPeriod(m_period, steps); }

QString ReportController::target(bool csv) const {
    QUrlQuery q;
    q.addQueryItem("scope", m_scope);
    if (m_scope != "company" && !m_scopeId.isEmpty())
        q.addQueryItem("id", m_scopeId);
    if (!m_department.isEmpty())
        q.addQueryItem("department", m_department);
    if (!m_period.isEmpty())
        q.addQueryItem("period", m_period);
    q.addQueryItem("lang", m_app && m_app->language().startsWith("zh") ? "zh" : "en");
    if (csv)
        q.addQueryItem("format", "csv");
    return "/v1/reports/" + QString::fromUtf8(QUrl::toPercentEncoding(m_kind)) + "?" + q.toString(QUrl::FullyEncoded);
}

bool ReportController::send(Purpose purpose, const QString& target, const QString& path) {
    if (!m_app) {
        setError(tr("The app is not set up."));
        return false;
    }
    const auto state = m_app->store().state();
    if (!state || state->serverUrl.empty() || state->token.empty()) {
        setError(tr("This tablet is not enrolled with a server."));
        return false;
    }
    const auto& signer = m_app->store().signer();
    if (m_app->actor().staffId.empty() || !signer) {
        setError(tr("Sign in to read reports."));
        return false;
    }
    // Reports are read for a person: their proof, stamped on the server's clock.
    const std::string actor = sync::actorHeaderValue(*signer, "GET", ss(target),
                                                     toEpochMs(m_app->clock()) + state->serverOffsetMs);
    const QVariantMap headers{{"authorization", "Bearer " + qs(state->token)},
                              {"x-courtyard-schema", QString::number(sync::kSchemaVersion)},
                              {"x-courtyard-actor", qs(actor)},
                              {"accept", purpose == Purpose::Csv ? "text/csv" : "application/json"}};
    const int id = m_nextRequest++;
    m_requests.insert(id, {purpose, path, target});
    if (purpose == Purpose::Report)
        m_latestReport = id;
    emit busyChanged();
    emit requestFetch(id, qs(state->serverUrl), target, headers);
    return true;
}

void ReportController::loadCatalogue() { send(Purpose::Catalogue, "/v1/reports"); }

void ReportController::load() {
    if (m_kind.isEmpty()) {
        setError(tr("Choose a report."));
        return;
    }
    if (m_scope != "company" && m_scopeId.isEmpty()) {
        setError(m_scope == "office" ? tr("Choose a management office.") : tr("Choose a community."));
        return;
    }
    const bool catalogueAsked = std::any_of(m_requests.cbegin(), m_requests.cend(),
                                            [](const Request& r) { return r.purpose == Purpose::Catalogue; });
    if (m_catalogue.isEmpty() && !catalogueAsked)
        loadCatalogue();
    send(Purpose::Report, target(false));
}

// The CSV of the report on screen (its request again, as CSV), not of the selectors, which may
// have moved on since it was loaded.
bool ReportController::exportCsv(const QString& path) {
    if (path.isEmpty()) {
        setError(tr("No file name for the export."));
        return false;
    }
    if (m_loadedTarget.isEmpty()) {
        setError(tr("Load a report first."));
        return false;
    }
    return send(Purpose::Csv, m_loadedTarget + "&format=csv", path);
}

bool ReportController::exportPdf(const QString& path) {
    QString why;
    if (!ReportPdf::write(m_report, path, &why)) {
        setError(why);
        return false;
    }
    m_lastExportPath = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    emit exported(m_lastExportPath);
    return true;
}

void ReportController::setError(const QString& text, bool offline) {
    m_error = text;
    m_offline = offline;
    emit errorChanged();
    if (!text.isEmpty())
        emit failed();
}

void ReportController::onFetched(int requestId, int status, const QByteArray& body, const QString& transportError) {
    const auto found = m_requests.find(requestId);
    if (found == m_requests.end())
        return; // asked by someone who has since signed out
    const Request request = *found;
    m_requests.erase(found);
    emit busyChanged();
    if (request.purpose == Purpose::Report && requestId != m_latestReport)
        return; // a newer selection was asked for meanwhile

    if (status == 0) {
        // Offline: say so, and keep what was loaded before (it stays on screen and exportable).
        const QString last = m_loadedAt.isValid()
                                 ? tr("Reports need a connection to the server; last loaded %1 (%2, %3).")
                                       .arg(m_loadedAt.toLocalTime().toString("yyyy-MM-dd HH:mm"),
                                            m_report.value("title").toString(),
                                            m_report.value("period").toObject().value("label").toString())
                                 : tr("Reports need a connection to the server; none loaded yet.");
        qInfo("reports: server not reached: %s", qPrintable(transportError));
        setError(last, true);
        return;
    }
    if (status < 200 || status >= 300) {
        const Error e = sync::errorFromBody(body.toStdString(), status);
        const QString message = qs(e.message);
        setError(status == 403   ? tr("Not allowed: %1").arg(message)
                 : status == 400 ? tr("The server refused the request: %1").arg(message)
                 : status == 401 ? tr("The server does not accept this tablet: %1").arg(message)
                 : status == 404 ? tr("The server has no such report: %1").arg(message)
                                 : tr("The server could not make the report (%1): %2").arg(status).arg(message));
        return;
    }
    if (request.purpose == Purpose::Csv) {
        // Saved as the server wrote it (UTF-8 with BOM), for spreadsheet programs.
        QDir().mkpath(QFileInfo(request.path).absolutePath());
        QSaveFile file(request.path);
        if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit()) {
            setError(tr("Cannot write %1.").arg(QDir::toNativeSeparators(request.path)));
            return;
        }
        setError({});
        m_lastExportPath = QDir::toNativeSeparators(QFileInfo(request.path).absoluteFilePath());
        emit exported(m_lastExportPath);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        setError(tr("The server's answer is not a report: %1").arg(parseError.errorString()));
        return;
    }
    if (request.purpose == Purpose::Catalogue) {
        readCatalogue(doc.object());
        return;
    }
    m_report = doc.object();
    m_loadedTarget = request.target;
    m_loadedAt = m_app ? m_app->now() : QDateTime::currentDateTime();
    setError({});
    emit reportChanged();
    emit loaded();
}

namespace {
// Entries of a catalogue list as choices: the server may send plain ids or objects, and name
// them "name" or "title".
QList<DirectoryItemView> entries(const QJsonValue& list) {
    QList<DirectoryItemView> out;
    for (const auto& v : list.toArray()) {
        DirectoryItemView e;
        e.valid = true;
        if (v.isString()) {
            e.id = e.name = v.toString();
        } else {
            const QJsonObject o = v.toObject();
            e.id = o.value("id").toString(o.value("kind").toString(o.value("key").toString()));
            e.name = o.value("name").toString(o.value("title").toString(o.value("label").toString(e.id)));
        }
        out << e;
    }
    return out;
}
} // namespace

void ReportController::readCatalogue(const QJsonObject& catalogue) {
    m_catalogue = catalogue;
    m_kinds.clear();
    m_kindNames.clear();
    for (const auto& k : entries(catalogue.value("kinds"))) {
        m_kinds << k.id;
        m_kindNames.insert(k.id, k.name);
    }
    m_communities = entries(catalogue.value("communities"));
    m_offices = entries(catalogue.value("offices"));
    m_departmentItems = entries(catalogue.value("departments"));
    if (m_scope == "office" && m_scopeId.isEmpty() && !m_offices.isEmpty()) {
        m_scopeId = m_offices.first().id;
        emit selectionChanged();
    }
    if (departmentFixed() && m_department.isEmpty() && !m_departmentItems.isEmpty()) {
        m_department = m_departmentItems.first().id;
        emit selectionChanged();
    }
    fillChoices();
    emit catalogueChanged();
}

void ReportController::setAllDepartmentsLabel(const QString& label) {
    if (label == m_allDepartmentsLabel)
        return;
    m_allDepartmentsLabel = label;
    fillChoices();
    emit catalogueChanged();
}

void ReportController::fillChoices() {
    // Before the catalogue, the device's own data says the same.
    const bool own = m_catalogue.isEmpty() && m_app;
    std::optional<Directory> directory;
    if (own)
        directory.emplace(*m_app);
    if (m_scope == "company")
        m_places.setItems({});
    else if (m_scope == "office")
        m_places.setItems(m_offices);
    else
        m_places.setItems(own ? directory->list(DirectoryList::Communities) : m_communities);
    m_departments.setItems(own ? directory->list(DirectoryList::Departments) : m_departmentItems,
                           m_allDepartmentsLabel);
    followSelection();
}

void ReportController::followSelection() {
    m_places.setCurrentId(m_scopeId);
    m_departments.setCurrentId(m_department);
}

QString ReportController::documentsFolder() const {
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!docs.isEmpty() && QDir().mkpath(docs + "/Courtyard"))
        return docs + "/Courtyard";
    const QString beside = m_app ? QFileInfo(QString::fromStdString(m_app->dbPath())).absolutePath() + "/reports"
                                 : QDir::tempPath();
    QDir().mkpath(beside);
    return beside;
}

// Named after the report on screen (what the export holds), or the selection before any is loaded.
QString ReportController::suggestedFileName(const QString& extension) const {
    QStringList parts;
    if (!m_report.isEmpty()) {
        const QJsonObject scope = m_report.value("scope").toObject();
        parts << m_report.value("kind").toString();
        parts << (scope.value("kind").toString() == "company" ? QStringLiteral("company") : scope.value("id").toString());
        if (!scope.value("department_id").toString().isEmpty())
            parts << scope.value("department_id").toString();
        parts << m_report.value("period").toObject().value("label").toString();
    } else {
        parts << m_kind << (m_scope == "company" ? QStringLiteral("company") : m_scopeId);
        if (!m_department.isEmpty())
            parts << m_department;
        parts << m_period;
    }
    QString name = parts.join('-');
    name.replace(QRegularExpression("[^A-Za-z0-9_.-]"), "_");
    return name + "." + extension;
}

QString ReportController::formatCell(const QVariant& value, const QString& format) const {
    return client::formatCell(value, format);
}

} // namespace courtyard::client
