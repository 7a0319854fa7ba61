#pragma once
// The report facts (schema version 2): for each record the reports count, a narrow row of the
// figures they group and compare by. The server's storage writes them in the same transaction
// as the record, so a report never sees one without the other; `rebuildFacts` recomputes them
// all from `records` when the projection below changes (kFactsVersion), on the next start.

#include "shared/store/record_store.h"

#include <any>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace courtyard::server::reports {

// Bump when what writeFacts() extracts changes: the server rebuilds the facts on start.
inline constexpr int kFactsVersion = 1;

// One row of a fact table: its statement (static text) and the values of its parameters in order
// (null, integer or text).
using FactValue = std::variant<std::monostate, std::int64_t, std::string>;
struct FactRow {
    std::string_view sql;
    std::vector<FactValue> values;
};

// The fact rows of one record, computed from its body apart from storing them: the push path
// computes them outside the write transaction, from the record it has just derived, so the
// writer only binds and inserts.
struct RecordFacts {
    std::vector<FactRow> rows;
};

// The facts of a record held as its typed domain value (records::RecordType::Prepared::typed),
// without decoding any JSON; nullopt when `typed` does not hold that type's value.
std::optional<RecordFacts> factsOfTyped(std::string_view type, const std::any& typed);
// The facts of a stored record. Its body must be parsed, or its rawBody set.
Result<RecordFacts> factsOf(const store::StoredRecord& record);

// Runs one fact statement (SQLite's text: "?" parameters, INSERT OR REPLACE; each engine writes
// it as factUpsertSql says, PostgreSQL with its own parameters, server/storage/postgres/pg_facts.h)
// with its values.
using FactStatement = std::function<Status(std::string_view sql, const std::vector<FactValue>& values)>;

// The statement a fact row's "INSERT OR REPLACE" is written with on both engines: an upsert on
// the table's key that changes the stored row only when some value differs, so a change to a
// record that leaves its figures as they were (a comment, an escalation) writes no row of the
// tables with one row per record (the others are deleted first and written again). Other
// statements (the DELETEs) come back as they are. Each text is built once and kept.
Result<std::reference_wrapper<const std::string>> factUpsertSql(std::string_view sql);

// Replaces the facts of one record (none for types the reports do not count, or a deleted
// record) with `facts`, which must be factsOf(record): the statements, for either engine.
Status writeFacts(const FactStatement& run, const store::StoredRecord& record, const RecordFacts& facts);
// The same on SQLite.
Status writeFacts(store::Database& db, const store::StoredRecord& record, const RecordFacts& facts);
// The same, computing the facts here.
Status writeFacts(store::Database& db, const store::StoredRecord& record);

// The record types that have facts, and every fact table.
const std::vector<std::string_view>& factTypes();
const std::vector<std::string_view>& factTables();

// Recomputes every fact from `records` if the stored projection version is not kFactsVersion.
// Returns the number of records projected (0 when already current). Runs in one transaction.
Result<std::int64_t> rebuildFactsIfStale(store::SqliteRecordStore& store);

} // namespace courtyard::server::reports
