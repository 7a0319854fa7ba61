#include "client/qt_transport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace courtyard::client {

QtTransport::QtTransport(QString baseUrl, int timeoutMs)
    : m_base(std::move(baseUrl)), m_timeoutMs(timeoutMs), m_nam(std::make_unique<QNetworkAccessManager>()) {
    while (m_base.endsWith('/'))
        m_base.chop(1);
}

QtTransport::~QtTransport() = default;

Result<sync::HttpResponse> QtTransport::send(const sync::HttpRequest& r) {
    QNetworkRequest req(QUrl(m_base + QString::fromStdString(r.target)));
    for (const auto& [k, v] : r.headers)
        req.setRawHeader(QByteArray::fromStdString(k), QByteArray::fromStdString(v));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    const QByteArray body = QByteArray::fromStdString(r.body);
    QNetworkReply* reply = m_nam->sendCustomRequest(req, QByteArray::fromStdString(r.method), body);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    // The timeout is on progress, not on the whole exchange: a large push over a slow link
    // that keeps moving goes through.
    QObject::connect(reply, &QNetworkReply::uploadProgress, &timeout, [&] { timeout.start(m_timeoutMs); });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &timeout, [&] { timeout.start(m_timeoutMs); });
    timeout.start(m_timeoutMs);
    loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        return unavailable("the connection made no progress for " + std::to_string(m_timeoutMs / 1000) + " s");
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        const std::string why = reply->errorString().toStdString();
        reply->deleteLater();
        return unavailable("cannot reach the server: " + why);
    }
    sync::HttpResponse out;
    out.status = status.toInt();
    for (const auto& pair : reply->rawHeaderPairs())
        out.headers[pair.first.toLower().toStdString()] = pair.second.toStdString();
    out.body = reply->readAll().toStdString();
    reply->deleteLater();
    return out;
}

} // namespace courtyard::client
