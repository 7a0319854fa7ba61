#include "shared/store/record_store.h"

#include "shared/core/json_dump.h"
#include "shared/records/record_type.h"
#include "shared/store/database.h"
#include "shared/store/record_query_sql.h"
#include "shared/store/schema.h"

#include <utility>
#include <variant>

namespace courtyard::store {

namespace {

using detail::bindAll;
using detail::buildWhere;

constexpr std::string_view kColumns =
    "id, type, version, deleted, body, stamps, origin_device, server_body, community_id, state, unit_id, "
    "assignee, department_id, due_at, due_rule, happened_at, history";

// The index columns of a row of kColumns, as stored.
records::IndexFields indexColumns(const Statement& s) {
    records::IndexFields f;
    f.communityId = s.text(8);
    f.state = s.text(9);
    f.unitId = s.text(10);
    f.assignee = s.text(11);
    f.departmentId = s.text(12);
    if (auto d = s.optInt64(13))
        f.dueAt = fromEpochMs(*d);
    f.dueRule = s.text(14);
    if (auto h = s.optInt64(15))
        f.happenedAt = fromEpochMs(*h);
    return f;
}

Result<StoredRecord> readRow(Statement& s, bool parseBody = true) {
    StoredRecord r;
    r.id = s.text(0);
    r.type = s.text(1);
    r.version = s.int64(2);
    r.deleted = s.int64(3) != 0;
    if (parseBody) {
        auto body = parseJson(s.text(4));
        if (!body)
            return internalError("record '" + r.id + "' has a body that is not JSON: the store is damaged");
        r.body = std::move(*body);
    } else {
        r.rawBody = s.text(4);
        r.index = indexColumns(s); // passed on without parsing: the index columns as stored
    }
    auto stamps = parseJson(s.text(5));
    r.stamps = stamps ? std::move(*stamps) : Json::object();
    r.originDevice = s.text(6);
    if (auto sb = s.optText(7)) {
        auto parsed = parseJson(*sb);
        if (parsed)
            r.serverBody = std::move(*parsed);
    }
    r.history = s.text(16);
    return r;
}

// Reads every row of a SELECT of kColumns.
Result<std::vector<StoredRecord>> collect(Statement& s, bool parseBodies) {
    std::vector<StoredRecord> out;
    while (true) {
        auto row = s.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto r = readRow(s, parseBodies);
        if (!r)
            return r.error();
        out.push_back(std::move(*r));
    }
    return out;
}

} // namespace

SqliteRecordStore::SqliteRecordStore(std::unique_ptr<Database> db) : m_db(std::move(db)) {}
SqliteRecordStore::~SqliteRecordStore() = default;

Result<std::unique_ptr<SqliteRecordStore>> SqliteRecordStore::open(const std::string& path) {
    return open(path, OpenOptions{});
}

Result<std::unique_ptr<SqliteRecordStore>> SqliteRecordStore::open(const std::string& path,
                                                                   const OpenOptions& options) {
    auto db = Database::open(path, options);
    if (!db)
        return db.error();
    if (!options.readOnly)
        CY_TRY(migrate(**db));
    return std::make_unique<SqliteRecordStore>(std::move(*db));
}

Result<std::optional<StoredRecord>> SqliteRecordStore::get(std::string_view id) {
    auto s = m_db->prepare("SELECT " + std::string(kColumns) + " FROM records WHERE id = ?");
    if (!s)
        return s.error();
    s->bind(1, id);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row) {
        m_known = KnownRow{std::string(id), false, {}, {}, {}};
        return std::optional<StoredRecord>{};
    }
    auto r = readRow(*s);
    if (!r)
        return r.error();
    m_known = KnownRow{r->id, true, r->type, r->originDevice, indexColumns(*s)};
    return std::optional<StoredRecord>{std::move(*r)};
}

Result<records::IndexFields> indexFieldsFor(const StoredRecord& r) {
    const auto* type = records::findRecordType(r.type);
    if (!type)
        return invalidArgument("unknown record type '" + r.type + "'");
    if (r.id.empty())
        return invalidArgument("a record needs an id");
    return r.index ? *r.index : type->index(r.body);
}

