#pragma once
// Small, stable, platform-independent 64-bit hashes for fingerprints and deterministic sampling.
// Not cryptographic: blobs and tokens use SHA-256 from OpenSSL (sync/crypto.h).

#include <cstdint>
#include <string>
#include <string_view>

namespace courtyard {

// FNV-1a, 64-bit.
constexpr std::uint64_t fnv1a64(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ull) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

// SplitMix64 finaliser: spreads the bits of a 64-bit value (used to turn FNV into a good
// uniform key for sampling).
constexpr std::uint64_t mix64(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::string toHex64(std::uint64_t v);

} // namespace courtyard
