#pragma once
// The report facts (schema version 2): for each record the reports count, a narrow row of the
// figures they group and compare by. The server's storage writes them in the same transaction
// as the record, so a report never sees one without the other; `rebuildFacts` recomputes them
// all from `records` when the projection below changes (kFactsVersion), on the next start.

#include "shared/store/record_store.h"

namespace courtyard::server::reports {

// Bump when what writeFacts() extracts changes: the server rebuilds the facts on start.
inline constexpr int kFactsVersion = 1;

// Replaces the facts of one record (none for types the reports do not count, or a deleted
// record). The record's body must be parsed, or its rawBody set.
Status writeFacts(store::Database& db, const store::StoredRecord& record);

// Recomputes every fact from `records` if the stored projection version is not kFactsVersion.
// Returns the number of records projected (0 when already current). Runs in one transaction.
Result<std::int64_t> rebuildFactsIfStale(store::SqliteRecordStore& store);

} // namespace courtyard::server::reports