namespace {

// The record's columns, numbered as every statement below names them (?1 … ?17).
constexpr std::string_view kUpsert =
    "INSERT INTO records (id, type, community_id, state, unit_id, assignee, department_id, "
    "due_at, due_rule, happened_at, origin_device, version, deleted, body, stamps, server_body, history) "
    "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17) "
    "ON CONFLICT(id) DO UPDATE SET type=excluded.type, community_id=excluded.community_id, "
    "state=excluded.state, unit_id=excluded.unit_id, assignee=excluded.assignee, "
    "department_id=excluded.department_id, due_at=excluded.due_at, due_rule=excluded.due_rule, "
    "happened_at=excluded.happened_at, origin_device=excluded.origin_device, "
    "version=excluded.version, deleted=excluded.deleted, body=excluded.body, "
    "stamps=excluded.stamps, server_body=excluded.server_body, history=excluded.history";

// An UPDATE of the row `was` describes into `r`: the version and texts always, each column an
// index may hold only when it changed, and the others required to still hold what `was` says
// (so a row that is not as `was` says is left alone and the UPDATE changes nothing). Every
// variant names ?17 (the history), so all 17 parameters bind whichever of ?2 … ?11 it uses.
std::string updateSql(const SqliteRecordStore::KnownRow& was, const StoredRecord& r, const records::IndexFields& now) {
    std::string set = "UPDATE records SET version = ?12, deleted = ?13, body = ?14, stamps = ?15, "
                      "server_body = ?16, history = ?17";
    std::string where = " WHERE id = ?1";
    auto column = [&](bool same, std::string_view name, std::string_view param) {
        if (same)
            where.append(" AND ").append(name).append(" IS ").append(param);
        else
            set.append(", ").append(name).append(" = ").append(param);
    };
    column(was.type == r.type, "type", "?2");
    column(was.index.communityId == now.communityId, "community_id", "?3");
    column(was.index.state == now.state, "state", "?4");
    column(was.index.unitId == now.unitId, "unit_id", "?5");
    column(was.index.assignee == now.assignee, "assignee", "?6");
    column(was.index.departmentId == now.departmentId, "department_id", "?7");
    column(was.index.dueAt == now.dueAt, "due_at", "?8");
    column(was.index.dueRule == now.dueRule, "due_rule", "?9");
    column(was.index.happenedAt == now.happenedAt, "happened_at", "?10");
    column(was.originDevice == r.originDevice, "origin_device", "?11");
    return set + where;
}

} // namespace

Status SqliteRecordStore::put(const StoredRecord& r) {
    auto fields = indexFieldsFor(r);
    if (!fields)
        return fields.error();
    const auto& idx = *fields;
    // The large texts are bound in place, not copied, so they are declared before the statements
    // that read them and outlive them.
    std::string body, stamps, serverBody;
    if (!r.encodedBody)
        body = dumpJson(r.body);
    if (!r.encodedStamps)
        stamps = dumpJson(r.stamps);
    if (r.serverBody)
        serverBody = dumpJson(*r.serverBody);
    auto bindColumns = [&](Statement& s) {
        s.bind(1, r.id)
            .bind(2, r.type)
            .bind(3, idx.communityId)
            .bind(4, idx.state)
            .bind(5, idx.unitId)
            .bind(6, idx.assignee)
            .bind(7, idx.departmentId);
        if (idx.dueAt)
            s.bind(8, toEpochMs(*idx.dueAt));
        else
            s.bindNull(8);
        s.bind(9, idx.dueRule);
        if (idx.happenedAt)
            s.bind(10, toEpochMs(*idx.happenedAt));
        else
            s.bindNull(10);
        s.bind(11, r.originDevice)
            .bind(12, r.version)
            .bind(13, r.deleted ? 1 : 0)
            .bindStatic(14, r.encodedBody ? *r.encodedBody : body)
            .bindStatic(15, r.encodedStamps ? *r.encodedStamps : stamps);
        if (r.serverBody)
            s.bindStatic(16, serverBody);
        else
            s.bindNull(16);
        s.bindStatic(17, r.history);
    };
    // A record read (or written) just before is updated in place, setting only the columns
    // that changed: SQLite rewrites the entries of every index that holds a column an UPDATE
    // sets, whether its value changed or not, and the upsert below sets them all. What was read
    // is only a guess (another statement may have changed the row since, or a rollback undone
    // the write it remembers): the UPDATE requires the columns it leaves to hold what the guess
    // says, and when it changes no row the upsert writes every column.
    const std::optional<KnownRow> was = std::exchange(m_known, std::nullopt);
    bool updated = false;
    if (was && was->exists && was->id == r.id) {
        auto s = m_db->prepare(updateSql(*was, r, idx));
        if (!s)
            return s.error();
        bindColumns(*s);
        CY_TRY(s->exec());
        updated = m_db->changes() == 1;
    }
    if (!updated) {
        auto s = m_db->prepare(kUpsert);
        if (!s)
            return s.error();
        bindColumns(*s);
        CY_TRY(s->exec());
    }
    m_known = KnownRow{r.id, true, r.type, r.originDevice, idx};
    return {};
}

