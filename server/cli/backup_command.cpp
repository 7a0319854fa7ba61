#include "server/cli/backup_command.h"

#include "server/cli/args.h"
#include "server/service/clock.h"
#include "server/storage/backup.h"

#include <iostream>

namespace courtyard::server {

int runBackup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    constexpr const char* kUsage = "usage: courtyard-server backup --data DIR --to FILE\n";
    Args a(args);
    if (!a.ok() || a.unknown({"data", "to"}) || !a.has("data") || !a.has("to") || !a.positionals().empty()) {
        err << kUsage;
        return 2;
    }
    auto s = backupDataDir(*a.get("data"), *a.get("to"), systemNow());
    if (!s) {
        err << "error: " << s.error().message << "\n";
        return 1;
    }
    out << "Backed up database " << s->databaseId << ": " << s->records << " records, " << s->attachments
        << " attachments (" << (s->attachmentBytes >> 20) << " MiB) to " << *a.get("to") << "\n";
    if (s->missingAttachments > 0)
        err << "warning: " << s->missingAttachments
            << " attachments marked complete have no intact file and are not in the backup\n";
    return 0;
}

int runRestore(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    constexpr const char* kUsage = "usage: courtyard-server restore --data DIR --from FILE [--replace]\n";
    Args a(args, {"replace"});
    if (!a.ok() || a.unknown({"data", "from", "replace"}) || !a.has("data") || !a.has("from") ||
        !a.positionals().empty()) {
        err << kUsage;
        return 2;
    }
    auto s = restoreDataDir(*a.get("from"), *a.get("data"), a.has("replace"), systemNow());
    if (!s) {
        err << "error: " << s.error().message << "\n";
        return 1;
    }
    out << "Restored the backup of " << s->backedUpAt << " (database " << s->backedUpDatabaseId << "): "
        << s->records << " records, " << s->attachments << " attachments.\n"
        << "This is database " << s->newDatabaseId
        << " now: each device pulls again from the start and sends again what it did since the backup.\n";
    if (!s->replaced.empty())
        out << "The database it replaced is kept as " << s->replaced.string() << "\n";
    return 0;
}

} // namespace courtyard::server
