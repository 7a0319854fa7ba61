// Over 400 lines, knowingly: one connection's whole life (read with limits and progress
// time-outs, the body budget, answer, keep-alive) is one state machine, written once for TCP and
// TLS streams; split, its steps would have to share the session's state through an interface.

#include "server/http/http_server.h"

#include "server/http/body_budget.h"
#include "server/http/router.h"
#include "server/observability/log.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <array>
#include <thread>
#include <vector>

namespace courtyard::server {

namespace beast = boost::beast;
namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

// The single place socket errors are looked at: the common ones of a client going away are
// not worth a log line.
void fail(beast::error_code ec, const char* what) {
    if (ec == asio::error::operation_aborted || ec == beast::error::timeout || ec == asio::error::eof ||
        ec == http::error::end_of_stream || ec == asio::error::connection_reset ||
        ec == ssl::error::stream_truncated || ec == asio::error::broken_pipe)
        return;
    Log::warn("socket", {{"what", what}, {"error", ec.message()}});
}

struct Shared {
    HttpServerConfig config;
    ServerContext& ctx;
    asio::thread_pool workers;
    BodyBudget budget;
    Shared(HttpServerConfig c, ServerContext& x)
        : config(std::move(c)), ctx(x), workers(std::size_t(config.workerThreads)), budget(config.bodyBudgetBytes) {}
};

template <typename Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
public:
    template <typename... Args>
    Session(Shared& shared, Args&&... args) : m_shared(shared), m_stream(std::forward<Args>(args)...) {
        ++m_shared.ctx.openConnections;
    }
    ~Session() { --m_shared.ctx.openConnections; }

    void run() {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] { self->doRead(); });
        } else {
            asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] {
                beast::get_lowest_layer(self->m_stream).expires_after(self->m_shared.config.readTimeout);
                self->m_stream.async_handshake(ssl::stream_base::server, [self](beast::error_code ec) {
                    if (ec)
                        return fail(ec, "tls handshake");
                    self->doRead();
                });
            });
        }
    }

