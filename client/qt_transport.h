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
    explicit QtTransport(QString baseUrl, int timeoutMs = 20000);
    ~QtTransport() override;
    Result<sync::HttpResponse> send(const sync::HttpRequest& request) override;

private:
    QString m_base;
    int m_timeoutMs;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace courtyard::client
