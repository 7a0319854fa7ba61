#include "sync/protocol/ids.h"

#include "sync/protocol/crypto.h"

#include <cstdio>

namespace courtyard::sync {

std::string newUuidV7(Instant now) {
    auto b = randomBytes(16);
    const auto ms = static_cast<std::uint64_t>(toEpochMs(now));
    for (int i = 0; i < 6; ++i)
        b[std::size_t(i)] = static_cast<unsigned char>(ms >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0f)); // version 7
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f)); // RFC 4122 variant
    char out[37];
    std::snprintf(out, sizeof out,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                  b[15]);
    return out;
}

bool isUuid(std::string_view s) {
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

bool isWireId(std::string_view s) {
    if (s.empty() || s.size() > kMaxIdLength)
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == ':' || c == '-'))
            return false;
    return true;
}

bool isWireName(std::string_view s) {
    if (s.empty() || s.size() > 64)
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

std::string quoteInput(std::string_view s, std::size_t max) {
    if (s.size() <= max)
        return "'" + std::string(s) + "'";
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut; // back to the start of a UTF-8 sequence
    return "'" + std::string(s.substr(0, cut)) + "…' (" + std::to_string(s.size()) + " bytes)";
}

namespace {
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string newReceiptCode() {
    const auto b = randomBytes(5);
    std::uint64_t v = 0;
    for (unsigned char c : b)
        v = (v << 8) | c;
    std::string out;
    for (int i = 7; i >= 0; --i) {
        out.push_back(kCrockford[(v >> (5 * i)) & 0x1f]);
        if (i == 4)
            out.push_back('-');
    }
    return out;
}

std::string normalizeReceiptCode(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-')
            continue;
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        if (c == 'O')
            c = '0';
        if (c == 'I' || c == 'L')
            c = '1';
        out.push_back(c);
    }
    if (out.size() == 8)
        return out.substr(0, 4) + "-" + out.substr(4);
    return out;
}

} // namespace courtyard::sync
