#include "client/qt_transport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

namespace courtyard::client {

namespace {
QList<QSslCertificate> g_extraCa;
QByteArray g_pin; // raw SHA-256 of the pinned certificate's DER; empty: no pin
} // namespace

Status QtTransport::setTrust(const QString& caFile, const QString& pinSha256) {
    QList<QSslCertificate> ca;
    if (!caFile.isEmpty()) {
        ca = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (ca.isEmpty())
            return invalidArgument("CA file '" + caFile.toStdString() + "': no PEM certificate could be read");
    }
    QByteArray pin;
    if (!pinSha256.isEmpty()) {
        const QString hex = QString(pinSha256).remove(':').trimmed();
        pin = QByteArray::fromHex(hex.toLatin1());
        if (pin.size() != 32 || hex.size() != 64)
            return invalidArgument("certificate pin: 64 hexadecimal digits (the SHA-256 of the certificate)");
    }
    g_extraCa = ca;
    g_pin = pin;
    return {};
}

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
    if (!g_extraCa.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(g_extraCa);
        req.setSslConfiguration(tls);
    }
    QNetworkReply* reply = m_nam->sendCustomRequest(req, QByteArray::fromStdString(r.method), body);
    bool pinRefused = false;
    if (!g_pin.isEmpty()) {
        const auto pinned = [reply] {
            return reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256) == g_pin;
        };
        // The pinned certificate is trusted as such (self-signed, any name); any other is not,
        // even one a trusted CA issued.
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, pinned](const QList<QSslError>& errors) {
            if (pinned())
                reply->ignoreSslErrors(errors);
        });
        QObject::connect(reply, &QNetworkReply::encrypted, reply, [reply, pinned, &pinRefused] {
            if (!pinned()) {
                pinRefused = true;
                reply->abort();
            }
        });
    }
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
    if (pinRefused) {
        reply->deleteLater();
        return unavailable("the server's certificate is not the one this device is set to trust (certificate pin)");
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
