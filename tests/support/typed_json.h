#pragma once
// A JSON value's encoding with each number's type marked (i, u, f): nlohmann's == and dump()
// do not tell a signed 5 from an unsigned one, which the codecs do. For comparing what two
// parsers made of the same text.

#include <nlohmann/json.hpp>

#include <string>

namespace courtyard::test {

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

} // namespace courtyard::test
