#pragma once
// Request → response, the whole HTTP surface of the server (docs/sync-protocol.md):
//   GET  /healthz                      liveness and storage check
//   GET  /metrics                      Prometheus text
//   GET  /v1/whoami                    what the bearer token stands for
//   POST /v1/sync/push                 operations from the device's outbox
//   GET  /v1/sync/pull?cursor&limit    changes after the cursor
//   HEAD /v1/blobs/<sha256>            upload state (Upload-Offset, X-Blob-Complete)
//   PUT  /v1/blobs/<sha256>?offset&total   one chunk of an attachment
//   GET  /v1/blobs/<sha256>            a complete attachment (staff devices)
// Errors are {"error": {"code", "message"}} with the status chosen in one place (errors.cpp).

#include "server/http/context.h"

#include <boost/beast/http.hpp>
#include <string>

namespace courtyard::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

Response handleRequest(const Request& req, ServerContext& ctx);
// The largest body a request to this target may carry; checked before the body is read.
std::size_t bodyLimitFor(http::verb method, std::string_view target);
// The largest body any route accepts.
std::size_t maxBodyLimit();
// The route's name for metrics and logs ("/v1/blobs/:sha" rather than every hash).
std::string routeName(http::verb method, std::string_view target);

// Shared with the session for errors raised before a handler runs (body too large, …).
int httpStatusFor(ErrorCode code);
Response errorResponse(const Error& e, unsigned version, bool keepAlive);

} // namespace courtyard::server
