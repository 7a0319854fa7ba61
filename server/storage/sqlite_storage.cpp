// Over 400 lines, knowingly: the SQLite write unit (every statement a push writes, prepared once
// and reused) and the single writer that batches units into one transaction belong together:
// the writer's savepoint per unit is what lets one unit fail without the others.

#include "server/storage/sqlite_storage.h"

#include "server/reports/facts.h"
#include "server/reports/report_sql.h"
#include "server/storage/sqlite_accountability.h"
#include "shared/store/database.h"
#include "shared/store/record_query_sql.h"
#include "shared/store/schema.h"
#include "sync/protocol/crypto.h"

#include <sqlite3.h>

#include <algorithm>

namespace courtyard::server {

namespace {

using SqlArg = store::SqliteRecordStore::SqlArg;
using store::SqliteRecordStore;
using store::StoredRecord;

Result<DeviceRow> readDevice(store::Statement& s) {
    DeviceRow d;
    d.id = s.text(0);
    d.name = s.text(1);
    d.roleName = s.text(2);
    if (d.roleName == "kiosk")
        d.role = domain::Role::Resident;
    else if (!fromString(d.roleName, d.role))
        return internalError("device " + d.id + " has an unknown role '" + d.roleName + "'");
    if (auto c = parseJson(s.text(3)); c && c->is_array())
        d.communityIds = c->get<std::vector<std::string>>();
    d.createdAt = fromEpochMs(s.int64(4));
    if (auto r = s.optInt64(5))
        d.revokedAt = fromEpochMs(*r);
    d.lastSeq = s.int64(6);
    if (auto l = s.optInt64(7))
        d.lastSeenAt = fromEpochMs(*l);
    return d;
}

constexpr const char* kDeviceColumns =
    "id, name, role, communities, created_at, revoked_at, last_seq, last_seen_at";

// Read and write access over one connection. `version` is the batch's change counter (writes).
class SqliteUnit final : public WriteUnit {
public:
    SqliteUnit(SqliteRecordStore& s, std::int64_t* version) : m_s(s), m_version(version), m_reports(s.database()) {}

    Result<std::optional<StoredRecord>> get(const std::string& id) override { return m_s.get(id); }
    Result<std::vector<StoredRecord>> query(const store::RecordQuery& q) override { return m_s.query(q); }
    Result<std::int64_t> count(const store::RecordQuery& q) override { return m_s.count(q); }

    // One index-ordered query per community (and one for company-wide records, one for a
    // kiosk's own submissions), merged by version. A single query with OR-ed scopes makes
    // SQLite sort every remaining matching row on every page.
    Result<std::vector<StoredRecord>> changes(const ChangeFilter& f, std::int64_t afterVersion, int limit) override {
        // Each scope is one range of an index, in version order; SQLite merges the ranges (a
        // compound SELECT with ORDER BY), drops a change two scopes share, and stops at the
        // limit, so a page reads about as many rows as it returns however many scopes there
        // are. The records are then looked up by version, in that order.
        std::vector<std::string> arms;
        std::vector<SqlArg> args;
        auto typeList = [&](const std::vector<std::string>& types) {
            for (const auto& t : types)
                args.emplace_back(t);
            return "type IN (" + placeholders(types.size()) + ")";
        };
        if (!f.types.empty()) {
            std::vector<std::string> scopes = f.communityIds;
            if (f.companyWide)
                scopes.emplace_back();
            for (const auto& community : scopes) {
                args.emplace_back(community);
                args.emplace_back(afterVersion);
                arms.push_back("SELECT version FROM records WHERE community_id = ? AND version > ? AND " +
                               typeList(f.types));
            }
        }
        if (!f.originDevice.empty() && !f.originTypes.empty()) {
            args.emplace_back(f.originDevice);
            args.emplace_back(afterVersion);
            arms.push_back("SELECT version FROM records WHERE origin_device = ? AND version > ? AND " +
                           typeList(f.originTypes));
        }
        if (arms.empty())
            return std::vector<StoredRecord>{};
        std::string versions;
        for (const auto& arm : arms)
            versions += (versions.empty() ? "" : " UNION ") + arm;
        args.emplace_back(std::int64_t(limit));
        return m_s.select("version IN (" + versions + " ORDER BY 1 LIMIT ?) ORDER BY version", args,
                          /*parseBodies=*/false);
    }

