// libFuzzer target over the server's whole HTTP surface, in-process: the input is the raw bytes
// of one request, parsed by Beast's request parser with the session's limits (16 KiB header,
// the route's body limit once the header is known), refused before the body where the session
// would (refuseBeforeBody), otherwise answered by the router over a real SQLite data directory
// (fuzz_server.h), and the answer serialised as the session writes it. Tokens cannot be guessed,
// so a token written "@staff", "@supervisor", "@manager", "@developer" or "@kiosk" stands for
// that enrolled device's real one, and an X-Courtyard-Actor of "@s-1001" is replaced by a valid
// proof of that person on the device for the request's method and target (the corpus in
// tests/data/fuzz/router uses both). Any crash, sanitizer report or exception escaping the
// router is a bug. Built and run by scripts/fuzz.sh (clang).
#include "tests/fuzz/fuzz_server.h"

#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <sstream>

using namespace courtyard;
using namespace courtyard::server;

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024; // as the session (http_server.cpp)

std::string serialise(const Response& res) {
    std::ostringstream out;
    out << res;
    return out.str();
}

// Placeholders to real tokens and proofs; returns the device the request speaks for ("" if none).
std::string resolvePlaceholders(Request& req, fuzz::FuzzServer& server) {
    std::string device;
    const auto auth = req[http::field::authorization];
    if (auth.size() > 8 && auth.substr(0, 8) == "Bearer @") {
        device = std::string(auth.substr(8));
        req.set(http::field::authorization, "Bearer " + server.token(device));
    }
    const auto actor = req[sync::kActorHeader];
    if (!device.empty() && actor.size() > 1 && actor[0] == '@')
        if (auto c = server.credential(device, std::string(actor.substr(1)))) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(server.now().time_since_epoch());
            req.set(sync::kActorHeader, sync::actorHeaderValue(*c, std::string(http::to_string(req.method())),
                                                               std::string(req.target()), ms.count()));
        }
    return device;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& server = fuzz::FuzzServer::instance();
    server.tick(std::chrono::milliseconds(250));
    http::request_parser<http::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(maxBodyLimit());
    boost::beast::error_code ec;
    const char* at = reinterpret_cast<const char*>(data);
    std::size_t left = size;
    bool headerChecked = false;
    while (left > 0 && !parser.is_done()) {
        const std::size_t used = parser.put(boost::asio::buffer(at, left), ec);
        at += used;
        left -= used;
        if (ec == http::error::need_more) {
            ec = {};
            break;
        }
        if (ec)
            break;
        if (parser.is_header_done() && !headerChecked) {
            headerChecked = true;
            auto& h = parser.get();
            const std::size_t limit = bodyLimitFor(h.method(), h.target());
            if (const auto length = parser.content_length(); length && *length > limit) {
                (void)serialise(bodyTooLarge(h.method(), h.target(), h.version()));
                return 0;
            }
            parser.body_limit(limit);
            (void)resolvePlaceholders(h, server);
            if (auto refusal = refuseBeforeBody(h, server.context())) {
                (void)serialise(*refusal);
                return 0;
            }
        }
        if (used == 0)
            break;
    }
    if (!ec && !parser.is_done())
        parser.put_eof(ec); // the client closed: a body without a length ends here
    if (ec || !parser.is_done()) {
        const unsigned version = parser.is_header_done() ? parser.get().version() : 11;
        if (auto res = responseForReadError(ec ? ec : http::error::partial_message, version))
            (void)serialise(*res);
        return 0;
    }
    Request req = parser.release();
    (void)serialise(handleRequest(req, server.context()));
    return 0;
}
