#include "client/session_controller.h"

#include "client/json_bridge.h"
#include "sync/client/sign_in.h"
#include "sync/protocol/roles.h"

namespace courtyard::client {

namespace {
SessionController* g_session = nullptr;
}

SessionController::SessionController(AppContext& app, QObject* parent) : QObject(parent), m_app(app) {
    g_session = this;
    connect(&m_app, &AppContext::actorChanged, this, &SessionController::changed);
}

SessionController* SessionController::create(QQmlEngine*, QJSEngine*) {
    QQmlEngine::setObjectOwnership(g_session, QQmlEngine::CppOwnership);
    return g_session;
}

QString SessionController::staffId() const { return qs(m_app.actor().staffId); }
QString SessionController::name() const { return qs(m_app.actor().name); }
QString SessionController::role() const { return qs(std::string(enumName(m_app.actor().role))); }
QString SessionController::position() const { return qs(std::string(enumName(m_app.actor().position))); }
QString SessionController::departmentId() const { return qs(m_app.actor().departmentId); }
bool SessionController::supervisor() const { return sync::roleRank(m_app.actor().role) >= 2; }

bool SessionController::signIn(const QString& staffNumber, const QString& pin) {
    auto actor = sync::signIn(m_app.store(), ss(staffNumber.trimmed()), ss(pin));
    if (!actor) {
        m_lastError = qs(actor.error().message);
        emit changed();
        return false;
    }
    m_lastError.clear();
    m_app.setActor(*actor);
    // Quick switch: the last five people who signed in on this tablet (numbers and names only).
    QVariantMap me{{"number", staffNumber.trimmed()}, {"name", qs(actor->name)}};
    m_recent.removeIf([&](const QVariant& v) { return v.toMap().value("number") == me.value("number"); });
    m_recent.prepend(me);
    while (m_recent.size() > 5)
        m_recent.removeLast();
    emit changed();
    return true;
}

void SessionController::signOut() {
    domain::Actor nobody;
    nobody.role = m_app.kiosk() ? domain::Role::Resident : domain::Role::Staff;
    m_app.setActor(nobody);
    emit changed();
}

} // namespace courtyard::client
