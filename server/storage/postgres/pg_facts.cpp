#include "server/storage/postgres/pg_facts.h"

#include "server/observability/log.h"
#include "server/storage/postgres/pg_schema.h"

#include <map>
#include <mutex>

namespace courtyard::server::pg {

namespace {

// The upsert both engines write (reports::factUpsertSql), with PostgreSQL's numbered parameters.
Result<std::string> translate(std::string_view sql) {
    auto upsert = reports::factUpsertSql(sql);
    if (!upsert)
        return upsert.error();
    std::string out;
    int n = 0;
    for (char ch : upsert->get())
        out += ch == '?' ? "$" + std::to_string(++n) : std::string(1, ch);
    return out;
}

Param paramOf(const reports::FactValue& v) {
    if (const auto* n = std::get_if<std::int64_t>(&v))
        return Param(*n);
    if (const auto* t = std::get_if<std::string>(&v))
        return Param(*t);
    return Param();
}

} // namespace

Result<std::string> postgresFactSql(std::string_view sqliteSql) {
    // The statements are a handful of constants in facts.cpp: each is translated once.
    static std::mutex mutex;
    static std::map<std::string, std::string, std::less<>> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(sqliteSql); it != cache.end())
        return it->second;
    auto sql = translate(sqliteSql);
    if (!sql)
        return sql.error();
    return cache.emplace(std::string(sqliteSql), *sql).first->second;
}

Status writeFacts(Connection& c, const store::StoredRecord& record, const reports::RecordFacts& facts, Send send) {
    return reports::writeFacts(
        [&](std::string_view sql, const std::vector<reports::FactValue>& values) -> Status {
            auto text = postgresFactSql(sql);
            if (!text)
                return text.error();
            std::vector<Param> params;
            params.reserve(values.size());
            for (const auto& v : values)
                params.push_back(paramOf(v));
            return c.write(*text, std::move(params), send);
        },
        record, facts);
}

Result<std::int64_t> rebuildFactsIfStale(Connection& c) {
    std::int64_t projected = 0;
    auto body = [&]() -> Status {
        CY_TRY(c.exec("SELECT pg_advisory_xact_lock($1)", {kWriteLock}));
        auto current = c.exec("SELECT value FROM meta WHERE key = 'report_facts'");
        if (!current)
            return current.error();
        if (current->size() == 1 && current->text(0, 0) == std::to_string(reports::kFactsVersion))
            return {};
        for (const auto table : reports::factTables())
            CY_TRY(c.run("DELETE FROM " + std::string(table)));
        std::string types;
        for (const auto type : reports::factTypes())
            types += (types.empty() ? "'" : ", '") + std::string(type) + "'";
        // All at once: a rebuild runs on an upgrade, before the server serves.
        auto rows = c.exec("SELECT id, type, body FROM records WHERE NOT deleted AND type IN (" + types + ")");
        if (!rows)
            return rows.error();
        for (int i = 0; i < rows->size(); ++i) {
            store::StoredRecord r;
            r.id = rows->text(i, 0);
            r.type = rows->text(i, 1);
            r.rawBody = rows->text(i, 2);
            auto facts = reports::factsOf(r);
            Status st = facts ? Status() : Status(facts.error());
            if (st) { // a failed statement must not abort the whole rebuild's transaction
                CY_TRY(c.run("SAVEPOINT fact_row"));
                st = writeFacts(c, r, *facts);
                CY_TRY(c.run(st ? "RELEASE SAVEPOINT fact_row"
                                : "ROLLBACK TO SAVEPOINT fact_row; RELEASE SAVEPOINT fact_row"));
            }
            // One record that cannot be projected must not keep the server from starting: it is
            // left out of the reports and named in the log (as on SQLite).
            if (!st) {
                Log::error("report facts: record left out", {{"id", r.id}, {"error", st.error().message}});
                continue;
            }
            ++projected;
        }
        return done(c.exec("INSERT INTO meta (key, value) VALUES ('report_facts', $1) "
                           "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                           {std::to_string(reports::kFactsVersion)}));
    };
    CY_TRY(c.run("BEGIN ISOLATION LEVEL READ COMMITTED"));
    if (auto st = body(); !st) {
        (void)c.run("ROLLBACK");
        return st.error();
    }
    CY_TRY(c.run("COMMIT"));
    return projected;
}

} // namespace courtyard::server::pg
