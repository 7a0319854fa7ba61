#pragma once
// The app's shared state, one per process: the device's local database, who is signed in, the
// language, the face (tablet, kiosk or admin console), and a clock tests can set. QML sees it as the
// singleton `App` (client/qml_singletons.h). Every local change goes through here and is announced with
// recordsChanged(), so lists and screens refresh themselves.

#include "sync/client/device_store.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <functional>
#include <memory>

namespace courtyard::client {

class AppContext : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool kiosk READ kiosk CONSTANT)
    Q_PROPERTY(bool admin READ admin CONSTANT) // the office's admin console (courtyard --admin)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool largeText READ largeText WRITE setLargeText NOTIFY largeTextChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY enrolmentChanged)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY enrolmentChanged)
    Q_PROPERTY(QString deviceId READ deviceId NOTIFY enrolmentChanged)
    Q_PROPERTY(QString deviceRole READ deviceRole NOTIFY enrolmentChanged)
    Q_PROPERTY(QStringList communityIds READ communityIds NOTIFY enrolmentChanged)
    Q_PROPERTY(QString currentCommunity READ currentCommunity WRITE setCurrentCommunity NOTIFY currentCommunityChanged)
    Q_PROPERTY(QDateTime now READ now NOTIFY tick)

public:
    using Clock = std::function<Instant()>;
    AppContext(std::unique_ptr<sync::DeviceStore> store, bool kiosk, QObject* parent = nullptr);
    ~AppContext() override;

    // The instance main() (or a test) made, for the objects QML creates (controllers, list
    // models), which cannot take it in their constructor.
    static AppContext* instance();

    sync::DeviceStore& store() { return *m_store; }
    const std::string& dbPath() const { return m_dbPath; }
    void setDbPath(std::string path) { m_dbPath = std::move(path); }

    bool kiosk() const { return m_kiosk; }
    bool admin() const { return m_admin; }
    // The admin face instead of the tablet's; set before any QML is loaded.
    void setAdminFace(bool on) { m_admin = on && !m_kiosk; }
    QString language() const { return m_language; }
    void setLanguage(const QString& lang);
    bool largeText() const { return m_largeText; }
    void setLargeText(bool on);

    bool enrolled() const;
    QString deviceName() const;
    QString deviceId() const;
    QString deviceRole() const;
    QStringList communityIds() const;
    QString currentCommunity() const;
    void setCurrentCommunity(const QString& id);
    // Server and token, typed in at first start (or given on the command line).
    Q_INVOKABLE bool enrol(const QString& serverUrl, const QString& token);
    Q_INVOKABLE QString serverUrl() const;

    Instant clock() const { return m_clock(); }
    QDateTime now() const;

    // The person acting now: a signed-in staff member, or a resident at a kiosk.
    const domain::Actor& actor() const { return m_actor; }
    void setActor(const domain::Actor& a);
    bool signedIn() const { return !m_actor.staffId.empty() || m_kiosk; }

    // Tells every open list and screen that records changed (after local edits or a sync).
    void notifyRecordsChanged(const QStringList& types = {});
    // Tells the sync status that the list of refused operations changed (one acknowledged).
    void notifyRejectionsChanged() { emit rejectionsChanged(); }
    void refreshEnrolment();

signals:
    void languageChanged();
    void largeTextChanged();
    void enrolmentChanged();
    void currentCommunityChanged();
    void actorChanged();
    void recordsChanged(const QStringList& types);
    void rejectionsChanged();
    void tick();

private:
    std::unique_ptr<sync::DeviceStore> m_store;
    std::string m_dbPath;
    bool m_kiosk;
    bool m_admin = false;
    QString m_language = QStringLiteral("zh_CN");
    bool m_largeText = false;
    QString m_currentCommunity;
    domain::Actor m_actor;
    Clock m_clock;
    sync::DeviceState m_state;
    int m_tickTimer = 0;

protected:
    void timerEvent(QTimerEvent* e) override;
};

} // namespace courtyard::client