    Result<std::int64_t> countChanges(const ChangeFilter& f, std::int64_t afterVersion) override {
        // One count over the scopes OR-ed (a change in two scopes counts once, as `changes`
        // returns it once).
        std::vector<SqlArg> args{afterVersion};
        std::vector<std::string> scopes;
        auto list = [&](const std::vector<std::string>& values) {
            for (const auto& v : values)
                args.emplace_back(v);
            return placeholders(values.size());
        };
        if (!f.types.empty()) {
            std::vector<std::string> communities = f.communityIds;
            if (f.companyWide)
                communities.emplace_back();
            if (!communities.empty()) {
                std::string scope = "(community_id IN (" + list(communities) + ")"; // binds in this order
                scopes.push_back(scope + " AND type IN (" + list(f.types) + "))");
            }
        }
        if (!f.originDevice.empty() && !f.originTypes.empty()) {
            args.emplace_back(f.originDevice);
            scopes.push_back("(origin_device = ? AND type IN (" + list(f.originTypes) + "))");
        }
        if (scopes.empty())
            return std::int64_t{0};
        std::string any;
        for (const auto& s : scopes)
            any += (any.empty() ? "" : " OR ") + s;
        return m_s.countWhere("version > ? AND (" + any + ")", args);
    }

    Result<std::int64_t> maxVersion() override {
        auto s = m_s.database().prepare("SELECT coalesce(max(version), 0) FROM records");
        if (!s)
            return s.error();
        CY_TRY(s->step());
        return s->int64(0);
    }

    Result<std::optional<DeviceRow>> deviceByTokenHash(const std::string& hash) override {
        return deviceWhere("token_hash = ?", hash);
    }
    Result<std::optional<DeviceRow>> device(const std::string& id) override { return deviceWhere("id = ?", id); }

    Result<std::vector<DeviceRow>> devices() override {
        auto s = m_s.database().prepare(std::string("SELECT ") + kDeviceColumns + " FROM devices ORDER BY created_at, id");
        if (!s)
            return s.error();
        std::vector<DeviceRow> out;
        while (true) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            auto d = readDevice(*s);
            if (!d)
                return d.error();
            out.push_back(std::move(*d));
        }
        return out;
    }

    Result<std::optional<OpBatch>> opBatch(const std::string& deviceId, std::int64_t seq) override {
        return m_s.database().queryOne(
            "SELECT first_seq, results FROM op_batches WHERE device_id = ? AND first_seq <= ? AND last_seq >= ? "
            "ORDER BY first_seq DESC LIMIT 1",
            [](store::Statement& s) { return OpBatch{s.int64(0), s.text(1)}; }, deviceId, seq, seq);
    }

    Result<std::optional<BlobRow>> blob(const std::string& sha256) override {
        return m_s.database().queryOne(
            "SELECT sha256, size, received, complete, mime FROM blobs WHERE sha256 = ?",
            [](store::Statement& s) { return BlobRow{s.text(0), s.int64(1), s.int64(2), s.int64(3) != 0, s.text(4)}; },
            sha256);
    }

    Result<std::vector<OverdueClock>> overdueClocks(const store::RecordQuery& q) override {
        const auto w = store::detail::buildWhere(q);
        // SQLite's JSON functions take the flag out of the body's text without a tree of it.
        auto s = m_s.database().prepare(
            "SELECT id, type, community_id, due_at, due_rule, json_extract(body, '$.escalation') FROM records" + w.sql);
        if (!s)
            return s.error();
        store::detail::bindAll(*s, w);
        std::vector<OverdueClock> out;
        while (true) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                return out;
            out.push_back({s->text(0), s->text(1), s->text(2), fromEpochMs(s->int64(3)), s->text(4),
                           s->isNull(5) ? std::string() : s->text(5)});
        }
    }

    reports::ReportDb& reportDb() override { return m_reports; }
    void* nativeHandle() override { return &m_s; }