private:
    // The header (at most 16 KiB) must arrive within the read timeout; an idle kept-alive
    // connection is closed after it as well.
    void doRead() {
        m_parser.emplace();
        m_parser->header_limit(kHeaderLimit);
        // Beast checks Content-Length against the limit while parsing the header, so start
        // with the largest any route allows and tighten it once the route is known.
        m_parser->body_limit(maxBodyLimit());
        beast::get_lowest_layer(m_stream).expires_after(m_shared.config.readTimeout);
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec) {
        if (ec)
            return readFailed(ec, "read header");
        const auto& h = m_parser->get();
        const std::size_t limit = bodyLimitFor(h.method(), h.target());
        const auto length = m_parser->content_length();
        if (length && *length > limit)
            return refuse(bodyTooLarge(h.method(), h.target(), h.version()));
        m_parser->body_limit(limit);
        // What this body will hold: its declared length, or the route's limit when chunked.
        const std::size_t expected = length ? std::size_t(*length) : (m_parser->chunked() ? limit : 0);
        if (expected > 0) {
            m_reservation = m_shared.budget.reserve(expected);
            if (!m_reservation)
                return refuse(errorResponse(unavailable("the server is holding as many request bodies as it may; "
                                                        "send this again shortly"),
                                            h.version(), false));
        }
        // Beast reads what the buffer has room for, at least 512 bytes: a large body in 512-byte
        // reads costs a timer and a wake-up every 512 bytes. Room for 64 KiB (one loopback TCP
        // segment) while this body is read; given back once the request is parsed.
        if (expected > 512)
            m_buffer.reserve(std::min(expected, kBodyReadSize));
        if (expected <= kUncheckedBodyAllowance)
            return readBody();
        // A large body is read only for a request its headers already entitle to it: the token
        // is checked (storage, so on the worker pool) before a byte of the body is accepted.
        auto header = std::make_shared<Request>(h);
        asio::post(m_shared.workers, [self = this->shared_from_this(), header] {
            std::optional<Response> refusal;
            try {
                refusal = refuseBeforeBody(*header, self->m_shared.ctx);
            } catch (const std::exception&) {
                refusal = errorResponse(internalError("unexpected error"), header->version(), false);
            }
            asio::post(self->m_stream.get_executor(), [self, refusal = std::move(refusal)]() mutable {
                if (refusal)
                    return self->refuse(std::move(*refusal));
                self->readBody();
            });
        });
    }

    // The body in pieces, each within the read timeout: a slow upload that keeps moving
    // completes; one that stalls is cut off.
    void readBody() {
        if (m_parser->is_done())
            return onRead();
        beast::get_lowest_layer(m_stream).expires_after(m_shared.config.readTimeout);
        http::async_read_some(m_stream, m_buffer, *m_parser,
                              [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                  if (ec)
                                      return self->readFailed(ec, "read");
                                  self->readBody();
                              });
    }

    // A request the parser refused is answered (413, 431, 400) where the socket still allows
    // it; a client that went away or stalled is simply closed.
    void readFailed(beast::error_code ec, const char* what) {
        const unsigned version = m_parser && m_parser->is_header_done() ? m_parser->get().version() : 11;
        if (auto res = responseForReadError(ec, version)) {
            m_shared.ctx.metrics.observeRequest(m_parser && m_parser->is_header_done()
                                                    ? routeName(m_parser->get().method(), m_parser->get().target())
                                                    : std::string("unparsed"),
                                                res->result_int(), 0);
            return send(std::move(*res), false);
        }
        fail(ec, what);
        close();
    }

    // An answer before the body was read: the connection closes after it (the rest of the body
    // is not worth reading).
    void refuse(Response res) {
        const auto& h = m_parser->get();
        m_shared.ctx.metrics.observeRequest(routeName(h.method(), h.target()), res.result_int(), 0);
        m_reservation.reset();
        send(std::move(res), false);
    }

    void onRead() {
        auto req = std::make_shared<Request>(m_parser->release());
        if (m_buffer.capacity() > 4096) // an idle kept-alive connection holds no large buffer
            m_buffer.shrink_to_fit();
        // Held until the handler is done with the body, then given back.
        std::shared_ptr<BodyBudget::Reservation> reservation = std::move(m_reservation);
        const auto started = std::chrono::steady_clock::now();
        // The router may block on storage: run it on the worker pool, answer on our strand.
        asio::post(m_shared.workers, [self = this->shared_from_this(), req, reservation, started]() mutable {
            Response res;
            try {
                res = handleRequest(*req, self->m_shared.ctx);
            } catch (const std::exception& e) {
                Log::error("handler threw", {{"error", e.what()}, {"target", std::string(req->target())}});
                res = errorResponse(internalError("unexpected error"), req->version(), false);
            }
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            const std::string route = routeName(req->method(), req->target());
            self->m_shared.ctx.metrics.observeRequest(route, res.result_int(), ms);
            if (res.result_int() >= 500)
                Log::warn("request", {{"route", route}, {"status", res.result_int()}, {"ms", ms}});
            req.reset();
            reservation.reset();
            asio::post(self->m_stream.get_executor(), [self, res = std::move(res)]() mutable {
                const bool keep = res.keep_alive() && !self->m_shared.ctx.stopping;
                self->send(std::move(res), keep);
            });
        });
    }

    // The response in pieces, each within the write timeout, so a slow reader of a large page
    // gets it as long as it keeps reading.
    void send(Response res, bool keepAlive) {
        res.keep_alive(keepAlive);
        m_response = std::make_shared<Response>(std::move(res));
        m_serializer.emplace(*m_response);
        writeSome(keepAlive);
    }

    void writeSome(bool keepAlive) {
        beast::get_lowest_layer(m_stream).expires_after(m_shared.config.writeTimeout);
        http::async_write_some(m_stream, *m_serializer,
                               [self = this->shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
                                   if (ec) {
                                       self->m_serializer.reset();
                                       self->m_response.reset();
                                       return fail(ec, "write");
                                   }
                                   if (!self->m_serializer->is_done())
                                       return self->writeSome(keepAlive);
                                   self->m_serializer.reset();
                                   self->m_response.reset();
                                   if (!keepAlive)
                                       return self->close();
                                   self->doRead();
                               });
    }

    // Closes after an answer. A client may still be sending a body we refused: read and drop
    // what comes for a moment, so the kernel does not reset the connection (and with it our
    // answer) over unread bytes.
    void close() {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            beast::error_code ec;
            m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
            m_drained = 0;
            m_stream.expires_after(std::chrono::seconds(2));
            drain();
        } else {
            beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(5));
            m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
        }
    }

    void drain() {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            if (!m_scratch)
                m_scratch = std::make_unique<std::array<char, 16384>>();
            m_stream.async_read_some(asio::buffer(*m_scratch),
                                     [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                                         self->m_drained += n;
                                         if (!ec && self->m_drained < kDrainLimit)
                                             self->drain();
                                     });
        }
    }

    static constexpr std::size_t kHeaderLimit = 16 * 1024;
    static constexpr std::size_t kBodyReadSize = 64 * 1024;
    static constexpr std::size_t kDrainLimit = 4u << 20;

    Shared& m_shared;
    Stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::unique_ptr<BodyBudget::Reservation> m_reservation;
    std::shared_ptr<Response> m_response;
    std::optional<http::response_serializer<http::string_body>> m_serializer;
    std::unique_ptr<std::array<char, 16384>> m_scratch;
    std::size_t m_drained = 0;
};

} // namespace

