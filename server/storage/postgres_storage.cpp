#include "server/storage/postgres_storage.h"

#include "server/observability/log.h"
#include "server/storage/postgres/pg_connection.h"
#include "server/storage/postgres/pg_facts.h"
#include "server/storage/postgres/pg_in_use.h"
#include "server/storage/postgres/pg_schema.h"
#include "server/storage/postgres/pg_unit.h"
#include "server/storage/sqlite_storage.h"

#include <algorithm>

namespace courtyard::server {

namespace {

// The page query (pg_records.cpp, changes) walks records in version order and stops at the
// page only when PostgreSQL's statistics tell it that many rows lie ahead. After a burst that
// grew the table (a first import, a day's backlog from many devices) the statistics describe
// the table before it, the planner expects a handful of rows, and every page reads and sorts
// all of them: 10-16 ms a page at 100,000 records instead of well under one. Autovacuum gathers
// them again only after its nap (a minute) and 10% growth, so each server runs ANALYZE itself
// once records has grown by half since the last statistics (at least kAnalyseAfter changes).
constexpr std::int64_t kAnalyseAfter = 1000;

std::int64_t nextAnalyse(pg::Connection& c) {
    auto rows = c.exec("SELECT reltuples::bigint FROM pg_class WHERE oid = 'records'::regclass");
    const std::int64_t tuples = rows && rows->size() > 0 ? rows->int64(0, 0) : 0; // -1: never analysed
    return std::max(kAnalyseAfter, tuples / 2);
}

} // namespace

bool PostgresStorage::isConnectionString(const std::string& store) {
    return store.rfind("postgresql://", 0) == 0 || store.rfind("postgres://", 0) == 0 ||
           store.find('=') != std::string::npos;
}

Result<std::unique_ptr<PostgresStorage>> PostgresStorage::open(const std::string& conninfo,
                                                               PostgresStorageOptions options) {
    // Every connection holds the in-use lock shared: `restore` refuses while this storage is open.
    auto first = pg::openInUse(conninfo);
    if (!first)
        return first.error();
    CY_TRY(pg::migrate(**first));
    // The report facts of a database written before they existed on PostgreSQL, or by a build
    // whose projection differs, are recomputed before this server serves.
    CY_TRY(pg::rebuildFactsIfStale(**first));
    // The identity, made by whichever server gets here first.
    CY_TRY((*first)->exec("INSERT INTO meta (key, value) VALUES ('database_id', $1) ON CONFLICT (key) DO NOTHING",
                          {SqliteStorage::newDatabaseId()}));
    auto rows = (*first)->exec("SELECT (SELECT value FROM meta WHERE key = 'database_id'), "
                               "EXISTS (SELECT 1 FROM meta WHERE key = 'restored_at')");
    if (!rows)
        return rows.error();
    auto storage = std::unique_ptr<PostgresStorage>(new PostgresStorage(conninfo));
    storage->m_identity.id = rows->text(0, 0);
    storage->m_identity.restored = rows->boolean(0, 1);
    storage->m_max = std::max(1, options.connections);
    storage->m_open = 1;
    storage->m_analyseAt = nextAnalyse(**first);
    storage->m_idle.push_back(std::move(*first));
    storage->m_analyser = std::thread([s = storage.get()] { s->analyse(); });
    return storage;
}

PostgresStorage::PostgresStorage(std::string conninfo) : m_conninfo(std::move(conninfo)) {}

PostgresStorage::~PostgresStorage() {
    {
        std::lock_guard lock(m_analyseMutex);
        m_stopping = true;
    }
    m_analyseCv.notify_all();
    if (m_analyser.joinable())
        m_analyser.join();
}

void PostgresStorage::noteChanges(std::int64_t changes) {
    if (changes <= 0)
        return;
    std::lock_guard lock(m_analyseMutex);
    m_changed += changes;
    if (m_changed >= m_analyseAt)
        m_analyseCv.notify_one();
}

void PostgresStorage::analyse() {
    std::unique_lock lock(m_analyseMutex);
    while (true) {
        m_analyseCv.wait(lock, [&] { return m_stopping || m_changed >= m_analyseAt; });
        if (m_stopping)
            return;
        m_changed = 0;
        lock.unlock();
        // On a pooled connection, outside any unit: ANALYZE blocks no reader or writer. When
        // it fails (the database is away), the next try comes after kAnalyseAfter changes.
        std::int64_t next = kAnalyseAfter;
        auto c = acquire();
        Status st = c ? (*c)->run("ANALYZE records") : Status(c.error());
        if (st)
            next = nextAnalyse(**c);
        else
            Log::warn("gathering statistics on records failed: tried again after more changes",
                      {{"error", st.error().message}, {"after_changes", next}});
        if (c)
            release(std::move(*c));
        lock.lock();
        m_analyseAt = next;
    }
}

Result<std::unique_ptr<pg::Connection>> PostgresStorage::acquire() {
    std::unique_lock lock(m_mutex);
    ++m_waiting;
    m_cv.wait(lock, [&] { return !m_idle.empty() || m_open < m_max; });
    --m_waiting;
    if (!m_idle.empty()) {
        auto c = std::move(m_idle.back());
        m_idle.pop_back();
        return c;
    }
    ++m_open;
    lock.unlock();
    auto c = pg::openInUse(m_conninfo);
    if (c) {
        // A server left with no connection (the database restarted, or dropped idle sessions)
        // held no in-use lock, so a restore may have replaced the database meanwhile. Serving it
        // under the identity read at start would hide that from every device: refuse instead.
        auto id = (*c)->exec("SELECT value FROM meta WHERE key = 'database_id'");
        if (!id)
            c = id.error();
        else if (id->size() == 0 || id->text(0, 0) != m_identity.id) {
            const std::string why = "the database was replaced while this server ran (a restore?): restart the "
                                    "server so that devices learn of it";
            Log::error(why, {{"database_id", id->size() ? id->text(0, 0) : std::string()}, {"serving", m_identity.id}});
            c = failedPrecondition(why);
        }
    }
    if (!c) {
        lock.lock();
        --m_open;
        m_cv.notify_one();
    }
    return c;
}

void PostgresStorage::release(std::unique_ptr<pg::Connection> c) {
    std::lock_guard lock(m_mutex);
    // A connection the database dropped (a restart, a failover) is closed, not reused: the
    // next unit opens a fresh one.
    if (c->broken())
        --m_open;
    else
        m_idle.push_back(std::move(c));
    m_cv.notify_one();
}

std::size_t PostgresStorage::waiting() {
    std::lock_guard lock(m_mutex);
    return m_waiting;
}

namespace {

// Before COMMIT: a statement whose error the work let pass has aborted PostgreSQL's
// transaction, and a COMMIT would roll it back while answering success.
Status noFailedStatement(const pg::Connection& c) {
    if (c.transactionFailed())
        return internalError("a statement of this transaction failed; nothing of it was stored");
    return {};
}

template <typename Unit>
Status runUnit(pg::Connection& c, const char* begin, const std::function<Status(Unit&)>& work, bool writable,
               std::int64_t* changes = nullptr) {
    CY_TRY(c.run(begin));
    if (writable) {
        // Held until COMMIT or ROLLBACK: one writer at a time across every server, and version
        // numbers handed out in commit order.
        if (auto locked = c.exec("SELECT pg_advisory_xact_lock($1)", {pg::kWriteLock}); !locked) {
            (void)c.run("ROLLBACK");
            return locked.error();
        }
    }
    pg::PgUnit unit(c, writable);
    Status st;
    try {
        st = work(unit);
    } catch (const std::exception& e) {
        st = internalError(std::string("unexpected error: ") + e.what());
    }
    if (st && unit.broken())
        st = *unit.broken();
    if (st && writable)
        st = unit.finish(); // the counter, sent with what the unit queued
    if (st)
        st = c.flush(); // anything still queued, before the transaction is judged
    if (st)
        st = noFailedStatement(c);
    if (!st) {
        (void)c.run("ROLLBACK");
        return st;
    }
    if (auto committed = c.run("COMMIT"); !committed) {
        (void)c.run("ROLLBACK");
        return Error{ErrorCode::Unavailable, "could not commit: " + committed.error().message};
    }
    if (changes)
        *changes = unit.changes();
    return {};
}

} // namespace

Status PostgresStorage::write(const std::function<Status(WriteUnit&)>& work) {
    auto c = acquire();
    if (!c)
        return c.error();
    std::int64_t changes = 0;
    Status st = runUnit<WriteUnit>(**c, "BEGIN ISOLATION LEVEL READ COMMITTED", work, true, &changes);
    release(std::move(*c));
    noteChanges(changes);
    return st;
}

Status PostgresStorage::transaction(const std::function<Status(pg::Connection&)>& work) {
    auto c = acquire();
    if (!c)
        return c.error();
    pg::Connection& conn = **c;
    Status st = conn.run("BEGIN ISOLATION LEVEL READ COMMITTED");
    if (st) {
        try {
            st = work(conn);
        } catch (const std::exception& e) {
            st = internalError(std::string("unexpected error: ") + e.what());
        }
        if (st)
            st = noFailedStatement(conn);
        if (!st)
            (void)conn.run("ROLLBACK");
        else if (auto committed = conn.run("COMMIT"); !committed) {
            (void)conn.run("ROLLBACK");
            st = Error{ErrorCode::Unavailable, "could not commit: " + committed.error().message};
        }
    }
    release(std::move(*c));
    return st;
}

Status PostgresStorage::read(const std::function<Status(ReadUnit&)>& work) {
    auto c = acquire();
    if (!c)
        return c.error();
    Status st = runUnit<ReadUnit>(**c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work, false);
    release(std::move(*c));
    return st;
}

} // namespace courtyard::server
