#pragma once
// The report facts (server/reports/facts.h) on PostgreSQL: the same rows as on SQLite, written
// by each record's put in the record's own transaction, and rebuilt from `records` when the
// projection's version (meta 'report_facts') is not this build's. The statements are the
// upserts both engines write (reports::factUpsertSql: INSERT … ON CONFLICT (the table's key)
// DO UPDATE … WHERE a value differs), with "?" numbered $n, once each.

#include "server/reports/facts.h"
#include "server/storage/postgres/pg_connection.h"

#include <string>
#include <string_view>

namespace courtyard::server::pg {

// Replaces the record's facts with `facts` (those of `record`).
Status writeFacts(Connection& c, const store::StoredRecord& record, const reports::RecordFacts& facts,
                  Send send = Send::Now);

// Recomputes every fact from `records` when the stored projection version is not
// reports::kFactsVersion: its own transaction, under the write lock, so servers starting at once
// rebuild once. Returns the records projected (0 when already current).
Result<std::int64_t> rebuildFactsIfStale(Connection& c);

// A fact statement of facts.cpp in PostgreSQL's words.
Result<std::string> postgresFactSql(std::string_view sqliteSql);

} // namespace courtyard::server::pg
