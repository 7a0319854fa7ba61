#include "shared/core/json_dump.h"

#include <charconv>
#include <cstdint>

namespace courtyard {

namespace {

using Json = nlohmann::json;

// The length of the well-formed UTF-8 sequence starting at s[i] (Unicode's table 3-7: no
// overlong forms, no surrogates, nothing above U+10FFFF), or 0 when it is not one. nlohmann
// accepts exactly these sequences.
std::size_t utf8Sequence(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    const unsigned c = byte(i);
    // Past the end reads 0, which no continuation range holds.
    const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        const unsigned b = byte(k);
        return b >= lo && b <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(i + 1) ? 2 : 0;
    if (c == 0xE0)
        return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return cont(i + 1) && cont(i + 2) ? 3 : 0;
    if (c == 0xED)
        return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
    if (c == 0xF0)
        return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (c == 0xF4)
        return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    return 0;
}

// Appends `s` quoted and escaped as nlohmann does without ensure_ascii: the two-character
// escapes for \b \t \n \f \r " and \\, \u00xx (lower-case hex) for the other control
// characters, everything else as it is. False, with `out` part-written, on invalid UTF-8.
bool appendString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0; // start of the bytes copied whole
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t n = utf8Sequence(s, i);
            if (n == 0)
                return false;
            i += n;
            continue;
        }
        out.append(s.substr(run, i - run));
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
        run = ++i;
    }
    out.append(s.substr(run));
    out += '"';
    return true;
}

template <typename Integer>
void appendInteger(std::string& out, Integer v) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    out.append(buffer, end);
}

// False when a string in `v` is not valid UTF-8 (`out` is then part-written).
bool append(std::string& out, const Json& v) {
    switch (v.type()) {
    case Json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : v.get_ref<const Json::object_t&>()) {
            if (!first)
                out += ',';
            first = false;
            if (!appendString(out, key))
                return false;
            out += ':';
            if (!append(out, member))
                return false;
        }
        out += '}';
        return true;
    }
    case Json::value_t::array: {
        out += '[';
        bool first = true;
        for (const auto& item : v.get_ref<const Json::array_t&>()) {
            if (!first)
                out += ',';
            first = false;
            if (!append(out, item))
                return false;
        }
        out += ']';
        return true;
    }
    case Json::value_t::string:
        return appendString(out, v.get_ref<const std::string&>());
    case Json::value_t::boolean:
        out += v.get<bool>() ? "true" : "false";
        return true;
    case Json::value_t::number_integer:
        appendInteger(out, v.get<std::int64_t>());
        return true;
    case Json::value_t::number_unsigned:
        appendInteger(out, v.get<std::uint64_t>());
        return true;
    case Json::value_t::null:
        out += "null";
        return true;
    case Json::value_t::number_float: // nlohmann's own shortest round-trip form
    case Json::value_t::binary:
    case Json::value_t::discarded:
        out += v.dump();
        return true;
    }
    return true;
}

// nlohmann's handling of invalid UTF-8 that `invalid` stands for.
Json::error_handler_t handlerFor(InvalidUtf8 invalid) {
    return invalid == InvalidUtf8::Replace ? Json::error_handler_t::replace : Json::error_handler_t::strict;
}

} // namespace

void appendJson(std::string& out, const Json& value, InvalidUtf8 invalid) {
    const std::size_t start = out.size();
    if (append(out, value))
        return;
    // Invalid UTF-8 somewhere: nlohmann decides, so the outcome is exactly dump()'s.
    out.resize(start);
    out += value.dump(-1, ' ', false, handlerFor(invalid));
}

void appendJsonString(std::string& out, std::string_view text, InvalidUtf8 invalid) {
    const std::size_t start = out.size();
    if (appendString(out, text))
        return;
    out.resize(start);
    // Invalid UTF-8: nlohmann decides, as above.
    out += Json(std::string(text)).dump(-1, ' ', false, handlerFor(invalid));
}

std::string dumpJson(const Json& value, InvalidUtf8 invalid) {
    std::string out;
    appendJson(out, value, invalid);
    return out;
}

} // namespace courtyard