struct HttpServer::Impl {
    Shared shared;
    std::optional<ssl::context> tls; // outlives the io_context, whose end frees the last sessions
    asio::io_context ioc;
    // The server's own objects (acceptor, signal set, timers) are used by their handlers and by
    // beginStop(). asio objects are not safe to use from two threads at once, and the I/O
    // threads are two: their handlers and beginStop() all run on this one strand. (Without it,
    // a SIGTERM handled on one thread closed the acceptor while the other re-armed it: a crash
    // on stopping, seen once in CI.)
    asio::strand<asio::io_context::executor_type> strand{asio::make_strand(ioc)};
    tcp::acceptor acceptor{strand};
    asio::signal_set signals{strand, SIGINT, SIGTERM};
    asio::steady_timer escalationTimer{strand};
    asio::steady_timer sweepTimer{strand};
    std::vector<std::thread> threads;
    std::atomic<bool> stopped{false};

    Impl(HttpServerConfig c, ServerContext& ctx) : shared(std::move(c), ctx) {}

    void accept() {
        acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                if (ec != asio::error::operation_aborted)
                    fail(ec, "accept");
                if (!acceptor.is_open())
                    return;
            } else if (shared.ctx.openConnections >= shared.config.maxConnections) {
                beast::error_code ignored;
                socket.close(ignored); // over the cap: refuse rather than slow everyone down
            } else if (tls) {
                std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(shared, std::move(socket), *tls)->run();
            } else {
                std::make_shared<Session<beast::tcp_stream>>(shared, std::move(socket))->run();
            }
            accept();
        });
    }

    void scheduleEscalations() {
        escalationTimer.expires_after(shared.config.escalationInterval);
        escalationTimer.async_wait([this](beast::error_code ec) {
            if (ec || shared.ctx.stopping)
                return;
            asio::post(shared.workers, [this] {
                // Every server of a group ticks; the pass of each interval runs on one of them.
                auto pass = shared.ctx.escalations.runScheduled(shared.config.escalationInterval);
                if (!pass)
                    Log::warn("escalation run failed", {{"error", pass.error().message}});
                else if (pass->moved > 0)
                    Log::info("escalated", {{"records", pass->moved}});
                if (pass && (pass->patrols.created || pass->patrols.judged || pass->patrols.withdrawn))
                    Log::info("patrol schedules", {{"created", pass->patrols.created},
                                                   {"judged", pass->patrols.judged},
                                                   {"withdrawn", pass->patrols.withdrawn}});
                // Retention: once a day (UTC), on whichever server of a group ticks first.
                if (shared.ctx.retention) {
                    auto kept = shared.ctx.retention->runScheduled(shared.ctx.archiveDir);
                    if (!kept)
                        Log::warn("retention pass failed", {{"error", kept.error().message}});
                    else if (kept->purged > 0 || kept->redacted > 0)
                        Log::info("retention", {{"archived", kept->archived},
                                                {"purged", kept->purged},
                                                {"redacted", kept->redacted},
                                                {"attachments_removed", kept->blobsRemoved},
                                                {"archive", kept->archive.string()}});
                }
            });
            scheduleEscalations();
        });
    }

    // Unfinished attachment uploads untouched for the policy's hours are removed: at start and
    // then every sweepInterval.
    void scheduleUploadSweep(std::chrono::seconds after) {
        sweepTimer.expires_after(after);
        sweepTimer.async_wait([this](beast::error_code ec) {
            if (ec || shared.ctx.stopping)
                return;
            asio::post(shared.workers, [this] {
                auto company = shared.ctx.sync.companyRules();
                if (!company)
                    return Log::warn("upload sweep skipped", {{"error", company.error().message}});
                const auto removed = shared.ctx.blobs.removeAbandoned(
                    shared.ctx.clock(), std::chrono::hours((*company)->policy.abandonedUploadHours));
                if (removed > 0)
                    Log::info("removed abandoned uploads", {{"files", removed}});
            });
            scheduleUploadSweep(shared.config.sweepInterval);
        });
    }

    void beginStop() {
        if (stopped.exchange(true))
            return;
        shared.ctx.stopping = true;
        Log::info("stopping", {{"open_connections", shared.ctx.openConnections.load()}});
        beast::error_code ec;
        acceptor.close(ec);
        escalationTimer.cancel();
        sweepTimer.cancel();
        signals.cancel();
        // In-flight requests get the grace period to finish; the loop ends as soon as no
        // connection is left, or when the grace period is over.
        waitForDrain(std::chrono::steady_clock::now() + shared.config.stopGrace);
    }

    void waitForDrain(std::chrono::steady_clock::time_point deadline) {
        if (shared.ctx.openConnections == 0 || std::chrono::steady_clock::now() >= deadline) {
            ioc.stop();
            return;
        }
        auto t = std::make_shared<asio::steady_timer>(strand, std::chrono::milliseconds(50));
        t->async_wait([this, t, deadline](beast::error_code) { waitForDrain(deadline); });
    }
};

