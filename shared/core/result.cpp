#include "shared/core/result.h"

#include <array>
#include <utility>

namespace courtyard {

namespace {
constexpr std::array<std::pair<ErrorCode, std::string_view>, 10> kNames{{
    {ErrorCode::InvalidArgument, "invalid_argument"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::AlreadyExists, "already_exists"},
    {ErrorCode::FailedPrecondition, "failed_precondition"},
    {ErrorCode::PermissionDenied, "permission_denied"},
    {ErrorCode::Unauthenticated, "unauthenticated"},
    {ErrorCode::Conflict, "conflict"},
    {ErrorCode::ResourceExhausted, "resource_exhausted"},
    {ErrorCode::Unavailable, "unavailable"},
    {ErrorCode::Internal, "internal"},
}};
} // namespace

std::string_view errorCodeName(ErrorCode code) {
    for (const auto& [c, name] : kNames)
        if (c == code)
            return name;
    return "internal";
}

bool errorCodeFromString(std::string_view text, ErrorCode& out) {
    for (const auto& [c, name] : kNames) {
        if (name == text) {
            out = c;
            return true;
        }
    }
    return false;
}

} // namespace courtyard
