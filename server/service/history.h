#pragma once
// A record's history (docs/sync-protocol.md, "History"): for every operation the server
// applied, who did it (the proven actor), on which device, when, and what changed. Kept with
// the record and synced with it to every device that may read it; the server's audit log keeps
// the same entries and the refusals besides.

#include "shared/domain/common.h"
#include "shared/store/record_store.h"
#include "sync/protocol/messages.h"

#include <optional>
#include <string>

namespace courtyard::server {

Json historyEntry(const sync::Operation& op, const domain::Actor& actor, const std::string& deviceId,
                  const std::optional<store::StoredRecord>& before, const store::StoredRecord& after);

// Appends an entry to a history held as JSON array text, without parsing what is there.
// Returns the entry as appended (its text, for the audit line that repeats it).
std::string appendHistory(std::string& history, const Json& entry);

// The entry of a create that makes a new record whose stored body's "state" is `state`, already
// encoded: the text appendHistory would append for historyEntry's answer. A push prepares it
// before its write transaction, for the actor it expects (sameHistoryActor says whether it
// still holds).
std::string createEntryText(const sync::Operation& op, const domain::Actor& actor, const std::string& deviceId,
                            std::string_view state);
// Appends an entry encoded by createEntryText.
void appendHistoryText(std::string& history, const std::string& text);
// Whether two actors make the same history entry (it names the staff id, name and role).
bool sameHistoryActor(const domain::Actor& a, const domain::Actor& b);

} // namespace courtyard::server
