#include "shared/store/database.h"

#include <mutex>
#include <sqlite3.h>

namespace courtyard::store {

ErrorCode errorCodeForSqlite(int rc) {
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
        return ErrorCode::Unavailable;
    case SQLITE_CONSTRAINT:
        return (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
                   ? ErrorCode::AlreadyExists
                   : ErrorCode::FailedPrecondition;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return ErrorCode::PermissionDenied;
    case SQLITE_TOOBIG:
        return ErrorCode::ResourceExhausted;
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
        return ErrorCode::InvalidArgument;
    default:
        return ErrorCode::Internal; // SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_ERROR (a bug)
    }
}

// ---- Statement ------------------------------------------------------------------------------

Statement::Statement(Database* db, sqlite3_stmt* stmt, bool cached)
    : m_db(db), m_stmt(stmt), m_cached(cached) {}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_cached(other.m_cached),
      m_bindStatus(std::move(other.m_bindStatus)) {
    other.m_stmt = nullptr;
}

int Statement::parameterIndex(const std::string& name) const {
    return sqlite3_bind_parameter_index(m_stmt, name.c_str());
}

int Statement::columnIndex(std::string_view name) const {
    const int n = sqlite3_column_count(m_stmt);
    for (int i = 0; i < n; ++i)
        if (const char* col = sqlite3_column_name(m_stmt, i); col && name == col)
            return i;
    return -1;
}

Statement::~Statement() {
    if (!m_stmt)
        return;
    if (m_cached) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_db->release(m_stmt);
    } else {
        sqlite3_finalize(m_stmt);
    }
}

namespace {
Status bindStatus(sqlite3* db, int rc) {
    if (rc == SQLITE_OK)
        return {};
    return Error{errorCodeForSqlite(rc), std::string("binding a parameter: ") + sqlite3_errmsg(db)};
}
} // namespace

Statement& Statement::bind(int index, std::int64_t v) {
    if (m_bindStatus)
        m_bindStatus = bindStatus(m_db->handle(), sqlite3_bind_int64(m_stmt, index, v));
    return *this;
}

Statement& Statement::bind(int index, double v) {
    if (m_bindStatus)
        m_bindStatus = bindStatus(m_db->handle(), sqlite3_bind_double(m_stmt, index, v));
    return *this;
}

