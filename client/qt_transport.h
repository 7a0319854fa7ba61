#pragma once
// The sync engine's transport over QNetworkAccessManager. Synchronous (a local event loop per
// request), so it lives on the sync worker thread, never the UI thread. A request fails when
// no byte moves either way for `timeoutMs`, however long the whole exchange takes.

#include "sync/client/transport.h"

#include <QString>
#include <memory>

class QNetworkAccessManager;

namespace courtyard::client {

class QtTransport final : public sync::Transport {
public:
    // Whom every QtTransport of this process trusts over https, besides the system's CAs:
    // `caFile`, a PEM file of the company's CA (or of a self-signed server certificate), and
    // `pinSha256`, the hex SHA-256 of the server certificate's DER form — when set, that
    // certificate and no other is accepted, whoever issued it and whatever host it names.
    // Returns an error for an unreadable CA file or a malformed pin; call before any request.
    static Status setTrust(const QString& caFile, const QString& pinSha256);

    explicit QtTransport(QString baseUrl, int timeoutMs = 20000);
    ~QtTransport() override;
    Result<sync::HttpResponse> send(const sync::HttpRequest& request) override;

private:
    QString m_base;
    int m_timeoutMs;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace courtyard::client
