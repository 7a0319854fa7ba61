#pragma once
// Result<T>: a value or an Error whose code tells the caller what to do next. GCC 12 has no
// std::expected, so this is a small one of our own with the same spirit (and the same names
// where they exist: has_value, value, error).

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace courtyard {

// Codes follow Abseil's canonical set, trimmed to what callers act on differently.
enum class ErrorCode {
    InvalidArgument,    // the input is malformed or incomplete: fix it, do not retry as-is
    NotFound,           // the thing referred to does not exist
    AlreadyExists,      // a create collided with an existing id
    FailedPrecondition, // the state does not allow this now (e.g. an illegal transition)
    PermissionDenied,   // the actor's role or scope does not allow it
    Unauthenticated,    // no valid credentials
    Conflict,           // lost a race against another writer; re-read and decide
    ResourceExhausted,  // a limit was hit (body size, throttling): slow down
    Unavailable,        // transient (network, busy database): retry later
    Internal,           // a bug or a corrupt store: report it
};

std::string_view errorCodeName(ErrorCode code);
bool errorCodeFromString(std::string_view text, ErrorCode& out);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    // A machine-readable refinement of the code where a client must act on it, e.g.
    // "device_revoked" (erase local data) or "credential_withdrawn" (sign in online again).
    std::string reason;
    // When to try again, in seconds (0: not said). Sent as Retry-After.
    int retryAfterSeconds = 0;
    // The input field the error is about ("number", "working_days"), so a form shows the
    // reason beside it; "" when it is about no one field.
    std::string field;

    Error() = default;
    Error(ErrorCode c, std::string m) : code(c), message(std::move(m)) {}
    Error(ErrorCode c, std::string m, std::string r) : code(c), message(std::move(m)), reason(std::move(r)) {}
};

inline bool operator==(const Error& a, const Error& b) {
    return a.code == b.code && a.message == b.message;
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool has_value() const { return m_v.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & { assert(has_value()); return std::get<0>(m_v); }
    const T& value() const& { assert(has_value()); return std::get<0>(m_v); }
    // By value from a temporary: `for (auto& x : *makeResult())` then keeps x's container alive.
    T value() && { assert(has_value()); return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error& error() const { assert(!has_value()); return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool has_value() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { assert(!m_ok); return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

inline Error invalidArgument(std::string m) { return {ErrorCode::InvalidArgument, std::move(m)}; }
// invalid_argument about one field of the input.
inline Error invalidField(std::string field, std::string m) {
    Error e{ErrorCode::InvalidArgument, std::move(m)};
    e.field = std::move(field);
    return e;
}
inline Error notFound(std::string m) { return {ErrorCode::NotFound, std::move(m)}; }
inline Error alreadyExists(std::string m) { return {ErrorCode::AlreadyExists, std::move(m)}; }
inline Error failedPrecondition(std::string m) { return {ErrorCode::FailedPrecondition, std::move(m)}; }
inline Error permissionDenied(std::string m) { return {ErrorCode::PermissionDenied, std::move(m)}; }
inline Error unauthenticated(std::string m) { return {ErrorCode::Unauthenticated, std::move(m)}; }
inline Error conflict(std::string m) { return {ErrorCode::Conflict, std::move(m)}; }
inline Error resourceExhausted(std::string m) { return {ErrorCode::ResourceExhausted, std::move(m)}; }
inline Error unavailable(std::string m) { return {ErrorCode::Unavailable, std::move(m)}; }
inline Error internalError(std::string m) { return {ErrorCode::Internal, std::move(m)}; }

} // namespace courtyard

// Propagates an error from an expression returning Result<...>; evaluates to nothing. Each use
// names its temporary apart, so a CY_TRY inside a lambda inside a CY_TRY shadows nothing.
#define CY_TRY_CONCAT2(a, b) a##b
#define CY_TRY_CONCAT(a, b) CY_TRY_CONCAT2(a, b)
#define CY_TRY(expr) CY_TRY_NAMED(expr, CY_TRY_CONCAT(cy_try_result_, __COUNTER__))
#define CY_TRY_NAMED(expr, name)                                                                   \
    do {                                                                                           \
        auto&& name = (expr);                                                                      \
        if (!name)                                                                                 \
            return name.error();                                                                   \
    } while (false)
