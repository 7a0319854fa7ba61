#pragma once
// Sync, always visible: whether the last attempt reached the server, when the last complete
// sync was, how many edits wait to be sent, and what the server refused. Syncs by itself every
// `interval` seconds and on demand; the work runs on a thread of its own, with its own database
// connection, so the screen never waits for the network. QML sees it as the singleton `Sync`.

#include "client/app_context.h"
#include "client/attachment_fetcher.h"
#include "sync/client/sync_pacing.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QVariantMap>

namespace courtyard::client {

// Runs on the sync thread.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    SyncWorker(std::string dbPath, AppContext::Clock clock) : m_dbPath(std::move(dbPath)), m_clock(std::move(clock)) {}
public slots:
    // `asked`: the user pressed "Sync now" (a wait the server asked for is still kept).
    void run(bool asked);
signals:
    void finished(const QVariantMap& report);
    // After each page a pull applied: changes received in this pull, of about how many.
    void pulledPage(int received, qint64 expected);

private:
    std::string m_dbPath;
    AppContext::Clock m_clock;
    std::unique_ptr<sync::DeviceStore> m_store;
    sync::SyncPacing m_pacing; // across cycles: waits after refusals, push sizes
};

class SyncController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool syncing READ syncing NOTIFY changed)
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY changed)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    Q_PROPERTY(int rejectionCount READ rejectionCount NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    // While the server is refusing (busy, or too many requests from this device) or cannot be
    // reached: until when the device waits before trying again, and why. Empty otherwise.
    Q_PROPERTY(QDateTime retryAt READ retryAt NOTIFY changed)
    Q_PROPERTY(QString refusal READ refusal NOTIFY changed)
    Q_PROPERTY(bool serverRefusing READ serverRefusing NOTIFY changed)
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY changed)
    // While a sync pulls: changes received so far, of about how many (0 until the first page
    // says). Both 0 when no pull is under way.
    Q_PROPERTY(int pullReceived READ pullReceived NOTIFY progressChanged)
    Q_PROPERTY(qint64 pullExpected READ pullExpected NOTIFY progressChanged)
    // The same in words ("Receiving 1,200 of about 5,000 records"); empty when no pull is under way.
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)

public:
    explicit SyncController(AppContext& app, QObject* parent = nullptr);
    ~SyncController() override;

    bool syncing() const { return m_syncing; }
    bool online() const { return m_online; }
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    int pendingCount() const { return m_pending; }
    int rejectionCount() const { return m_rejections; }
    QString lastError() const { return m_lastError; }
    QDateTime retryAt() const { return m_retryAt; }
    QString refusal() const { return m_refusal; }
    bool serverRefusing() const { return m_serverRefusing; }
    int interval() const { return m_timer.interval() / 1000; }
    int pullReceived() const { return m_pullReceived; }
    qint64 pullExpected() const { return m_pullExpected; }
    QString progressText() const;
    void setInterval(int seconds);

    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void refreshCounts();
    // Photos and signatures of other devices' records: fetched when a record opens and, after a
    // sync that reached the server, ahead for the person's work.
    AttachmentFetcher& attachments() { return *m_attachments; }

signals:
    void changed();
    void progressChanged();
    void syncFinished(bool complete);
    void requestRun(bool asked);

private:
    void onFinished(const QVariantMap& report);
    void start(bool asked);

    AppContext& m_app;
    QThread m_thread;
    SyncWorker* m_worker = nullptr;
    QTimer m_timer;
    bool m_syncing = false;
    bool m_online = false;
    bool m_again = false;
    QDateTime m_lastSyncAt;
    int m_pending = 0;
    int m_rejections = 0;
    QString m_lastError;
    QDateTime m_retryAt;
    QString m_refusal;
    bool m_serverRefusing = false;
    int m_pullReceived = 0;
    qint64 m_pullExpected = 0;
    std::unique_ptr<AttachmentFetcher> m_attachments;
};

// What the server refused, newest first, with why; the user acknowledges each.
class RejectionModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles { SeqRole = Qt::UserRole + 1, RecordIdRole, RecordTypeRole, KindRole, ActionRole, CodeRole, MessageRole, AtRole, SummaryRole };
    explicit RejectionModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE void reload();
    Q_INVOKABLE bool acknowledge(qint64 seq);
signals:
    void countChanged();

private:
    std::vector<sync::Rejection> m_rows;
};

} // namespace courtyard::client
