#include "server/storage/postgres/pg_blob_store.h"

#include "server/storage/postgres/pg_connection.h"
#include "server/storage/postgres/pg_schema.h"
#include "server/storage/postgres_storage.h"
#include "sync/protocol/crypto.h"

namespace courtyard::server {

namespace {

// A blob's chunks in order, a few at a time (a chunk is up to one PUT's 2 MiB), to `sink`.
Status eachChunk(pg::Connection& c, const std::string& sha, const std::function<void(std::string_view)>& sink) {
    std::int64_t at = 0;
    for (;;) {
        auto rows = c.exec("SELECT at, data FROM blob_chunks WHERE sha256 = $1 AND at >= $2 ORDER BY at LIMIT 8",
                           {sha, at});
        if (!rows)
            return rows.error();
        if (rows->size() == 0)
            return {};
        for (int i = 0; i < rows->size(); ++i) {
            if (rows->int64(i, 0) != at)
                return internalError("attachment " + sha + " has no chunk at offset " + std::to_string(at));
            const std::string bytes = rows->bytes(i, 1);
            sink(bytes);
            at += std::int64_t(bytes.size());
        }
    }
}

StoredBlob stateOf(const pg::Rows& rows) {
    StoredBlob s;
    if (rows.size() == 0)
        return s;
    s.known = true;
    s.total = rows.int64(0, 0);
    s.received = rows.int64(0, 1);
    s.complete = rows.boolean(0, 2);
    return s;
}

constexpr std::string_view kStateSql = "SELECT total, received, complete FROM blob_data WHERE sha256 = $1";

// One blob inside its transaction, under its advisory lock. A statement that fails is kept in
// m_failure: the transaction is then rolled back whatever the caller answers.
class PgUpload final : public BlobUpload {
public:
    PgUpload(pg::Connection& c, std::string sha, StoredBlob s) : m_c(c), m_sha(std::move(sha)), m_s(s) {}

    bool complete() const override { return m_s.complete; }
    bool started() const override { return m_s.known && !m_s.complete; }
    std::int64_t received() const override { return m_s.received; }
    Result<std::int64_t> pendingBytes(const std::string& deviceId) override {
        // Held to the end of this transaction, through start(): two servers admitting uploads of
        // one device count one after the other.
        CY_TRY(check(done(m_c.exec("SELECT pg_advisory_xact_lock($1::integer, hashtext($2))",
                                   {pg::kUploadQuotaLockClass, deviceId}))));
        auto rows = m_c.exec("SELECT coalesce(sum(total), 0) FROM blob_data WHERE device_id = $1 AND NOT complete "
                             "AND sha256 <> $2",
                             {deviceId, m_sha});
        if (!rows)
            return fail(rows.error());
        return rows->int64(0, 0);
    }
    Status start(const std::string& deviceId, std::int64_t total, Instant now) override {
        CY_TRY(check(done(m_c.exec("INSERT INTO blob_data (sha256, device_id, total, received, complete, started_at, "
                                   "written_at) VALUES ($1, $2, $3, 0, false, $4, $4)",
                                   {m_sha, deviceId, total, toEpochMs(now)}))));
        m_s = StoredBlob{true, false, 0, total};
        return {};
    }
    Status append(std::string_view bytes, Instant now) override {
        if (!bytes.empty())
            CY_TRY(check(done(m_c.exec("INSERT INTO blob_chunks (sha256, at, data) VALUES ($1, $2, $3)",
                                       {m_sha, m_s.received, pg::Param::bytes(std::string(bytes))}))));
        CY_TRY(check(done(m_c.exec("UPDATE blob_data SET received = received + $2, written_at = $3 WHERE sha256 = $1",
                                   {m_sha, std::int64_t(bytes.size()), toEpochMs(now)}))));
        m_s.received += std::int64_t(bytes.size());
        return {};
    }
    Result<std::string> hashReceived() override {
        sync::Sha256 h;
        CY_TRY(check(eachChunk(m_c, m_sha, [&](std::string_view b) { h.update(b); })));
        return h.finishHex();
    }
    Status finish(Instant now) override {
        CY_TRY(check(done(m_c.exec("UPDATE blob_data SET complete = true, written_at = $2 WHERE sha256 = $1",
                                   {m_sha, toEpochMs(now)}))));
        m_s.complete = true;
        return {};
    }
    Status discard() override {
        CY_TRY(check(done(m_c.exec("DELETE FROM blob_data WHERE sha256 = $1", {m_sha}))));
        m_s = StoredBlob{};
        return {};
    }

