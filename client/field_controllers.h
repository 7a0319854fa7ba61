#pragma once
// The field workflows that build a record step by step: a patrol round (checkpoints scanned
// as the guard walks), an inspection (items graded one by one), a door-to-door survey (a
// household at a time). Each step is saved at once: a tablet that dies mid-round loses nothing.

#include "client/app_context.h"
#include "client/json_bridge.h"

#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>
#include <QVariantMap>

namespace courtyard::client {

// Shared plumbing: the record being worked on, errors, reload on change.
class FieldController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)

public:
    explicit FieldController(QObject* parent = nullptr);
    QString recordId() const { return m_id; }
    void setRecordId(const QString& id);
    QString state() const { return qs(stringAt(m_body, "state")); }
    QString lastError() const { return m_lastError; }

signals:
    void changed();

protected:
    virtual void reloaded() {}
    void reload();
    bool fail(const Error& e);
    bool ok();
    AppContext& app() const { return *AppContext::instance(); }
    QString m_id;
    Json m_body = Json::object();
    QString m_lastError;
};

class PatrolController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList checkpoints READ checkpoints NOTIFY changed)
    Q_PROPERTY(int visited READ visited NOTIFY changed)
    Q_PROPERTY(int late READ late NOTIFY changed)
    Q_PROPERTY(int missed READ missed NOTIFY changed)
public:
    using FieldController::FieldController;
    QVariantList checkpoints() const;
    int visited() const;
    int late() const;
    int missed() const;

    // Starts a round of a route; the round copies the route's checkpoints as they are now.
    Q_INVOKABLE QString start(const QString& routeId);
    // A scanned QR code: the checkpoint it names, time-stamped now. Returns its name.
    Q_INVOKABLE QString scan(const QString& code);
    Q_INVOKABLE QString scanImage(const QString& path);
    // The code is damaged or missing: confirmed by hand, with the reason.
    Q_INVOKABLE bool confirmManually(const QString& checkpointId, const QString& reason);
    // Something wrong on the way: a rectification item, linked to the round.
    Q_INVOKABLE QString raiseFinding(const QString& description, const QString& checkpointId);
    Q_INVOKABLE bool finish();
    Q_INVOKABLE bool abandon(const QString& reason);

private:
    bool visit(const std::string& checkpointId, const char* method, const QString& reason);
};

class InspectionController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList items READ items NOTIFY changed)
    Q_PROPERTY(QVariantList scale READ scale NOTIFY changed)
    Q_PROPERTY(int graded READ gradedCount NOTIFY changed)
    Q_PROPERTY(int failed READ failedCount NOTIFY changed)
public:
    using FieldController::FieldController;
    QVariantList items() const;
    QVariantList scale() const;
    int gradedCount() const;
    int failedCount() const;

    // subjectKind: staff | unit | area; subjectId: a staff or unit id; area: free text.
    Q_INVOKABLE QString start(const QString& templateId, const QString& subjectId, const QString& area);
    Q_INVOKABLE bool grade(const QString& itemId, const QString& gradeId, const QString& note);
    Q_INVOKABLE bool addPhoto(const QString& itemId, const QVariantMap& attachment);
    // One tap on a failed item: a rectification item for it, linked back.
    Q_INVOKABLE QString raiseFinding(const QString& itemId, const QString& description);
    Q_INVOKABLE bool submit(const QString& summary);

private:
    bool setGraded(const std::function<void(Json&)>& edit, const QString& itemId);
};

class SurveyController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantMap campaign READ campaign NOTIFY changed)
    Q_PROPERTY(QVariantList households READ households NOTIFY changed)
    Q_PROPERTY(int answered READ answered NOTIFY changed)
    Q_PROPERTY(int quota READ quota NOTIFY changed)
public:
    using FieldController::FieldController;
    QVariantMap campaign() const;
    QVariantList households() const;
    int answered() const;
    int quota() const;

    // scores: {category: 1..5}
    Q_INVOKABLE bool record(const QString& unitId, const QVariantMap& scores, const QString& comment);
    Q_INVOKABLE bool notAtHome(const QString& unitId);
    Q_INVOKABLE bool refused(const QString& unitId);
    // A supervisor's new campaign: created, its sample drawn by the shared planner, opened.
    // form: kind (monthly_solicitation|annual|…), method, title, categories, period_start,
    // period_end, seed
    Q_INVOKABLE QString plan(const QVariantMap& form);

protected:
    void reloaded() override;

private:
    bool respond(const QString& unitId, const char* outcome, const QVariantMap& scores, const QString& comment);
    std::map<std::string, std::string> m_outcomes; // unit → best outcome so far
};

} // namespace courtyard::client
