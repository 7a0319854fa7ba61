#pragma once
// The client-side engine talks HTTP through this interface: the Qt app implements it with
// QNetworkAccessManager, the headless device with Boost.Beast, tests wrap either to drop,
// duplicate or reorder messages.

#include "shared/core/result.h"

#include <map>
#include <string>

namespace courtyard::sync {

struct HttpRequest {
    std::string method = "GET";
    std::string target; // path and query: "/v1/sync/pull?cursor=…"
    std::map<std::string, std::string> headers;
    std::string body;
};

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
};

class Transport {
public:
    virtual ~Transport() = default;
    // Sends one request. Network failures (refused, timed out, reset) are Unavailable; any
    // HTTP status, including 4xx/5xx, is a response.
    virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
};

} // namespace courtyard::sync
