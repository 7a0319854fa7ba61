#pragma once
// JSON encoding for the hot paths (a push's bodies, proofs and history lines; a record's body in
// the store): exactly the text nlohmann's compact `dump()` writes, written several times faster.
// nlohmann passes every byte of a string through a UTF-8 decoder and a switch; this copies runs
// of bytes that need no escape whole. The text is the same byte for byte, including what
// happens to invalid UTF-8: such a value is handed to nlohmann itself, which throws
// (`InvalidUtf8::Throw`, as `dump()` does) or writes U+FFFD for each bad sequence
// (`InvalidUtf8::Replace`, as `dump(-1, ' ', false, error_handler_t::replace)` does).

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace courtyard {

enum class InvalidUtf8 { Throw, Replace };

// Appends the compact encoding of `value` to `out`.
void appendJson(std::string& out, const nlohmann::json& value, InvalidUtf8 invalid = InvalidUtf8::Throw);

// Appends `text` as a JSON string: what appendJson writes for Json(std::string(text)).
void appendJsonString(std::string& out, std::string_view text, InvalidUtf8 invalid = InvalidUtf8::Throw);

// The compact encoding of `value`: `value.dump()`, or with Replace its replacing form.
std::string dumpJson(const nlohmann::json& value, InvalidUtf8 invalid = InvalidUtf8::Throw);

} // namespace courtyard