    // ---- accountability (sqlite_accountability.cpp)
    Result<std::optional<CredentialRow>> credential(const std::string& id) override {
        return sqlite_accountability::credential(m_s.database(), id);
    }
    Result<std::optional<std::string>> pinHash(const std::string& staffId) override {
        return sqlite_accountability::pinHash(m_s.database(), staffId);
    }
    Result<SignInFailures> signInFailures(const std::string& subject) override {
        return sqlite_accountability::signInFailures(m_s.database(), subject);
    }
    Result<std::vector<std::string>> blobReferrers(const std::string& sha256) override {
        return sqlite_accountability::blobReferrers(m_s.database(), sha256);
    }
    Result<std::vector<AuditEntry>> audit(const AuditQuery& q) override {
        return sqlite_accountability::audit(m_s.database(), q);
    }
    Result<std::optional<EnrolmentCodeRow>> enrolmentCode(const std::string& codeHash) override {
        return sqlite_accountability::enrolmentCode(m_s.database(), codeHash);
    }
    Status addCredential(const CredentialRow& c) override {
        return sqlite_accountability::addCredential(m_s.database(), c);
    }
    Status revokeStaffCredentials(const std::string& staffId, Instant at) override {
        return sqlite_accountability::revokeStaffCredentials(m_s.database(), staffId, at);
    }
    Status revokeDeviceCredentials(const std::string& deviceId, Instant at) override {
        return sqlite_accountability::revokeDeviceCredentials(m_s.database(), deviceId, at);
    }
    Status setPinHash(const std::string& staffId, const std::string& hash, Instant at) override {
        return sqlite_accountability::setPinHash(m_s.database(), staffId, hash, at);
    }
    Status setSignInFailures(const std::string& subject, const SignInFailures& f) override {
        return sqlite_accountability::setSignInFailures(m_s.database(), subject, f);
    }
    Status addAudit(const AuditEntry& e) override { return sqlite_accountability::addAudit(m_s.database(), e); }
    Status addEnrolmentCode(const EnrolmentCodeRow& c) override {
        return sqlite_accountability::addEnrolmentCode(m_s.database(), c);
    }
    Status useEnrolmentCode(const std::string& codeHash, const std::string& deviceId, Instant at) override {
        return sqlite_accountability::useEnrolmentCode(m_s.database(), codeHash, deviceId, at);
    }
    Status addAudits(std::span<const AuditEntry> entries) override {
        return sqlite_accountability::addAudits(m_s.database(), entries);
    }

    // ---- writes
    Result<std::int64_t> put(StoredRecord record) override { return store(record, nullptr); }
    Result<std::int64_t> putWithFacts(StoredRecord& record, const reports::RecordFacts& facts) override {
        return store(record, &facts);
    }

    // With `facts` null, the facts are computed here from the record's body.
    // No savepoint per record (it made SQLite copy every page the record touches into its
    // statement journal, a third of a push's time): the INSERT is atomic by itself, and a
    // failure after it (facts, attachment references) breaks the whole unit, which runBatch
    // then rolls back, so a record is never stored without its facts.
    Result<std::int64_t> store(StoredRecord& record, const reports::RecordFacts* facts) {
        if (!m_version)
            return internalError("a read unit cannot write");
        if (m_broken)
            return *m_broken;
        record.version = ++*m_version;
        auto& db = m_s.database();
        if (auto st = m_s.put(record); !st) {
            --*m_version;
            return st.error();
        }
        Status st = facts ? reports::writeFacts(db, record, *facts) : reports::writeFacts(db, record);
        if (st)
            st = sqlite_accountability::indexBlobRefs(db, record);
        if (!st) {
            m_broken = internalError("record '" + record.id + "' could not be stored with its report facts: " +
                                     st.error().message);
            return *m_broken;
        }
        return record.version;
    }

    // Set when a write left the unit half done: its work must not be committed.
    const std::optional<Error>& broken() const { return m_broken; }

    Status putOpBatch(const std::string& deviceId, std::int64_t firstSeq, std::int64_t lastSeq,
                      const std::string& results) override {
        auto s = m_s.database().prepare(
            "INSERT OR REPLACE INTO op_batches (device_id, first_seq, last_seq, results) VALUES (?, ?, ?, ?)");
        if (!s)
            return s.error();
        s->bind(1, deviceId).bind(2, firstSeq).bind(3, lastSeq).bindStatic(4, results); // the caller's text outlives `s`
        return s->exec();
    }

