#pragma once
// Request → response, the whole HTTP surface of the server (docs/sync-protocol.md):
//   GET  /healthz                      liveness and storage check
//   GET  /metrics                      Prometheus text
//   GET  /v1/whoami                    what the bearer token stands for
//   POST /v1/sync/push                 operations from the device's outbox
//   GET  /v1/sync/pull?cursor&limit    changes after the cursor
//   HEAD /v1/blobs/<sha256>            upload state (Upload-Offset, X-Blob-Complete)
//   PUT  /v1/blobs/<sha256>?offset&total   one chunk of an attachment
//   GET  /v1/blobs/<sha256>            a complete attachment (devices that may read a record
//                                      referring to it)
//   POST /v1/auth/sign-in              a staff member's first sign-in on a device: a credential
//   POST /v1/auth/pin                  a staff member changes their PIN
//   GET  /v1/reports[/<kind>]          reports, for the person proven in X-Courtyard-Actor
//   …    /v1/admin/…                   the admin API, for an administrator proven the same way
//                                      (admin_routes.h)
//   POST /v1/enrol                     a one-time enrolment code exchanged for a device token
//                                      (no token yet)
// Errors are {"error": {"code", "message"}} with the status chosen in one place (errors.cpp).

#include "server/http/context.h"
#include "shared/core/bounded_json.h"

#include <boost/beast/http.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace courtyard::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

Response handleRequest(const Request& req, ServerContext& ctx);
// A request target: its path, and its query's parameters percent-decoded (a repeated key: the last).
struct Target {
    std::string path;
    std::map<std::string, std::string> query;
};
Target parseTarget(std::string_view target);
// Every JSON body a device or the office sends is read by one of these, within the request
// limits (bounded_json.h); a refusal names the place. requestObject also wants an object
// stating "schema": 2.
Result<Json> requestJson(const Request& req, const JsonLimits& limits = JsonLimits::request());
Result<Json> requestObject(const Request& req);
// A JSON answer (no-store), keeping the request's keep-alive.
Response jsonAnswer(const Request& req, http::status status, const Json& body);
// Before a large body is read: the answer the request gets whatever its body (unknown
// endpoint, no schema header, a token that is not valid), or nullopt to go on reading.
std::optional<Response> refuseBeforeBody(const Request& header, ServerContext& ctx);
// Bodies up to this size are read before the token is checked (every route but push and
// attachment chunks allows no more); a larger one only after refuseBeforeBody() let it through.
inline constexpr std::size_t kUncheckedBodyAllowance = 64 * 1024;
// The largest body a request to this target may carry; checked before the body is read.
std::size_t bodyLimitFor(http::verb method, std::string_view target);
// The largest body any route accepts.
std::size_t maxBodyLimit();
// The route's name for metrics and logs ("/v1/blobs/:sha" rather than every hash).
std::string routeName(http::verb method, std::string_view target);

// Shared with the session for errors raised before a handler runs (body too large, …).
int httpStatusFor(ErrorCode code);
// The JSON error answer; 429 and 503 carry Retry-After (the error's own wait, else 2 s).
Response errorResponse(const Error& e, unsigned version, bool keepAlive);
// 413: too big to take at once, and sending it again as it is will not help (no Retry-After).
Response payloadTooLarge(std::string message, unsigned version, bool keepAlive);
// 413 for a body beyond the route's limit.
Response bodyTooLarge(http::verb method, std::string_view target, unsigned version);
// The answer to a request the HTTP parser refused: 413 (body), 431 (header), 400 (anything
// malformed); nullopt when there is nobody to answer (the client closed or stalled).
std::optional<Response> responseForReadError(boost::system::error_code ec, unsigned version);

} // namespace courtyard::server