    const std::optional<Error>& failure() const { return m_failure; }

private:
    Status check(Status st) {
        if (!st)
            m_failure = st.error();
        return st;
    }
    Error fail(Error e) {
        m_failure = e;
        return e;
    }

    pg::Connection& m_c;
    std::string m_sha;
    StoredBlob m_s;
    std::optional<Error> m_failure;
};

} // namespace

Result<StoredBlob> PgBlobStore::state(const std::string& sha256) {
    StoredBlob s;
    CY_TRY(m_storage.transaction([&](pg::Connection& c) -> Status {
        auto rows = c.exec(kStateSql, {sha256});
        if (!rows)
            return rows.error();
        s = stateOf(*rows);
        return {};
    }));
    return s;
}

Result<std::string> PgBlobStore::read(const std::string& sha256) {
    std::string out;
    bool complete = false;
    CY_TRY(m_storage.transaction([&](pg::Connection& c) -> Status {
        auto rows = c.exec(kStateSql, {sha256});
        if (!rows)
            return rows.error();
        const auto s = stateOf(*rows);
        if (!s.complete)
            return {};
        complete = true;
        out.reserve(std::size_t(s.total));
        return eachChunk(c, sha256, [&](std::string_view b) { out.append(b); });
    }));
    if (!complete)
        return notFound("no complete attachment " + sha256);
    return out;
}

Result<StoredBlob> PgBlobStore::write(const std::string& sha256,
                                      const std::function<Result<StoredBlob>(BlobUpload&)>& work) {
    Result<StoredBlob> answer = internalError("the attachment was not written");
    CY_TRY(m_storage.transaction([&](pg::Connection& c) -> Status {
        CY_TRY(done(c.exec("SELECT pg_advisory_xact_lock($1::integer, hashtext($2))", {pg::kBlobLockClass, sha256})));
        // Read after the lock (READ COMMITTED: this statement sees what the previous holder
        // committed).
        auto rows = c.exec(kStateSql, {sha256});
        if (!rows)
            return rows.error();
        PgUpload upload(c, sha256, stateOf(*rows));
        answer = work(upload);
        if (upload.failure())
            return *upload.failure(); // rolled back
        return {};                    // committed, a refusal's discard included
    }));
    return answer;
}

Status PgBlobStore::remove(const std::string& sha256) {
    return m_storage.transaction([&](pg::Connection& c) -> Status {
        CY_TRY(done(c.exec("SELECT pg_advisory_xact_lock($1::integer, hashtext($2))", {pg::kBlobLockClass, sha256})));
        return done(c.exec("DELETE FROM blob_data WHERE sha256 = $1", {sha256})); // its chunks cascade
    });
}

std::vector<std::string> PgBlobStore::removeAbandoned(Instant before) {
    std::vector<std::string> candidates, removed;
    (void)m_storage.transaction([&](pg::Connection& c) -> Status {
        auto rows = c.exec("SELECT sha256 FROM blob_data WHERE NOT complete AND written_at < $1 ORDER BY sha256",
                           {toEpochMs(before)});
        if (!rows)
            return rows.error();
        for (int i = 0; i < rows->size(); ++i)
            candidates.push_back(rows->text(i, 0));
        return {};
    });
    for (const auto& sha : candidates) {
        // Under the upload's lock, and only if nobody wrote to it meanwhile.
        bool deleted = false;
        auto st = m_storage.transaction([&](pg::Connection& c) -> Status {
            CY_TRY(done(c.exec("SELECT pg_advisory_xact_lock($1::integer, hashtext($2))", {pg::kBlobLockClass, sha})));
            auto gone = c.exec("DELETE FROM blob_data WHERE sha256 = $1 AND NOT complete AND written_at < $2",
                               {sha, toEpochMs(before)});
            if (!gone)
                return gone.error();
            deleted = gone->affected() > 0;
            return {};
        });
        if (st && deleted)
            removed.push_back(sha);
    }
    return removed;
}

} // namespace courtyard::server
