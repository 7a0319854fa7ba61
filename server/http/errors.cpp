// The one place an error code becomes an HTTP status and a JSON body.
#include "server/http/router.h"
#include "sync/protocol/messages.h"

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
    res.body() = sync::errorBody(e).dump(-1, ' ', false, Json::error_handler_t::replace);
    if (e.code == ErrorCode::Unavailable || e.code == ErrorCode::ResourceExhausted)
        res.set(http::field::retry_after, "2");
    res.prepare_payload();
    return res;
}

} // namespace courtyard::server
