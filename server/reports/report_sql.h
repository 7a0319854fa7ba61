#pragma once
// How the reports talk to the database, on either engine: the report SQL is written once, with
// values bound as named parameters (":from", ":c0", …), so the SQL text of a report never holds
// a value and a connection's statement cache keeps one entry per query shape; each engine gives
// a ReportDb that runs it (SQLite natively, PostgreSQL with the names numbered:
// server/storage/postgres/pg_report_db.h). Rows are read by column name (every selected column
// is named with AS), so a query and the code that reads it cannot drift apart by position. The
// few spellings that differ between the engines (a field of a JSON body) take the Dialect, as
// the record store's WHERE builder does (shared/store/record_query_sql.h). Also here: the
// pieces of SQL the reports share (the scope's filter, a department from a person, a count of
// rows that meet a condition, the complaints the reviews count).

#include "server/reports/organisation.h"
#include "shared/store/database.h"
#include "shared/store/record_query_sql.h"

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace courtyard::server::reports {

using Params = std::vector<std::pair<std::string, std::variant<std::string, std::int64_t>>>;
Params operator+(Params a, const Params& b);

using store::detail::Dialect;

// One result row, read by column name. A name the query does not select is a programming
// error: a Row throws MissingColumn, and each() stops and answers Internal naming it.
class Row {
public:
    virtual ~Row() = default;
    virtual std::string text(std::string_view column) const = 0;
    virtual std::int64_t int64(std::string_view column) const = 0; // 0 for NULL
    virtual std::optional<std::int64_t> optInt64(std::string_view column) const = 0;
};
struct MissingColumn : std::logic_error {
    using std::logic_error::logic_error;
};

// The database a report reads, inside the read unit's transaction (ReadUnit::reportDb).
class ReportDb {
public:
    virtual ~ReportDb() = default;
    virtual Dialect dialect() const = 0;
    // Runs `sql` with `params` (a parameter the statement does not use is skipped) and calls
    // `row` for each result row.
    virtual Status each(const std::string& sql, const Params& params, const std::function<void(const Row&)>& row) = 0;
};

inline Status each(ReportDb& db, const std::string& sql, const Params& params,
                   const std::function<void(const Row&)>& row) {
    return db.each(sql, params, row);
}

// The reports on SQLite: its own SQL dialect, over the unit's connection.
class SqliteReportDb final : public ReportDb {
public:
    explicit SqliteReportDb(store::Database& db) : m_db(db) {}
    Dialect dialect() const override { return Dialect::Sqlite; }
    Status each(const std::string& sql, const Params& params, const std::function<void(const Row&)>& row) override;

private:
    store::Database& m_db;
};

// A text field of a record's JSON body ('$.key'), NULL when absent. On PostgreSQL a NUL in
// any string of the body (the escape \u0000: requests refuse it now, but a record stored
// before may hold one) is read as U+FFFD: PostgreSQL's text cannot hold a NUL, and its jsonb
// refuses the whole body.
std::string jsonText(std::string_view column, std::string_view key, Dialect d);

// " AND <column> IN (:c0, …)" for the scope's communities (nothing for the whole company), and
// " AND <department expression> = :department" when the report is one department's.
struct Filter {
    std::string sql;
    Params params;
};
Filter filterFor(const Scope& s, std::string_view communityColumn, std::string_view departmentExpr = {});

// The department a row belongs to, where the facts name a person rather than a department:
// that person's department today (staff records carry it).
std::string departmentOf(const std::string& staffColumn, Dialect d);
// An inspection is the checked staff member's department's, or for an area check the
// inspector's; a patrol the guard's; a rectification item the department that found it, or for
// an item a resident found, the department of whoever recorded it (customer service).
std::string inspectionDepartment(Dialect d);
std::string patrolDepartment(Dialect d);
std::string rectificationDepartment(Dialect d);

// "sum of rows where cond", 0 for no rows (SQL sum() of nothing is NULL).
std::string cnt(const std::string& cond);

// The window's parameters in report SQL.
inline const std::string kFrom = ":from", kTo = ":to", kAsOf = ":as_of";

// The SQL restates definitions of the shared rules; their values come from there, bound as
// parameters beside the window's (Window::params): which complaint records count
// (rules/review.h), which are valid, which serious (rules/grading.h), which suggestions are
// cancelled. sqlAgreesWithTheSharedRulesOnGeneratedHistory compares the SQL with the rules on
// generated data.
inline const std::string kCountedComplaints = "kind = :reviewed_kind AND state <> :unreviewed_state";
inline const std::string kValid = "validity = :valid";

// A report's time window [from, to) and the moment its figures are counted as of.
struct Window {
    Instant from, to, asOf;
    Params params() const;
};

} // namespace courtyard::server::reports
