#pragma once
// The Boost.Beast server: an acceptor, one session per connection (plain TCP or TLS through
// OpenSSL), HTTP/1.1 keep-alive. Sessions only do I/O: each request is handed to a worker
// pool, where the router (a pure function) runs, so slow storage never blocks the I/O
// threads. Every connection has a header limit (431 beyond it), a per-route body limit read
// from the headers before the body (413), a token check before a large body is read, a share
// of the server-wide budget of bytes held in request bodies (503 beyond it), and timeouts on
// progress rather than on the whole exchange; the server caps open connections. Requests
// the HTTP parser refuses are answered 400 with the JSON error body, not dropped.

#include "server/http/context.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace courtyard::server {

struct HttpServerConfig {
    std::string address = "127.0.0.1";
    unsigned short port = 8080; // 0: any free port (start() returns the one bound)
    int ioThreads = 2;
    int workerThreads = 32;
    std::optional<std::string> tlsCertFile;
    std::optional<std::string> tlsKeyFile;
    // The header must arrive within readTimeout; after that every read of the body and every
    // write of the answer must move some bytes within these.
    std::chrono::seconds readTimeout{30};
    std::chrono::seconds writeTimeout{30};
    std::size_t bodyBudgetBytes = std::size_t(128) << 20;
    int maxConnections = 4096;
    std::chrono::seconds escalationInterval{60};
    std::chrono::seconds sweepInterval{3600}; // abandoned attachment uploads
    std::chrono::milliseconds stopGrace{3000};
};

class HttpServer {
public:
    HttpServer(HttpServerConfig config, ServerContext& ctx);
    ~HttpServer();

    // Binds and starts listening; returns the bound port.
    Result<unsigned short> start();
    // Serves until stop() or SIGINT/SIGTERM, then stops gracefully: no new connections,
    // in-flight requests finish (within the grace period), storage drains.
    void run();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace courtyard::server
