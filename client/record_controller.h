#pragma once
// One record on screen: its fields, where it stands, its deadline (and whether that is still
// the device's provisional figure), the actions the signed-in person may take now, and doing
// them. Every action goes through the shared workflow, so a refusal here is the same refusal
// the server would give — with the same reason — and changes nothing.

#include "client/app_context.h"
#include "client/gadget_list_model.h"
#include "client/history_entry.h"
#include "client/json_bridge.h"
#include "client/record_view.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace courtyard::client {

class RecordController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY loaded)
    Q_PROPERTY(QString recordType READ recordType NOTIFY loaded)
    Q_PROPERTY(QString state READ state NOTIFY loaded)
    // What the page shows, typed; the short lists of the record as models.
    Q_PROPERTY(courtyard::client::RecordView view READ view NOTIFY loaded)
    Q_PROPERTY(courtyard::client::GadgetListModel* visits READ visitsModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* rounds READ roundsModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* comments READ commentsModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* timeline READ timelineModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* links READ linksModel CONSTANT)
    Q_PROPERTY(QStringList availableActions READ availableActions NOTIFY loaded)
    // The server's history of the record (docs/sync-protocol.md, "History"), oldest first;
    // empty until the server has confirmed the record.
    Q_PROPERTY(courtyard::client::GadgetListModel* history READ historyModel CONSTANT)
    Q_PROPERTY(bool pending READ pending NOTIFY loaded)
    Q_PROPERTY(bool terminal READ terminal NOTIFY loaded)
    Q_PROPERTY(QDateTime dueAt READ dueAt NOTIFY loaded)
    Q_PROPERTY(QString dueRule READ dueRule NOTIFY loaded)
    Q_PROPERTY(bool provisional READ provisional NOTIFY loaded)
    Q_PROPERTY(bool calendarFallback READ calendarFallback NOTIFY loaded)
    // A new record the server refused, kept here for the person to correct and send again or
    // discard (sync/client/returned_drafts.h): the server's reason and the field it names.
    Q_PROPERTY(bool returned READ returned NOTIFY loaded)
    Q_PROPERTY(QString returnedReason READ returnedReason NOTIFY loaded)
    Q_PROPERTY(QString returnedCode READ returnedCode NOTIFY loaded)
    Q_PROPERTY(QString returnedField READ returnedField NOTIFY loaded)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorChanged)
    Q_PROPERTY(QString lastErrorCode READ lastErrorCode NOTIFY errorChanged)

public:
    explicit RecordController(QObject* parent = nullptr);

    QString recordId() const { return m_id; }
    void setRecordId(const QString& id);
    bool exists() const { return m_exists; }
    QString recordType() const { return qs(m_type); }
    QString state() const;
    // The body as stored, by its JSON keys (for tests and tools; pages read `view`).
    QVariantMap record() const { return toVariant(m_body).toMap(); }
    RecordView view() const { return m_view; }
    QList<CommentView> comments() const { return m_comments.rows<CommentView>(); }
    GadgetListModel* visitsModel() { return &m_visits; }
    GadgetListModel* roundsModel() { return &m_rounds; }
    GadgetListModel* commentsModel() { return &m_comments; }
    GadgetListModel* timelineModel() { return &m_timeline; }
    GadgetListModel* linksModel() { return &m_links; }
    QStringList availableActions() const;
    GadgetListModel* historyModel() { return &m_history; }
    QList<HistoryEntryView> history() const { return m_history.rows<HistoryEntryView>(); }
    bool pending() const { return m_pending; }
    bool terminal() const;
    QDateTime dueAt() const { return m_dueAt; }
    QString dueRule() const { return m_dueRule; }
    bool provisional() const { return m_provisional; }
    bool calendarFallback() const { return m_fallback; }
    bool returned() const { return m_returned; }
    QString returnedReason() const { return m_returnedReason; }
    QString returnedCode() const { return m_returnedCode; }
    QString returnedField() const { return m_returnedField; }
    QString lastError() const { return m_lastError; }
    QString lastErrorCode() const { return m_lastErrorCode; }

    // What `action` asks for on this record, from the shared table (shared/domain/action_form.h):
    // one map per field a person fills in — key, kind (text, long, when, choice, yesno, person,
    // department, signature), required, choices, spoken (checked for forbidden phrases), roles
    // (who a person field may name) and requiredWhen ({key, value, equals}: required only when
    // another detail has that value). Fields another step fills (references) are left out, as
    // are fields that do not apply to this record.
    Q_INVOKABLE QVariantList actionForm(const QString& action) const;
    // The record's plain fields the signed-in person may correct outside any step (who may:
    // shared/auth's editableFields; how: domain::plainFieldForm), each as actionForm's fields
    // with `initial`, the value the record has now. Empty for a closed record.
    Q_INVOKABLE QVariantList editForm() const;
    // A workflow action with its details (actionForm). False with lastError set when refused.
    Q_INVOKABLE bool perform(const QString& action, const QVariantMap& params = {});
    Q_INVOKABLE bool update(const QVariantMap& fields);
    Q_INVOKABLE bool addComment(const QString& text);
    // A returned record: its current details go to the server again as a new create of the
    // same record; false with lastError set when it is not returned (e.g. already sent again).
    Q_INVOKABLE bool sendAgain();
    // A returned record: removed from this tablet for good (the page asks first).
    Q_INVOKABLE bool discard();
    // Keeps a photo's bytes on the device and attaches it to the record.
    Q_INVOKABLE bool attachFile(const QString& path);
    Q_INVOKABLE bool attachBlob(const QVariantMap& attachment);

    // Escalation, each one step on several records:
    // the handler fills a work transfer sheet to the superior; the complaint waits on it.
    Q_INVOKABLE QString escalate(const QString& reason);
    // The superior names the responsible department: an arrangement notice to it, the sheet
    // arranged, the complaint back in handling under that department.
    Q_INVOKABLE QString arrange(const QString& departmentId, const QString& instructions, const QDateTime& dueBy);
    // The department reports the result: the notice completed and the sheet resolved.
    Q_INVOKABLE bool completeArrangement(const QString& result);

    Q_INVOKABLE void reload();
    // Text of a record's time field as a local date-time ("" when absent).
    Q_INVOKABLE QDateTime timeOf(const QString& field) const;

signals:
    void recordIdChanged();
    void loaded();
    void errorChanged();
    void done(const QString& action);

private:
    bool fail(const Error& e);
    bool ok();
    std::string newId() const;

    QString m_id;
    bool m_exists = false;
    std::string m_type;
    Json m_body = Json::object();
    RecordView m_view;
    GadgetListModel m_history{HistoryEntryView::staticMetaObject, this};
    GadgetListModel m_visits{VisitView::staticMetaObject, this};
    GadgetListModel m_rounds{RectificationRoundView::staticMetaObject, this};
    GadgetListModel m_comments{CommentView::staticMetaObject, this};
    GadgetListModel m_timeline{TimelineStepView::staticMetaObject, this};
    GadgetListModel m_links{RecordLinkView::staticMetaObject, this};
    bool m_pending = false;
    QDateTime m_dueAt;
    QString m_dueRule;
    bool m_provisional = false;
    bool m_fallback = false;
    bool m_returned = false;
    QString m_returnedReason, m_returnedCode, m_returnedField;
    QString m_lastError, m_lastErrorCode;
};

} // namespace courtyard::client