    Status setDeviceProgress(const std::string& deviceId, std::int64_t lastSeq, Instant seenAt) override {
        auto s = m_s.database().prepare("UPDATE devices SET last_seq = ?, last_seen_at = ? WHERE id = ?");
        if (!s)
            return s.error();
        s->bind(1, lastSeq).bind(2, toEpochMs(seenAt)).bind(3, deviceId);
        return s->exec();
    }

    Status addDevice(const DeviceRow& d, const std::string& tokenHash) override {
        auto s = m_s.database().prepare(
            "INSERT INTO devices (id, name, role, communities, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)");
        if (!s)
            return s.error();
        s->bind(1, d.id)
            .bind(2, d.name)
            .bind(3, d.roleName)
            .bind(4, Json(d.communityIds).dump())
            .bind(5, tokenHash)
            .bind(6, toEpochMs(d.createdAt));
        return s->exec();
    }

    Status revokeDevice(const std::string& id, Instant at) override {
        auto s = m_s.database().prepare("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
        if (!s)
            return s.error();
        s->bind(1, toEpochMs(at)).bind(2, id);
        CY_TRY(s->exec());
        if (m_s.database().changes() == 0)
            return notFound("no active device '" + id + "'");
        return {};
    }

    Status putBlob(const BlobRow& b, Instant now) override {
        auto s = m_s.database().prepare(
            "INSERT INTO blobs (sha256, size, received, complete, mime, created_at, completed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET size = excluded.size, "
            "received = excluded.received, complete = excluded.complete, mime = excluded.mime, "
            "completed_at = coalesce(blobs.completed_at, excluded.completed_at)");
        if (!s)
            return s.error();
        s->bind(1, b.sha256).bind(2, b.size).bind(3, b.received).bind(4, b.complete ? 1 : 0).bind(5, b.mime)
            .bind(6, toEpochMs(now));
        if (b.complete)
            s->bind(7, toEpochMs(now));
        else
            s->bindNull(7);
        return s->exec();
    }

    Status setMeta(const std::string& key, const std::string& value) override { return m_s.setMeta(key, value); }
    Result<std::optional<std::string>> getMeta(const std::string& key) override { return m_s.getMeta(key); }

private:
    static std::string placeholders(std::size_t n) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i)
            out += i ? ",?" : "?";
        return n ? out : "NULL";
    }

    Result<std::optional<DeviceRow>> deviceWhere(const char* where, const std::string& arg) {
        auto s = m_s.database().prepare(std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE " + where);
        if (!s)
            return s.error();
        s->bind(1, arg);
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            return std::optional<DeviceRow>{};
        auto d = readDevice(*s);
        if (!d)
            return d.error();
        return std::optional<DeviceRow>{std::move(*d)};
    }

    SqliteRecordStore& m_s;
    std::int64_t* m_version;
    reports::SqliteReportDb m_reports;
    std::optional<Error> m_broken;
};

} // namespace

Status migrateServerSchema(store::Database& db) {
    CY_TRY(store::migrate(db));
    // The one schema indexes records for a device's lists too: a department's work, and deadlines
    // of any type. The server reads neither, and every index costs each record written (about
    // 6,000 instructions a record each, callgrind over bench_push_inproc), so it drops them; its
    // deadline reads name the clocked types (records_type_due). PostgreSQL's migration 6 drops
    // the one it had. A person's work (records_assignee) stays: the server reads a person's
    // seen marks by it (InboxService).
    return db.exec("DROP INDEX IF EXISTS records_department; DROP INDEX IF EXISTS records_due;");
}

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const std::string& path, SqliteStorageOptions options) {
    auto writer = SqliteRecordStore::open(path);
    if (!writer)
        return writer.error();
    // A database from before the report facts, or with facts of an older projection: project
    // every record once, before serving.
    if (auto rebuilt = reports::rebuildFactsIfStale(**writer); !rebuilt)
        return rebuilt.error();
    CY_TRY(migrateServerSchema((*writer)->database()));
    // Its identity, made by whichever process opens it first (several servers may share it).
    DatabaseIdentity identity;
    CY_TRY((*writer)->database().exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('database_id', '" +
                                      newDatabaseId() + "')"));
    auto id = (*writer)->getMeta("database_id");
    auto restored = (*writer)->getMeta("restored_at");
    if (!id || !*id || !restored)
        return internalError("the database's identity cannot be read");
    identity.id = **id;
    identity.restored = restored->has_value();
    std::vector<std::unique_ptr<SqliteRecordStore>> readers;
    for (int i = 0; i < std::max(1, options.readers); ++i) {
        auto r = SqliteRecordStore::open(path);
        if (!r)
            return r.error();
        readers.push_back(std::move(*r));
    }
    auto checkpointConn = store::Database::open(path);
    if (!checkpointConn)
        return checkpointConn.error();
    auto storage = std::unique_ptr<SqliteStorage>(new SqliteStorage(std::move(*writer), std::move(readers), options));
    storage->m_identity = std::move(identity);
    storage->m_checkpointConn = std::move(*checkpointConn);
    // Replaces SQLite's own checkpoint after a commit on the writer (sqlite3_wal_autocheckpoint
    // is a WAL hook too). Set before the first write: the writer thread waits for its queue.
    sqlite3_wal_hook(storage->m_writer->database().handle(), &SqliteStorage::afterCommit, storage.get());
    storage->m_checkpointThread = std::thread([s = storage.get()] { s->checkpointLoop(); });
    return storage;
}

