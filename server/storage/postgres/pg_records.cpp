#include "server/storage/postgres/pg_records.h"

#include "server/storage/blob_refs.h"
#include "shared/core/json_dump.h"
#include "shared/records/record_type.h"
#include "shared/store/record_query_sql.h"

#include <iterator>

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

// The store's WHERE of a RecordQuery, written for PostgreSQL.
using store::detail::Dialect;
using store::detail::Where;

Where buildWhere(const RecordQuery& q) { return store::detail::buildWhere(q, true, Dialect::Postgres); }

std::vector<Param> params(const Where& w) {
    std::vector<Param> out;
    out.reserve(w.args.size());
    for (const auto& a : w.args)
        out.push_back(std::holds_alternative<std::string>(a) ? Param(std::get<std::string>(a))
                                                            : Param(std::get<std::int64_t>(a)));
    return out;
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

Result<std::vector<StoredRecord>> getRecords(Connection& c, const std::vector<std::string>& ids) {
    // One text[] parameter: {"id1","id2",…}, each element quoted, its backslashes and quotes escaped.
    std::string array = "{";
    for (const auto& id : ids) {
        array += array.size() > 1 ? ",\"" : "\"";
        for (char ch : id) {
            if (ch == '"' || ch == '\\')
                array += '\\';
            array += ch;
        }
        array += '"';
    }
    array += '}';
    return collect(c.exec("SELECT " + std::string(kColumns) + " FROM records WHERE id = ANY($1::text[])", {array}),
                   true);
}

Result<std::vector<StoredRecord>> queryRecords(Connection& c, const RecordQuery& q) {
    if (store::detail::pagesByKey(q)) {
        // A page by key (the retention pass reads records so): each stretch of the order an
        // index walk that stops at the page's end, as the SQLite store reads it.
        auto parts = store::detail::segments(q, Dialect::Postgres);
        if (!parts)
            return parts.error();
        std::vector<StoredRecord> out;
        for (const auto& part : *parts) {
            const int want = q.limit > 0 ? q.limit - int(out.size()) : 0;
            if (q.limit > 0 && want <= 0)
                break;
            std::string sql = "SELECT " + std::string(kColumns) + " FROM records" + part.where.sql + " ORDER BY " +
                              part.orderBy + (want > 0 ? " LIMIT " + std::to_string(want) : std::string());
            auto rows = collect(c.exec(sql, params(part.where)), true);
            if (!rows)
                return rows.error();
            std::move(rows->begin(), rows->end(), std::back_inserter(out));
        }
        return out;
    }
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
    return collect(c.exec(sql, params(w)), true);
}

Result<std::vector<OverdueClock>> overdueClocks(Connection& c, const RecordQuery& q) {
    const auto w = buildWhere(q);
    // json, not jsonb: the text is parsed, not converted, and the member comes back as written.
    // But `->` decodes the escapes of every string in the body, and PostgreSQL's text holds no
    // NUL: a body with \u0000 anywhere (a string with a NUL in it, as nlohmann writes one) would
    // fail the whole statement. Such a body gives no flag here (NULL), so the pass reads that
    // record whole.
    auto rows = c.exec("SELECT id, type, community_id, due_at, due_rule, CASE WHEN strpos(body, '\\u0000') = 0 "
                       "THEN (body::json -> 'escalation')::text END FROM records" +
                           w.sql,
                       params(w));
    if (!rows)
        return rows.error();
    std::vector<OverdueClock> out;
    out.reserve(std::size_t(rows->size()));
    for (int i = 0; i < rows->size(); ++i)
        out.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2), fromEpochMs(rows->int64(i, 3)),
                       rows->text(i, 4), rows->isNull(i, 5) ? std::string() : rows->text(i, 5)});
    return out;
}

Result<std::int64_t> countRecords(Connection& c, const RecordQuery& q) {
    auto w = buildWhere(q);
    auto rows = c.exec("SELECT count(*) FROM records" + w.sql, params(w));
    if (!rows)
        return rows.error();
    return rows->int64(0, 0);
}

namespace {

// The changes a filter lets through after a version: the scopes OR-ed. nullopt: none can be.
std::optional<Where> changesWhere(const ChangeFilter& f, std::int64_t afterVersion) {
    Where w;
    w.dialect = Dialect::Postgres;
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
        return std::nullopt;
    std::string any;
    for (const auto& s : scopes)
        any += (any.empty() ? "" : " OR ") + s;
    w.add("(" + any + ")");
    return w;
}

} // namespace

Result<std::vector<StoredRecord>> changes(Connection& c, const ChangeFilter& f, std::int64_t afterVersion, int limit) {
    // One statement, walked in version order on records_version (PostgreSQL stops after `limit`
    // matching rows, unlike SQLite, which sorted them all).
    auto w = changesWhere(f, afterVersion);
    if (!w)
        return std::vector<StoredRecord>{};
    return collect(c.exec("SELECT " + std::string(kColumns) + " FROM records" + w->sql + " ORDER BY version LIMIT " +
                              std::to_string(std::max(0, limit)),
                          params(*w)),
                   false);
}

Result<std::int64_t> countChanges(Connection& c, const ChangeFilter& f, std::int64_t afterVersion) {
    auto w = changesWhere(f, afterVersion);
    if (!w)
        return std::int64_t{0};
    auto rows = c.exec("SELECT count(*) FROM records" + w->sql, params(*w));
    if (!rows)
        return rows.error();
    return rows->int64(0, 0);
}

Status putRecord(Connection& c, const StoredRecord& r, const records::IndexFields& idx, Send send) {
    std::optional<std::int64_t> due, happened;
    if (idx.dueAt)
        due = toEpochMs(*idx.dueAt);
    if (idx.happenedAt)
        happened = toEpochMs(*idx.happenedAt);
    return c.write(
        "INSERT INTO records (id, type, community_id, state, unit_id, assignee, department_id, due_at, due_rule, "
        "happened_at, origin_device, version, deleted, body, stamps, history) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) "
        "ON CONFLICT (id) DO UPDATE SET type=excluded.type, community_id=excluded.community_id, "
        "state=excluded.state, unit_id=excluded.unit_id, assignee=excluded.assignee, "
        "department_id=excluded.department_id, due_at=excluded.due_at, due_rule=excluded.due_rule, "
        "happened_at=excluded.happened_at, origin_device=excluded.origin_device, version=excluded.version, "
        "deleted=excluded.deleted, body=excluded.body, stamps=excluded.stamps, history=excluded.history",
        {r.id, r.type, idx.communityId, idx.state, idx.unitId, idx.assignee, idx.departmentId, due, idx.dueRule,
         happened, r.originDevice, r.version, r.deleted, r.encodedBody ? *r.encodedBody : dumpJson(r.body),
         r.encodedStamps ? *r.encodedStamps : dumpJson(r.stamps), r.history},
        send);
}

Status indexBlobRefs(Connection& c, const StoredRecord& r, Send send) {
    for (const auto& sha : attachmentShas(r))
        CY_TRY(c.write("INSERT INTO blob_refs (sha256, record_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", {sha, r.id},
                       send));
    return {};
}

} // namespace courtyard::server::pg