Status SqliteRecordStore::remove(std::string_view id) {
    m_known.reset();
    auto s = m_db->prepare("DELETE FROM records WHERE id = ?");
    if (!s)
        return s.error();
    s->bind(1, id);
    return s->exec();
}

Status SqliteRecordStore::walk(const RecordQuery& q, const std::string& columns,
                               const std::function<Status(Statement&)>& read) {
    auto step = [&](Statement& s, int* rows) -> Status {
        while (true) {
            auto row = s.step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            CY_TRY(read(s));
            ++*rows;
        }
    };
    int rows = 0;
    if (!detail::pagesByKey(q)) {
        const auto w = buildWhere(q);
        std::string sql = "SELECT " + columns + " FROM records" + w.sql + " ORDER BY " + detail::orderBy(q.order);
        if (q.limit > 0)
            sql += " LIMIT " + std::to_string(q.limit) + " OFFSET " + std::to_string(q.offset);
        auto s = m_db->prepare(sql);
        if (!s)
            return s.error();
        bindAll(*s, w);
        return step(*s, &rows);
    }
    auto parts = detail::segments(q);
    if (!parts)
        return parts.error();
    for (const auto& part : *parts) {
        const int want = q.limit > 0 ? q.limit - rows : 0;
        if (q.limit > 0 && want <= 0)
            break;
        std::string sql = "SELECT " + columns + " FROM records" + part.where.sql + " ORDER BY " + part.orderBy;
        if (want > 0)
            sql += " LIMIT " + std::to_string(want);
        auto s = m_db->prepare(sql);
        if (!s)
            return s.error();
        bindAll(*s, part.where);
        CY_TRY(step(*s, &rows));
    }
    return {};
}

Result<std::vector<StoredRecord>> SqliteRecordStore::query(const RecordQuery& q) {
    std::vector<StoredRecord> out;
    CY_TRY(walk(q, std::string(kColumns), [&](Statement& s) -> Status {
        auto r = readRow(s);
        if (!r)
            return r.error();
        out.push_back(std::move(*r));
        return {};
    }));
    return out;
}

