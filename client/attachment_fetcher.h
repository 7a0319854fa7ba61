#pragma once
// Photos and signatures of other devices' records, brought to this tablet without the screen
// waiting: a record page that opens asks for what its record refers to, a sync that reached the
// server fetches ahead those of the signed-in person's work and asks again for what could not
// be fetched offline. The downloads (sync/client/blob_download.h) run on a thread of their own
// with their own database connection; this side knows what is on its way and what the server
// would not give, for the placeholders (AttachmentStatus). Owned by the SyncController.

#include "client/app_context.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QVariantList>

namespace courtyard::client {

// Runs on the attachment thread.
class AttachmentWorker : public QObject {
    Q_OBJECT
public:
    AttachmentWorker(std::string dbPath, AppContext::Clock clock) : m_dbPath(std::move(dbPath)), m_clock(std::move(clock)) {}
public slots:
    void setCacheLimit(qint64 bytes) { m_limit = bytes; }
    // refs: maps {sha256, kind, mime, size}; each settles once (in order; after a network
    // failure the rest settle as offline without being asked for).
    void fetch(const QVariantList& refs);
    // The person's work, after a sync; a bounded amount per call.
    void prefetch(const QString& staffId, const QString& departmentId);
signals:
    void settled(const QString& sha256, int outcome, const QString& message);
    void prefetched(int downloaded, qint64 bytes, bool offline);

private:
    bool open();
    std::string m_dbPath;
    AppContext::Clock m_clock;
    std::unique_ptr<sync::DeviceStore> m_store;
    qint64 m_limit = 0;
};

class AttachmentFetcher : public QObject {
    Q_OBJECT
public:
    explicit AttachmentFetcher(AppContext& app, QObject* parent = nullptr);
    ~AttachmentFetcher() override;

    // The limit of the downloaded attachments' cache (captured ones never count against it).
    void setCacheLimitBytes(qint64 bytes);
    qint64 cacheLimitBytes() const { return m_limit; }

    // A record was opened: what its body refers to and this device lacks is fetched.
    void opened(const Json& body);
    // One attachment wanted on screen.
    void want(const QString& sha256);
    // After a sync that reached the server: what failed offline goes again, and the person's
    // work is fetched ahead.
    void afterSync();

    // "here" (on the device), "downloading", "waiting" (not downloaded yet: offline, or not
    // tried), "missing" (the server does not have it, refused it or sent it damaged; asked again
    // later).
    QString stateOf(const QString& sha256) const;
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    // An attachment's state may have changed ("": any of them, after a prefetch).
    void changed(const QString& sha256);
    void prefetched(int downloaded);
    void requestFetch(const QVariantList& refs);
    void requestPrefetch(const QString& staffId, const QString& departmentId);

private:
    void request(const QVariantList& refs);
    void onSettled(const QString& sha256, int outcome, const QString& message);

    AppContext& m_app;
    QThread m_thread;
    AttachmentWorker* m_worker = nullptr;
    qint64 m_limit;
    QSet<QString> m_inFlight;
    QHash<QString, int> m_outcome;   // the last outcome of each asked for (sync::BlobFetch)
    QHash<QString, QVariantMap> m_asked;   // the reference of each asked for
    QHash<QString, QVariantMap> m_offline; // asked for while offline: asked again after a sync
};

} // namespace courtyard::client