HttpServer::HttpServer(HttpServerConfig config, ServerContext& ctx)
    : m_impl(std::make_unique<Impl>(std::move(config), ctx)) {}

HttpServer::~HttpServer() {
    stop();
    for (auto& t : m_impl->threads)
        if (t.joinable())
            t.join();
    m_impl->shared.workers.join();
}

Result<unsigned short> HttpServer::start() {
    auto& cfg = m_impl->shared.config;
    if (cfg.tlsCertFile || cfg.tlsKeyFile) {
        if (!cfg.tlsCertFile || !cfg.tlsKeyFile)
            return invalidArgument("TLS needs both --tls-cert and --tls-key");
        m_impl->tls.emplace(ssl::context::tls_server);
        beast::error_code ec;
        m_impl->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                                 ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        m_impl->tls->use_certificate_chain_file(*cfg.tlsCertFile, ec);
        if (ec)
            return invalidArgument("TLS certificate '" + *cfg.tlsCertFile + "': " + ec.message());
        m_impl->tls->use_private_key_file(*cfg.tlsKeyFile, ssl::context::pem, ec);
        if (ec)
            return invalidArgument("TLS key '" + *cfg.tlsKeyFile + "': " + ec.message());
    }
    beast::error_code ec;
    const auto address = asio::ip::make_address(cfg.address, ec);
    if (ec)
        return invalidArgument("listen address '" + cfg.address + "' is not an IP address");
    tcp::endpoint endpoint{address, cfg.port};
    auto& acceptor = m_impl->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return unavailable("cannot listen on " + cfg.address + ":" + std::to_string(cfg.port) + ": " + ec.message());
    const unsigned short port = acceptor.local_endpoint().port();
    m_impl->signals.async_wait([this](beast::error_code e, int signal) {
        if (!e) {
            Log::info("signal", {{"signal", signal}});
            m_impl->beginStop();
        }
    });
    m_impl->accept();
    m_impl->scheduleEscalations();
    m_impl->scheduleUploadSweep(std::chrono::seconds{1});
    return port;
}

void HttpServer::run() {
    const int n = std::max(1, m_impl->shared.config.ioThreads);
    for (int i = 1; i < n; ++i)
        m_impl->threads.emplace_back([this] { m_impl->ioc.run(); });
    m_impl->ioc.run();
    for (auto& t : m_impl->threads)
        if (t.joinable())
            t.join();
    m_impl->threads.clear();
    m_impl->shared.workers.join();
}

void HttpServer::stop() {
    asio::post(m_impl->strand, [impl = m_impl.get()] { impl->beginStop(); });
}

} // namespace courtyard::server
