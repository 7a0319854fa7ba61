#pragma once
// How a RecordQuery becomes SQL over the records table: its WHERE clause with parameters, and
// the statements that walk its order a page at a time (keyset paging). Used by the store and by
// the server's PostgreSQL engine, which writes the same WHERE in its own dialect.

#include "shared/store/database.h"
#include "shared/store/record_store.h"

#include <string>
#include <variant>
#include <vector>

namespace courtyard::store::detail {

// SQLite takes "?" placeholders, PostgreSQL numbered ones ("$1", "$2", …); they also spell a
// substring test and the deleted flag (a boolean column there) differently.
enum class Dialect { Sqlite, Postgres };

struct Where {
    using Arg = std::variant<std::string, std::int64_t>;
    Dialect dialect = Dialect::Sqlite;
    std::string sql; // "" or " WHERE …"
    std::vector<Arg> args;

    // Adds an argument; returns its placeholder.
    std::string next(Arg v);
    // The placeholders of a list of arguments, comma-separated.
    std::string list(const std::vector<std::string>& values);
    void add(const std::string& clause);
    void in(const char* column, const std::vector<std::string>& values, bool orEmpty = false);
    void eq(const char* column, const std::string& v);
};

// With `typeIndexed` false the type is written `+type`, which keeps SQLite from walking a type
// index when a narrower one (assignee, department, flat) serves the query better.
Where buildWhere(const RecordQuery& q, bool typeIndexed = true, Dialect dialect = Dialect::Sqlite);
void bindAll(Statement& s, const Where& w);
// The whole ORDER BY of an order, for reading a list in one statement.
std::string orderBy(RecordQuery::Order order);

// One stretch of an order that an index walks without sorting: the rows that have the sort key
// (due, happened), or the rows without it, which the order puts first or last by id.
struct Segment {
    Where where;
    std::string orderBy;
};
// Whether q is read a page at a time by key (segments) rather than in one statement: with
// `after`, or with a limit and no offset in an order other than Version.
bool pagesByKey(const RecordQuery& q);
// q's rows as consecutive segments in its order, starting after q.after. invalid_argument for
// `after` with an offset or in Version order.
Result<std::vector<Segment>> segments(const RecordQuery& q, Dialect dialect = Dialect::Sqlite);

} // namespace courtyard::store::detail
