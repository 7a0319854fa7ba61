#pragma once
// Backup and restore of a PostgreSQL database (docs/admin.md), with PostgreSQL's own tools: a
// backup is pg_dump's custom format of the database, attachments included (they live in it),
// taken while the servers serve. Its figures and the dump read one exported snapshot, so what
// the command reports is exactly what the file holds. A restore is pg_restore into an empty
// database (or, with `replace`, over a Courtyard database, its objects dropped first) in one
// transaction, then a new database identity (meta 'database_id', 'restored_at',
// 'restored_from'), as a restored data directory gets (storage/backup.h): devices learn that the
// server forgot what happened after the backup, pull again from the start and send again.
//
// pg_dump and pg_restore are those of the server's major version (Debian:
// /usr/lib/postgresql/<major>/bin; COURTYARD_PG_BIN overrides), else the first on PATH.

#include "server/storage/backup.h"

#include <filesystem>
#include <string>

namespace courtyard::server {

Result<BackupSummary> backupPostgres(const std::string& conninfo, const std::filesystem::path& to);

// Refuses a database that already holds Courtyard's tables unless `replace`. Stop every server
// of the database first: a server that keeps serving would mix the two histories.
Result<RestoreSummary> restorePostgres(const std::filesystem::path& from, const std::string& conninfo, bool replace,
                                       Instant now);

} // namespace courtyard::server
