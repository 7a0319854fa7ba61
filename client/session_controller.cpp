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
    // The quick-switch list survives a restart (numbers and names only, never a PIN).
    if (auto saved = m_app.store().records().getMeta("recent_users"); saved && *saved)
        if (auto j = parseJson(**saved); j && j->is_array())
            m_recent = toVariant(*j).toList();
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
        // In the user's language; the domain's own words (English) only where they add detail.
        m_lastError = actor.error().code == ErrorCode::Unauthenticated
                          ? tr("Staff number or PIN is not right.")
                          : actor.error().code == ErrorCode::PermissionDenied
                                ? tr("This person cannot sign in on this tablet (%1).").arg(qs(actor.error().message))
                                : tr("Sign-in is not possible yet: %1").arg(qs(actor.error().message));
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
    (void)m_app.store().records().setMeta("recent_users", toJson(m_recent).dump());
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
