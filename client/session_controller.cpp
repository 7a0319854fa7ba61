#include "client/session_controller.h"

#include "client/json_bridge.h"
#include "client/session_worker.h"
#include "shared/auth/access.h"
#include "sync/client/sign_in.h"
#include "sync/protocol/roles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>

namespace courtyard::client {

namespace {
}

SessionController::SessionController(AppContext& app, QObject* parent) : QObject(parent), m_app(app) {
    m_worker = new SessionWorker(app.dbPath(), [&app] { return app.clock(); });
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SessionController::requestSignIn, m_worker, &SessionWorker::signIn);
    connect(this, &SessionController::requestChangePin, m_worker, &SessionWorker::changePin);
    connect(m_worker, &SessionWorker::finished, this, &SessionController::onFinished);
    m_thread.setObjectName("courtyard-session");
    m_thread.start();

    connect(&m_app, &AppContext::actorChanged, this, &SessionController::changed);
    // A sync may have brought the office's withdrawal of a sign-in, or erased a revoked tablet.
    connect(&m_app, &AppContext::recordsChanged, this, &SessionController::checkStillAllowed);
    connect(&m_app, &AppContext::enrolmentChanged, this, &SessionController::checkStillAllowed);
    connect(&m_app, &AppContext::tick, this, &SessionController::checkIdle);
    // Any touch, click or key keeps the person signed in.
    qApp->installEventFilter(this);
    m_lastActivityMs = QDateTime::currentMSecsSinceEpoch();
    // The quick-switch list survives a restart (numbers and names only, never a PIN).
    if (auto saved = m_app.store().records().getMeta("recent_users"); saved && *saved)
        if (auto j = parseJson(**saved); j && j->is_array()) {
            QList<RecentUserView> recent;
            for (const auto& u : *j)
                if (u.is_object() && !stringAt(u, "number").empty())
                    recent << RecentUserView{qs(stringAt(u, "number")), qs(stringAt(u, "name"))};
            m_recent.setRows(recent);
        }
}

SessionController::~SessionController() {
    qApp->removeEventFilter(this);
    m_thread.quit();
    m_thread.wait();
}

QString SessionController::staffId() const { return qs(m_app.actor().staffId); }
QString SessionController::name() const { return qs(m_app.actor().name); }
QString SessionController::role() const { return qs(std::string(enumName(m_app.actor().role))); }
QString SessionController::position() const { return qs(std::string(enumName(m_app.actor().position))); }
QString SessionController::departmentId() const { return qs(m_app.actor().departmentId); }
bool SessionController::supervisor() const { return sync::roleRank(m_app.actor().role) >= 2; }
bool SessionController::readsReports() const {
    return signedIn() && auth::reportReach(m_app.actor()) != auth::ReportReach::None;
}
int SessionController::idleMinutes() const { return m_app.store().rulesFor("").policy.idleSignOutMinutes; }

void SessionController::signIn(const QString& staffNumber, const QString& pin) {
    if (m_busy)
        return;
    m_busy = true;
    m_pendingNumber = staffNumber.trimmed();
    m_lastError.clear();
    emit changed();
    emit requestSignIn(m_pendingNumber, pin);
}

void SessionController::changePin(const QString& pin, const QString& newPin) {
    if (m_busy || !signedIn())
        return;
    m_busy = true;
    m_pendingNumber = m_number;
    m_lastError.clear();
    emit changed();
    emit requestChangePin(m_number, pin, newPin);
}

