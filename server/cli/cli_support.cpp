#include "server/cli/cli_support.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace courtyard::server {

namespace fs = std::filesystem;

void addDataOption(CLI::App& sub, std::string& dir) {
    sub.add_option("--data", dir, "The data directory: the database and the attachments")
        ->envname("COURTYARD_DATA")
        ->type_name("DIR");
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return notFound("cannot read '" + path + "'");
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Result<std::unique_ptr<SqliteStorage>> openData(const std::string& dir, bool create, std::ostream& err) {
    if (dir.empty()) {
        err << "error: --data DIR is required (or COURTYARD_DATA, or data in the config file)\n";
        return invalidArgument("--data");
    }
    std::error_code ec;
    if (create)
        fs::create_directories(dir, ec);
    if (!fs::is_directory(dir)) {
        err << "error: data directory '" << dir << "' does not exist (run 'courtyard-server init' first)\n";
        return notFound(dir);
    }
    SqliteStorageOptions options;
    options.readers = 2;
    auto storage = SqliteStorage::open((fs::path(dir) / kDbFile).string(), options);
    if (!storage)
        err << "error: " << storage.error().message << "\n";
    return storage;
}

int report(const Status& st, std::ostream& err) {
    if (st)
        return 0;
    err << "error: " << st.error().message << "\n";
    return 1;
}

int usageError(std::ostream& err, const std::string& command, const std::string& message) {
    err << "error: " << message << "\n"
        << "usage: see 'courtyard-server " << command << " --help'\n";
    return 2;
}

} // namespace courtyard::server
