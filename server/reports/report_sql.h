#pragma once
// How the reports talk to SQLite: values bound as named parameters (":from", ":c0", …), so the
// SQL text of a report never holds a value and the connection's statement cache keeps one entry
// per query shape, not one per request; rows read by column name (every selected column is
// named with AS), so a query and the code that reads it cannot drift apart by position; and the
// pieces of SQL the reports share (the scope's filter, a department from a person, a count of
// rows that meet a condition, the complaints the reviews count).

#include "server/reports/organisation.h"
#include "shared/store/database.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace courtyard::server::reports {

using Params = std::vector<std::pair<std::string, std::variant<std::string, std::int64_t>>>;
Params operator+(Params a, const Params& b);

// One result row, read by column name. A name the query does not select is a programming
// error: each() stops and answers Internal naming it.
class Row {
public:
    explicit Row(store::Statement& s) : m_s(s) {}
    std::string text(std::string_view column) const;
    std::int64_t int64(std::string_view column) const;
    std::optional<std::int64_t> optInt64(std::string_view column) const;

private:
    int index(std::string_view column) const;
    store::Statement& m_s;
};

// Runs `sql` with `params` (a parameter the statement does not use is skipped) and calls `row`
// for each result row.
Status each(store::Database& db, const std::string& sql, const Params& params,
            const std::function<void(const Row&)>& row);

// " AND <column> IN (:c0, …)" for the scope's communities (nothing for the whole company), and
// " AND <department expression> = :department" when the report is one department's.
struct Filter {
    std::string sql;
    Params params;
};
Filter filterFor(const Scope& s, std::string_view communityColumn, std::string_view departmentExpr = {});

// The department a row belongs to, where the facts name a person rather than a department:
// that person's department today (staff records carry it).
std::string departmentOf(const std::string& staffColumn);
// An inspection is the checked staff member's department's, or for an area check the
// inspector's; a patrol the guard's; a rectification item the department that found it, or for
// an item a resident found, the department of whoever recorded it (customer service).
extern const std::string kInspectionDepartment;
extern const std::string kPatrolDepartment;
extern const std::string kRectificationDepartment;

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
