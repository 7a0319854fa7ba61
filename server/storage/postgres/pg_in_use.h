#pragma once
// Who is using a PostgreSQL database. Every connection a server or command opens through
// PostgresStorage holds one advisory lock shared (kInUseLock) for as long as it is open, and is
// named after its process ("courtyard-server PID on HOST", pg_stat_activity.application_name).
// `restore` takes the lock exclusively before it touches the database: it refuses while any
// server or command is connected, naming them, and holds the lock until it is done, so nothing
// starts on a database that is being replaced. A session lock goes with its connection, so a
// server killed or cut off from the database stops counting at once.
// This is the PostgreSQL counterpart of DataDirLock on a SQLite data directory.

#include "server/storage/postgres/pg_connection.h"

#include <memory>

namespace courtyard::server::pg {

// Connects, names the connection and takes the lock shared. Fails (Unavailable) while a
// restore holds it.
Result<std::unique_ptr<Connection>> openInUse(const std::string& conninfo);

// Takes the lock exclusively on `c` (held until `c` closes). Fails (FailedPrecondition) while
// any server or command is connected, naming the processes.
Status claimForRestore(Connection& c);

} // namespace courtyard::server::pg
