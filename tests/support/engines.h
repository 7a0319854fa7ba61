#pragma once
// For tests that run the same case on both storage engines: open a server storage of either,
// by the engine's name ("sqlite": a database file; "postgresql": a libpq connection string).

#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"

#include <memory>
#include <string>

namespace courtyard::test {

inline Result<std::unique_ptr<server::ServerStorage>> openStore(const std::string& engine, const std::string& where,
                                                                int connections = 2) {
    if (engine == "postgresql") {
        auto s = server::PostgresStorage::open(where, server::PostgresStorageOptions{connections});
        if (!s)
            return s.error();
        return std::unique_ptr<server::ServerStorage>(std::move(*s));
    }
    auto s = server::SqliteStorage::open(where, server::SqliteStorageOptions{connections});
    if (!s)
        return s.error();
    return std::unique_ptr<server::ServerStorage>(std::move(*s));
}

} // namespace courtyard::test
