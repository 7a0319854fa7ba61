#include "client/sync_controller.h"

#include "client/json_bridge.h"
#include "client/qt_transport.h"
#include "sync/client/sync_engine.h"

namespace courtyard::client {

namespace {
}

void SyncWorker::run(bool asked) {
    QVariantMap out;
    if (asked)
        m_pacing.forgetNetworkFailures();
    if (!m_store) {
        auto s = sync::DeviceStore::open(m_dbPath);
        if (!s) {
            out["complete"] = false;
            out["error"] = qs(s.error().message);
            emit finished(out);
            return;
        }
        m_store = std::move(*s);
    }
    auto st = m_store->state();
    if (!st || st->serverUrl.empty() || st->token.empty()) {
        out["complete"] = false;
        out["error"] = QStringLiteral("not enrolled");
        emit finished(out);
        return;
    }
    QtTransport transport(qs(st->serverUrl));
    sync::SyncEngine engine(*m_store, transport, m_clock);
    engine.setPacing(&m_pacing);
    engine.setPullProgress([this](const sync::PullProgress& p) { emit pulledPage(p.received, p.expected); });
    const auto r = engine.syncOnce();
    if (r.retryAt) {
        out["retryAt"] = toDateTime(*r.retryAt);
        out["refusal"] = qs(r.refusal);
        out["serverRefusing"] = m_pacing.refusedByServer();
    }
    out["complete"] = r.complete;
    out["pushed"] = r.pushed;
    out["applied"] = r.applied;
    out["rejected"] = r.rejected;
    out["pulled"] = r.pulled;
    // A 503 or 429 is an answer: the server was reached, it asked us to wait.
    out["reached"] = r.complete || (r.error && r.error->code != ErrorCode::Unavailable) ||
                     (r.retryAt && m_pacing.refusedByServer());
    if (r.error)
        out["error"] = qs(r.error->message);
    emit finished(out);
}

SyncController::SyncController(AppContext& app, QObject* parent) : QObject(parent), m_app(app) {
    m_worker = new SyncWorker(app.dbPath(), [&app] { return app.clock(); });
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SyncController::requestRun, m_worker, &SyncWorker::run);
    connect(m_worker, &SyncWorker::finished, this, &SyncController::onFinished);
    connect(m_worker, &SyncWorker::pulledPage, this, [this](int received, qint64 expected) {
        m_pullReceived = received;
        m_pullExpected = expected;
        emit progressChanged();
    });
    m_attachments = std::make_unique<AttachmentFetcher>(app);
    m_thread.setObjectName("courtyard-sync");
    m_thread.start();
    m_timer.setInterval(20000);
    connect(&m_timer, &QTimer::timeout, this, [this] { start(false); });
    m_timer.start();
    connect(&m_app, &AppContext::recordsChanged, this, &SyncController::refreshCounts);
    connect(&m_app, &AppContext::rejectionsChanged, this, &SyncController::refreshCounts);
    refreshCounts();
    if (auto st = m_app.store().state(); st && st->lastSyncAt)
        m_lastSyncAt = toDateTime(*st->lastSyncAt);
}

SyncController::~SyncController() {
    m_thread.quit();
    m_thread.wait();
}

void SyncController::setInterval(int seconds) {
    m_timer.setInterval(std::max(1, seconds) * 1000);
    emit changed();
}

void SyncController::syncNow() { start(true); }

QString SyncController::progressText() const {
    if (m_pullReceived == 0 && m_pullExpected == 0)
        return {};
    if (m_pullExpected > 0)
        return tr("Receiving %L1 of about %L2 records").arg(m_pullReceived).arg(m_pullExpected);
    return tr("Receiving %L1 records").arg(m_pullReceived);
}

void SyncController::start(bool asked) {
    if (!m_app.enrolled())
        return;
    if (m_syncing) {
        m_again = true; // edits made during a sync go out right after it
        return;
    }
    m_syncing = true;
    emit changed();
    emit requestRun(asked);
}

void SyncController::onFinished(const QVariantMap& report) {
    m_syncing = false;
    if (m_pullReceived != 0 || m_pullExpected != 0) {
        m_pullReceived = 0;
        m_pullExpected = 0;
        emit progressChanged();
    }
    m_online = report.value("reached").toBool();
    m_lastError = report.value("error").toString();
    m_retryAt = report.value("retryAt").toDateTime();
    m_refusal = report.value("refusal").toString();
    m_serverRefusing = report.value("serverRefusing").toBool();
    if (report.value("complete").toBool())
        m_lastSyncAt = m_app.now();
    m_app.refreshEnrolment();
    if (report.value("pulled").toInt() > 0 || report.value("pushed").toInt() > 0)
        m_app.notifyRecordsChanged();
    refreshCounts();
    if (m_online)
        m_attachments->afterSync();
    emit syncFinished(report.value("complete").toBool());
    if (m_again) {
        m_again = false;
        start(false);
    }
}

void SyncController::refreshCounts() {
    if (auto p = m_app.store().pendingCount())
        m_pending = int(*p);
    if (auto r = m_app.store().rejections())
        m_rejections = int(r->size());
    emit changed();
}

RejectionModel::RejectionModel(QObject* parent) : QAbstractListModel(parent) {
    reload();
    if (auto* app = AppContext::instance())
        connect(app, &AppContext::recordsChanged, this, &RejectionModel::reload);
}

int RejectionModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant RejectionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto& r = m_rows[std::size_t(index.row())];
    switch (role) {
    case SeqRole:
        return qint64(r.seq);
    case RecordIdRole:
        return qs(r.recordId);
    case RecordTypeRole:
        return qs(r.op.type);
    case KindRole:
        return qs(std::string(enumName(r.op.kind)));
    case ActionRole:
        return qs(r.op.action);
    case CodeRole:
        return qs(std::string(errorCodeName(r.error.code)));
    case MessageRole:
        return qs(r.error.message);
    case AtRole:
        return toDateTime(r.at);
    case SummaryRole:
        return r.op.kind == sync::OpKind::Create ? qs(stringAt(r.op.body, "content", stringAt(r.op.body, "description")))
                                                 : qs(r.op.action);
    }
    return {};
}

QHash<int, QByteArray> RejectionModel::roleNames() const {
    return {{SeqRole, "seq"},         {RecordIdRole, "recordId"}, {RecordTypeRole, "recordType"},
            {KindRole, "kind"},       {ActionRole, "action"},     {CodeRole, "code"},
            {MessageRole, "message"}, {AtRole, "at"},             {SummaryRole, "summary"}};
}

void RejectionModel::reload() {
    beginResetModel();
    m_rows.clear();
    if (auto* app = AppContext::instance())
        if (auto r = app->store().rejections()) {
            m_rows = std::move(*r);
            std::reverse(m_rows.begin(), m_rows.end());
        }
    endResetModel();
    emit countChanged();
}

bool RejectionModel::acknowledge(qint64 seq) {
    auto* app = AppContext::instance();
    if (!app || !app->store().acknowledgeRejection(seq))
        return false;
    reload();
    app->notifyRejectionsChanged();
    return true;
}

} // namespace courtyard::client
