#pragma once
// An HTTP/1.1 client transport over Boost.Beast, plain or TLS, keeping one connection alive
// between requests. Used by the headless device, the load generator and the loopback tests.

#include "sync/client/transport.h"

#include <chrono>
#include <memory>
#include <string>

namespace courtyard::sync {

struct BeastTransportOptions {
    std::chrono::milliseconds timeout{15000};
    std::string caFile;    // extra trusted CA (a self-signed server certificate)
    bool insecure = false; // do not verify the server's certificate (never in production)
};

class BeastTransport final : public Transport {
public:
    // `baseUrl`: "http://127.0.0.1:8080" or "https://host:8443".
    static Result<std::unique_ptr<BeastTransport>> create(const std::string& baseUrl,
                                                          BeastTransportOptions options = {});
    ~BeastTransport() override;
    Result<HttpResponse> send(const HttpRequest& request) override;
    // Drops the connection (the next send reconnects).
    void disconnect();

private:
    struct Impl;
    explicit BeastTransport(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace courtyard::sync
