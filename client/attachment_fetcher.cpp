#include "client/attachment_fetcher.h"

#include "client/json_bridge.h"
#include "client/qt_transport.h"
#include "shared/domain/attachment_refs.h"
#include "sync/client/blob_download.h"

namespace courtyard::client {

namespace {

QVariantMap refMap(const domain::AttachmentRef& r) {
    return {{"sha256", qs(r.sha256)}, {"kind", qs(std::string(enumName(r.kind)))}, {"mime", qs(r.mime)},
            {"size", qint64(r.size)}};
}

domain::AttachmentRef refOf(const QVariantMap& m) {
    domain::AttachmentRef r;
    r.sha256 = ss(m.value("sha256").toString());
    (void)fromString(ss(m.value("kind").toString()), r.kind);
    r.mime = ss(m.value("mime").toString());
    r.size = m.value("size").toLongLong();
    return r;
}

bool isMiss(int outcome) {
    using sync::BlobFetch;
    const auto f = BlobFetch(outcome);
    return f == BlobFetch::Deferred || f == BlobFetch::NotOnServer || f == BlobFetch::Refused ||
           f == BlobFetch::Corrupt || f == BlobFetch::TooLarge;
}

// Per sync: a few photos of the person's work, not the whole cache's worth.
constexpr sync::PrefetchBudget kPrefetchBudget{16, 32ll << 20};

} // namespace

bool AttachmentWorker::open() {
    if (m_store)
        return true;
    auto s = sync::DeviceStore::open(m_dbPath);
    if (!s)
        return false;
    m_store = std::move(*s);
    return true;
}

void AttachmentWorker::fetch(const QVariantList& refs) {
    auto settleAll = [&](int from, sync::BlobFetch outcome, const QString& why) {
        for (int i = from; i < refs.size(); ++i)
            emit settled(refs[i].toMap().value("sha256").toString(), int(outcome), why);
    };
    if (!open())
        return settleAll(0, sync::BlobFetch::Failed, QStringLiteral("the device database cannot be opened"));
    auto st = m_store->state();
    if (!st || st->serverUrl.empty() || st->token.empty())
        return settleAll(0, sync::BlobFetch::Offline, QStringLiteral("not enrolled"));
    QtTransport transport(qs(st->serverUrl));
    sync::BlobDownloader downloader(*m_store, transport, m_clock, m_limit);
    for (int i = 0; i < refs.size(); ++i) {
        const auto r = downloader.fetch(refOf(refs[i].toMap()));
        emit settled(refs[i].toMap().value("sha256").toString(), int(r.outcome), qs(r.message));
        if (r.outcome == sync::BlobFetch::Offline)
            return settleAll(i + 1, sync::BlobFetch::Offline, qs(r.message));
    }
}

void AttachmentWorker::prefetch(const QString& staffId, const QString& departmentId) {
    if (!open())
        return;
    auto st = m_store->state();
    if (!st || st->serverUrl.empty() || st->token.empty())
        return;
    auto work = sync::BlobDownloader::workOf(*m_store, ss(staffId), ss(departmentId));
    if (!work)
        return;
    QtTransport transport(qs(st->serverUrl));
    sync::BlobDownloader downloader(*m_store, transport, m_clock, m_limit);
    const auto report = downloader.prefetch(*work, kPrefetchBudget);
    emit prefetched(report.downloaded, report.bytes, report.offline);
}

AttachmentFetcher::AttachmentFetcher(AppContext& app, QObject* parent)
    : QObject(parent), m_app(app), m_limit(sync::BlobCache::kDefaultLimitBytes) {
    m_worker = new AttachmentWorker(app.dbPath(), [&app] { return app.clock(); });
    m_worker->setCacheLimit(m_limit);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &AttachmentFetcher::requestFetch, m_worker, &AttachmentWorker::fetch);
    connect(this, &AttachmentFetcher::requestPrefetch, m_worker, &AttachmentWorker::prefetch);
    connect(m_worker, &AttachmentWorker::settled, this, &AttachmentFetcher::onSettled);
    connect(m_worker, &AttachmentWorker::prefetched, this, [this](int downloaded, qint64, bool) {
        emit changed(QString());
        emit prefetched(downloaded);
    });
    m_thread.setObjectName("courtyard-attachments");
    m_thread.start();
}

AttachmentFetcher::~AttachmentFetcher() {
    m_thread.quit();
    m_thread.wait();
}

void AttachmentFetcher::setCacheLimitBytes(qint64 bytes) {
    m_limit = std::max<qint64>(bytes, 1 << 20);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, b = m_limit] { w->setCacheLimit(b); }, Qt::QueuedConnection);
}

void AttachmentFetcher::request(const QVariantList& refs) {
    QVariantList ask;
    sync::BlobCache cache(m_app.store().records());
    for (const auto& v : refs) {
        const QString sha = v.toMap().value("sha256").toString();
        if (m_inFlight.contains(sha))
            continue;
        if (auto here = cache.has(ss(sha)); here && *here)
            continue;
        m_inFlight.insert(sha);
        m_asked.insert(sha, v.toMap());
        ask << v;
        emit changed(sha);
    }
    if (!ask.isEmpty())
        emit requestFetch(ask);
}

void AttachmentFetcher::opened(const Json& body) {
    QVariantList refs;
    for (const auto& r : domain::attachmentRefs(body))
        refs << refMap(r);
    request(refs);
}

void AttachmentFetcher::want(const QString& sha256) {
    domain::AttachmentRef r;
    r.sha256 = ss(sha256);
    if (domain::isSha256Hex(r.sha256))
        request({refMap(r)});
}

void AttachmentFetcher::afterSync() {
    if (!m_offline.isEmpty()) {
        QVariantList again;
        for (const auto& v : std::as_const(m_offline))
            again << v;
        m_offline.clear();
        request(again);
    }
    const auto& me = m_app.actor();
    if (!m_app.kiosk() && !me.staffId.empty())
        emit requestPrefetch(qs(me.staffId), qs(me.departmentId));
}

void AttachmentFetcher::onSettled(const QString& sha256, int outcome, const QString& message) {
    Q_UNUSED(message);
    m_inFlight.remove(sha256);
    m_outcome.insert(sha256, outcome);
    if (sync::BlobFetch(outcome) == sync::BlobFetch::Offline)
        m_offline.insert(sha256, m_asked.value(sha256, QVariantMap{{"sha256", sha256}}));
    else
        m_offline.remove(sha256);
    emit changed(sha256);
}

QString AttachmentFetcher::stateOf(const QString& sha256) const {
    if (m_inFlight.contains(sha256))
        return QStringLiteral("downloading");
    sync::BlobCache cache(m_app.store().records());
    if (auto here = cache.has(ss(sha256)); here && *here)
        return QStringLiteral("here");
    if (auto it = m_outcome.find(sha256); it != m_outcome.end())
        return isMiss(*it) ? QStringLiteral("missing") : QStringLiteral("waiting");
    if (auto miss = cache.miss(ss(sha256)); miss && *miss)
        return QStringLiteral("missing");
    return QStringLiteral("waiting");
}

} // namespace courtyard::client
