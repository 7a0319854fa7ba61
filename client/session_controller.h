#pragma once
// Staff sign-in on a shared tablet (docs/client.md, "Signing in"): the first sign-in of a person
// on this tablet is checked by the server, later ones offline against the credential it gave;
// quick switch between the people who signed in recently; PIN change; automatic sign-out after
// the policy's idle minutes, and at once when the office withdraws the person's sign-in. QML:
// singleton `Session`. Everything a person does is recorded as theirs, with their proof.

#include "client/app_context.h"
#include "client/gadget_list_model.h"

#include <QObject>
#include <QStringList>
#include <QThread>
#include <QVariantList>

namespace courtyard::client {

class SessionWorker;

// Someone who signed in on this tablet lately, offered for a quick switch (never their PIN).
struct RecentUserView {
    Q_GADGET
    QML_VALUE_TYPE(recentUserView)
    Q_PROPERTY(QString number MEMBER number CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)

public:
    QString number, name;
    friend bool operator==(const RecentUserView&, const RecentUserView&) = default;
};

class SessionController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString staffId READ staffId NOTIFY changed)
    Q_PROPERTY(QString number READ number NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString role READ role NOTIFY changed)
    Q_PROPERTY(QString position READ position NOTIFY changed)
    Q_PROPERTY(QString departmentId READ departmentId NOTIFY changed)
    Q_PROPERTY(bool supervisor READ supervisor NOTIFY changed)
    Q_PROPERTY(bool readsReports READ readsReports NOTIFY changed)
    Q_PROPERTY(courtyard::client::GadgetListModel* recentUsers READ recentUsersModel CONSTANT)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(QString notice READ notice NOTIFY changed)
    Q_PROPERTY(int idleMinutes READ idleMinutes NOTIFY changed)

public:
    explicit SessionController(AppContext& app, QObject* parent = nullptr);
    ~SessionController() override;

    bool signedIn() const { return !m_app.actor().staffId.empty(); }
    bool busy() const { return m_busy; }
    QString staffId() const;
    QString number() const { return m_number; }
    QString name() const;
    QString role() const;
    QString position() const;
    QString departmentId() const;
    bool supervisor() const;
    bool readsReports() const;
    GadgetListModel* recentUsersModel() { return &m_recent; }
    QList<RecentUserView> recentUsers() const { return m_recent.rows<RecentUserView>(); }
    QString lastError() const { return m_lastError; }
    // Why the last person was signed out, when it was not their own doing.
    QString notice() const { return m_notice; }
    int idleMinutes() const;

    // Both answer through finished(ok); lastError says why not.
    Q_INVOKABLE void signIn(const QString& staffNumber, const QString& pin);
    Q_INVOKABLE void changePin(const QString& pin, const QString& newPin);
    Q_INVOKABLE void signOut();

signals:
    void changed();
    void finished(bool ok);
    void requestSignIn(const QString& number, const QString& pin);
    void requestChangePin(const QString& number, const QString& pin, const QString& newPin);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onFinished(const QVariantMap& result);
    void endSession(const QString& why);
    void checkStillAllowed();
    void checkIdle();

    AppContext& m_app;
    QThread m_thread;
    SessionWorker* m_worker = nullptr;
    bool m_busy = false;
    QString m_pendingNumber;
    QString m_number;
    GadgetListModel m_recent{RecentUserView::staticMetaObject, this};
    QString m_lastError;
    QString m_notice;
    qint64 m_lastActivityMs = 0;
};

} // namespace courtyard::client
