#pragma once
// Sign-in and PIN changes, on a thread of their own with their own database connection: an
// online sign-in waits for the server, and opening a credential costs half a second of Argon2id
// by design, neither of which the screen should wait for.

#include "client/app_context.h"

#include <QObject>
#include <QVariantMap>

namespace courtyard::client {

class SessionWorker : public QObject {
    Q_OBJECT
public:
    SessionWorker(std::string dbPath, AppContext::Clock clock) : m_dbPath(std::move(dbPath)), m_clock(std::move(clock)) {}

public slots:
    void signIn(const QString& number, const QString& pin);
    void changePin(const QString& number, const QString& pin, const QString& newPin);

signals:
    // ok, message, code, reason, retryAfter; on success the actor and the unsealed credential.
    void finished(const QVariantMap& result);

private:
    QVariantMap run(const QString& number, const QString& pin, const QString* newPin);

    std::string m_dbPath;
    AppContext::Clock m_clock;
    std::unique_ptr<sync::DeviceStore> m_store;
};

} // namespace courtyard::client
