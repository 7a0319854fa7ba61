#pragma once
// What every administration subcommand shares: opening the data directory's database, and the
// usage and error conventions (usage errors exit 2, failures 1 with "error: …" on stderr).

#include "server/cli/args.h"
#include "server/storage/sqlite_storage.h"

#include <iosfwd>
#include <memory>

namespace courtyard::server {

inline constexpr const char* kDbFile = "courtyard.db";

// Opens the data directory's database (creating the directory with `create`).
Result<std::unique_ptr<SqliteStorage>> openData(const Args& a, bool create, std::ostream& err);
int usage(std::ostream& err, const char* text);
int report(const Status& st, std::ostream& err);

} // namespace courtyard::server
