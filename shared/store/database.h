#pragma once
// A SQLite connection with the settings every Courtyard database uses: WAL, foreign keys on,
// synchronous=FULL (an acknowledged write survives a power cut, not only a crash), a busy
// timeout, and a cache of prepared statements. SQLite errors stop here and come out as
// Result errors; <sqlite3.h> stays out of this header.

#include "shared/core/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace courtyard::store {

class Database;

// A prepared statement borrowed from the database's cache; reset and unbound on destruction.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t v);
    Statement& bind(int index, int v) { return bind(index, std::int64_t{v}); }
    Statement& bind(int index, double v);
    Statement& bind(int index, std::string_view v);
    Statement& bind(int index, const std::string& v) { return bind(index, std::string_view{v}); }
    Statement& bind(int index, const char* v) { return bind(index, std::string_view{v}); }
    // Binds the text without copying it, for large texts on hot paths: it must stay alive and
    // unchanged until this Statement is destroyed (which unbinds it).
    Statement& bindStatic(int index, std::string_view v);
    Statement& bindStatic(int index, std::string&&) = delete; // a temporary would not outlive it
    Statement& bindStatic(int index, const std::string&&) = delete;
    Statement& bindBlob(int index, const void* data, std::size_t size);
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& v) {
        return v ? bind(index, *v) : bindNull(index);
    }
    // The index of a named parameter (":as_of"), 0 when the statement has none of that name.
    int parameterIndex(const std::string& name) const;
    // The index of a result column by name (its AS name), -1 when the statement has none.
    int columnIndex(std::string_view name) const;

    // Steps once: true when a row is available, false when done.
    Result<bool> step();
    // Runs to completion, for statements without rows.
    Status exec();

    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::optional<std::string> optText(int col) const;
    std::optional<std::int64_t> optInt64(int col) const;
    std::vector<unsigned char> blob(int col) const;

private:
    friend class Database;
    Statement(Database* db, sqlite3_stmt* stmt, bool cached);
    Database* m_db;
    sqlite3_stmt* m_stmt;
    bool m_cached;
    Status m_bindStatus;
};

struct OpenOptions {
    bool readOnly = false;
    bool create = true;
    bool fullSync = true; // synchronous=FULL; NORMAL survives a process crash but not power loss
    int busyTimeoutMs = 10000;
};

class Database {
public:
    // Opens (and with `create`, creates) the file and applies the connection settings. A file
    // that is not a SQLite database is refused with a clear error, and left untouched.
    static Result<std::unique_ptr<Database>> open(const std::string& path, OpenOptions options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements without results (schema, pragmas). A short single statement
    // (BEGIN, COMMIT, SAVEPOINT …) is prepared once and kept, as `prepare` keeps statements.
    Status exec(std::string_view sql);
    // A prepared statement, from the cache when this SQL was seen before.
    Result<Statement> prepare(std::string_view sql);
    // The first row of `sql` with `params` bound to ?1, ?2 …, as `read(statement)` makes it of
    // the statement positioned on that row; nothing when there is no row.
    template <class Read, class... Params>
    auto queryOne(std::string_view sql, Read&& read, const Params&... params)
        -> Result<std::optional<std::invoke_result_t<Read&, Statement&>>> {
        using Row = std::invoke_result_t<Read&, Statement&>;
        auto s = prepare(sql);
        if (!s)
            return s.error();
        int index = 0;
        (s->bind(++index, params), ...);
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            return std::optional<Row>{};
        return std::optional<Row>{read(*s)};
    }

    int changes() const;
    const std::string& path() const { return m_path; }
    bool inTransaction() const;

    // The error of the last failed call, as a Result error with the SQL's context.
    Error lastError(std::string_view context) const;
    sqlite3* handle() const { return m_db; }

private:
    friend class Statement;
    Database(sqlite3* db, std::string path);
    void release(sqlite3_stmt* stmt);

    // Looked up by the caller's string_view: a statement found in the cache costs no copy of its SQL.
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
    };

    sqlite3* m_db;
    std::string m_path;
    std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> m_cache;
    std::unordered_map<sqlite3_stmt*, bool> m_inUse;
};

// BEGIN IMMEDIATE … COMMIT, rolled back on destruction unless committed. Never throws.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Status commit();

private:
    explicit Transaction(Database* db) : m_db(db) {}
    Database* m_db;
    bool m_done = false;
};

// Maps a SQLite result code to what the caller should do.
ErrorCode errorCodeForSqlite(int rc);

} // namespace courtyard::store
