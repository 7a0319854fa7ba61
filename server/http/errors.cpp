// The one place an error code becomes an HTTP status and a JSON body.
#include "server/http/router.h"
#include "shared/core/json_dump.h"
#include "sync/protocol/messages.h"

#include <algorithm>

namespace courtyard::server {

int httpStatusFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return 400;
    case ErrorCode::Unauthenticated:
        return 401;
    case ErrorCode::PermissionDenied:
        return 403;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::AlreadyExists:
    case ErrorCode::FailedPrecondition:
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::ResourceExhausted:
        return 429;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

Response errorResponse(const Error& e, unsigned version, bool keepAlive) {
    Response res{http::status(httpStatusFor(e.code)), version};
    res.set(http::field::content_type, "application/json");
    res.set(http::field::cache_control, "no-store");
    res.keep_alive(keepAlive);
    res.body() = dumpJson(sync::errorBody(e), InvalidUtf8::Replace);
    // The error's own wait when it has one (a PIN delay, a fair-use limit), else 2 s.
    if (e.retryAfterSeconds > 0)
        res.set(http::field::retry_after, std::to_string(e.retryAfterSeconds));
    else if (e.code == ErrorCode::Unavailable || e.code == ErrorCode::ResourceExhausted)
        res.set(http::field::retry_after, "2");
    res.prepare_payload();
    return res;
}

Response payloadTooLarge(std::string message, unsigned version, bool keepAlive) {
    Response res = errorResponse(resourceExhausted(std::move(message)), version, keepAlive);
    res.result(http::status::payload_too_large);
    res.erase(http::field::retry_after);
    return res;
}

Response bodyTooLarge(http::verb method, std::string_view target, unsigned version) {
    return payloadTooLarge("the request body is larger than the " + std::to_string(bodyLimitFor(method, target)) +
                               " bytes allowed here",
                           version, false);
}

std::optional<Response> responseForReadError(boost::system::error_code ec, unsigned version) {
    using he = boost::beast::http::error;
    if (ec == he::end_of_stream || ec == he::partial_message || ec == he::short_read ||
        ec.category() != boost::beast::http::make_error_code(he::bad_method).category())
        return std::nullopt; // the client went away, or the socket failed: nobody to answer
    if (ec == he::body_limit)
        return payloadTooLarge("the request body is larger than this route allows", version, false);
    if (ec == he::header_limit) {
        Response res = errorResponse(resourceExhausted("the request line and headers are larger than the 16 KiB "
                                                       "allowed"),
                                     version, false);
        res.result(http::status::request_header_fields_too_large);
        res.erase(http::field::retry_after);
        return res;
    }
    return errorResponse(invalidArgument("the request is not valid HTTP/1.1: " + ec.message()), version, false);
}

} // namespace courtyard::server
