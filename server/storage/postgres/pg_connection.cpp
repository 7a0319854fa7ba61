#include "server/storage/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace courtyard::server::pg {

namespace {

Error errorOf(PGconn* c, PGresult* r) {
    std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(c);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    if (PQstatus(c) != CONNECTION_OK || sqlstate.rfind("08", 0) == 0)
        return unavailable("PostgreSQL connection lost: " + message);
    if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03" || sqlstate.rfind("57P", 0) == 0)
        return unavailable("PostgreSQL: " + message);
    if (sqlstate == "23505")
        return alreadyExists("PostgreSQL: " + message);
    return internalError("PostgreSQL: " + message);
}

} // namespace

Rows::Rows(pg_result* r) : m_r(r) {}
Rows::~Rows() {
    if (m_r)
        PQclear(m_r);
}
Rows::Rows(Rows&& o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }

int Rows::size() const { return PQntuples(m_r); }
int Rows::column(std::string_view name) const { return PQfnumber(m_r, std::string(name).c_str()); }
bool Rows::isNull(int row, int col) const { return PQgetisnull(m_r, row, col) != 0; }
std::string Rows::text(int row, int col) const {
    return std::string(PQgetvalue(m_r, row, col), std::size_t(PQgetlength(m_r, row, col)));
}
std::int64_t Rows::int64(int row, int col) const {
    return isNull(row, col) ? 0 : std::strtoll(PQgetvalue(m_r, row, col), nullptr, 10);
}
std::optional<std::int64_t> Rows::optInt64(int row, int col) const {
    if (isNull(row, col))
        return std::nullopt;
    return int64(row, col);
}
bool Rows::boolean(int row, int col) const { return !isNull(row, col) && PQgetvalue(m_r, row, col)[0] == 't'; }
std::string Rows::bytes(int row, int col) const {
    if (isNull(row, col))
        return {};
    std::size_t n = 0;
    unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(m_r, row, col)), &n);
    if (!raw)
        return {};
    std::string out(reinterpret_cast<const char*>(raw), n);
    PQfreemem(raw);
    return out;
}
std::int64_t Rows::affected() const {
    const char* n = PQcmdTuples(m_r);
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

namespace {
// A statement's result as rows, or its error (the result freed).
Result<Rows> resultOf(PGconn* c, PGresult* r) {
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error e = errorOf(c, r);
        if (r)
            PQclear(r);
        return e;
    }
    return Rows(r);
}
} // namespace

Result<std::unique_ptr<Connection>> Connection::open(const std::string& conninfo) {
    PGconn* c = PQconnectdb(conninfo.c_str());
    if (!c)
        return unavailable("PostgreSQL: out of memory");
    if (PQstatus(c) != CONNECTION_OK) {
        std::string message = PQerrorMessage(c);
        while (!message.empty() && message.back() == '\n')
            message.pop_back();
        PQfinish(c);
        return unavailable("cannot connect to PostgreSQL: " + message);
    }
    // Notices (e.g. "relation already exists, skipping") are not errors: keep them off stderr.
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
    return std::unique_ptr<Connection>(new Connection(c));
}

Connection::~Connection() { PQfinish(m_c); }

bool Connection::broken() const { return m_stuck || PQstatus(m_c) != CONNECTION_OK; }

bool Connection::transactionFailed() const { return PQtransactionStatus(m_c) == PQTRANS_INERROR; }

namespace {

struct ParamArrays {
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    // A text parameter goes out as a C string: libpq would end it at a NUL character, and
    // PostgreSQL's text cannot hold one. Requests and company files are refused with one
    // (bounded_json.h); one that still arrives (a record stored before that, a retention archive
    // read back) is sent with U+FFFD for each NUL, as the reports read a \u0000 in a stored body
    // (report_sql.cpp): a value is marked, never cut short. Cut short, "cm-a\0x" would have
    // been stored as community "cm-a".
    std::vector<std::string> replaced;
    explicit ParamArrays(const std::vector<Param>& params)
        : values(params.size()), lengths(params.size()), formats(params.size()) {
        for (std::size_t i = 0; i < params.size(); ++i) {
            const auto& v = params[i].value;
            values[i] = v ? v->data() : nullptr;
            lengths[i] = v ? int(v->size()) : 0;
            formats[i] = params[i].binary ? 1 : 0;
            if (v && !params[i].binary && v->find('\0') != std::string::npos) {
                if (replaced.empty())
                    replaced.reserve(params.size()); // no reallocation after: `values` points into it
                std::string text;
                text.reserve(v->size() + 8);
                for (char c : *v) {
                    if (c == '\0')
                        text += "\xEF\xBF\xBD"; // U+FFFD in UTF-8
                    else
                        text += c;
                }
                values[i] = replaced.emplace_back(std::move(text)).data();
                lengths[i] = int(replaced.back().size());
            }
        }
    }
};

} // namespace

Result<std::string> Connection::preparedName(const std::string& sql, int parameters) {
    // Parsed and analysed once per connection, not at every call: a push runs the same few
    // statements for every record it stores.
    constexpr std::size_t kMaxPrepared = 256;
    if (auto it = m_prepared.find(sql); it != m_prepared.end())
        return it->second;
    if (m_prepared.size() >= kMaxPrepared)
        return std::string();
    const std::string name = "cy" + std::to_string(m_prepared.size());
    auto prepared = resultOf(m_c, PQprepare(m_c, name.c_str(), sql.c_str(), parameters, nullptr));
    if (!prepared)
        return prepared.error();
    m_prepared.emplace(sql, name);
    return name;
}

