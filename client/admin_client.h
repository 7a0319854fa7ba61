#pragma once
// The admin face's link to the server's admin API (docs/sync-protocol.md, "Administration"):
// every call carries the device token and the signed-in administrator's proof over its method
// and target, and answers on the screen's thread. The console works online only, so what went
// wrong is always on show: `unreachable` when the server could not be reached, else `error`
// with `errorField`, the input field the server's refusal names (error.field), for the form to
// show the reason beside it. QML: `AdminConnection` (the shell's check that the server
// answers); the pages' controllers (StaffAdmin, DeviceAdmin) derive from it.

#include "client/admin_views.h"
#include "client/app_context.h"
#include "client/http_worker.h"
#include "shared/core/json_util.h"

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <functional>

namespace courtyard::client {

// The listed {id, name} objects (communities, departments) as picker choices, by name in the
// reader's order.
QList<ChoiceView> choicesOf(const Json& list);
// The name of `key` among `choices` (the key itself when it is not there).
QString nameOf(const QList<ChoiceView>& choices, const QString& key);

class AdminClient : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(AdminConnection)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool unreachable READ unreachable NOTIFY errorChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY errorChanged)

public:
    explicit AdminClient(QObject* parent = nullptr);

    bool busy() const { return !m_pending.isEmpty(); }
    bool unreachable() const { return m_unreachable; }
    QString error() const { return m_error; }
    QString errorField() const { return m_errorField; }
    QString serverUrl() const;

    // GET /healthz: whether the server answers at all (no sign-in needed).
    Q_INVOKABLE void checkServer();
    // Forgets the last error (a form opened afresh).
    Q_INVOKABLE void clearError();

signals:
    void busyChanged();
    void errorChanged();
    // The server answered a change with success (`what` names the call, for the page).
    void saved(const QString& what);
    void failed(const QString& what);

protected:
    using OnAnswer = std::function<void(const Json&)>;
    // Sends an admin request for the signed-in person; `body` (an object) gets "schema". False,
    // with `error` set, when nobody is signed in or the device is not enrolled.
    bool call(const QString& method, const QString& target, Json body, const QString& what, OnAnswer onAnswer);
    // The same with a body that is not JSON (a unit roster: text/csv).
    bool callWith(const QString& method, const QString& target, const QByteArray& payload,
                  const QString& contentType, const QString& what, OnAnswer onAnswer);
    void setError(const QString& message, const QString& field = {}, bool unreachable = false);
    AppContext* app() const { return m_app; }

private:
    void onAnswered(int id, int status, const QByteArray& body, const QString& transportError);

    struct Pending {
        QString what;
        OnAnswer onAnswer;
    };
    AppContext* m_app;
    HttpThread m_http;
    QHash<int, Pending> m_pending;
    int m_nextId = 1;
    bool m_unreachable = false;
    QString m_error;
    QString m_errorField;
};

} // namespace courtyard::client
