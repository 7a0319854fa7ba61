#pragma once
// What every subcommand of courtyard-server shares: the streams it uses, the data directory
// option, opening the data directory's database, reading a file, and the conventions (usage
// errors exit 2, failures 1 with "error: …" on standard error). The options themselves are
// CLI11's: each command file adds its subcommand to the application (cli.cpp).

#include "server/storage/sqlite_storage.h"

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

// --data DIR (or COURTYARD_DATA), bound to `dir`.
void addDataOption(CLI::App& sub, std::string& dir);

// A whole file, for the commands that read JSON or CSV.
Result<std::string> readFile(const std::string& path);
// Opens the data directory's database (creating the directory with `create`).
Result<std::unique_ptr<SqliteStorage>> openData(const std::string& dir, bool create, std::ostream& err);
int report(const Status& st, std::ostream& err);
// A command line that parsed but does not make sense (`init` with neither --company nor
// --demo): the message and where to read the usage; exit code 2.
int usageError(std::ostream& err, const std::string& command, const std::string& message);

} // namespace courtyard::server
