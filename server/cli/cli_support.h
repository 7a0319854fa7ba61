#pragma once
// What every subcommand of courtyard-server shares: the streams it uses, where the data is
// (--data DIR for SQLite, --store for PostgreSQL) and opening it, reading a file, and the conventions (usage
// errors exit 2, failures 1 with "error: …" on standard error). The options themselves are
// CLI11's: each command file adds its subcommand to the application (cli.cpp).

#include "server/storage/blob_store.h"
#include "server/storage/server_storage.h"

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace courtyard::server {

inline constexpr const char* kDbFile = "courtyard.db";

struct CliIo {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

// The chosen subcommand's work. A subcommand's parse callback sets it; runCli runs it once
// the command line, the environment and the config file have all been read.
using CliCommand = std::function<int()>;

struct CliContext {
    CliIo io;
    CliCommand command;
};

// --data DIR (or COURTYARD_DATA), bound to `dir`: commands that work on SQLite files only.
void addDataOption(CLI::App& sub, std::string& dir);
// --data DIR or --store CONNINFO (COURTYARD_STORE): a SQLite data directory, or a PostgreSQL
// database named by a libpq connection string (postgresql://USER@HOST/DB).
void addDataOption(CLI::App& sub, std::string& dir, std::string& store);

// A whole file, for the commands that read JSON or CSV.
Result<std::string> readFile(const std::string& path);
// Opens the data directory's database (creating the directory with `create`), or the
// PostgreSQL database `store` names (bringing its schema up to date). Exactly one of the two.
Result<std::unique_ptr<ServerStorage>> openData(const std::string& dir, const std::string& store, bool create,
                                                std::ostream& err);
// Where the attachments are: files under `blobs` when given, else under DIR/blobs with --data,
// else in the PostgreSQL database (shared by every server of a group).
std::unique_ptr<BlobStore> openBlobStore(ServerStorage& storage, const std::string& dir, const std::string& blobs);
// Whether --data and --store name exactly one place; the error says what to give otherwise.
Status checkDataLocation(const std::string& dir, const std::string& store);
int report(const Status& st, std::ostream& err);
// A command line that parsed but does not make sense (`init` with neither --company nor
// --demo): the message and where to read the usage; exit code 2.
int usageError(std::ostream& err, const std::string& command, const std::string& message);

} // namespace courtyard::server