Result<Rows> Connection::exec(std::string_view sql, const std::vector<Param>& params) {
    CY_TRY(collect());
    if (!m_queue.empty()) {
        const Statement last{std::string(sql), params};
        return pipeline(&last);
    }
    const std::string text(sql);
    auto name = preparedName(text, int(params.size()));
    if (!name)
        return name.error();
    const ParamArrays a(params);
    PGresult* r = !name->empty() ? PQexecPrepared(m_c, name->c_str(), int(params.size()), a.values.data(),
                                                  a.lengths.data(), a.formats.data(), 0)
                                 : PQexecParams(m_c, text.c_str(), int(params.size()), nullptr, a.values.data(),
                                                a.lengths.data(), a.formats.data(), 0);
    return resultOf(m_c, r);
}

Status Connection::write(std::string_view sql, std::vector<Param> params, Send send) {
    if (send == Send::Queued) {
        m_queue.push_back(Statement{std::string(sql), std::move(params)});
        if (m_queue.size() < kMaxQueued)
            return {};
        // The batch before this one has been running while this one was queued: its answers
        // first (its failure is this call's), then this batch goes without waiting for its own.
        CY_TRY(collect());
        return sendBatch(std::exchange(m_queue, {}));
    }
    return done(exec(sql, params));
}

Status Connection::flush() {
    CY_TRY(collect());
    if (m_queue.empty())
        return {};
    return done(pipeline(nullptr));
}

Status Connection::sendBatch(const std::vector<Statement>& statements) {
    // Prepared before the pipeline starts (PQprepare waits for its answer).
    std::vector<std::string> names;
    names.reserve(statements.size());
    for (const auto& s : statements) {
        auto name = preparedName(s.sql, int(s.params.size()));
        if (!name)
            return name.error();
        names.push_back(std::move(*name));
    }
    if (!PQenterPipelineMode(m_c))
        return errorOf(m_c, nullptr);
    m_inFlight = statements.size();
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const auto& s = statements[i];
        const ParamArrays a(s.params);
        const int n = int(s.params.size());
        const int sent = !names[i].empty()
                             ? PQsendQueryPrepared(m_c, names[i].c_str(), n, a.values.data(), a.lengths.data(),
                                                   a.formats.data(), 0)
                             : PQsendQueryParams(m_c, s.sql.c_str(), n, nullptr, a.values.data(), a.lengths.data(),
                                                 a.formats.data(), 0);
        if (!sent) {
            m_inFlight = i; // what went out is answered; the sync below ends it
            m_sendFailure = errorOf(m_c, nullptr);
            break;
        }
    }
    if (!PQpipelineSync(m_c) && !m_sendFailure)
        m_sendFailure = errorOf(m_c, nullptr);
    return {};
}

Result<PGresult*> Connection::answers(bool keepLast) {
    // Each statement's results end with a null; the sync point ends the pipeline. A statement
    // after a failed one is answered "aborted". A lost connection ends it early.
    std::optional<Error> failure = std::move(m_sendFailure);
    m_sendFailure.reset();
    const std::size_t statements = m_inFlight;
    m_inFlight = 0;
    PGresult* lastRows = nullptr;
    std::size_t index = 0;
    while (true) {
        PGresult* r = PQgetResult(m_c);
        if (!r) {
            if (PQstatus(m_c) != CONNECTION_OK || ++index > statements) {
                if (!failure)
                    failure = errorOf(m_c, nullptr);
                break;
            }
            continue;
        }
        const auto status = PQresultStatus(r);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            break;
        }
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_PIPELINE_ABORTED &&
            !failure)
            failure = errorOf(m_c, r);
        if (keepLast && index + 1 == statements && !failure && status != PGRES_PIPELINE_ABORTED) {
            if (lastRows)
                PQclear(lastRows);
            lastRows = r;
        } else {
            PQclear(r);
        }
    }
    // It leaves pipeline mode only once every answer is read; a connection that cannot (its
    // answers cut short) would refuse every statement after: the pool drops it instead.
    if (!PQexitPipelineMode(m_c)) {
        m_stuck = true;
        if (!failure)
            failure = errorOf(m_c, nullptr);
    }
    if (failure) {
        if (lastRows)
            PQclear(lastRows);
        return *failure;
    }
    return lastRows;
}

Status Connection::collect() {
    if (!PQpipelineStatus(m_c))
        return {};
    auto r = answers(false);
    if (!r)
        return r.error();
    return {};
}

Result<Rows> Connection::pipeline(const Statement* last) {
    std::vector<Statement> statements = std::exchange(m_queue, {});
    if (last)
        statements.push_back(*last);
    CY_TRY(sendBatch(statements));
    auto lastRows = answers(last != nullptr);
    if (!lastRows)
        return lastRows.error();
    if (!last)
        return Rows(nullptr);
    if (!*lastRows)
        return internalError("PostgreSQL: no answer to the statement");
    return Rows(*lastRows);
}

Status Connection::run(std::string_view sql) {
    // Every run sends the queue, so what is queued came after the last savepoint: a rollback
    // (to a savepoint or of the transaction) drops it unsent, and still runs when it would fail
    // (a batch already sent is answered first, its failure beside the point).
    if (sql.rfind("ROLLBACK", 0) == 0) {
        m_queue.clear();
        (void)collect();
    } else {
        CY_TRY(flush());
    }
    const std::string text(sql);
    auto rows = resultOf(m_c, PQexec(m_c, text.c_str()));
    if (!rows)
        return rows.error();
    return {}; // the rows are freed here
}

} // namespace courtyard::server::pg
