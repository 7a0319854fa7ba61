#pragma once
// Passes that exactly one server of a group runs in each slot of time (the escalation pass each
// interval, the retention pass each UTC day): the slot is claimed by writing the pass's instant
// to its meta row inside a write transaction. Write transactions are serialised on both engines,
// so the second server to try in a slot reads the claim and leaves the slot alone.

#include "server/storage/server_storage.h"

#include <cstdint>

namespace courtyard::server {

// Claims the slot of `width` milliseconds holding `now` in the meta row `key`: false when a pass
// of this slot (or a later one) has claimed it already, true after writing the claim.
Result<bool> claimPassSlot(WriteUnit& unit, const char* key, Instant now, std::int64_t width);

// Whether the slot holding `now` is claimed already: read first, a server that finds it so need
// not open a write transaction (the claim itself is still made, and checked, in one).
Result<bool> passSlotClaimed(ReadUnit& unit, const char* key, Instant now, std::int64_t width);

} // namespace courtyard::server
