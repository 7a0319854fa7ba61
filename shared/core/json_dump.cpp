#include "shared/core/json_dump.h"

#include "shared/core/utf8.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace courtyard {

namespace {

using Json = nlohmann::json;

// Whether any of the eight bytes in `word` needs more than a copy: a control character, '"',
// '\\', or a byte >= 0x80 (UTF-8 to check). The tests are the "has a byte below n" idiom
// (x - n * 0x01..) & ~x & 0x80.. (n = 1 after xor-ing with '"' or '\\'): the lowest byte that
// matches never receives a borrow, so it is always flagged, and no word needing attention is
// skipped. (A borrow may flag bytes above it too; the byte loop looks at them one by one.)
constexpr bool needsAttention(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const auto hasZero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    const std::uint64_t below0x20 = (word - ones * 0x20) & ~word & highs;
    return ((word & highs) | below0x20 | hasZero(word ^ (ones * '"')) | hasZero(word ^ (ones * '\\'))) != 0;
}

// Appends `s` quoted and escaped as nlohmann does without ensure_ascii: the two-character
// escapes for \b \t \n \f \r " and \\, \u00xx (lower-case hex) for the other control
// characters, everything else as it is. False, with `out` part-written, on invalid UTF-8.
// Plain ASCII is skipped eight bytes at a time, and runs that need no escape are copied whole.
bool appendString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0; // start of the bytes copied whole
    std::size_t i = 0;
    while (i < s.size()) {
        if (s.size() - i >= 8) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if (!needsAttention(word)) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            do { // a run of non-ASCII text (Chinese is three bytes a character) checked in one loop
                const std::size_t n = utf8::sequenceAt(s, i);
                if (n == 0)
                    return false;
                i += n;
            } while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80);
            continue;
        }
        out.append(s.data() + run, i - run);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            out.append(escape, sizeof escape);
        }
        }
        run = ++i;
    }
    out.append(s.data() + run, s.size() - run);
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
