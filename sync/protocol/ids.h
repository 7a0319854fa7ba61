#pragma once
// Identifiers made on devices: record ids (UUIDv7: time-ordered, so ids sort by creation and
// index well, with 74 random bits so two offline devices never collide) and the receipt codes
// residents get at a kiosk.

#include "shared/core/time.h"

#include <string>

namespace courtyard::sync {

// "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" for the instant `now`.
std::string newUuidV7(Instant now);
bool isUuid(std::string_view s);

// "K7M2-Q9XD": 8 symbols of Crockford's base32 (no I, L, O, U: nothing to misread), 40 bits.
std::string newReceiptCode();
// Upper-cases, drops spaces and dashes, maps the look-alikes (O→0, I/L→1) a resident may type.
std::string normalizeReceiptCode(std::string_view typed);

} // namespace courtyard::sync
