#pragma once
// One libpq connection and its results, RAII, for the PostgreSQL engine. libpq directly rather
// than libpqxx: the engine needs a few dozen parameterised statements, advisory locks and
// bytea chunks, which libpq's C API gives with no extra package, and the rest of the server
// already speaks in Result/Status rather than exceptions (libpqxx throws). <libpq-fe.h> stays
// in pg_connection.cpp.

#include "shared/core/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace courtyard::server::pg {

// A statement parameter: text, or raw bytes for a bytea column, or NULL.
struct Param {
    std::optional<std::string> value;
    bool binary = false;

    Param() = default; // NULL
    Param(std::string v) : value(std::move(v)) {}
    Param(const char* v) : value(std::string(v)) {}
    Param(std::int64_t v) : value(std::to_string(v)) {}
    Param(int v) : value(std::to_string(v)) {}
    Param(bool v) : value(v ? "t" : "f") {}
    template <typename T>
    Param(const std::optional<T>& v) {
        if (v)
            *this = Param(*v);
    }
    static Param bytes(std::string raw) {
        Param p(std::move(raw));
        p.binary = true;
        return p;
    }
};

// The rows of one statement, values in text form.
class Rows {
public:
    explicit Rows(pg_result* r);
    ~Rows();
    Rows(Rows&& o) noexcept;
    Rows& operator=(Rows&&) = delete;
    Rows(const Rows&) = delete;

    int size() const;
    // The column of that name, or -1.
    int column(std::string_view name) const;
    bool isNull(int row, int col) const;
    std::string text(int row, int col) const;
    std::int64_t int64(int row, int col) const;
    std::optional<std::int64_t> optInt64(int row, int col) const;
    bool boolean(int row, int col) const;
    // A bytea column (hex text form) as raw bytes.
    std::string bytes(int row, int col) const;
    // Rows changed by an INSERT/UPDATE/DELETE.
    std::int64_t affected() const;

private:
    pg_result* m_r;
};

// How a statement whose rows nobody reads goes out: now (its error returned at once), or
// queued to go with the connection's next round trip (Connection::write).
enum class Send { Now, Queued };

// A statement's outcome without its rows.
inline Status done(const Result<Rows>& r) {
    if (!r)
        return r.error();
    return {};
}

class Connection {
public:
    // Connects with a libpq connection string (postgresql://… or key=value pairs).
    static Result<std::unique_ptr<Connection>> open(const std::string& conninfo);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one statement ($1, $2, … for the parameters). Errors carry PostgreSQL's message;
    // serialisation failures and lost connections are Unavailable (retry), unique violations
    // AlreadyExists.
    Result<Rows> exec(std::string_view sql, const std::vector<Param>& params = {});
    // Several statements without parameters (migrations, BEGIN …). Sends what is queued first;
    // a ROLLBACK drops it.
    Status run(std::string_view sql);
    // A statement whose rows nobody reads (the INSERTs of a stored record), sent as `send`
    // says. Queued, it is held and sent with the next exec, run or flush, in the same round trip
    // (libpq's pipeline mode), in order; its error is that call's error (the first failure
    // aborts the transaction, so the rest of the queue and the statement that sent it do not
    // run). At kMaxQueued the queue goes out without waiting for its answers, and PostgreSQL
    // runs it while the caller goes on: the next call that sends anything (or flush) reads
    // them first, and a failure among them is that call's error.
    Status write(std::string_view sql, std::vector<Param> params, Send send);
    // Sends what is queued, waiting for the answers (of a batch already sent too).
    Status flush();
    // The connection was lost (the server restarted), or its answers were cut short: the pool
    // replaces it.
    bool broken() const;
    // A statement of the open transaction failed: PostgreSQL has aborted it, and a COMMIT
    // would roll it back while answering success.
    bool transactionFailed() const;

private:
    explicit Connection(pg_conn* c) : m_c(c) {}
    // A bounded pipeline: libpq sends it whole before reading any answer, and PostgreSQL stops
    // reading when its answers back up.
    static constexpr std::size_t kMaxQueued = 64;
    struct Statement {
        std::string sql;
        std::vector<Param> params;
    };
    // The name of the prepared statement for this text (prepared now if need be), or "" past
    // the bound: run unprepared.
    Result<std::string> preparedName(const std::string& sql, int parameters);
    // The queued statements and then `last` (if any) in one round trip; the rows of `last`.
    Result<Rows> pipeline(const Statement* last);
    // Sends `statements` in pipeline mode, up to a sync point, without reading the answers.
    Status sendBatch(const std::vector<Statement>& statements);
    // Reads the answers of what `sendBatch` sent and leaves pipeline mode: the first failure, else
    // the rows of the last statement when `keepLast` (null otherwise).
    Result<pg_result*> answers(bool keepLast);
    // Reads the answers of a batch sent and not yet answered, if there is one.
    Status collect();

    pg_conn* m_c;
    std::vector<Statement> m_queue;
    // Sent by `sendBatch` and not yet answered (in pipeline mode until `answers` reads them), and a
    // failure to send, reported with those answers.
    std::size_t m_inFlight = 0;
    std::optional<Error> m_sendFailure;
    // Left in pipeline mode with answers unread: unusable, reported as broken.
    bool m_stuck = false;
    // The statements exec has prepared on this connection (PostgreSQL keeps them for the
    // session, whatever becomes of the transaction): text → name. Bounded, so statements whose
    // text varies (a list of n placeholders) cannot grow it without end; past the bound they run
    // unprepared.
    std::unordered_map<std::string, std::string> m_prepared;
};

} // namespace courtyard::server::pg
