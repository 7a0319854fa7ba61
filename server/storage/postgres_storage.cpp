#include "server/storage/postgres_storage.h"

#include "server/storage/postgres/pg_connection.h"
#include "server/storage/postgres/pg_facts.h"
#include "server/storage/postgres/pg_schema.h"
#include "server/storage/postgres/pg_unit.h"
#include "server/storage/sqlite_storage.h"

namespace courtyard::server {

bool PostgresStorage::isConnectionString(const std::string& store) {
    return store.rfind("postgresql://", 0) == 0 || store.rfind("postgres://", 0) == 0 ||
           store.find('=') != std::string::npos;
}

Result<std::unique_ptr<PostgresStorage>> PostgresStorage::open(const std::string& conninfo,
                                                               PostgresStorageOptions options) {
    auto first = pg::Connection::open(conninfo);
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
    storage->m_idle.push_back(std::move(*first));
    return storage;
}

PostgresStorage::PostgresStorage(std::string conninfo) : m_conninfo(std::move(conninfo)) {}
PostgresStorage::~PostgresStorage() = default;

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
    auto c = pg::Connection::open(m_conninfo);
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
Status runUnit(pg::Connection& c, const char* begin, const std::function<Status(Unit&)>& work, bool writable) {
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
    return {};
}

} // namespace

Status PostgresStorage::write(const std::function<Status(WriteUnit&)>& work) {
    auto c = acquire();
    if (!c)
        return c.error();
    Status st = runUnit<WriteUnit>(**c, "BEGIN ISOLATION LEVEL READ COMMITTED", work, true);
    release(std::move(*c));
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
