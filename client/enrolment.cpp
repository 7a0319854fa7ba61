#include "client/enrolment.h"

#include "client/json_bridge.h"
#include "sync/protocol/messages.h"

#include <QUrl>
#include <QUrlQuery>

namespace courtyard::client {

QString enrolmentLink(const QString& serverUrl, const QString& code) {
    QUrl link;
    link.setScheme("courtyard");
    link.setHost("enrol");
    QUrlQuery query;
    query.addQueryItem("server", QString::fromUtf8(QUrl::toPercentEncoding(serverUrl)));
    query.addQueryItem("code", code);
    link.setQuery(query);
    return link.toString(QUrl::FullyEncoded);
}

bool parseEnrolmentLink(const QString& text, QString* serverUrl, QString* code) {
    const QUrl link(text.trimmed(), QUrl::StrictMode);
    if (!link.isValid() || link.scheme() != "courtyard" || link.host() != "enrol")
        return false;
    const QUrlQuery query(link);
    const QString server = query.queryItemValue("server", QUrl::FullyDecoded);
    const QString c = query.queryItemValue("code", QUrl::FullyDecoded);
    if (server.isEmpty() || c.isEmpty())
        return false;
    *serverUrl = server;
    *code = c;
    return true;
}

EnrolmentController::EnrolmentController(QObject* parent) : QObject(parent), m_app(AppContext::instance()) {
    connect(&m_http, &HttpThread::answered, this, &EnrolmentController::onAnswered);
}

void EnrolmentController::fail(const QString& message, const QString& field) {
    m_error = message;
    m_errorField = field;
    emit changed();
    emit finished(false);
}

void EnrolmentController::enrolWithCode(const QString& serverUrl, const QString& code) {
    if (busy())
        return;
    QString server = serverUrl.trimmed();
    QString c = code.trimmed();
    parseEnrolmentLink(c, &server, &c); // the whole link pasted into the code field
    const QUrl url(server);
    if (!url.isValid() || (url.scheme() != "http" && url.scheme() != "https") || url.host().isEmpty()) {
        fail(tr("The address must start with http:// or https://."), "server");
        return;
    }
    if (c.isEmpty()) {
        fail(tr("Type the enrolment code the administrator's console shows."), "code");
        return;
    }
    m_server = server;
    m_error.clear();
    m_errorField.clear();
    m_pending = m_nextId++;
    emit changed();
    const Json body{{"schema", sync::kSchemaVersion}, {"code", ss(c)}};
    m_http.send(m_pending, server, "POST", "/v1/enrol", QByteArray::fromStdString(body.dump()),
                {{"x-courtyard-schema", QString::number(sync::kSchemaVersion)}, {"content-type", "application/json"}});
}

void EnrolmentController::onAnswered(int id, int status, const QByteArray& body, const QString& transportError) {
    if (id != m_pending)
        return;
    m_pending = 0;
    if (status == 0) {
        fail(tr("The server at %1 cannot be reached: %2").arg(m_server, transportError), "server");
        return;
    }
    if (status < 200 || status >= 300) {
        const Error e = sync::errorFromBody(body.toStdString(), status);
        QString message = qs(e.message);
        if (e.reason == "enrolment_code_used")
            message = tr("This code has been used already. Ask the administrator for a new one.");
        else if (e.reason == "enrolment_code_expired")
            message = tr("This code has expired. Ask the administrator for a new one.");
        else if (e.reason == "enrolment_code_unknown")
            message = tr("The server does not know this code. Check it letter by letter.");
        fail(message, "code");
        return;
    }
    auto answer = parseJson(body.toStdString());
    const std::string token = answer ? stringAt(*answer, "token") : std::string();
    if (token.empty()) {
        fail(tr("The server's answer held no token."), "code");
        return;
    }
    if (!m_app || !m_app->enrol(m_server, qs(token))) {
        fail(tr("The token could not be kept on this device."), "code");
        return;
    }
    emit changed();
    emit finished(true);
}

} // namespace courtyard::client
