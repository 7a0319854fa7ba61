#include "server/cli/cli_support.h"

#include "server/storage/file_blob_store.h"
#include "server/storage/postgres/pg_blob_store.h"
#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"

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

void addDataOption(CLI::App& sub, std::string& dir, std::string& store) {
    addDataOption(sub, dir);
    sub.add_option("--store", store,
                   "A PostgreSQL database instead of a data directory: a libpq connection string "
                   "(postgresql://USER@HOST/DB, docs/admin.md)")
        ->envname("COURTYARD_STORE")
        ->type_name("CONNINFO");
}

Status checkDataLocation(const std::string& dir, const std::string& store) {
    if (!dir.empty() && !store.empty())
        return invalidArgument("give --data DIR (SQLite) or --store CONNINFO (PostgreSQL), not both (check "
                               "COURTYARD_DATA, COURTYARD_STORE and the config file)");
    if (dir.empty() && store.empty())
        return invalidArgument("--data DIR or --store CONNINFO is required (or COURTYARD_DATA / COURTYARD_STORE, "
                               "or data / store in the config file)");
    if (!store.empty() && !PostgresStorage::isConnectionString(store))
        return invalidArgument("--store '" + store + "' is not a PostgreSQL connection string "
                               "(postgresql://USER@HOST/DB or key=value pairs); a SQLite directory is --data DIR");
    return {};
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return notFound("cannot read '" + path + "'");
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Result<std::unique_ptr<ServerStorage>> openData(const std::string& dir, const std::string& store, bool create,
                                                std::ostream& err) {
    if (auto st = checkDataLocation(dir, store); !st) {
        err << "error: " << st.error().message << "\n";
        return st.error();
    }
    if (!store.empty()) {
        PostgresStorageOptions options;
        options.connections = 2;
        auto pg = PostgresStorage::open(store, options);
        if (!pg) {
            err << "error: " << pg.error().message << "\n";
            return pg.error();
        }
        return std::unique_ptr<ServerStorage>(std::move(*pg));
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
    if (!storage) {
        err << "error: " << storage.error().message << "\n";
        return storage.error();
    }
    return std::unique_ptr<ServerStorage>(std::move(*storage));
}

std::unique_ptr<BlobStore> openBlobStore(ServerStorage& storage, const std::string& dir, const std::string& blobs) {
    if (blobs.empty())
        if (auto* pg = dynamic_cast<PostgresStorage*>(&storage))
            return std::make_unique<PgBlobStore>(*pg);
    return std::make_unique<FileBlobStore>(blobs.empty() ? fs::path(dir) / "blobs" : fs::path(blobs));
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
