#include "server/storage/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>

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

bool Connection::broken() const { return PQstatus(m_c) != CONNECTION_OK; }

bool Connection::transactionFailed() const { return PQtransactionStatus(m_c) == PQTRANS_INERROR; }

Result<Rows> Connection::exec(std::string_view sql, const std::vector<Param>& params) {
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size());
    std::vector<int> formats(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        values[i] = params[i].value ? params[i].value->data() : nullptr;
        lengths[i] = params[i].value ? int(params[i].value->size()) : 0;
        formats[i] = params[i].binary ? 1 : 0;
    }
    const std::string text(sql);
    // Parsed and analysed once per connection, not at every call: a push runs the same few
    // statements for every record it stores.
    constexpr std::size_t kMaxPrepared = 256;
    auto it = m_prepared.find(text);
    if (it == m_prepared.end() && m_prepared.size() < kMaxPrepared) {
        const std::string name = "cy" + std::to_string(m_prepared.size());
        auto prepared = resultOf(m_c, PQprepare(m_c, name.c_str(), text.c_str(), int(params.size()), nullptr));
        if (!prepared)
            return prepared.error();
        it = m_prepared.emplace(text, name).first;
    }
    PGresult* r = it != m_prepared.end()
                      ? PQexecPrepared(m_c, it->second.c_str(), int(params.size()), values.data(), lengths.data(),
                                       formats.data(), 0)
                      : PQexecParams(m_c, text.c_str(), int(params.size()), nullptr, values.data(), lengths.data(),
                                     formats.data(), 0);
    return resultOf(m_c, r);
}

Status Connection::run(std::string_view sql) {
    const std::string text(sql);
    auto rows = resultOf(m_c, PQexec(m_c, text.c_str()));
    if (!rows)
        return rows.error();
    return {}; // the rows are freed here
}

} // namespace courtyard::server::pg
