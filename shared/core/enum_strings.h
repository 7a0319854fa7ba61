#pragma once
// Strict enum <-> string mapping. Unlike NLOHMANN_JSON_SERIALIZE_ENUM, an unknown string is an
// error, never silently the first enumerator: a typo in a request must not become a valid value.

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace courtyard {

// Thrown by decoders; converted to ErrorCode::InvalidArgument at the codec boundary.
struct DecodeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

namespace detail {
template <typename E, std::size_t N>
constexpr std::string_view enumName(const std::array<std::pair<E, std::string_view>, N>& names,
                                    E v) {
    for (const auto& [e, n] : names)
        if (e == v)
            return n;
    return "?";
}
template <typename E, std::size_t N>
constexpr bool enumParse(const std::array<std::pair<E, std::string_view>, N>& names,
                         std::string_view s, E& out) {
    for (const auto& [e, n] : names) {
        if (n == s) {
            out = e;
            return true;
        }
    }
    return false;
}
template <typename E, std::size_t N>
std::string enumChoices(const std::array<std::pair<E, std::string_view>, N>& names) {
    std::string out;
    for (const auto& [e, n] : names) {
        if (!out.empty())
            out += ", ";
        out += n;
    }
    return out;
}
} // namespace detail
} // namespace courtyard

// Declares, in the enum's namespace: enumName(E), fromString(sv, E&), allValues(E{}) and the
// nlohmann to_json/from_json pair (found by ADL).
#define COURTYARD_ENUM_STRINGS(E, ...)                                                             \
    inline constexpr auto kNamesOf##E = std::to_array<std::pair<E, std::string_view>>(__VA_ARGS__); \
    inline constexpr std::string_view enumName(E v) {                                              \
        return ::courtyard::detail::enumName(kNamesOf##E, v);                                      \
    }                                                                                              \
    inline constexpr bool fromString(std::string_view s, E& out) {                                 \
        return ::courtyard::detail::enumParse(kNamesOf##E, s, out);                                \
    }                                                                                              \
    inline constexpr const auto& enumNames(E) { return kNamesOf##E; }                              \
    template <typename BasicJsonType>                                                              \
    inline void to_json(BasicJsonType& j, const E& v) {                                            \
        j = std::string(enumName(v));                                                             \
    }                                                                                              \
    template <typename BasicJsonType>                                                              \
    inline void from_json(const BasicJsonType& j, E& v) {                                          \
        if (!j.is_string())                                                                        \
            throw ::courtyard::DecodeError("must be one of: " +                                    \
                                           ::courtyard::detail::enumChoices(kNamesOf##E));         \
        const auto& s = j.template get_ref<const std::string&>();                                  \
        if (!fromString(s, v))                                                                     \
            throw ::courtyard::DecodeError("'" + s + "' is not one of: " +                         \
                                           ::courtyard::detail::enumChoices(kNamesOf##E));         \
    }
