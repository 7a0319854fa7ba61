#include "server/storage/postgres_backup.h"

#include "server/storage/postgres/pg_connection.h"
#include "server/storage/postgres/pg_in_use.h"
#include "server/storage/sqlite_storage.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <spawn.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace courtyard::server {

namespace fs = std::filesystem;

namespace {

// Runs `program` with `args` and waits; its messages go to this process's standard error.
Status runTool(const std::string& program, const std::vector<std::string>& args) {
    std::vector<std::string> all{program};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (const int rc = posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ); rc != 0)
        return unavailable("cannot run " + program + ": " + std::strerror(rc) +
                           " (install PostgreSQL's client tools, or set COURTYARD_PG_BIN to their folder)");
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return internalError(std::string("waiting for ") + program + ": " + std::strerror(errno));
    if (!WIFEXITED(status))
        return internalError(program + " was stopped by signal " + std::to_string(WTERMSIG(status)));
    if (WEXITSTATUS(status) != 0)
        return internalError(program + " failed with exit code " + std::to_string(WEXITSTATUS(status)) +
                             " (its message is above)");
    return {};
}

// pg_dump or pg_restore of the server's major version.
std::string toolFor(pg::Connection& c, const char* name) {
    if (const char* dir = std::getenv("COURTYARD_PG_BIN"); dir && *dir)
        return (fs::path(dir) / name).string();
    if (auto v = c.exec("SHOW server_version_num"); v && v->size() > 0) {
        const auto path = fs::path("/usr/lib/postgresql") / std::to_string(std::atoi(v->text(0, 0).c_str()) / 10000) /
                          "bin" / name;
        std::error_code ec;
        if (fs::exists(path, ec))
            return path.string();
    }
    return name; // from PATH
}

Result<bool> holdsCourtyard(pg::Connection& c) {
    auto rows = c.exec("SELECT to_regclass('public.records') IS NOT NULL AND to_regclass('public.meta') IS NOT NULL");
    if (!rows)
        return rows.error();
    return rows->text(0, 0) == "t";
}

// Records, complete attachments and their bytes, and how many of those are not in the database
// (a group that keeps them in --blobs DIR): the backup cannot hold those.
Status countInto(pg::Connection& c, std::int64_t& records, std::int64_t& attachments, std::int64_t* bytes,
                 std::int64_t* outside) {
    auto rows = c.exec(
        "SELECT (SELECT count(*) FROM records), (SELECT count(*) FROM blobs WHERE complete), "
        "(SELECT coalesce(sum(size), 0) FROM blobs WHERE complete), "
        "CASE WHEN to_regclass('public.blob_data') IS NULL THEN (SELECT count(*) FROM blobs WHERE complete) "
        "ELSE (SELECT count(*) FROM blobs b WHERE complete AND NOT EXISTS "
        "(SELECT 1 FROM blob_data d WHERE d.sha256 = b.sha256 AND d.complete)) END");
    if (!rows)
        return rows.error();
    records = rows->int64(0, 0);
    attachments = rows->int64(0, 1);
    if (bytes)
        *bytes = rows->int64(0, 2);
    if (outside)
        *outside = rows->int64(0, 3);
    return {};
}

} // namespace

Result<BackupSummary> backupPostgres(const std::string& conninfo, const fs::path& to) {
    auto c = pg::openInUse(conninfo); // not while a restore replaces the database
    if (!c)
        return c.error();
    auto& db = **c;
    auto ours = holdsCourtyard(db);
    if (!ours)
        return ours.error();
    if (!*ours)
        return failedPrecondition("the database holds no Courtyard data (run 'courtyard-server init --store …' first)");
    // One snapshot for the figures and the dump: pg_dump reads the one this transaction exports,
    // while the servers go on writing.
    CY_TRY(db.run("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
    auto snapshot = db.exec("SELECT pg_export_snapshot(), (SELECT value FROM meta WHERE key = 'database_id')");
    if (!snapshot)
        return snapshot.error();
    BackupSummary summary;
    summary.databaseId = snapshot->text(0, 1);
    CY_TRY(countInto(db, summary.records, summary.attachments, &summary.attachmentBytes, &summary.missingAttachments));
    // Written beside the target first: an interrupted backup leaves no half file under its name.
    const fs::path part = to.string() + ".part";
    std::error_code ec;
    fs::remove(part, ec);
    CY_TRY(runTool(toolFor(db, "pg_dump"),
                   {"--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot->text(0, 0),
                    "--file=" + part.string(), "--dbname=" + conninfo}));
    CY_TRY(db.run("COMMIT"));
    fs::rename(part, to, ec);
    if (ec)
        return internalError("cannot rename " + part.string() + " to " + to.string() + ": " + ec.message());
    return summary;
}

Result<RestoreSummary> restorePostgres(const fs::path& from, const std::string& conninfo, bool replace, Instant now) {
    std::error_code ec;
    if (!fs::is_regular_file(from, ec))
        return notFound("no backup file '" + from.string() + "'");
    auto c = pg::Connection::open(conninfo);
    if (!c)
        return c.error();
    auto& db = **c;
    // Held until the restore is done: no server or command is using the database, and none
    // starts on it meanwhile.
    CY_TRY(pg::claimForRestore(db));
    const std::string restore = toolFor(db, "pg_restore");
    // A file pg_restore cannot read is refused before the database is touched.
    if (auto st = runTool(restore, {"--list", "--file=/dev/null", from.string()}); !st)
        return invalidArgument("'" + from.string() + "' is not a PostgreSQL backup of Courtyard (" +
                               st.error().message + ")");
    auto ours = holdsCourtyard(db);
    if (!ours)
        return ours.error();
    if (*ours && !replace)
        return failedPrecondition("the database already holds Courtyard data: give --replace to replace it "
                                  "(stop every server on it first), or restore into an empty database");
    std::vector<std::string> args{"--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"};
    if (*ours)
        args.insert(args.end(), {"--clean", "--if-exists"});
    args.push_back("--dbname=" + conninfo);
    args.push_back(from.string());
    CY_TRY(runTool(restore, args));

    RestoreSummary summary;
    auto backedUp = db.exec("SELECT value FROM meta WHERE key = 'database_id'");
    if (!backedUp)
        return backedUp.error();
    if (backedUp->size() == 0)
        return invalidArgument("'" + from.string() + "' holds no Courtyard database identity: not a Courtyard backup");
    summary.backedUpDatabaseId = backedUp->text(0, 0);
    summary.newDatabaseId = SqliteStorage::newDatabaseId();
    CY_TRY(db.run("BEGIN"));
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"database_id", summary.newDatabaseId},
                                     {"restored_at", formatInstant(now)},
                                     {"restored_from", summary.backedUpDatabaseId}})
        if (auto st = db.exec("INSERT INTO meta (key, value) VALUES ($1, $2) "
                              "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                              {key, value});
            !st) {
            (void)db.run("ROLLBACK");
            return st.error();
        }
    CY_TRY(db.run("COMMIT"));
    CY_TRY(countInto(db, summary.records, summary.attachments, nullptr, nullptr));
    return summary;
}

} // namespace courtyard::server
