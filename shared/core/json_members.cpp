#include "shared/core/json_members.h"

#include <algorithm>

namespace courtyard {

namespace {

// std::string's order (bytes compared unsigned) as <0, 0, >0, inline: keys are short and differ
// early, and a call to memcmp for each comparison cost more than the comparison.
int compareKeys(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// A key needs no escape when it is plain printable ASCII without a quote or backslash (every
// codec's key is): it is copied as it is.
void appendKey(std::string& out, std::string_view key) {
    for (const char c : key)
        if (c < 0x20 || c == '"' || c == '\\' || static_cast<unsigned char>(c) >= 0x80) {
            appendJsonString(out, key);
            return;
        }
    out += '"';
    out += key;
    out += '"';
}

} // namespace

void JsonTextMembers::appendTo(std::string& out) {
    // Sorted as nlohmann's object keeps its keys; of a key written twice, the later value stays
    // (the writes of a key sort in their order, and only the last of a run is written).
    std::sort(m_members.begin(), m_members.end(), [](const Member& a, const Member& b) {
        const int order = compareKeys(a.key, b.key);
        return order != 0 ? order < 0 : a.written < b.written;
    });
    out += '{';
    bool first = true;
    for (std::size_t i = 0; i < m_members.size(); ++i) {
        const Member& m = m_members[i];
        if (i + 1 < m_members.size() && compareKeys(m_members[i + 1].key, m.key) == 0)
            continue;
        if (!first)
            out += ',';
        first = false;
        appendKey(out, m.key);
        out += ':';
        out.append(m_values, m.from, std::size_t(m.to - m.from));
    }
    out += '}';
}

} // namespace courtyard