std::string SqliteStorage::newDatabaseId() {
    const auto bytes = sync::randomBytes(16);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out.push_back(hex[b >> 4]);
        out.push_back(hex[b & 15]);
    }
    return out;
}

SqliteStorage::SqliteStorage(std::unique_ptr<SqliteRecordStore> writer,
                             std::vector<std::unique_ptr<SqliteRecordStore>> readers, SqliteStorageOptions options)
    : m_options(options), m_writer(std::move(writer)), m_idleReaders(std::move(readers)) {
    m_writerThread = std::thread([this] { writerLoop(); });
}

SqliteStorage::~SqliteStorage() { stop(); }

void SqliteStorage::stop() {
    {
        std::lock_guard lock(m_queueMutex);
        if (m_stopping && !m_writerThread.joinable())
            return;
        m_stopping = true;
    }
    m_queueCv.notify_all();
    if (m_writerThread.joinable())
        m_writerThread.join();
    stopCheckpoints();
}

// ---- Checkpoints
// In WAL mode a commit appends pages to the log, and a checkpoint copies them back into the
// database file (and syncs it) so the log can start over. SQLite runs that checkpoint inside
// the commit that takes the log past 1,000 pages, on the writer's thread: a tenth of the
// writer's time while devices push. Here the writer only signals, and a thread of its own runs
// a passive checkpoint on its own connection while the writer goes on with the next batch.
// A passive checkpoint copies what is committed and never blocks the writer or readers; the
// log starts over at the writer's next transaction once everything in it was copied. Should
// the checkpoint thread fall behind a writer that never pauses, the log would grow without
// end: past kWriterCheckpointPages the writer checkpoints at once itself, as SQLite would.
namespace {
constexpr int kCheckpointPages = 1000;        // SQLite's own default
constexpr int kWriterCheckpointPages = 16000; // about 64 MiB of log with 4 KiB pages
} // namespace

int SqliteStorage::afterCommit(void* self, sqlite3* db, const char* name, int walPages) {
    auto* storage = static_cast<SqliteStorage*>(self);
    if (walPages >= kWriterCheckpointPages) {
        (void)sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return SQLITE_OK;
    }
    if (walPages >= kCheckpointPages) {
        {
            std::lock_guard lock(storage->m_checkpointMutex);
            storage->m_checkpointDue = true;
        }
        storage->m_checkpointCv.notify_one();
    }
    return SQLITE_OK;
}

void SqliteStorage::checkpointLoop() {
    std::unique_lock lock(m_checkpointMutex);
    while (true) {
        m_checkpointCv.wait(lock, [&] { return m_checkpointStopping || m_checkpointDue; });
        if (m_checkpointStopping)
            return;
        m_checkpointDue = false;
        lock.unlock();
        // SQLITE_BUSY (another process's checkpoint is running) or an I/O error: the next
        // commit past the mark asks again.
        (void)sqlite3_wal_checkpoint_v2(m_checkpointConn->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                        nullptr);
        lock.lock();
    }
}

