#pragma once
// The PostgreSQL schema: numbered migrations like SQLite's (shared/store/schema.cpp), recorded
// in schema_migrations and run under a session advisory lock, so several servers starting at
// once against one database apply each migration exactly once.

#include "server/storage/postgres/pg_connection.h"

namespace courtyard::server::pg {

// Advisory lock keys (pg_advisory_lock's bigint space), one per purpose.
inline constexpr std::int64_t kMigrationLock = 0x436f7572'74790001; // "Courty" + 1
inline constexpr std::int64_t kWriteLock = 0x436f7572'74790002;
inline constexpr std::int64_t kInUseLock = 0x436f7572'74790003; // pg_in_use.h
// Two-key advisory locks (pg_advisory_xact_lock(int, int), a key space apart from the one-key
// locks above): the class, then hashtext() of the name. A hash collision only makes two blobs
// (or two devices) wait for each other.
inline constexpr int kBlobLockClass = 0x43790003;        // one blob's upload (pg_blob_store.h)
inline constexpr int kUploadQuotaLockClass = 0x43790004; // one device's unfinished uploads

int currentSchemaVersion();
// Brings the database up to date; refuses one newer than this build.
Status migrate(Connection& c);

} // namespace courtyard::server::pg
