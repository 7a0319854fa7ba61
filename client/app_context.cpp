#include "client/app_context.h"

#include "client/json_bridge.h"

#include <QTimerEvent>

namespace courtyard::client {

namespace {
AppContext* g_instance = nullptr;
Instant systemClock() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }
} // namespace

AppContext::AppContext(std::unique_ptr<sync::DeviceStore> store, bool kiosk, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_kiosk(kiosk), m_clock(systemClock) {
    g_instance = this;
    refreshEnrolment();
    if (m_kiosk)
        m_actor.role = domain::Role::Resident;
    // Countdowns and "overdue" marks move with time: one tick a second for every screen.
    m_tickTimer = startTimer(1000);
}

AppContext::~AppContext() {
    if (g_instance == this)
        g_instance = nullptr;
}

AppContext* AppContext::instance() { return g_instance; }

void AppContext::timerEvent(QTimerEvent* e) {
    if (e->timerId() == m_tickTimer)
        emit tick();
}

void AppContext::setLanguage(const QString& lang) {
    if (lang == m_language)
        return;
    m_language = lang;
    emit languageChanged();
}

void AppContext::setLargeText(bool on) {
    if (on == m_largeText)
        return;
    m_largeText = on;
    emit largeTextChanged();
}

void AppContext::refreshEnrolment() {
    if (auto st = m_store->state())
        m_state = *st;
    if (m_currentCommunity.isEmpty() && !m_state.communityIds.empty())
        m_currentCommunity = qs(m_state.communityIds.front());
    emit enrolmentChanged();
}

bool AppContext::enrolled() const { return !m_state.token.empty(); }
QString AppContext::deviceName() const { return qs(m_state.name); }
QString AppContext::deviceId() const { return qs(m_state.deviceId); }
QString AppContext::deviceRole() const {
    return m_state.role == domain::Role::Resident ? QStringLiteral("kiosk") : qs(std::string(enumName(m_state.role)));
}
QString AppContext::serverUrl() const { return qs(m_state.serverUrl); }

QStringList AppContext::communityIds() const {
    QStringList out;
    for (const auto& c : m_state.communityIds)
        out << qs(c);
    return out;
}

QString AppContext::currentCommunity() const { return m_currentCommunity; }

void AppContext::setCurrentCommunity(const QString& id) {
    if (id == m_currentCommunity)
        return;
    m_currentCommunity = id;
    emit currentCommunityChanged();
}

bool AppContext::enrol(const QString& serverUrl, const QString& token) {
    if (!serverUrl.startsWith("http://") && !serverUrl.startsWith("https://"))
        return false;
    if (token.trimmed().isEmpty())
        return false;
    if (!m_store->setEnrollment(ss(serverUrl.trimmed()), ss(token.trimmed())))
        return false;
    refreshEnrolment();
    return true;
}

QDateTime AppContext::now() const { return toDateTime(m_clock()); }

void AppContext::setActor(const domain::Actor& a) {
    m_actor = a;
    emit actorChanged();
}

void AppContext::notifyRecordsChanged(const QStringList& types) { emit recordsChanged(types); }

} // namespace courtyard::client
