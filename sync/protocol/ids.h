#pragma once
// Identifiers made on devices: record ids (UUIDv7: time-ordered, so ids sort by creation and
// index well, with 74 random bits so two offline devices never collide) and the receipt codes
// residents get at a kiosk.

#include "shared/core/time.h"

#include <string>

namespace courtyard::sync {

// The wire format of every id a device names (records, staff, devices): 1 to 64 characters of
// A–Z a–z 0–9 . _ : - (a UUIDv7, "s-1001", "cm-sunshine-b1-1-502", "dev-2Dls-0Gg").
inline constexpr std::size_t kMaxIdLength = 64;
bool isWireId(std::string_view s);
// Record types, actions and list names: 1 to 64 characters of a–z 0–9 _.
bool isWireName(std::string_view s);
// For error messages that quote what a device sent: at most `max` bytes, never a broken
// UTF-8 sequence at the cut.
std::string quoteInput(std::string_view s, std::size_t max = 48);

// "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" for the instant `now`.
std::string newUuidV7(Instant now);
bool isUuid(std::string_view s);

// "K7M2-Q9XD": 8 symbols of Crockford's base32 (no I, L, O, U: nothing to misread), 40 bits.
std::string newReceiptCode();
// Upper-cases, drops spaces and dashes, maps the look-alikes (O→0, I/L→1) a resident may type.
std::string normalizeReceiptCode(std::string_view typed);

} // namespace courtyard::sync
