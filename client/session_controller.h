#pragma once
// Staff sign-in on a shared tablet: staff number and PIN, checked offline against the synced
// Argon2id hash; quick switch between the people who signed in recently. QML: singleton
// `Session`. Everything a person does is recorded as theirs.

#include "client/app_context.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>

namespace courtyard::client {

class SessionController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY changed)
    Q_PROPERTY(QString staffId READ staffId NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString role READ role NOTIFY changed)
    Q_PROPERTY(QString position READ position NOTIFY changed)
    Q_PROPERTY(QString departmentId READ departmentId NOTIFY changed)
    Q_PROPERTY(bool supervisor READ supervisor NOTIFY changed)
    Q_PROPERTY(QVariantList recentUsers READ recentUsers NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)

public:
    explicit SessionController(AppContext& app, QObject* parent = nullptr);
    static SessionController* create(QQmlEngine*, QJSEngine*);

    bool signedIn() const { return !m_app.actor().staffId.empty(); }
    QString staffId() const;
    QString name() const;
    QString role() const;
    QString position() const;
    QString departmentId() const;
    bool supervisor() const;
    QVariantList recentUsers() const { return m_recent; }
    QString lastError() const { return m_lastError; }

    Q_INVOKABLE bool signIn(const QString& staffNumber, const QString& pin);
    Q_INVOKABLE void signOut();

signals:
    void changed();

private:
    AppContext& m_app;
    QVariantList m_recent;
    QString m_lastError;
};

} // namespace courtyard::client
