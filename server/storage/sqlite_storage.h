#pragma once
// The embedded default: one SQLite file in the data directory. Writes go through one writer
// thread that batches concurrent units into a single transaction (group commit: one fsync for
// many pushes), each unit in its own savepoint so it succeeds or fails alone. Reads use a pool
// of connections, each read on its own snapshot (WAL lets them run beside the writer).

#include "server/storage/server_storage.h"
#include "shared/store/record_store.h"

#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct sqlite3; // <sqlite3.h> stays out of this header

namespace courtyard::server {

// Brings a database to the server's schema: the one schema's migrations (store::migrate), less
// the indexes only a device's lists read. SqliteStorage::open runs it, so every command that
// opens a data directory does; a benchmark's raw inserts use it to write into the schema the
// server writes into.
Status migrateServerSchema(store::Database& db);

struct SqliteStorageOptions {
    int readers = 8;
    int maxBatch = 128;
    std::size_t maxQueue = 20000; // pending write units; beyond this writes fail Unavailable
};

class SqliteStorage final : public ServerStorage {
public:
    static Result<std::unique_ptr<SqliteStorage>> open(const std::string& path, SqliteStorageOptions options = {});
    ~SqliteStorage() override;

    Status write(const std::function<Status(WriteUnit&)>& work) override;
    Status read(const std::function<Status(ReadUnit&)>& work) override;
    const DatabaseIdentity& identity() const override { return m_identity; }
    // 128 random bits, hex: a new database's identity.
    static std::string newDatabaseId();

    // Stops the writer after draining what is queued.
    void stop();
    std::size_t queueDepth();

private:
    struct Job {
        const std::function<Status(WriteUnit&)>* work;
        std::promise<Status> done;
    };
    SqliteStorage(std::unique_ptr<store::SqliteRecordStore> writer,
                  std::vector<std::unique_ptr<store::SqliteRecordStore>> readers, SqliteStorageOptions options);
    void writerLoop();
    void runBatch(std::vector<Job>& batch);
    // WAL checkpoints on a thread of their own (sqlite_storage.cpp, "Checkpoints").
    static int afterCommit(void* self, sqlite3* db, const char* name, int walPages);
    void checkpointLoop();
    void stopCheckpoints();

    SqliteStorageOptions m_options;
    DatabaseIdentity m_identity;
    std::unique_ptr<store::SqliteRecordStore> m_writer;
    std::mutex m_queueMutex;
    std::condition_variable m_queueCv;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::thread m_writerThread;

    std::unique_ptr<store::Database> m_checkpointConn;
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointCv;
    bool m_checkpointDue = false;
    bool m_checkpointStopping = false;
    std::thread m_checkpointThread;
    std::mutex m_poolMutex;
    std::condition_variable m_poolCv;
    std::vector<std::unique_ptr<store::SqliteRecordStore>> m_idleReaders;
};

} // namespace courtyard::server
