#pragma once
// Whether the bounded JSON reader reads a text as nlohmann's strict parser reads it: the same
// values with the same types of number, or a refusal of both. Used by bounded_json_test and
// decoder_fuzz.

#include "shared/core/bounded_json.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace courtyard::test {

// `v`'s encoding with each number's type marked (i, u, f): nlohmann's == and dump() do not tell
// a signed 5 from an unsigned one, which the codecs do.
inline std::string typedText(const nlohmann::json& v) {
    using Json = nlohmann::json;
    switch (v.type()) {
    case Json::value_t::object: {
        std::string out = "{";
        for (const auto& [key, member] : v.items())
            out += Json(key).dump() + ":" + typedText(member) + ",";
        return out + "}";
    }
    case Json::value_t::array: {
        std::string out = "[";
        for (const auto& item : v)
            out += typedText(item) + ",";
        return out + "]";
    }
    case Json::value_t::number_integer: return "i" + v.dump();
    case Json::value_t::number_unsigned: return "u" + v.dump();
    case Json::value_t::number_float: return "f" + v.dump();
    default: return v.dump();
    }
}

// What nlohmann's strict parser makes of `text`: its typed text, or "refused".
inline std::string nlohmannReads(std::string_view text) {
    const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    return j.is_discarded() ? "refused" : typedText(j);
}

// Empty when parseBoundedJson (within `limits`) reads `text` as nlohmann does, else what differs.
// The reader may also refuse a member given twice (nlohmann keeps the last) and nesting beyond
// `limits`; and text after a NUL byte, where nlohmann stops (what comes before must read alike).
inline std::string disagreementWithNlohmann(std::string_view text, const JsonLimits& limits) {
    const std::string want = nlohmannReads(text);
    const auto ours = parseBoundedJson(text, limits);
    const std::string got = ours ? typedText(*ours) : "refused";
    if (want == got)
        return {};
    const std::string refusal = ours ? "" : ours.error().message;
    if (!ours && (refusal.find("the member appears twice") != std::string::npos ||
                  refusal.find("nested deeper than") != std::string::npos))
        return {};
    if (const auto nul = text.find('\0'); !ours && nul != std::string_view::npos) {
        const auto head = parseBoundedJson(text.substr(0, nul), limits);
        if (head && typedText(*head) == want)
            return {};
    }
    return "text [" + std::string(text) + "]: nlohmann read " + want + ", the reader " + got + " " + refusal;
}

} // namespace courtyard::test
