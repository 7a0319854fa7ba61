#pragma once
// What the field workflows share (patrol_controller.h, inspection_controller.h,
// survey_controller.h): each builds a record step by step and saves every step at once, so a
// tablet that dies mid-round loses nothing. This base holds the record being worked on, the
// last error, and reloads when records change.
#include "client/app_context.h"
#include "client/json_bridge.h"

#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>
#include <QVariantMap>

namespace courtyard::client {

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

} // namespace courtyard::client
