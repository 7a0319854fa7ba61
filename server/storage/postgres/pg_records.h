#pragma once
// Records on PostgreSQL: the same columns and queries as the SQLite record store
// (shared/store/record_store.cpp), over one connection. Free functions used by the PostgreSQL
// units (pg_unit.h).

#include "server/storage/postgres/pg_connection.h"
#include "server/storage/server_storage.h"

namespace courtyard::server::pg {

Result<std::optional<store::StoredRecord>> getRecord(Connection& c, const std::string& id);
// Those of `ids` that exist, in one statement (in no particular order).
Result<std::vector<store::StoredRecord>> getRecords(Connection& c, const std::vector<std::string>& ids);
Result<std::vector<store::StoredRecord>> queryRecords(Connection& c, const store::RecordQuery& q);
Result<std::int64_t> countRecords(Connection& c, const store::RecordQuery& q);
// ReadUnit::overdueClocks: the flag is taken out of the body's text by PostgreSQL.
Result<std::vector<OverdueClock>> overdueClocks(Connection& c, const store::RecordQuery& q);
// Changes after `afterVersion` in version order, unparsed (rawBody).
Result<std::vector<store::StoredRecord>> changes(Connection& c, const ChangeFilter& f, std::int64_t afterVersion,
                                                 int limit);
// How many changes `changes` would return with no limit.
Result<std::int64_t> countChanges(Connection& c, const ChangeFilter& f, std::int64_t afterVersion);
// Inserts or replaces the record with its version already set, with its index columns
// (store::indexFieldsFor, which the caller has checked).
Status putRecord(Connection& c, const store::StoredRecord& r, const records::IndexFields& idx, Send send);
// Keeps blob_refs in step with the attachments the record refers to.
Status indexBlobRefs(Connection& c, const store::StoredRecord& r, Send send = Send::Now);

} // namespace courtyard::server::pg
