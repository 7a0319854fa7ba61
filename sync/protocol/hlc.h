#pragma once
// Hybrid logical clocks (Kulkarni et al.): a timestamp that stays close to wall-clock time but
// never goes backwards and always orders an event after everything its node has seen. Used to
// order plain-field edits (last writer wins per field) and for audit. Text form:
// "<wall ms, 13 digits>.<counter, 4 digits>.<node>" — sortable as text within one width.

#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace courtyard::sync {

struct Hlc {
    std::int64_t wallMs = 0;
    std::uint32_t counter = 0;
    std::string node;

    std::string toString() const;
    static Result<Hlc> parse(std::string_view text);
};
bool operator<(const Hlc& a, const Hlc& b);
bool operator==(const Hlc& a, const Hlc& b);
inline bool operator>(const Hlc& a, const Hlc& b) { return b < a; }

// One node's clock. Not thread-safe; each device or server instance owns one.
class HlcClock {
public:
    explicit HlcClock(std::string node, Hlc last = {});
    // A timestamp for a local event at physical time `physicalMs`.
    Hlc now(std::int64_t physicalMs);
    // Folds in a timestamp seen from elsewhere, so later local events order after it. A remote
    // wall time further ahead of ours than `maxAheadMs` is not adopted (a device with a clock a
    // day fast must not drag everyone's clocks forward); the caller has corrected it already.
    void observe(const Hlc& remote, std::int64_t physicalMs, std::int64_t maxAheadMs);
    const Hlc& last() const { return m_last; }

private:
    Hlc m_last;
};

} // namespace courtyard::sync