void SqliteStorage::stopCheckpoints() {
    {
        std::lock_guard lock(m_checkpointMutex);
        m_checkpointStopping = true;
    }
    m_checkpointCv.notify_all();
    if (m_checkpointThread.joinable())
        m_checkpointThread.join();
}

std::size_t SqliteStorage::queueDepth() {
    std::lock_guard lock(m_queueMutex);
    return m_queue.size();
}

Status SqliteStorage::write(const std::function<Status(WriteUnit&)>& work) {
    std::future<Status> done;
    {
        std::lock_guard lock(m_queueMutex);
        if (m_stopping)
            return unavailable("the server is shutting down");
        if (m_queue.size() >= m_options.maxQueue)
            return unavailable("the server is overloaded: too many writes queued; retry shortly");
        m_queue.push_back(Job{&work, {}});
        done = m_queue.back().done.get_future();
    }
    m_queueCv.notify_one();
    return done.get();
}

void SqliteStorage::writerLoop() {
    while (true) {
        std::vector<Job> batch;
        {
            std::unique_lock lock(m_queueMutex);
            m_queueCv.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                return;
            while (!m_queue.empty() && int(batch.size()) < m_options.maxBatch) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        runBatch(batch);
    }
}

void SqliteStorage::runBatch(std::vector<Job>& batch) {
    auto& db = m_writer->database();
    std::vector<Status> results(batch.size());
    auto failAll = [&](const Error& e) {
        for (auto& job : batch)
            job.done.set_value(e);
    };
    if (auto st = db.exec("BEGIN IMMEDIATE"); !st)
        return failAll(st.error());
    auto counter = m_writer->getMeta("change_seq");
    if (!counter) {
        (void)db.exec("ROLLBACK");
        return failAll(counter.error());
    }
    std::int64_t version = *counter && !(*counter)->empty() ? std::stoll(**counter) : 0;
    // Each job in a savepoint, so one job's failure undoes only its own writes. A batch of one
    // job needs none (a failure rolls back the transaction), and the savepoint is not free:
    // SQLite copies every page the job touches into its statement journal.
    const bool savepoints = batch.size() > 1;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const std::string sp = "u" + std::to_string(i);
        if (savepoints)
            if (auto st = db.exec("SAVEPOINT " + sp); !st) {
                results[i] = st.error();
                continue;
            }
        SqliteUnit unit(*m_writer, &version);
        Status st;
        try {
            st = (*batch[i].work)(unit);
        } catch (const std::exception& e) {
            st = internalError(std::string("unexpected error: ") + e.what());
        }
        if (st && unit.broken())
            st = *unit.broken();
        results[i] = st;
        if (!savepoints && !st) {
            (void)db.exec("ROLLBACK");
            return batch[i].done.set_value(st);
        }
        if (!savepoints)
            continue;
        if (st)
            (void)db.exec("RELEASE " + sp);
        else
            (void)db.exec("ROLLBACK TO " + sp + "; RELEASE " + sp);
    }
    Status commit = m_writer->setMeta("change_seq", std::to_string(version));
    if (commit)
        commit = db.exec("COMMIT");
    if (!commit) {
        (void)db.exec("ROLLBACK");
        return failAll(Error{ErrorCode::Unavailable, "could not commit: " + commit.error().message});
    }
    for (std::size_t i = 0; i < batch.size(); ++i)
        batch[i].done.set_value(results[i]);
}

Status SqliteStorage::read(const std::function<Status(ReadUnit&)>& work) {
    std::unique_ptr<SqliteRecordStore> conn;
    {
        std::unique_lock lock(m_poolMutex);
        m_poolCv.wait(lock, [&] { return !m_idleReaders.empty(); });
        conn = std::move(m_idleReaders.back());
        m_idleReaders.pop_back();
    }
    Status st = conn->database().exec("BEGIN");
    if (st) {
        SqliteUnit unit(*conn, nullptr);
        try {
            st = work(unit);
        } catch (const std::exception& e) {
            st = internalError(std::string("unexpected error: ") + e.what());
        }
        (void)conn->database().exec("COMMIT");
    }
    {
        std::lock_guard lock(m_poolMutex);
        m_idleReaders.push_back(std::move(conn));
    }
    m_poolCv.notify_one();
    return st;
}

} // namespace courtyard::server
