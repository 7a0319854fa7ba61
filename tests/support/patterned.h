#pragma once
// Test data for attachments.

#include <cstddef>
#include <cstdint>
#include <string>

namespace courtyard::test {

// `n` bytes that look random and are the same for the same seed (attachments in tests).
inline std::string patterned(std::size_t n, std::uint32_t seed) {
    std::string s(n, '\0');
    std::uint32_t x = seed * 2654435761u + 1;
    for (auto& c : s) {
        x = x * 1664525u + 1013904223u;
        c = char(x >> 24);
    }
    return s;
}

} // namespace courtyard::test
