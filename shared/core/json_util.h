#pragma once
// Helpers for the codecs: required keys via at(), optional keys that may be missing or null,
// unknown keys ignored (old clients survive new servers), and error messages that name the
// field. Instants travel as RFC 3339 strings; std::optional as value-or-null.

#include "shared/core/bounded_json.h"
#include "shared/core/enum_strings.h"
#include "shared/core/result.h"
#include "shared/core/time.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <type_traits>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::detail {

template <typename T>
inline constexpr bool kWholeNumber = std::is_integral_v<T> && !std::is_same_v<T, bool>;
template <typename T>
struct WholeNumbers : std::false_type {};
template <typename U, typename A>
struct WholeNumbers<std::vector<U, A>> : std::bool_constant<kWholeNumber<U>> {};

// nlohmann converts 1.5 to 1 and 1e300 to whatever the cast gives (undefined behaviour): a
// field that holds a whole number, or a list of them, must arrive as such, within the type's
// range.
template <typename T>
T strictGet(const nlohmann::json& v) {
    if constexpr (WholeNumbers<T>::value) {
        if (!v.is_array())
            throw DecodeError("must be an array");
        T out;
        out.reserve(v.size());
        for (const auto& item : v)
            out.push_back(strictGet<typename T::value_type>(item));
        return out;
    } else if constexpr (kWholeNumber<T>) {
        if (!v.is_number_integer())
            throw DecodeError("must be a whole number");
        if (v.is_number_unsigned()) {
            const auto u = v.get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
                throw DecodeError("is out of range (at most " + std::to_string(std::numeric_limits<T>::max()) + ")");
            return static_cast<T>(u);
        }
        const auto s = v.get<std::int64_t>();
        if constexpr (std::is_unsigned_v<T>) {
            if (s < 0)
                throw DecodeError("must not be negative");
        } else {
            if (s < std::int64_t(std::numeric_limits<T>::min()) || s > std::int64_t(std::numeric_limits<T>::max()))
                throw DecodeError("is out of range");
        }
        return static_cast<T>(s);
    } else {
        return v.template get<T>();
    }
}

} // namespace courtyard::detail

namespace nlohmann {

template <>
struct adl_serializer<courtyard::Instant> {
    static void to_json(json& j, const courtyard::Instant& t) { j = courtyard::formatInstant(t); }
    static void from_json(const json& j, courtyard::Instant& t) {
        if (!j.is_string())
            throw courtyard::DecodeError("must be an RFC 3339 time string");
        auto parsed = courtyard::parseInstant(j.get_ref<const std::string&>());
        if (!parsed)
            throw courtyard::DecodeError(parsed.error().message);
        t = *parsed;
    }
};

template <typename T>
struct adl_serializer<std::optional<T>> {
    static void to_json(json& j, const std::optional<T>& v) {
        if (v)
            j = *v;
        else
            j = nullptr;
    }
    static void from_json(const json& j, std::optional<T>& v) {
        if (j.is_null())
            v.reset();
        else
            v = courtyard::detail::strictGet<T>(j);
    }
};

} // namespace nlohmann

namespace courtyard {

using Json = nlohmann::json;

// An exception's message without nlohmann's "[json.exception.type_error.302] " prefix.
inline std::string readableError(const std::exception& e) {
    std::string msg = e.what();
    if (auto p = msg.find("] "); msg.rfind("[json.exception", 0) == 0 && p != std::string::npos)
        msg = msg.substr(p + 2);
    return msg;
}

namespace detail {
[[noreturn]] inline void rethrowWithField(std::string_view key, const std::exception& e) {
    std::string msg = readableError(e);
    // Nested fields read as a path: "visit.opinion: must be a string".
    const bool nested = !msg.empty() && msg.find(':') != std::string::npos &&
                        msg.find(' ') > msg.find(':');
    throw DecodeError(std::string(key) + (nested ? "." : ": ") + msg);
}
} // namespace detail

// Reads a required key; a missing key or a wrong type throws DecodeError naming the key.
template <typename T>
T required(const Json& j, std::string_view key) {
    if (!j.is_object())
        throw DecodeError("expected a JSON object");
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        throw DecodeError(std::string(key) + ": is required");
    try {
        return detail::strictGet<T>(*it);
    } catch (const std::exception& e) {
        detail::rethrowWithField(key, e);
    }
}

// Reads an optional key into `out` when present and not null; leaves `out` alone otherwise.
template <typename T>
void optionalInto(const Json& j, std::string_view key, T& out) {
    if (!j.is_object())
        throw DecodeError("expected a JSON object");
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return;
    try {
        out = detail::strictGet<T>(*it);
    } catch (const std::exception& e) {
        detail::rethrowWithField(key, e);
    }
}

template <typename T>
std::optional<T> optionalField(const Json& j, std::string_view key) {
    std::optional<T> out;
    optionalInto(j, key, out);
    return out;
}

// Runs a decoder and turns every decode failure into InvalidArgument with a readable message.
template <typename T>
Result<T> decodeJson(const Json& j) {
    try {
        return j.get<T>();
    } catch (const DecodeError& e) {
        return invalidArgument(e.what());
    } catch (const nlohmann::json::exception& e) {
        return invalidArgument(readableError(e));
    }
}

// Lookups that never throw, for data that may be malformed: the value at `key` when `j` is an
// object and the value has the expected type, otherwise the fallback. (nlohmann's value()
// throws when the key exists with another type.)
inline std::string stringAt(const Json& j, std::string_view key, std::string_view fallback = {}) {
    if (j.is_object())
        if (auto it = j.find(key); it != j.end() && it->is_string())
            return it->get<std::string>();
    return std::string(fallback);
}
inline Json arrayAt(const Json& j, std::string_view key) {
    if (j.is_object())
        if (auto it = j.find(key); it != j.end() && it->is_array())
            return *it;
    return Json::array();
}
inline Json objectAt(const Json& j, std::string_view key) {
    if (j.is_object())
        if (auto it = j.find(key); it != j.end() && it->is_object())
            return *it;
    return Json::object();
}

// Parses text as JSON without throwing, within the limits for stored JSON (bounded_json.h):
// whatever is read back from a database or a server is bounded like a request.
inline Result<Json> parseJson(std::string_view text) { return parseBoundedJson(text, JsonLimits::stored()); }

} // namespace courtyard
