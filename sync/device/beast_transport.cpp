#include "sync/device/beast_transport.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>

namespace courtyard::sync {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

struct BeastTransport::Impl {
    std::string host;
    std::string port;
    bool tls = false;
    BeastTransportOptions options;
    asio::io_context ioc;
    std::optional<ssl::context> sslCtx;
    std::optional<beast::tcp_stream> plain;
    std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
    beast::flat_buffer buffer;

    beast::tcp_stream& lowest() { return tls ? beast::get_lowest_layer(*secure) : *plain; }
    bool connected() { return tls ? secure.has_value() : plain.has_value(); }

    // Runs the io_context until the started operation completes.
    beast::error_code runUntilDone(const std::function<void(std::function<void(beast::error_code)>)>& start) {
        beast::error_code result = asio::error::would_block;
        start([&](beast::error_code ec) { result = ec; });
        ioc.restart();
        ioc.run();
        return result;
    }

    beast::error_code connect() {
        disconnect();
        tcp::resolver resolver(ioc);
        beast::error_code ec;
        auto endpoints = resolver.resolve(host, port, ec);
        if (ec)
            return ec;
        if (tls)
            secure.emplace(ioc, *sslCtx);
        else
            plain.emplace(ioc);
        lowest().expires_after(options.timeout);
        ec = runUntilDone([&](auto done) {
            lowest().async_connect(endpoints, [done](beast::error_code e, const tcp::endpoint&) { done(e); });
        });
        if (!ec && tls) {
            if (!SSL_ctrl(secure->native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                          const_cast<char*>(host.c_str())))
                return beast::error_code(int(::ERR_get_error()), asio::error::get_ssl_category());
            lowest().expires_after(options.timeout);
            ec = runUntilDone([&](auto done) { secure->async_handshake(ssl::stream_base::client, done); });
        }
        if (ec)
            disconnect();
        return ec;
    }

    void disconnect() {
        plain.reset();
        secure.reset();
        buffer.clear();
    }

    Result<HttpResponse> once(const HttpRequest& r) {
        if (!connected())
            if (auto ec = connect())
                return unavailable("cannot reach " + host + ":" + port + ": " + ec.message());
        http::request<http::string_body> req{http::string_to_verb(r.method), r.target, 11};
        req.set(http::field::host, host);
        req.set(http::field::user_agent, "courtyard-device");
        for (const auto& [k, v] : r.headers)
            req.set(k, v);
        req.body() = r.body;
        req.keep_alive(true);
        req.prepare_payload();
        // Beast reads what the buffer has room for (at least 512 bytes): a page of a thousand
        // changes is read 64 KiB at a time instead of 512 bytes.
        if (buffer.capacity() < 64 * 1024)
            buffer.reserve(64 * 1024);
        http::response_parser<http::string_body> parser;
        parser.body_limit(256u << 20);
        parser.skip(r.method == "HEAD");
        lowest().expires_after(options.timeout);
        beast::error_code ec = runUntilDone([&](auto done) {
            auto afterWrite = [&, done](beast::error_code e, std::size_t) {
                if (e)
                    return done(e);
                lowest().expires_after(options.timeout);
                auto afterRead = [done](beast::error_code e2, std::size_t) { done(e2); };
                if (tls)
                    http::async_read(*secure, buffer, parser, afterRead);
                else
                    http::async_read(*plain, buffer, parser, afterRead);
            };
            if (tls)
                http::async_write(*secure, req, afterWrite);
            else
                http::async_write(*plain, req, afterWrite);
        });
        if (ec) {
            disconnect();
            return unavailable("talking to " + host + ":" + port + " failed: " + ec.message());
        }
        auto res = parser.release();
        HttpResponse out;
        out.status = res.result_int();
        for (const auto& f : res) {
            std::string name(f.name_string());
            for (auto& c : name)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            out.headers[name] = std::string(f.value());
        }
        out.body = std::move(res.body());
        if (!res.keep_alive())
            disconnect();
        return out;
    }
};

Result<std::unique_ptr<BeastTransport>> BeastTransport::create(const std::string& baseUrl, BeastTransportOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    std::string rest;
    if (baseUrl.rfind("http://", 0) == 0) {
        rest = baseUrl.substr(7);
    } else if (baseUrl.rfind("https://", 0) == 0) {
        rest = baseUrl.substr(8);
        impl->tls = true;
    } else {
        return invalidArgument("server URL '" + baseUrl + "' must start with http:// or https://");
    }
    rest = rest.substr(0, rest.find('/'));
    const auto colon = rest.rfind(':');
    impl->host = colon == std::string::npos ? rest : rest.substr(0, colon);
    impl->port = colon == std::string::npos ? (impl->tls ? "443" : "80") : rest.substr(colon + 1);
    if (impl->host.empty())
        return invalidArgument("server URL '" + baseUrl + "' has no host");
    if (impl->tls) {
        impl->sslCtx.emplace(ssl::context::tls_client);
        boost::system::error_code ec;
        impl->sslCtx->set_default_verify_paths(ec);
        if (!options.caFile.empty()) {
            impl->sslCtx->load_verify_file(options.caFile, ec);
            if (ec)
                return invalidArgument("CA file '" + options.caFile + "': " + ec.message());
        }
        impl->sslCtx->set_verify_mode(options.insecure ? ssl::verify_none : ssl::verify_peer);
        // A certificate a trusted CA issued for another host is refused as well.
        if (!options.insecure)
            impl->sslCtx->set_verify_callback(ssl::host_name_verification(impl->host));
    }
    return std::unique_ptr<BeastTransport>(new BeastTransport(std::move(impl)));
}

BeastTransport::BeastTransport(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
BeastTransport::~BeastTransport() = default;

void BeastTransport::disconnect() { m_impl->disconnect(); }

Result<HttpResponse> BeastTransport::send(const HttpRequest& request) {
    const bool wasConnected = m_impl->connected();
    auto r = m_impl->once(request);
    // A kept-alive connection the server closed while idle: try once more on a fresh one.
    if (!r && wasConnected)
        r = m_impl->once(request);
    return r;
}

} // namespace courtyard::sync
