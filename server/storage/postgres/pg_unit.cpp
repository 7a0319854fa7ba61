#include "server/storage/postgres/pg_unit.h"

#include "server/storage/postgres/pg_facts.h"
#include "server/storage/postgres/pg_records.h"

namespace courtyard::server::pg {

namespace {

constexpr const char* kDeviceColumns =
    "id, name, role, communities, created_at, revoked_at, last_seq, last_seen_at";

Result<DeviceRow> readDevice(const Rows& rows, int i) {
    DeviceRow d;
    d.id = rows.text(i, 0);
    d.name = rows.text(i, 1);
    d.roleName = rows.text(i, 2);
    if (d.roleName == "kiosk")
        d.role = domain::Role::Resident;
    else if (!fromString(d.roleName, d.role))
        return internalError("device " + d.id + " has an unknown role '" + d.roleName + "'");
    if (auto c = parseJson(rows.text(i, 3)); c && c->is_array())
        d.communityIds = c->get<std::vector<std::string>>();
    d.createdAt = fromEpochMs(rows.int64(i, 4));
    if (auto r = rows.optInt64(i, 5))
        d.revokedAt = fromEpochMs(*r);
    d.lastSeq = rows.int64(i, 6);
    if (auto l = rows.optInt64(i, 7))
        d.lastSeenAt = fromEpochMs(*l);
    return d;
}

} // namespace

Status PgUnit::requireWritable() const {
    if (!m_writable)
        return internalError("a read unit cannot write");
    return {};
}

Result<std::optional<store::StoredRecord>> PgUnit::get(const std::string& id) {
    if (auto it = m_prefetched.find(id); it != m_prefetched.end()) {
        auto record = std::move(it->second);
        m_prefetched.erase(it);
        return record;
    }
    return getRecord(m_c, id);
}

// A push's records in one round trip instead of one each: the queued writes of each operation
// then go with the next batch of them (Connection::write), not with the next operation's read.
Status PgUnit::prefetch(const std::vector<std::string>& ids) {
    if (ids.empty())
        return {};
    auto found = getRecords(m_c, ids);
    if (!found)
        return found.error();
    for (const auto& id : ids)
        m_prefetched.emplace(id, std::nullopt);
    for (auto& r : *found) {
        const std::string id = r.id;
        m_prefetched[id] = std::move(r);
    }
    return {};
}
Result<std::vector<store::StoredRecord>> PgUnit::query(const store::RecordQuery& q) { return queryRecords(m_c, q); }
Result<std::int64_t> PgUnit::count(const store::RecordQuery& q) { return countRecords(m_c, q); }
Result<std::vector<store::StoredRecord>> PgUnit::changes(const ChangeFilter& f, std::int64_t afterVersion, int limit) {
    return pg::changes(m_c, f, afterVersion, limit);
}

Result<std::int64_t> PgUnit::countChanges(const ChangeFilter& f, std::int64_t afterVersion) {
    return pg::countChanges(m_c, f, afterVersion);
}

Result<std::int64_t> PgUnit::maxVersion() {
    auto rows = m_c.exec("SELECT coalesce(max(version), 0) FROM records");
    if (!rows)
        return rows.error();
    return rows->int64(0, 0);
}

Result<std::optional<DeviceRow>> PgUnit::deviceWhere(const char* where, const std::string& arg) {
    auto rows = m_c.exec(std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE " + where, {arg});
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return std::optional<DeviceRow>{};
    auto d = readDevice(*rows, 0);
    if (!d)
        return d.error();
    return std::optional<DeviceRow>{std::move(*d)};
}

Result<std::optional<DeviceRow>> PgUnit::deviceByTokenHash(const std::string& hash) {
    return deviceWhere("token_hash = $1", hash);
}
Result<std::optional<DeviceRow>> PgUnit::device(const std::string& id) { return deviceWhere("id = $1", id); }

Result<std::vector<DeviceRow>> PgUnit::devices() {
    auto rows = m_c.exec(std::string("SELECT ") + kDeviceColumns + " FROM devices ORDER BY created_at, id");
    if (!rows)
        return rows.error();
    std::vector<DeviceRow> out;
    for (int i = 0; i < rows->size(); ++i) {
        auto d = readDevice(*rows, i);
        if (!d)
            return d.error();
        out.push_back(std::move(*d));
    }
    return out;
}

Result<std::optional<ReadUnit::OpBatch>> PgUnit::opBatch(const std::string& deviceId, std::int64_t seq) {
    auto rows = m_c.exec("SELECT first_seq, results FROM op_batches WHERE device_id = $1 AND first_seq <= $2 AND "
                         "last_seq >= $2 ORDER BY first_seq DESC LIMIT 1",
                         {deviceId, seq});
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return std::optional<OpBatch>{};
    return std::optional<OpBatch>{OpBatch{rows->int64(0, 0), rows->text(0, 1)}};
}

Result<std::optional<BlobRow>> PgUnit::blob(const std::string& sha256) {
    auto rows = m_c.exec("SELECT sha256, size, received, complete, mime FROM blobs WHERE sha256 = $1", {sha256});
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return std::optional<BlobRow>{};
    return std::optional<BlobRow>{
        BlobRow{rows->text(0, 0), rows->int64(0, 1), rows->int64(0, 2), rows->boolean(0, 3), rows->text(0, 4)}};
}

Result<std::vector<OverdueClock>> PgUnit::overdueClocks(const store::RecordQuery& q) {
    return pg::overdueClocks(m_c, q);
}

Result<std::int64_t> PgUnit::put(store::StoredRecord record) { return storeRecord(record, nullptr); }

Result<std::int64_t> PgUnit::putWithFacts(store::StoredRecord& record, const reports::RecordFacts& facts) {
    return storeRecord(record, &facts);
}

// The unit holds kWriteLock (postgres_storage.cpp), so the counter row is read after every
// earlier writer committed and versions are handed out in commit order; finish() stores the
// last one before COMMIT. The record, its version, its report facts and its blob references
// together or not at all, without a savepoint of their own: a record refused before any
// statement (an unknown type, no id) leaves the unit as it was; a failed statement aborts
// PostgreSQL's transaction, so it fails the whole unit — whichever later call sends it
// reports the error, and runUnit rolls the unit back (as a push the server cannot store is
// answered: 500, nothing applied).
Result<std::int64_t> PgUnit::storeRecord(store::StoredRecord& record, const reports::RecordFacts* facts) {
    CY_TRY(requireWritable());
    if (m_broken)
        return *m_broken;
    m_prefetched.erase(record.id); // read afresh from now on
    std::optional<reports::RecordFacts> computed;
    if (!facts) {
        auto f = reports::factsOf(record);
        if (!f)
            return f.error();
        computed = std::move(*f);
        facts = &*computed;
    }
    auto fields = store::indexFieldsFor(record);
    if (!fields)
        return fields.error();
    if (!m_version) {
        auto counter = m_c.exec("SELECT value FROM change_counter");
        if (!counter)
            return counter.error();
        m_counterRead = counter->int64(0, 0);
        m_version = m_counterRead;
    }
    // Queued: they go with the unit's next statement (the next operation's read of its record,
    // or the counter at the end), one round trip for all.
    record.version = ++*m_version;
    Status st = putRecord(m_c, record, *fields, Send::Queued);
    if (st)
        st = writeFacts(m_c, record, *facts, Send::Queued);
    if (st)
        st = indexBlobRefs(m_c, record, Send::Queued);
    if (!st) {
        --*m_version;
        m_broken = internalError("records could not be stored with their report facts (at '" + record.id +
                                 "' or one queued before it): " + st.error().message);
        return *m_broken;
    }
    return record.version;
}

Status PgUnit::finish() {
    if (!m_version || *m_version == m_counterRead)
        return {};
    return done(m_c.exec("UPDATE change_counter SET value = $1", {*m_version}));
}

Status PgUnit::putOpBatch(const std::string& deviceId, std::int64_t firstSeq, std::int64_t lastSeq,
                          const std::string& results) {
    CY_TRY(requireWritable());
    return done(m_c.exec("INSERT INTO op_batches (device_id, first_seq, last_seq, results) VALUES ($1, $2, $3, $4) "
                         "ON CONFLICT (device_id, first_seq) DO UPDATE SET last_seq = excluded.last_seq, "
                         "results = excluded.results",
                         {deviceId, firstSeq, lastSeq, results}));
}

Status PgUnit::setDeviceProgress(const std::string& deviceId, std::int64_t lastSeq, Instant seenAt) {
    CY_TRY(requireWritable());
    return done(m_c.exec("UPDATE devices SET last_seq = $1, last_seen_at = $2 WHERE id = $3",
                         {lastSeq, toEpochMs(seenAt), deviceId}));
}

Status PgUnit::addDevice(const DeviceRow& d, const std::string& tokenHash) {
    CY_TRY(requireWritable());
    return done(m_c.exec("INSERT INTO devices (id, name, role, communities, token_hash, created_at) "
                         "VALUES ($1, $2, $3, $4, $5, $6)",
                         {d.id, d.name, d.roleName, Json(d.communityIds).dump(), tokenHash, toEpochMs(d.createdAt)}));
}

Status PgUnit::revokeDevice(const std::string& id, Instant at) {
    CY_TRY(requireWritable());
    auto rows = m_c.exec("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", {toEpochMs(at), id});
    if (!rows)
        return rows.error();
    if (rows->affected() == 0)
        return notFound("no active device '" + id + "'");
    return {};
}

Status PgUnit::putBlob(const BlobRow& b, Instant now) {
    CY_TRY(requireWritable());
    std::optional<std::int64_t> completed;
    if (b.complete)
        completed = toEpochMs(now);
    return done(m_c.exec(
        "INSERT INTO blobs (sha256, size, received, complete, mime, created_at, completed_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sha256) DO UPDATE SET size = excluded.size, "
        "received = excluded.received, complete = excluded.complete, mime = excluded.mime, "
        "completed_at = coalesce(blobs.completed_at, excluded.completed_at)",
        {b.sha256, b.size, b.received, b.complete, b.mime, toEpochMs(now), completed}));
}

Status PgUnit::setMeta(const std::string& key, const std::string& value) {
    CY_TRY(requireWritable());
    return done(m_c.exec("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = "
                         "excluded.value",
                         {key, value}));
}

Result<std::optional<std::string>> PgUnit::getMeta(const std::string& key) {
    auto rows = m_c.exec("SELECT value FROM meta WHERE key = $1", {key});
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return std::optional<std::string>{};
    return std::optional<std::string>{rows->text(0, 0)};
}

} // namespace courtyard::server::pg
