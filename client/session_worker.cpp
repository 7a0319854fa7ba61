#include "client/session_worker.h"

#include "client/json_bridge.h"
#include "client/qt_transport.h"
#include "sync/client/sign_in.h"

namespace courtyard::client {

void SessionWorker::signIn(const QString& number, const QString& pin) { emit finished(run(number, pin, nullptr)); }

void SessionWorker::changePin(const QString& number, const QString& pin, const QString& newPin) {
    emit finished(run(number, pin, &newPin));
}

QVariantMap SessionWorker::run(const QString& number, const QString& pin, const QString* newPin) {
    QVariantMap out;
    auto failWith = [&](const Error& e) {
        out["ok"] = false;
        out["code"] = qs(std::string(errorCodeName(e.code)));
        out["reason"] = qs(e.reason);
        out["message"] = qs(e.message);
        out["retryAfter"] = e.retryAfterSeconds;
        return out;
    };
    if (!m_store) {
        auto s = sync::DeviceStore::open(m_dbPath);
        if (!s)
            return failWith(s.error());
        m_store = std::move(*s);
    }
    auto st = m_store->state();
    if (!st)
        return failWith(st.error());
    // The network only when it is needed (a first sign-in, a PIN change), and only if enrolled.
    std::unique_ptr<QtTransport> transport;
    std::unique_ptr<sync::SyncEngine> engine;
    if (!st->serverUrl.empty() && !st->token.empty()) {
        transport = std::make_unique<QtTransport>(qs(st->serverUrl));
        engine = std::make_unique<sync::SyncEngine>(*m_store, *transport, m_clock);
    }
    const std::string n = ss(number.trimmed());
    Result<domain::Actor> actor = newPin ? (engine ? sync::changePin(*m_store, *engine, n, ss(pin), ss(*newPin), m_clock())
                                                   : Result<domain::Actor>(unavailable("this tablet is not enrolled")))
                                         : sync::signIn(*m_store, engine.get(), n, ss(pin), m_clock());
    if (!actor)
        return failWith(actor.error());
    const auto& cred = m_store->signer();
    if (!cred)
        return failWith(internalError("signed in without a credential"));
    out["ok"] = true;
    out["staffId"] = qs(actor->staffId);
    out["name"] = qs(actor->name);
    out["role"] = qs(std::string(enumName(actor->role)));
    out["position"] = qs(std::string(enumName(actor->position)));
    out["departmentId"] = qs(actor->departmentId);
    out["credentialId"] = qs(cred->id);
    out["deviceId"] = qs(cred->deviceId);
    out["secret"] = QByteArray::fromStdString(cred->secret);
    // This thread's copy of the secret goes: the screen's connection holds the one in use.
    sync::signOut(*m_store);
    return out;
}

} // namespace courtyard::client
