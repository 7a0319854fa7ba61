#include "server/storage/backup.h"

#include "server/storage/data_dir_lock.h"
#include "server/storage/durable_file.h"
#include "server/storage/sqlite_storage.h"
#include "shared/store/database.h"
#include "sync/protocol/crypto.h"

#include <fstream>

namespace courtyard::server {

namespace fs = std::filesystem;
using store::Database;

namespace {

constexpr const char* kDbFile = "courtyard.db";
constexpr const char* kFormat = "1";

// A path inside single quotes in SQL.
std::string sqlQuoted(const fs::path& p) {
    std::string out = "'";
    for (char c : p.string())
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

fs::path blobPath(const fs::path& dataDir, const std::string& sha) { return dataDir / "blobs" / sha.substr(0, 2) / sha; }

Result<std::string> readWhole(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return notFound("cannot read " + p.string());
    return std::string(std::istreambuf_iterator<char>(in), {});
}

Result<std::int64_t> countOf(Database& db, const std::string& sql) {
    auto s = db.prepare(sql);
    if (!s)
        return s.error();
    CY_TRY(s->step());
    return s->int64(0);
}

Result<std::string> metaOf(Database& db, const std::string& table, const std::string& key) {
    auto s = db.prepare("SELECT value FROM " + table + " WHERE key = ?");
    if (!s)
        return s.error();
    s->bind(1, key);
    auto row = s->step();
    if (!row)
        return row.error();
    return *row ? s->text(0) : std::string();
}

// Copies every attachment complete in the snapshot into it.
Status copyAttachments(Database& out, const fs::path& dataDir, BackupSummary& summary) {
    std::vector<std::string> complete;
    {
        auto s = out.prepare("SELECT sha256 FROM blobs WHERE complete = 1 ORDER BY sha256");
        if (!s)
            return s.error();
        while (true) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            complete.push_back(s->text(0));
        }
    }
    for (const auto& sha : complete) {
        auto bytes = readWhole(blobPath(dataDir, sha));
        if (!bytes || sync::sha256Hex(*bytes) != sha) {
            ++summary.missingAttachments; // restored as not uploaded: devices that have it send it again
            continue;
        }
        auto ins = out.prepare("INSERT INTO backup_blobs (sha256, data) VALUES (?, ?)");
        if (!ins)
            return ins.error();
        ins->bind(1, sha).bindBlob(2, bytes->data(), bytes->size());
        CY_TRY(ins->exec());
        ++summary.attachments;
        summary.attachmentBytes += std::int64_t(bytes->size());
    }
    return {};
}

} // namespace

Result<BackupSummary> backupDataDir(const fs::path& dataDir, const fs::path& to, Instant now) {
    const fs::path source = dataDir / kDbFile;
    std::error_code ec;
    if (!fs::exists(source, ec))
        return notFound("no database in " + dataDir.string());
    auto partial = to;
    partial += ".partial";
    fs::remove(partial, ec);
    {
        // Opened like any reader beside the running server (VACUUM INTO only reads it).
        auto db = Database::open(source.string(), store::OpenOptions{false, false});
        if (!db)
            return db.error();
        CY_TRY((*db)->exec("VACUUM INTO " + sqlQuoted(partial)));
    }
    BackupSummary summary;
    {
        auto out = Database::open(partial.string());
        if (!out)
            return out.error();
        Database& db = **out;
        CY_TRY(db.exec("BEGIN IMMEDIATE; CREATE TABLE backup_blobs (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL);"
                       "CREATE TABLE backup_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        auto id = metaOf(db, "meta", "database_id");
        auto records = countOf(db, "SELECT count(*) FROM records");
        if (!id || !records)
            return internalError("the snapshot cannot be read: " + (!id ? id.error() : records.error()).message);
        summary.databaseId = *id;
        summary.records = *records;
        CY_TRY(copyAttachments(db, dataDir, summary));
        for (const auto& [k, v] : {std::pair<std::string, std::string>{"format", kFormat},
                                   {"database_id", summary.databaseId},
                                   {"backed_up_at", formatInstant(now)},
                                   {"records", std::to_string(summary.records)},
                                   {"attachments", std::to_string(summary.attachments)}}) {
            auto s = db.prepare("INSERT INTO backup_info (key, value) VALUES (?, ?)");
            if (!s)
                return s.error();
            s->bind(1, k).bind(2, v);
            CY_TRY(s->exec());
        }
        // One self-contained file: no write-ahead log beside it.
        CY_TRY(db.exec("COMMIT; PRAGMA journal_mode=DELETE"));
    }
    CY_TRY(syncFile(partial));
    fs::rename(partial, to, ec);
    if (ec)
        return unavailable("could not move the backup to " + to.string() + ": " + ec.message());
    return summary;
}

Result<RestoreSummary> restoreDataDir(const fs::path& from, const fs::path& dataDir, bool replace, Instant now) {
    std::error_code ec;
    if (!fs::exists(from, ec))
        return notFound("no backup " + from.string());
    fs::create_directories(dataDir, ec);
    auto lock = DataDirLock::acquire(dataDir, DataDirLock::Mode::Exclusive);
    if (!lock)
        return lock.error();
    const fs::path target = dataDir / kDbFile;
    if (fs::exists(target, ec) && !replace)
        return failedPrecondition(dataDir.string() + " already holds a database: restore into an empty directory, "
                                                      "or give --replace to move it aside");
    RestoreSummary summary;
    const fs::path work = dataDir / "courtyard.db.restoring";
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(work.string() + suffix, ec);
    fs::copy_file(from, work, fs::copy_options::overwrite_existing, ec);
    if (ec)
        return unavailable("cannot copy " + from.string() + ": " + ec.message());
    {
        auto opened = Database::open(work.string(), store::OpenOptions{false, false});
        if (!opened)
            return opened.error();
        Database& db = **opened;
        auto format = metaOf(db, "backup_info", "format");
        if (!format || *format != kFormat)
            return invalidArgument(from.string() + " is not a Courtyard backup");
        auto backedUp = metaOf(db, "backup_info", "database_id");
        auto at = metaOf(db, "backup_info", "backed_up_at");
        if (!backedUp || !at)
            return invalidArgument(from.string() + " is not a Courtyard backup");
        summary.backedUpDatabaseId = *backedUp;
        summary.backedUpAt = *at;
        // Attachments back into their files (verified), then those the backup lacked marked
        // as not uploaded, so a device that has them sends them again.
        auto s = db.prepare("SELECT sha256, data FROM backup_blobs");
        if (!s)
            return s.error();
        while (true) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            const std::string sha = s->text(0);
            const auto data = s->blob(1);
            const std::string_view bytes(reinterpret_cast<const char*>(data.data()), data.size());
            if (sync::sha256Hex(bytes) != sha)
                return internalError("attachment " + sha + " in the backup is damaged");
            const auto path = blobPath(dataDir, sha);
            fs::create_directories(path.parent_path(), ec);
            if (!fs::exists(path, ec))
                CY_TRY(writeDurably(path, bytes));
            ++summary.attachments;
        }
        summary.newDatabaseId = SqliteStorage::newDatabaseId();
        auto meta = [&](const char* key, const std::string& value) -> Status {
            auto m = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
            if (!m)
                return m.error();
            m->bind(1, key).bind(2, value);
            return m->exec();
        };
        CY_TRY(db.exec("BEGIN IMMEDIATE; UPDATE blobs SET complete = 0, received = 0 WHERE complete = 1 AND "
                       "sha256 NOT IN (SELECT sha256 FROM backup_blobs); DROP TABLE backup_blobs; DROP TABLE backup_info"));
        CY_TRY(meta("database_id", summary.newDatabaseId));
        CY_TRY(meta("restored_at", formatInstant(now)));
        CY_TRY(meta("restored_from", summary.backedUpDatabaseId));
        CY_TRY(db.exec("COMMIT"));
        auto records = countOf(db, "SELECT count(*) FROM records");
        if (!records)
            return records.error();
        summary.records = *records;
        CY_TRY(db.exec("VACUUM; PRAGMA journal_mode=DELETE"));
    }
    CY_TRY(syncFile(work));
    if (fs::exists(target, ec)) {
        // Moved aside with its write-ahead log, never applied to the restored file.
        std::string stamp = formatInstant(now);
        for (auto& c : stamp)
            c = c == ':' ? '-' : c;
        summary.replaced = dataDir / ("courtyard.db.replaced-" + stamp);
        for (const char* suffix : {"", "-wal", "-shm"})
            if (fs::exists(target.string() + suffix, ec))
                fs::rename(target.string() + suffix, summary.replaced.string() + suffix, ec);
    }
    fs::rename(work, target, ec);
    if (ec)
        return unavailable("could not put the restored database in place: " + ec.message());
    return summary;
}

} // namespace courtyard::server
