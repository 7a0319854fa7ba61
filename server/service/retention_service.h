#pragma once
// Retention, run by the server once a day (rules/retention.h has the rules). A record past its
// time is first written to an archive folder the administrator keeps, with the attachments it
// refers to, and only then purged: it becomes a tombstone (`deleted`, a body of its community
// and `purged_at`, no history) under a new change version, so every device that had it deletes
// it at its next pull, and its report facts go with it. Attachments no record refers to any
// more are removed. Residents' names and phone numbers in records that ended long enough ago
// (policy) are blanked first, by an ordinary new version of the record.
//
// The archive folder, `<archive root>/retention-<UTC time>/`:
//   manifest.json   {"format": "courtyard-retention-archive", "version": 1, "created_at",
//                    "database", "records", "blobs", "types": {"complaint": n, …}}
//   records.jsonl   one record a line: {"id", "type", "version", "body", "stamps", "history",
//                    "origin_device", "ended_at"}
//   blobs/<sha256>  the attachments' bytes
// It is written under a `.partial` name, flushed, and renamed; the purge runs after that, then
// the blanking, in write transactions of 500 records (each with its own audit line), so devices'
// pushes are not held up by a long first pass. A server that dies before the archive is renamed
// purges nothing (a `.partial` folder may be left); one that dies during the purge has purged
// only archived records, and the next pass finds the rest (and archives them again). A record
// changed between the archive and the purge is left for the next pass. The pass reads only
// records that happened long enough ago to be due (rules::firstDueDays). importArchive() puts an archive back into a server (an empty one, or the one it came
// from), with new change versions.
//
// Several servers may share one database: the day's pass is claimed in the `retention_pass` meta
// row (the UTC day, as the escalation pass claims its slot), so one server runs it. Reports over
// periods that purged records were received in say so: the meta row `retention_purged_through`
// holds the latest reception time of any purged record.

#include "server/service/blob_service.h"
#include "server/service/clock.h"
#include "server/service/rules_cache.h"
#include "server/storage/server_storage.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace courtyard::server {

struct RetentionItem {
    std::string id;
    std::string type;
    std::string communityId;
    Instant endedAt{};
    Instant dueAt{}; // when it became due (to be purged, or its residents' data blanked)
};

// What a pass would do now.
struct RetentionPlan {
    std::vector<RetentionItem> purge;
    std::vector<RetentionItem> redact;
};

struct RetentionRun {
    bool ran = false; // false: another server already ran today's pass
    int archived = 0;
    int purged = 0;
    int redacted = 0;
    int blobsArchived = 0;
    int blobsRemoved = 0;
    std::filesystem::path archive; // empty when nothing was purged
};

struct ArchiveImport {
    int imported = 0;
    int present = 0; // a record the server has already (not purged): left as it is
    int blobs = 0;
    std::map<std::string, int> types;
};

class RetentionService {
public:
    RetentionService(ServerStorage& storage, BlobService& blobs, RulesCache& rules, Clock clock);

    Result<RetentionPlan> plan();
    // A pass now, writing the archive under `archiveRoot` (created if missing).
    Result<RetentionRun> runNow(const std::filesystem::path& archiveRoot);
    // Today's pass (UTC), unless a server already ran it.
    Result<RetentionRun> runScheduled(const std::filesystem::path& archiveRoot);

    static constexpr const char* kPassKey = "retention_pass";
    static constexpr std::int64_t kDayMs = 86'400'000; // one pass a UTC day
    static constexpr const char* kPurgedThroughKey = "retention_purged_through";

private:
    Result<RetentionPlan> planIn(ReadUnit& unit, Instant now);
    Result<RetentionRun> run(const std::filesystem::path& archiveRoot, Instant now);

    ServerStorage& m_storage;
    BlobService& m_blobs;
    RulesCache& m_rules;
    Clock m_clock;
};

// Puts the records and attachments of an archive folder back. Refuses, changing nothing, a
// folder that is not a retention archive or whose records do not read.
Result<ArchiveImport> importArchive(ServerStorage& storage, BlobService& blobs, const std::filesystem::path& folder);

// The latest reception time of any purged record; none when nothing was ever purged.
Result<std::optional<Instant>> purgedThrough(ReadUnit& unit);

} // namespace courtyard::server
