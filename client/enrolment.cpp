#include "client/enrolment.h"

#include "client/json_bridge.h"
#include "client/media.h"
#include "sync/protocol/messages.h"

#include <QImage>
#include <QUrl>
#include <QUrlQuery>

namespace courtyard::client {

namespace {

bool isServerAddress(const QUrl& url) {
    return url.isValid() && (url.scheme() == "http" || url.scheme() == "https") && !url.host().isEmpty();
}

} // namespace

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
    if (!isServerAddress(QUrl(server))) {
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

bool EnrolmentController::takeLink(const QString& text) {
    if (busy())
        return false;
    QString server, code;
    if (!parseEnrolmentLink(text, &server, &code) || !isServerAddress(QUrl(server))) {
        fail(tr("That QR code is not an enrolment code. Scan the one the admin console shows under Devices, "
                "or type the address and the code."),
             "scan");
        return false;
    }
    emit linkRead(server, code);
    enrolWithCode(server, code);
    return true;
}

bool EnrolmentController::scan(const QString& pathOrUrl, NoCode noCode) {
    if (busy())
        return false;
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    const QImage picture(path);
    if (picture.isNull()) {
        if (noCode == NoCode::Say)
            fail(tr("The picture %1 cannot be opened.").arg(path), "scan");
        return false;
    }
    const QString text = Media::decodeQrImage(picture);
    if (text.isEmpty()) {
        if (noCode == NoCode::Say)
            fail(tr("No QR code found in that picture. Try another, or type the address and the code."), "scan");
        return false;
    }
    return takeLink(text);
}

bool EnrolmentController::scanImage(const QString& pathOrUrl) { return scan(pathOrUrl, NoCode::Say); }

bool EnrolmentController::scanFrame(const QString& pathOrUrl) { return scan(pathOrUrl, NoCode::PassOver); }

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
