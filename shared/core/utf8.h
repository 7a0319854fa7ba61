#pragma once
// UTF-8 as JSON text must hold it: the well-formed sequences of Unicode's table 3-7.

#include <cstddef>
#include <string>
#include <string_view>

namespace courtyard::utf8 {

// Whether `b` is a continuation byte in [lo, hi] (80..BF unless a lead narrows it).
constexpr bool continuation(unsigned char b, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return b >= lo && b <= hi;
}

// The length of the well-formed sequence starting at s[i], a byte >= 0x80 (no overlong forms,
// no surrogates, nothing above U+10FFFF), or 0 when it is not one. nlohmann accepts exactly
// these sequences.
inline std::size_t sequenceAt(std::string_view s, std::size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    const std::size_t left = s.size() - i;
    const unsigned char c = p[0];
    if (c >= 0xC2 && c <= 0xDF)
        return left >= 2 && continuation(p[1]) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        // E0 needs A0..BF next (no overlong form), ED 80..9F (no surrogate).
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return left >= 3 && continuation(p[1], lo, hi) && continuation(p[2]) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        // F0 needs 90..BF next (no overlong form), F4 80..8F (nothing above U+10FFFF).
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return left >= 4 && continuation(p[1], lo, hi) && continuation(p[2]) && continuation(p[3]) ? 4 : 0;
    }
    return 0; // a continuation byte without a lead, C0, C1, F5..FF
}

// Appends code point `cp` (at most U+10FFFF, not a surrogate) encoded.
inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

} // namespace courtyard::utf8
