#include "server/service/pass_claim.h"

#include <algorithm>
#include <charconv>

namespace courtyard::server {

Result<bool> passSlotClaimed(ReadUnit& unit, const char* key, Instant now, std::int64_t width) {
    width = std::max<std::int64_t>(1, width);
    const std::int64_t slot = toEpochMs(now) / width;
    auto last = unit.getMeta(key);
    if (!last)
        return last.error();
    if (!*last)
        return false;
    std::int64_t lastMs = 0;
    const auto& text = **last;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), lastMs);
    return ec == std::errc() && end == text.data() + text.size() && lastMs / width >= slot;
}

Result<bool> claimPassSlot(WriteUnit& unit, const char* key, Instant now, std::int64_t width) {
    auto claimed = passSlotClaimed(unit, key, now, width);
    if (!claimed)
        return claimed.error();
    if (*claimed)
        return false; // this slot's pass has run (here or on another server)
    CY_TRY(unit.setMeta(key, std::to_string(toEpochMs(now))));
    return true;
}

} // namespace courtyard::server