Result<std::vector<RecordSummary>> SqliteRecordStore::summaries(const RecordQuery& q,
                                                                const std::vector<std::string>& fields) {
    // json_extract with several paths answers a JSON array of their values, so SQLite parses the
    // body once and hands back only those fields ('$.id' first: always at least two paths).
    std::string extract = "json_extract(body, '$.id'";
    for (const auto& f : fields) {
        if (f.empty() || f.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
                             std::string::npos)
            return invalidArgument("a summary field is a top-level key of letters, digits and '_': '" + f + "'");
        extract += ", '$." + f + "'";
    }
    extract += ")";
    const std::string columns = "id, type, version, server_body IS NOT NULL, community_id, state, unit_id, assignee, "
                                "department_id, due_at, due_rule, happened_at, " + extract;
    std::vector<RecordSummary> out;
    CY_TRY(walk(q, columns, [&](Statement& s) -> Status {
        RecordSummary r;
        r.id = s.text(0);
        r.type = s.text(1);
        r.version = s.int64(2);
        r.localEdits = s.int64(3) != 0;
        r.index.communityId = s.text(4);
        r.index.state = s.text(5);
        r.index.unitId = s.text(6);
        r.index.assignee = s.text(7);
        r.index.departmentId = s.text(8);
        if (auto d = s.optInt64(9))
            r.index.dueAt = fromEpochMs(*d);
        r.index.dueRule = s.text(10);
        if (auto h = s.optInt64(11))
            r.index.happenedAt = fromEpochMs(*h);
        auto values = parseJson(s.text(12));
        if (!values || !values->is_array() || values->size() != fields.size() + 1)
            return internalError("record '" + r.id + "' has a body that is not a JSON object: the store is damaged");
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (!(*values)[i + 1].is_null())
                r.fields[fields[i]] = std::move((*values)[i + 1]);
        out.push_back(std::move(r));
        return {};
    }));
    return out;
}

namespace {

void bindArgs(Statement& s, const std::vector<SqliteRecordStore::SqlArg>& args) {
    int i = 1;
    for (const auto& a : args) {
        if (std::holds_alternative<std::string>(a))
            s.bind(i++, std::get<std::string>(a));
        else
            s.bind(i++, std::get<std::int64_t>(a));
    }
}

} // namespace

Result<std::vector<StoredRecord>> SqliteRecordStore::select(const std::string& whereClause,
                                                             const std::vector<SqlArg>& args, bool parseBodies) {
    auto s = m_db->prepare("SELECT " + std::string(kColumns) + " FROM records WHERE " + whereClause);
    if (!s)
        return s.error();
    bindArgs(*s, args);
    return collect(*s, parseBodies);
}

Result<std::int64_t> SqliteRecordStore::countWhere(const std::string& whereClause, const std::vector<SqlArg>& args) {
    auto s = m_db->prepare("SELECT count(*) FROM records WHERE " + whereClause);
    if (!s)
        return s.error();
    bindArgs(*s, args);
    auto row = s->step();
    if (!row)
        return row.error();
    return s->int64(0);
}

Result<std::int64_t> SqliteRecordStore::count(const RecordQuery& q) {
    const auto w = buildWhere(q);
    auto s = m_db->prepare("SELECT count(*) FROM records" + w.sql);
    if (!s)
        return s.error();
    bindAll(*s, w);
    auto row = s->step();
    if (!row)
        return row.error();
    return s->int64(0);
}

Status SqliteRecordStore::transaction(const std::function<Status()>& body) {
    const bool outer = m_depth == 0;
    const std::string savepoint = "sp" + std::to_string(m_depth);
    CY_TRY(m_db->exec(outer ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint));
    ++m_depth;
    auto rollback = [&] {
        --m_depth;
        if (outer)
            (void)m_db->exec("ROLLBACK");
        else
            (void)m_db->exec("ROLLBACK TO " + savepoint + "; RELEASE " + savepoint);
    };
    Status st;
    try {
        st = body();
    } catch (...) {
        rollback();
        throw;
    }
    if (!st) {
        rollback();
        return st;
    }
    --m_depth;
    auto done = m_db->exec(outer ? "COMMIT" : "RELEASE " + savepoint);
    if (!done && outer)
        (void)m_db->exec("ROLLBACK");
    return done;
}

Result<std::optional<std::string>> SqliteRecordStore::getMeta(std::string_view key) {
    auto s = m_db->prepare("SELECT value FROM meta WHERE key = ?");
    if (!s)
        return s.error();
    s->bind(1, key);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<std::string>{};
    return std::optional<std::string>{s->text(0)};
}

Status SqliteRecordStore::setMeta(std::string_view key, std::string_view value) {
    auto s = m_db->prepare("INSERT INTO meta (key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!s)
        return s.error();
    s->bind(1, key).bind(2, value);
    return s->exec();
}

} // namespace courtyard::store
