#include "client/inbox_model.h"

#include "client/json_bridge.h"
#include "client/qml_singletons.h"
#include "sync/client/device_inbox.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>
#include <QTimer>

namespace courtyard::client {

namespace {

InboxItemView viewOf(const rules::InboxItem& i) {
    InboxItemView v;
    v.recordId = qs(i.recordId);
    v.recordType = qs(i.recordType);
    v.reason = qs(std::string(enumName(i.reason)));
    v.nextStep = qs(std::string(enumName(i.action)));
    v.itemKey = qs(i.key);
    v.title = qs(i.title);
    v.recordState = qs(i.state);
    if (i.dueAt)
        v.dueAt = toDateTime(*i.dueAt);
    v.dueRule = qs(i.dueRule);
    v.provisional = i.provisional;
    v.grade = i.grade.value_or(0);
    v.seen = i.seen;
    return v;
}

} // namespace

InboxModel::InboxModel(QObject* parent) : QObject(parent) {
    if (auto* app = AppContext::instance()) {
        connect(app, &AppContext::recordsChanged, this, &InboxModel::scheduleReload);
        connect(app, &AppContext::actorChanged, this, &InboxModel::scheduleReload);
    }
    // The clock moves items into "due soon" and "overdue" without any record changing: read
    // again each minute (the countdowns on the page move every second by themselves).
    m_minute.setInterval(60000);
    connect(&m_minute, &QTimer::timeout, this, &InboxModel::scheduleReload);
    m_minute.start();
    scheduleReload();
}

InboxModel::~InboxModel() = default;

void InboxModel::setNotifies(bool on) {
    if (on == m_notifies)
        return;
    m_notifies = on;
    if (auto* sync = exposedToQml().sync; on && sync)
        connect(sync, &SyncController::syncFinished, this, &InboxModel::afterSync, Qt::UniqueConnection);
    emit notifiesChanged();
}

bool InboxModel::systemTray() const {
    // QSystemTrayIcon is a widget: it needs a QApplication (the app has one; a QML test may
    // not) and a tray to show in (offscreen and most kiosks have none).
    return qobject_cast<QApplication*>(QCoreApplication::instance()) && QSystemTrayIcon::isSystemTrayAvailable();
}

void InboxModel::scheduleReload() {
    if (m_reloadQueued)
        return;
    m_reloadQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_reloadQueued = false;
        reload();
    });
}

void InboxModel::reload() {
    auto* app = AppContext::instance();
    QList<InboxItemView> rows;
    const domain::Actor person = app ? app->actor() : domain::Actor{};
    if (app && !app->kiosk() && !person.staffId.empty()) {
        if (auto items = sync::deviceInbox(app->store(), person, app->clock()))
            for (const auto& i : *items)
                rows.append(viewOf(i));
    }
    m_items.setRows(rows);
    const QDateTime now = app ? app->now() : QDateTime();
    m_unseen = 0;
    m_overdue = 0;
    for (const auto& r : rows) {
        m_unseen += r.seen ? 0 : 1;
        m_overdue += r.reason == QLatin1String("overdue") ? 1 : 0;
    }
    if (qs(person.staffId) != m_person) {
        // Someone else signed in: what their inbox holds now is no news to announce.
        m_person = qs(person.staffId);
        resetBaseline();
    }
    emit changed();
}

void InboxModel::resetBaseline() {
    m_known.clear();
    for (const auto& r : rows())
        m_known.insert(keyOf(r));
    if (!m_arrival.isEmpty()) {
        m_arrival.clear();
        emit arrivalChanged();
    }
}

void InboxModel::afterSync() {
    reload(); // now, not after the queued reload: the sync's records are what is compared
    int fresh = 0;
    QString first;
    for (const auto& r : rows()) {
        if (m_known.contains(keyOf(r)))
            continue;
        m_known.insert(keyOf(r));
        if (r.seen)
            continue;
        if (fresh++ == 0)
            first = r.title;
    }
    if (fresh == 0)
        return;
    m_arrival = tr("New in your inbox (%n): %1", "", fresh).arg(first);
    emit arrivalChanged();
    emit arrived(fresh, m_arrival);
    if (!systemTray())
        return;
    if (!m_tray) {
        m_tray = std::make_unique<QSystemTrayIcon>(QIcon(QStringLiteral(":/qt/qml/Courtyard/icons/complaint.svg")));
        m_tray->setToolTip(QStringLiteral("Courtyard"));
    }
    m_tray->show();
    m_tray->showMessage(tr("Courtyard"), m_arrival, QSystemTrayIcon::Information, 10000);
}

void InboxModel::dismissArrival() {
    if (m_arrival.isEmpty())
        return;
    m_arrival.clear();
    emit arrivalChanged();
}

bool InboxModel::markSeen(const QString& recordId, const QString& itemKey) {
    auto* app = AppContext::instance();
    if (!app)
        return false;
    for (const auto& r : rows()) {
        if (r.recordId != recordId || r.itemKey != itemKey)
            continue;
        if (r.seen)
            return true;
        rules::InboxItem item;
        item.recordId = ss(r.recordId);
        item.key = ss(r.itemKey);
        if (auto rec = app->store().get(item.recordId); rec && *rec)
            item.communityId = stringAt((**rec).body, "community_id");
        if (!sync::markSeen(app->store(), item, app->actor(), app->clock()))
            return false;
        app->notifyRecordsChanged({QStringLiteral("inbox_seen")});
        return true;
    }
    return false;
}

int InboxModel::markAllSeen() {
    int marked = 0;
    for (const auto& r : rows())
        if (!r.seen && markSeen(r.recordId, r.itemKey))
            ++marked;
    return marked;
}

} // namespace courtyard::client
