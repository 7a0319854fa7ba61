#include "server/cli/backup_command.h"

#include "server/service/clock.h"
#include "server/storage/backup.h"
#include "server/storage/postgres_backup.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace courtyard::server {

namespace {

struct BackupOptions {
    std::string data, store, file;
    bool replace = false;
};

int runBackup(const BackupOptions& o, const CliIo& io) {
    if (o.file.empty())
        return usageError(io.err, "backup", "--to FILE is required");
    if (auto st = checkDataLocation(o.data, o.store); !st)
        return usageError(io.err, "backup", st.error().message);
    auto s = o.store.empty() ? backupDataDir(o.data, o.file, systemNow()) : backupPostgres(o.store, o.file);
    if (!s) {
        io.err << "error: " << s.error().message << "\n";
        return 1;
    }
    io.out << "Backed up database " << s->databaseId << ": " << s->records << " records, " << s->attachments
           << " attachments (" << (s->attachmentBytes >> 20) << " MiB) to " << o.file << "\n";
    if (s->missingAttachments > 0)
        io.err << "warning: " << s->missingAttachments
               << (o.store.empty() ? " attachments marked complete have no intact file and are not in the backup\n"
                                   : " attachments are kept outside the database (--blobs DIR) and are not in the "
                                     "backup: copy that directory too\n");
    return 0;
}

int runRestore(const BackupOptions& o, const CliIo& io) {
    if (o.file.empty())
        return usageError(io.err, "restore", "--from FILE is required");
    if (auto st = checkDataLocation(o.data, o.store); !st)
        return usageError(io.err, "restore", st.error().message);
    auto s = o.store.empty() ? restoreDataDir(o.file, o.data, o.replace, systemNow())
                             : restorePostgres(o.file, o.store, o.replace, systemNow());
    if (!s) {
        io.err << "error: " << s.error().message << "\n";
        return 1;
    }
    io.out << "Restored the backup" << (s->backedUpAt.empty() ? "" : " of " + s->backedUpAt) << " (database "
           << s->backedUpDatabaseId << "): "
           << s->records << " records, " << s->attachments << " attachments.\n"
           << "This is database " << s->newDatabaseId
           << " now: each device pulls again from the start and sends again what it did since the backup.\n";
    if (!s->replaced.empty())
        io.out << "The database it replaced is kept as " << s->replaced.string() << "\n";
    return 0;
}

} // namespace

void addBackupCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<BackupOptions>();
    auto* backup = app.add_subcommand("backup", "A consistent copy of the database and attachments, while serving");
    addDataOption(*backup, o->data, o->store);
    backup->add_option("--to", o->file, "The backup file to write (required)")->type_name("FILE");
    backup->callback([o, &ctx] { ctx.command = [o, &ctx] { return runBackup(*o, ctx.io); }; });

    o = std::make_shared<BackupOptions>(); // one per command: see admin_commands.cpp
    auto* restore = app.add_subcommand("restore", "Put a backup back (with the server stopped)");
    addDataOption(*restore, o->data, o->store);
    restore->add_option("--from", o->file, "The backup file (required)")->type_name("FILE");
    restore->add_flag("--replace", o->replace,
                     "Replace an existing database (a data directory's is kept beside; a PostgreSQL one is dropped)");
    restore->callback([o, &ctx] { ctx.command = [o, &ctx] { return runRestore(*o, ctx.io); }; });
}

} // namespace courtyard::server
