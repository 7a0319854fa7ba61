#pragma once
// The one JSON reader for text from outside the process (request bodies, stored records read
// back, server responses on a device), our own: it reads what nlohmann's strict parser reads,
// in half the instructions. nlohmann's DOM builds any document, and a 100,000-deep array crashes
// whoever copies or prints it; this reader refuses, while parsing, anything beyond its limits:
// nesting, string and key lengths, array and object sizes, the number of values (one costs far
// more memory than its text), duplicate keys and numbers that are not finite. The error names
// the place: "ops[3].fields.note: nested deeper than 64 levels".

#include "shared/core/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <nlohmann/json.hpp>
#include <string_view>

namespace courtyard {

struct JsonLimits {
    int maxDepth = 64; // the reader recurses once a level: keep this in the hundreds at most
    std::size_t maxStringBytes = 1u << 20;
    std::size_t maxKeyBytes = 1024;
    std::size_t maxArrayItems = 200000;
    std::size_t maxObjectMembers = 20000;
    std::size_t maxValues = static_cast<std::size_t>(-1); // every scalar, array and object counts
    // A NUL character (U+0000, written \u0000) in a text or a member name. No person types one,
    // and PostgreSQL's text cannot hold one: request() refuses it. A push reads it, and rejects
    // each operation holding one on its own (sync/protocol/payload_text.h). Stored JSON may
    // hold one (written before).
    bool allowNul = true;

    // What the server takes from a device (docs/sync-protocol.md, "Limits").
    static JsonLimits request();
    // Stored JSON read back, and answers a device reads from a server: the same depth, roomier
    // sizes (a record's lists grow with every append).
    static JsonLimits stored();
};

// Parses `text` within `limits`. Syntax errors, nesting, sizes and duplicate keys are
// InvalidArgument; more values than `maxValues` is ResourceExhausted (send less at once).
Result<nlohmann::json> parseBoundedJson(std::string_view text, const JsonLimits& limits);

// Where the first text or member name holding a NUL character is, as the reader names places
// ("body.content"; "" for `j` itself); nothing when there is none. What a device checks before
// it queues an edit, so that it never queues one the server refuses whole.
std::optional<std::string> nulPlace(const nlohmann::json& j);

} // namespace courtyard