void SessionController::onFinished(const QVariantMap& r) {
    m_busy = false;
    if (!r.value("ok").toBool()) {
        const QString code = r.value("code").toString();
        const QString reason = r.value("reason").toString();
        const QString message = r.value("message").toString();
        // In the user's language; the server's own words (English) only where they add detail.
        if (reason == "pin_delay")
            m_lastError = tr("Too many wrong PINs: try again in %1 seconds.").arg(r.value("retryAfter").toInt());
        else if (reason == "credential_forgotten")
            m_lastError = tr("Too many wrong PINs: this tablet has forgotten this person's sign-in. Sign in again "
                             "while the tablet is online.");
        else if (reason == "online_sign_in_needed" && code == "unavailable")
            m_lastError = tr("The first sign-in on this tablet needs the network, which cannot be reached now.");
        else if (reason == "online_sign_in_needed")
            m_lastError = tr("This tablet needs the network to sign this person in (%1).").arg(message);
        else if (code == "unauthenticated")
            m_lastError = tr("Staff number or PIN is not right.");
        else if (code == "permission_denied")
            m_lastError = tr("This person cannot sign in on this tablet (%1).").arg(message);
        else if (code == "invalid_argument")
            m_lastError = tr("That PIN cannot be used: %1").arg(message);
        else if (code == "unavailable")
            m_lastError = tr("The server cannot be reached now: %1").arg(message);
        else
            m_lastError = tr("Sign-in is not possible yet: %1").arg(message);
        emit changed();
        emit finished(false);
        return;
    }
    sync::Credential cred;
    cred.id = ss(r.value("credentialId").toString());
    cred.staffId = ss(r.value("staffId").toString());
    cred.deviceId = ss(r.value("deviceId").toString());
    cred.secret = r.value("secret").toByteArray().toStdString();
    m_app.store().setSigner(std::move(cred));
    domain::Actor a;
    a.staffId = ss(r.value("staffId").toString());
    a.name = ss(r.value("name").toString());
    (void)fromString(ss(r.value("role").toString()), a.role);
    (void)fromString(ss(r.value("position").toString()), a.position);
    a.departmentId = ss(r.value("departmentId").toString());
    m_number = m_pendingNumber;
    m_lastError.clear();
    m_notice.clear();
    m_lastActivityMs = QDateTime::currentMSecsSinceEpoch();
    m_app.setActor(a);
    // Quick switch: the last five people who signed in on this tablet (numbers and names only).
    QList<RecentUserView> recent = m_recent.rows<RecentUserView>();
    recent.removeIf([&](const RecentUserView& u) { return u.number == m_number; });
    recent.prepend({m_number, qs(a.name)});
    while (recent.size() > 5)
        recent.removeLast();
    m_recent.setRows(recent);
    Json saved = Json::array();
    for (const auto& u : recent)
        saved.push_back({{"number", ss(u.number)}, {"name", ss(u.name)}});
    (void)m_app.store().records().setMeta("recent_users", saved.dump());
    emit changed();
    emit finished(true);
}

void SessionController::endSession(const QString& why) {
    m_app.store().setSigner(std::nullopt);
    domain::Actor nobody;
    nobody.role = m_app.kiosk() ? domain::Role::Resident : domain::Role::Staff;
    m_number.clear();
    m_notice = why;
    m_app.setActor(nobody);
    emit changed();
}

void SessionController::signOut() { endSession({}); }

void SessionController::checkStillAllowed() {
    if (!signedIn())
        return;
    if (!m_app.enrolled())
        return endSession(tr("This tablet was withdrawn by the office and has erased what it held."));
    if (!sync::hasCredential(m_app.store(), ss(m_number)) || !m_app.store().signer())
        endSession(tr("The office withdrew your sign-in on this tablet (PIN changed or reset, or no longer "
                      "active). Sign in again while the tablet is online."));
}

void SessionController::checkIdle() {
    if (!signedIn() || m_busy)
        return;
    const qint64 idleMs = QDateTime::currentMSecsSinceEpoch() - m_lastActivityMs;
    const int minutes = idleMinutes();
    if (idleMs >= qint64(minutes) * 60 * 1000)
        endSession(tr("Signed out after %1 minutes without a touch.").arg(minutes));
}

bool SessionController::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        m_lastActivityMs = QDateTime::currentMSecsSinceEpoch();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace courtyard::client
