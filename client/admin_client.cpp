#include "client/admin_client.h"

#include "client/json_bridge.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/proof.h"

#include <QCollator>
#include <algorithm>

namespace courtyard::client {

QList<ChoiceView> choicesOf(const Json& list) {
    QList<ChoiceView> out;
    for (const auto& r : list)
        out.append({qs(stringAt(r, "id")), qs(stringAt(r, "name"))});
    QCollator collator;
    std::sort(out.begin(), out.end(), [&](const ChoiceView& a, const ChoiceView& b) { return collator.compare(a.name, b.name) < 0; });
    return out;
}

QString nameOf(const QList<ChoiceView>& choices, const QString& key) {
    for (const auto& c : choices)
        if (c.key == key)
            return c.name;
    return key;
}

AdminClient::AdminClient(QObject* parent) : QObject(parent), m_app(AppContext::instance()) {
    connect(&m_http, &HttpThread::answered, this, &AdminClient::onAnswered);
}

QString AdminClient::serverUrl() const {
    if (!m_app)
        return {};
    const auto st = m_app->store().state();
    return st ? qs(st->serverUrl) : QString();
}

void AdminClient::clearError() { setError({}); }

void AdminClient::setError(const QString& message, const QString& field, bool unreachable) {
    if (message == m_error && field == m_errorField && unreachable == m_unreachable)
        return;
    m_error = message;
    m_errorField = field;
    m_unreachable = unreachable;
    emit errorChanged();
}

void AdminClient::checkServer() {
    const QString url = serverUrl();
    if (url.isEmpty())
        return;
    const int id = m_nextId++;
    m_pending.insert(id, {QStringLiteral("health"), {}});
    emit busyChanged();
    m_http.send(id, url, "GET", "/healthz", {}, {});
}

bool AdminClient::call(const QString& method, const QString& target, Json body, const QString& what,
                       OnAnswer onAnswer) {
    QByteArray payload;
    if (method != "GET") {
        if (!body.is_object())
            body = Json::object();
        body["schema"] = sync::kSchemaVersion;
        payload = QByteArray::fromStdString(body.dump());
    }
    return callWith(method, target, payload, method != "GET" ? QStringLiteral("application/json") : QString(), what,
                    std::move(onAnswer));
}

bool AdminClient::callWith(const QString& method, const QString& target, const QByteArray& payload,
                           const QString& contentType, const QString& what, OnAnswer onAnswer) {
    if (!m_app) {
        setError(tr("The app is not set up."));
        return false;
    }
    const auto state = m_app->store().state();
    if (!state || state->serverUrl.empty() || state->token.empty()) {
        setError(tr("This computer is not enrolled with a server."));
        return false;
    }
    const auto& signer = m_app->store().signer();
    if (m_app->actor().staffId.empty() || !signer) {
        setError(tr("Sign in as an administrator first."));
        return false;
    }
    // The person's proof over method and target, stamped on the server's clock.
    const std::string actor = sync::actorHeaderValue(*signer, ss(method), ss(target),
                                                     toEpochMs(m_app->clock()) + state->serverOffsetMs);
    QVariantMap headers{{"authorization", "Bearer " + qs(state->token)},
                        {"x-courtyard-schema", QString::number(sync::kSchemaVersion)},
                        {"x-courtyard-actor", qs(actor)}};
    if (!contentType.isEmpty())
        headers.insert("content-type", contentType);
    const int id = m_nextId++;
    m_pending.insert(id, {what, std::move(onAnswer)});
    emit busyChanged();
    m_http.send(id, qs(state->serverUrl), method, target, payload, headers);
    return true;
}

void AdminClient::onAnswered(int id, int status, const QByteArray& body, const QString& transportError) {
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    emit busyChanged();
    if (status == 0) {
        setError(tr("The server at %1 cannot be reached (%2). The admin console works only while it can reach "
                    "the server.")
                     .arg(serverUrl(), transportError),
                 {}, true);
        emit failed(pending.what);
        return;
    }
    if (pending.what == "health") {
        if (m_unreachable)
            setError({});
        return;
    }
    if (status < 200 || status >= 300) {
        const Error e = sync::errorFromBody(body.toStdString(), status);
        QString message = qs(e.message);
        if (status == 401 || status == 403)
            message = tr("The server refused: %1").arg(message);
        setError(message, qs(e.field));
        emit failed(pending.what);
        return;
    }
    auto json = parseJson(body.toStdString());
    if (!json) {
        setError(tr("The server answered with something that is not JSON."));
        emit failed(pending.what);
        return;
    }
    setError({});
    if (pending.onAnswer)
        pending.onAnswer(*json);
    emit saved(pending.what);
}

} // namespace courtyard::client
