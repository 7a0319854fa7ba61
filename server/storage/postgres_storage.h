#pragma once
// The PostgreSQL engine, for a group that outgrows one machine: several servers share one
// database (docs/architecture.md, "Two engines"). A small pool of libpq connections; each unit
// is one transaction on one of them. Write units hold one transaction-scoped advisory lock
// (pg_advisory_xact_lock) from their start to their commit: writers are serialised across every
// server as SQLite's single writer serialises them within one, so a unit's reads and writes see
// no other writer, and change versions are handed out in commit order (a reader that pages past
// version v has seen every change numbered below it). Read units run REPEATABLE READ, on one
// snapshot. <libpq-fe.h> stays out of this header.

#include "server/storage/server_storage.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace courtyard::server {

namespace pg {
class Connection;
}

struct PostgresStorageOptions {
    int connections = 8;
};

class PostgresStorage final : public ServerStorage {
public:
    // Connects (a libpq connection string: postgresql://USER@HOST/DB or key=value pairs), brings
    // the schema up to date under the migration lock and reads or makes the database identity.
    static Result<std::unique_ptr<PostgresStorage>> open(const std::string& conninfo,
                                                         PostgresStorageOptions options = {});
    ~PostgresStorage() override;

    Status write(const std::function<Status(WriteUnit&)>& work) override;
    Status read(const std::function<Status(ReadUnit&)>& work) override;
    const DatabaseIdentity& identity() const override { return m_identity; }

    // One READ COMMITTED transaction on a pooled connection, without the write lock: for work
    // that serialises itself and touches no records (attachments' bytes, pg_blob_store.h, lock
    // each blob). Rolled back when `work` fails.
    Status transaction(const std::function<Status(pg::Connection&)>& work);

    // Units waiting for a connection, for the metrics' write queue.
    std::size_t waiting();

    // Whether a --store value names a PostgreSQL database rather than a directory.
    static bool isConnectionString(const std::string& store);

private:
    explicit PostgresStorage(std::string conninfo);
    Result<std::unique_ptr<pg::Connection>> acquire();
    void release(std::unique_ptr<pg::Connection> c);
    // Counts the changes a committed write unit stored; wakes the analyser once records has
    // grown by half since its statistics were last gathered.
    void noteChanges(std::int64_t changes);
    void analyse();

    std::string m_conninfo;
    DatabaseIdentity m_identity;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<std::unique_ptr<pg::Connection>> m_idle;
    int m_open = 0;
    int m_max = 8;
    std::size_t m_waiting = 0;

    // Statistics kept current after bursts (docs/architecture.md, "Two engines"). Guarded by
    // m_analyseMutex.
    std::mutex m_analyseMutex;
    std::condition_variable m_analyseCv;
    std::int64_t m_changed = 0;    // changes stored by this server since the last ANALYZE
    std::int64_t m_analyseAt = 0;  // ... at which the next one runs
    bool m_stopping = false;
    std::thread m_analyser;        // joined by the destructor
};

} // namespace courtyard::server
