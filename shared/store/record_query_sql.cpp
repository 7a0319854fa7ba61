#include "shared/store/record_query_sql.h"

namespace courtyard::store::detail {

std::string Where::next(Arg v) {
    args.push_back(std::move(v));
    return dialect == Dialect::Postgres ? "$" + std::to_string(args.size()) : "?";
}

std::string Where::list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ",") + next(v);
    return out;
}

void Where::add(const std::string& clause) { sql += (sql.empty() ? " WHERE " : " AND ") + clause; }

void Where::in(const char* column, const std::vector<std::string>& values, bool orEmpty) {
    std::string clause = std::string(column) + " IN (" + list(values) + ")";
    if (orEmpty)
        clause = "(" + clause + " OR " + column + " = '')";
    add(clause);
}

void Where::eq(const char* column, const std::string& v) { add(std::string(column) + " = " + next(v)); }

Where buildWhere(const RecordQuery& q, bool typeIndexed, Dialect dialect) {
    Where w;
    w.dialect = dialect;
    if (!q.types.empty())
        w.in(typeIndexed ? "type" : "+type", q.types);
    if (!q.communityIds.empty())
        w.in("community_id", q.communityIds, q.includeCompanyWide);
    if (!q.states.empty())
        w.in("state", q.states);
    if (q.unitId)
        w.eq("unit_id", *q.unitId);
    if (q.assignee)
        w.eq("assignee", *q.assignee);
    if (q.departmentId)
        w.eq("department_id", *q.departmentId);
    if (q.originDevice)
        w.eq("origin_device", *q.originDevice);
    if (q.happenedFrom)
        w.add("happened_at >= " + w.next(toEpochMs(*q.happenedFrom)));
    if (q.happenedTo)
        w.add("happened_at < " + w.next(toEpochMs(*q.happenedTo)));
    if (q.versionAfter)
        w.add("version > " + w.next(*q.versionAfter));
    if (q.onlyWithDue)
        w.add("due_at IS NOT NULL");
    if (q.dueBefore)
        w.add("due_at < " + w.next(toEpochMs(*q.dueBefore)));
    if (q.text && !q.text->empty()) {
        // A substring test rather than LIKE: no wildcard escaping, and case matters little for Chinese.
        const std::string needle = w.next(*q.text);
        w.add(dialect == Dialect::Postgres ? "strpos(body, " + needle + ") > 0" : "instr(body, " + needle + ") > 0");
    }
    if (!q.includeDeleted)
        w.add(dialect == Dialect::Postgres ? "NOT deleted" : "deleted = 0");
    return w;
}

void bindAll(Statement& s, const Where& w) {
    int i = 1;
    for (const auto& a : w.args) {
        if (std::holds_alternative<std::string>(a))
            s.bind(i++, std::get<std::string>(a));
        else
            s.bind(i++, std::get<std::int64_t>(a));
    }
}

std::string orderBy(RecordQuery::Order order) {
    switch (order) {
    case RecordQuery::Order::Id:
        return "id";
    case RecordQuery::Order::Version:
        return "version, id";
    case RecordQuery::Order::DueAt:
        return "due_at IS NULL, due_at, id";
    case RecordQuery::Order::HappenedDesc:
        return "happened_at DESC, id"; // SQLite sorts NULL lowest: last when descending
    case RecordQuery::Order::HappenedAsc:
        return "happened_at, id";
    }
    return "id";
}

bool pagesByKey(const RecordQuery& q) {
    return q.after || (q.limit > 0 && q.offset == 0 && q.order != RecordQuery::Order::Version);
}

Result<std::vector<Segment>> segments(const RecordQuery& q, Dialect dialect) {
    if (q.after && (q.offset != 0 || q.order == RecordQuery::Order::Version))
        return invalidArgument("a query pages by key (after) with no offset, in an order other than by version");
    // A type's deadline or date order (records_type_due, records_type_happened) is the walk to
    // take unless the query names a person, a department or a flat: their own indexes hold few
    // rows, where walking the type's order would pass every record of it looking for them.
    // (`+type` is SQLite's way of saying so; PostgreSQL's planner weighs the indexes itself.)
    // A server keeps no department index (migrateServerSchema): it pages no query naming one.
    const bool typeIndexed = dialect == Dialect::Postgres || (!q.assignee && !q.departmentId && !q.unitId);
    const Where base = buildWhere(q, typeIndexed, dialect);
    if (q.order == RecordQuery::Order::Id) {
        Segment all{base, "id"};
        if (q.after) {
            all.where.add("id > " + all.where.next(q.after->id));
        }
        return std::vector<Segment>{std::move(all)};
    }
    // ORDER BY "due_at IS NULL, due_at, id" cannot be read from an index: every page would sort
    // the whole list. Split at the NULLs, each stretch is an index walk that stops at the limit.
    const std::string key = q.order == RecordQuery::Order::DueAt ? "due_at" : "happened_at";
    const bool desc = q.order == RecordQuery::Order::HappenedDesc;
    const bool nullsFirst = q.order == RecordQuery::Order::HappenedAsc;
    Segment keyed{base, key + (desc ? " DESC" : "") + ", id"};
    keyed.where.add(key + " IS NOT NULL");
    Segment unkeyed{base, "id"};
    unkeyed.where.add(key + " IS NULL");
    std::vector<Segment> out;
    if (!q.after) {
        out.push_back(nullsFirst ? std::move(unkeyed) : std::move(keyed));
        out.push_back(nullsFirst ? std::move(keyed) : std::move(unkeyed));
    } else if (q.after->key) {
        // The bound on the key alone is what the index seeks to; ties on it go on by id.
        const std::int64_t k = toEpochMs(*q.after->key);
        const std::string bound = keyed.where.next(k), past = keyed.where.next(k), id = keyed.where.next(q.after->id);
        keyed.where.add(desc ? key + " <= " + bound + " AND (" + key + " < " + past + " OR id > " + id + ")"
                             : key + " >= " + bound + " AND (" + key + " > " + past + " OR id > " + id + ")");
        out.push_back(std::move(keyed));
        if (!nullsFirst)
            out.push_back(std::move(unkeyed));
    } else {
        unkeyed.where.add("id > " + unkeyed.where.next(q.after->id));
        out.push_back(std::move(unkeyed));
        if (nullsFirst)
            out.push_back(std::move(keyed));
    }
    return out;
}

} // namespace courtyard::store::detail
