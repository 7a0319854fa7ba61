#include "server/storage/postgres/pg_records.h"

#include "server/storage/blob_refs.h"
#include "shared/records/record_type.h"

namespace courtyard::server::pg {

using store::RecordQuery;
using store::StoredRecord;

namespace {

constexpr std::string_view kColumns =
    "id, type, version, deleted, body, stamps, origin_device, community_id, state, unit_id, assignee, "
    "department_id, due_at, due_rule, happened_at, history";

Result<StoredRecord> readRow(const Rows& rows, int i, bool parseBody) {
    StoredRecord r;
    r.id = rows.text(i, 0);
    r.type = rows.text(i, 1);
    r.version = rows.int64(i, 2);
    r.deleted = rows.boolean(i, 3);
    if (parseBody) {
        auto body = parseJson(rows.text(i, 4));
        if (!body)
            return internalError("record '" + r.id + "' has a body that is not JSON: the store is damaged");
        r.body = std::move(*body);
    } else {
        r.rawBody = rows.text(i, 4);
        records::IndexFields f;
        f.communityId = rows.text(i, 7);
        f.state = rows.text(i, 8);
        f.unitId = rows.text(i, 9);
        f.assignee = rows.text(i, 10);
        f.departmentId = rows.text(i, 11);
        if (auto d = rows.optInt64(i, 12))
            f.dueAt = fromEpochMs(*d);
        f.dueRule = rows.text(i, 13);
        if (auto h = rows.optInt64(i, 14))
            f.happenedAt = fromEpochMs(*h);
        r.index = std::move(f);
    }
    auto stamps = parseJson(rows.text(i, 5));
    r.stamps = stamps ? std::move(*stamps) : Json::object();
    r.originDevice = rows.text(i, 6);
    r.history = rows.text(i, 15);
    return r;
}

Result<std::vector<StoredRecord>> collect(Result<Rows> rows, bool parseBodies) {
    if (!rows)
        return rows.error();
    std::vector<StoredRecord> out;
    out.reserve(std::size_t(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
        auto r = readRow(*rows, i, parseBodies);
        if (!r)
            return r.error();
        out.push_back(std::move(*r));
    }
    return out;
}

// A WHERE clause with numbered parameters.
struct Where {
    std::string sql;
    std::vector<Param> args;

    std::string next(Param p) {
        args.push_back(std::move(p));
        return "$" + std::to_string(args.size());
    }
    void add(const std::string& clause) { sql += (sql.empty() ? " WHERE " : " AND ") + clause; }
    std::string list(const std::vector<std::string>& values) {
        std::string out;
        for (const auto& v : values)
            out += (out.empty() ? "" : ",") + next(v);
        return out;
    }
    void in(const char* column, const std::vector<std::string>& values, bool orEmpty = false) {
        std::string clause = std::string(column) + " IN (" + list(values) + ")";
        if (orEmpty)
            clause = "(" + clause + " OR " + column + " = '')";
        add(clause);
    }
    void eq(const char* column, const std::string& v) { add(std::string(column) + " = " + next(v)); }
};

Where buildWhere(const RecordQuery& q) {
    Where w;
    if (!q.types.empty())
        w.in("type", q.types);
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
    if (q.text && !q.text->empty())
        w.add("strpos(body, " + w.next(*q.text) + ") > 0");
    if (!q.includeDeleted)
        w.add("NOT deleted");
    return w;
}

} // namespace

Result<std::optional<StoredRecord>> getRecord(Connection& c, const std::string& id) {
    auto rows = collect(c.exec("SELECT " + std::string(kColumns) + " FROM records WHERE id = $1", {id}), true);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<StoredRecord>{};
    return std::optional<StoredRecord>{std::move(rows->front())};
}

Result<std::vector<StoredRecord>> queryRecords(Connection& c, const RecordQuery& q) {
    // Keyset paging is the device's (its record lists); the server does not page that way.
    if (q.after)
        return invalidArgument("RecordQuery::after (keyset paging) is not implemented on PostgreSQL");
    auto w = buildWhere(q);
    std::string sql = "SELECT " + std::string(kColumns) + " FROM records" + w.sql;
    switch (q.order) {
    case RecordQuery::Order::Id:
        sql += " ORDER BY id";
        break;
    case RecordQuery::Order::Version:
        sql += " ORDER BY version, id";
        break;
    case RecordQuery::Order::DueAt:
        sql += " ORDER BY due_at IS NULL, due_at, id";
        break;
    case RecordQuery::Order::HappenedDesc:
        // SQLite puts NULLs first in ascending order and last in descending: say so here.
        sql += " ORDER BY happened_at DESC NULLS LAST, id";
        break;
    case RecordQuery::Order::HappenedAsc:
        sql += " ORDER BY happened_at NULLS FIRST, id";
        break;
    }
    if (q.limit > 0)
        sql += " LIMIT " + std::to_string(q.limit) + " OFFSET " + std::to_string(q.offset);
    return collect(c.exec(sql, w.args), true);
}

Result<std::int64_t> countRecords(Connection& c, const RecordQuery& q) {
    auto w = buildWhere(q);
    auto rows = c.exec("SELECT count(*) FROM records" + w.sql, w.args);
    if (!rows)
        return rows.error();
    return rows->int64(0, 0);
}

Result<std::vector<StoredRecord>> changes(Connection& c, const ChangeFilter& f, std::int64_t afterVersion, int limit) {
    // One statement: the scopes OR-ed, walked in version order on records_version (PostgreSQL
    // stops after `limit` matching rows, unlike SQLite, which sorted them all).
    Where w;
    w.add("version > " + w.next(afterVersion));
    std::vector<std::string> scopes;
    if (!f.types.empty()) {
        std::vector<std::string> communities = f.communityIds;
        if (f.companyWide)
            communities.emplace_back();
        if (!communities.empty())
            scopes.push_back("(community_id IN (" + w.list(communities) + ") AND type IN (" + w.list(f.types) + "))");
    }
    if (!f.originDevice.empty() && !f.originTypes.empty())
        scopes.push_back("(origin_device = " + w.next(f.originDevice) + " AND type IN (" + w.list(f.originTypes) +
                         "))");
    if (scopes.empty())
        return std::vector<StoredRecord>{};
    std::string any;
    for (const auto& s : scopes)
        any += (any.empty() ? "" : " OR ") + s;
    w.add("(" + any + ")");
    return collect(c.exec("SELECT " + std::string(kColumns) + " FROM records" + w.sql + " ORDER BY version LIMIT " +
                              std::to_string(std::max(0, limit)),
                          w.args),
                   false);
}

Status putRecord(Connection& c, const StoredRecord& r) {
    const auto* type = records::findRecordType(r.type);
    if (!type)
        return invalidArgument("unknown record type '" + r.type + "'");
    if (r.id.empty())
        return invalidArgument("a record needs an id");
    const auto idx = r.index ? *r.index : type->index(r.body);
    std::optional<std::int64_t> due, happened;
    if (idx.dueAt)
        due = toEpochMs(*idx.dueAt);
    if (idx.happenedAt)
        happened = toEpochMs(*idx.happenedAt);
    return done(c.exec(
        "INSERT INTO records (id, type, community_id, state, unit_id, assignee, department_id, due_at, due_rule, "
        "happened_at, origin_device, version, deleted, body, stamps, history) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) "
        "ON CONFLICT (id) DO UPDATE SET type=excluded.type, community_id=excluded.community_id, "
        "state=excluded.state, unit_id=excluded.unit_id, assignee=excluded.assignee, "
        "department_id=excluded.department_id, due_at=excluded.due_at, due_rule=excluded.due_rule, "
        "happened_at=excluded.happened_at, origin_device=excluded.origin_device, version=excluded.version, "
        "deleted=excluded.deleted, body=excluded.body, stamps=excluded.stamps, history=excluded.history",
        {r.id, r.type, idx.communityId, idx.state, idx.unitId, idx.assignee, idx.departmentId, due, idx.dueRule,
         happened, r.originDevice, r.version, r.deleted, r.encodedBody ? *r.encodedBody : r.body.dump(),
         r.stamps.dump(), r.history}));
}

Status indexBlobRefs(Connection& c, const StoredRecord& r) {
    for (const auto& sha : attachmentShas(r))
        CY_TRY(c.exec("INSERT INTO blob_refs (sha256, record_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", {sha, r.id}));
    return {};
}

} // namespace courtyard::server::pg
