#pragma once
// Backup and restore of a data directory (docs/admin.md). A backup is one SQLite file: a
// consistent snapshot of courtyard.db taken while the server runs (VACUUM INTO reads one
// transaction's view, beside the writer), plus every attachment complete in that snapshot
// (table backup_blobs) and what was backed up (backup_info). Attachments are content-addressed
// and never change once complete, so copying them after the snapshot keeps it consistent.
//
// A restore writes the snapshot back with a new database identity (meta 'database_id'): the
// identity devices see in every answer and in their pull cursors, so each device learns that
// the server forgot what it had after the backup, pulls again from the start and re-sends the
// operations it made since (sync/client/sync_engine.h).

#include "shared/core/result.h"
#include "shared/core/time.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace courtyard::server {

struct BackupSummary {
    std::string databaseId;
    std::int64_t records = 0;
    std::int64_t attachments = 0;
    std::int64_t attachmentBytes = 0;
    std::int64_t missingAttachments = 0; // complete in the database, but no file: not backed up
};

struct RestoreSummary {
    std::string backedUpDatabaseId;
    std::string newDatabaseId;
    std::int64_t records = 0;
    std::int64_t attachments = 0;
    std::string backedUpAt;
    std::filesystem::path replaced; // where the database it replaced was moved, if any
};

// Backs up <dataDir>/courtyard.db and its attachments into `to` (written beside it first, then
// renamed: an interrupted backup leaves no half file under that name).
Result<BackupSummary> backupDataDir(const std::filesystem::path& dataDir, const std::filesystem::path& to, Instant now);

// Restores `from` into `dataDir`. Refuses while a server runs on it (DataDirLock); a database
// already there is refused unless `replace`, and then moved aside, never deleted.
Result<RestoreSummary> restoreDataDir(const std::filesystem::path& from, const std::filesystem::path& dataDir,
                                      bool replace, Instant now);

} // namespace courtyard::server