Statement& Statement::bind(int index, std::string_view v) {
    if (m_bindStatus)
        m_bindStatus = bindStatus(m_db->handle(), sqlite3_bind_text64(m_stmt, index, v.data(), v.size(),
                                                                    SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindStatic(int index, std::string_view v) {
    if (m_bindStatus)
        m_bindStatus = bindStatus(m_db->handle(), sqlite3_bind_text64(m_stmt, index, v.data(), v.size(),
                                                                    SQLITE_STATIC, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size) {
    if (m_bindStatus)
        m_bindStatus = bindStatus(m_db->handle(),
                                 sqlite3_bind_blob64(m_stmt, index, data, size, SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (m_bindStatus)
        m_bindStatus = bindStatus(m_db->handle(), sqlite3_bind_null(m_stmt, index));
    return *this;
}

Result<bool> Statement::step() {
    if (!m_bindStatus)
        return m_bindStatus.error();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return Error{errorCodeForSqlite(sqlite3_extended_errcode(m_db->handle())),
                 std::string(sqlite3_errmsg(m_db->handle())) + " (in: " +
                     std::string(sqlite3_sql(m_stmt)).substr(0, 120) + ")"};
}

Status Statement::exec() {
    while (true) {
        auto r = step();
        if (!r)
            return r.error();
        if (!*r)
            return {};
    }
}

bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
std::int64_t Statement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::real(int col) const { return sqlite3_column_double(m_stmt, col); }

std::string Statement::text(int col) const {
    const auto* p = sqlite3_column_text(m_stmt, col);
    const int n = sqlite3_column_bytes(m_stmt, col);
    return p ? std::string(reinterpret_cast<const char*>(p), std::size_t(n)) : std::string();
}

std::optional<std::string> Statement::optText(int col) const {
    if (isNull(col))
        return std::nullopt;
    return text(col);
}

std::optional<std::int64_t> Statement::optInt64(int col) const {
    if (isNull(col))
        return std::nullopt;
    return int64(col);
}

std::vector<unsigned char> Statement::blob(int col) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, col));
    const int n = sqlite3_column_bytes(m_stmt, col);
    return p ? std::vector<unsigned char>(p, p + n) : std::vector<unsigned char>();
}

// ---- Database -------------------------------------------------------------------------------

Database::Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

Database::~Database() {
    for (auto& [sql, stmt] : m_cache)
        sqlite3_finalize(stmt);
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path, OpenOptions options) {
    // A savepoint keeps a copy of every page it changes (its statement journal), and SQLite
    // writes that journal to a temporary file, page by page, once it passes 64 KiB: every
    // record a sync stores in its own savepoint paid that. Kept in memory up to 16 MiB instead.
    // Process-wide, so set before SQLite's first use; if something initialised SQLite before,
    // the default stays (slower, not wrong).
    static std::once_flag configured;
    std::call_once(configured, [] { (void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 16 << 20); });
    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= options.readOnly ? SQLITE_OPEN_READONLY
                              : (SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0));
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK)
        return Error{errorCodeForSqlite(rc),
                     "cannot open database '" + path + "': " + sqlite3_errstr(rc)};
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, options.busyTimeoutMs);
    // The first read tells a SQLite file from anything else; refuse the latter untouched.
    if (auto st = db->exec("SELECT count(*) FROM sqlite_master"); !st)
        return Error{ErrorCode::Internal,
                     "'" + path + "' is not a usable Courtyard database: " + st.error().message};
    if (!options.readOnly) {
        if (auto st = db->exec("PRAGMA journal_mode=WAL"); !st)
            return st.error();
    }
    std::string pragmas = "PRAGMA foreign_keys=ON;";
    pragmas += options.fullSync ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
    if (auto st = db->exec(pragmas); !st)
        return st.error();
    return db;
}

Status Database::exec(std::string_view sql) {
    // Transaction control runs several times a request: parsing it each time showed in profiles.
    // Anything longer, or several statements, goes to sqlite3_exec as written.
    constexpr std::size_t kCachedUpTo = 40;
    if (!sql.empty() && sql.size() <= kCachedUpTo && sql.find(';') == std::string_view::npos) {
        auto s = prepare(sql);
        if (!s)
            return s.error();
        return s->exec();
    }
    std::string copy(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, &err);
    if (rc == SQLITE_OK)
        return {};
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Error{errorCodeForSqlite(sqlite3_extended_errcode(m_db)), msg};
}

Result<Statement> Database::prepare(std::string_view sql) {
    const auto cached = m_cache.find(sql);
    if (cached != m_cache.end()) {
        bool& inUse = m_inUse[cached->second];
        if (!inUse) {
            inUse = true;
            return Statement(this, cached->second, true);
        }
    }
    const std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, key.c_str(), int(key.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt, nullptr);
    if (rc != SQLITE_OK)
        return Error{errorCodeForSqlite(rc),
                     std::string(sqlite3_errmsg(m_db)) + " (preparing: " + key.substr(0, 120) + ")"};
    if (cached != m_cache.end()) // the cached one is busy (nested use): hand out a private one
        return Statement(this, stmt, false);
    m_cache.emplace(key, stmt);
    m_inUse[stmt] = true;
    return Statement(this, stmt, true);
}

void Database::release(sqlite3_stmt* stmt) { m_inUse[stmt] = false; }

int Database::changes() const { return sqlite3_changes(m_db); }
bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

Error Database::lastError(std::string_view context) const {
    return Error{errorCodeForSqlite(sqlite3_extended_errcode(m_db)),
                 std::string(context) + ": " + sqlite3_errmsg(m_db)};
}

// ---- Transaction ----------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Database& db) {
    if (auto st = db.exec("BEGIN IMMEDIATE"); !st)
        return st.error();
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db), m_done(other.m_done) {
    other.m_done = true;
}

Transaction::~Transaction() {
    if (!m_done && m_db->inTransaction())
        (void)m_db->exec("ROLLBACK");
}

Status Transaction::commit() {
    if (m_done)
        return failedPrecondition("transaction already finished");
    auto st = m_db->exec("COMMIT");
    if (!st) {
        (void)m_db->exec("ROLLBACK");
        m_done = true;
        return st;
    }
    m_done = true;
    return {};
}

} // namespace courtyard::store
