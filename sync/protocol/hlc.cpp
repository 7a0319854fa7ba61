#include "sync/protocol/hlc.h"

#include "sync/protocol/ids.h"

#include <cstdint>
#include <cstdio>
#include <tuple>

namespace courtyard::sync {

std::string Hlc::toString() const {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%013lld.%04u.", static_cast<long long>(wallMs), counter);
    return std::string(buf) + node;
}

Result<Hlc> Hlc::parse(std::string_view text) {
    // Exactly the form toString() writes: 13 digits of wall-clock ms, a counter of 4 to 10
    // digits within 32 bits, and a node id. Anything else is refused, so a stamp like
    // "yesterday" never orders an edit.
    const auto bad = [&] {
        return invalidArgument("hlc " + quoteInput(text) +
                               " is not of the form <13-digit ms>.<4-digit counter>.<node id>");
    };
    const auto dot1 = text.find('.');
    if (dot1 != 13)
        return bad();
    const auto dot2 = text.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || dot2 - dot1 - 1 < 4 || dot2 - dot1 - 1 > 10)
        return bad();
    Hlc h;
    for (char c : text.substr(0, dot1)) {
        if (c < '0' || c > '9')
            return bad();
        h.wallMs = h.wallMs * 10 + (c - '0');
    }
    std::uint64_t counter = 0;
    for (char c : text.substr(dot1 + 1, dot2 - dot1 - 1)) {
        if (c < '0' || c > '9')
            return bad();
        counter = counter * 10 + std::uint64_t(c - '0');
    }
    if (counter > UINT32_MAX)
        return bad();
    const auto node = text.substr(dot2 + 1);
    if (!isWireId(node) || node.find('.') != std::string_view::npos)
        return bad();
    h.counter = std::uint32_t(counter);
    h.node = std::string(node);
    return h;
}

bool operator<(const Hlc& a, const Hlc& b) {
    return std::tie(a.wallMs, a.counter, a.node) < std::tie(b.wallMs, b.counter, b.node);
}

bool operator==(const Hlc& a, const Hlc& b) {
    return a.wallMs == b.wallMs && a.counter == b.counter && a.node == b.node;
}

HlcClock::HlcClock(std::string node, Hlc last) : m_last(std::move(last)) { m_last.node = std::move(node); }

Hlc HlcClock::now(std::int64_t physicalMs) {
    if (physicalMs > m_last.wallMs) {
        m_last.wallMs = physicalMs;
        m_last.counter = 0;
    } else {
        m_last.counter += 1;
    }
    return m_last;
}

void HlcClock::observe(const Hlc& remote, std::int64_t physicalMs, std::int64_t maxAheadMs) {
    std::int64_t remoteWall = remote.wallMs;
    if (remoteWall > physicalMs + maxAheadMs)
        remoteWall = physicalMs + maxAheadMs;
    if (remoteWall > m_last.wallMs) {
        m_last.wallMs = remoteWall;
        m_last.counter = remote.wallMs == remoteWall ? remote.counter : 0;
    } else if (remoteWall == m_last.wallMs && remote.counter > m_last.counter) {
        m_last.counter = remote.counter;
    }
}

} // namespace courtyard::sync
