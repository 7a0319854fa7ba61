#include "sync/client/blob_cache.h"
#include "sync/client/blob_queue.h"

#include "shared/store/database.h"
#include "sync/protocol/crypto.h"

#include <algorithm>

namespace courtyard::sync {

namespace {

// How long before asking again: a refusal (403) rarely changes; a blob the server does not have
// yet (404: the other tablet's upload is still under way) or handed back wrong is tried after 2
// minutes, then 4, 8, … up to 6 hours.
std::chrono::milliseconds missWait(int status, int attempts) {
    using namespace std::chrono;
    const milliseconds cap = hours(6);
    if (status == 403)
        return cap;
    const int doublings = std::clamp(attempts - 1, 0, 16);
    return std::min<milliseconds>(minutes(2) * (1 << doublings), cap);
}

} // namespace

Result<bool> BlobCache::has(const std::string& sha256) {
    auto s = m_store.database().prepare("SELECT 1 FROM local_blobs WHERE sha256 = ?1 "
                                        "UNION ALL SELECT 1 FROM cached_blobs WHERE sha256 = ?1 LIMIT 1");
    if (!s)
        return s.error();
    s->bind(1, sha256);
    return s->step();
}

Result<std::optional<std::string>> BlobCache::read(const std::string& sha256) {
    // Taken on this device first (BlobQueue keeps those), then downloaded.
    auto local = BlobQueue(m_store).data(sha256);
    if (!local || *local)
        return local;
    auto out = m_store.database().queryOne(
        "SELECT data FROM cached_blobs WHERE sha256 = ?",
        [](store::Statement& s) {
            const auto bytes = s.blob(0);
            return std::string(bytes.begin(), bytes.end());
        },
        sha256);
    if (!out || !*out)
        return out;
    // Used now: the last to be evicted. A failure to note it only makes eviction less exact.
    if (auto u = m_store.database().prepare(
            "UPDATE cached_blobs SET used = (SELECT max(used) + 1 FROM cached_blobs) WHERE sha256 = ?"))
        (void)u->bind(1, sha256).exec();
    return out;
}

Status BlobCache::keep(const std::string& sha256, const std::string& mime, std::string_view bytes) {
    if (sha256Hex(bytes) != sha256)
        return invalidArgument("the bytes received for attachment " + sha256.substr(0, 12) +
                               "… do not match its SHA-256: not kept");
    if (std::int64_t(bytes.size()) > m_limit)
        return resourceExhausted("attachment " + sha256.substr(0, 12) + "… (" + std::to_string(bytes.size() >> 20) +
                                 " MiB) is larger than the whole attachment cache (" +
                                 std::to_string(m_limit >> 20) + " MiB)");
    return m_store.transaction([&]() -> Status {
        auto s = m_store.database().prepare(
            "INSERT INTO cached_blobs (sha256, mime, size, data, used) "
            "VALUES (?, ?, ?, ?, (SELECT coalesce(max(used), 0) + 1 FROM cached_blobs)) ON CONFLICT(sha256) DO NOTHING");
        if (!s)
            return s.error();
        s->bind(1, sha256).bind(2, mime).bind(3, std::int64_t(bytes.size())).bindBlob(4, bytes.data(), bytes.size());
        CY_TRY(s->exec());
        CY_TRY(forgetMiss(sha256));
        auto evicted = evictToLimit();
        if (!evicted)
            return evicted.error();
        return {};
    });
}

Result<std::int64_t> BlobCache::bytes() {
    auto s = m_store.database().prepare("SELECT coalesce(sum(size), 0) FROM cached_blobs");
    if (!s)
        return s.error();
    CY_TRY(s->step());
    return s->int64(0);
}

Result<std::int64_t> BlobCache::count() {
    auto s = m_store.database().prepare("SELECT count(*) FROM cached_blobs");
    if (!s)
        return s.error();
    CY_TRY(s->step());
    return s->int64(0);
}

Result<int> BlobCache::evictToLimit() {
    auto total = bytes();
    if (!total)
        return total.error();
    if (*total <= m_limit)
        return 0;
    // Least recently used first, until the rest fits.
    std::vector<std::string> victims;
    {
        auto s = m_store.database().prepare("SELECT sha256, size FROM cached_blobs ORDER BY used");
        if (!s)
            return s.error();
        std::int64_t left = *total;
        while (left > m_limit) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            victims.push_back(s->text(0));
            left -= s->int64(1);
        }
    }
    for (const auto& sha : victims)
        CY_TRY(forget(sha));
    return int(victims.size());
}

Status BlobCache::forget(const std::string& sha256) {
    auto d = m_store.database().prepare("DELETE FROM cached_blobs WHERE sha256 = ?");
    if (!d)
        return d.error();
    d->bind(1, sha256);
    return d->exec();
}

Result<std::optional<BlobMiss>> BlobCache::miss(const std::string& sha256) {
    return m_store.database().queryOne(
        "SELECT status, message, attempts, next_try_at FROM blob_misses WHERE sha256 = ?",
        [](store::Statement& s) { return BlobMiss{int(s.int64(0)), s.text(1), int(s.int64(2)), fromEpochMs(s.int64(3))}; },
        sha256);
}

Status BlobCache::rememberMiss(const std::string& sha256, int status, const std::string& message, Instant now) {
    auto before = miss(sha256);
    if (!before)
        return before.error();
    const int attempts = (*before ? (*before)->attempts : 0) + 1;
    auto s = m_store.database().prepare(
        "INSERT INTO blob_misses (sha256, status, message, attempts, next_try_at) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(sha256) DO UPDATE SET status = ?2, message = ?3, attempts = ?4, next_try_at = ?5");
    if (!s)
        return s.error();
    s->bind(1, sha256).bind(2, status).bind(3, message).bind(4, attempts).bind(
        5, toEpochMs(now + missWait(status, attempts)));
    return s->exec();
}

Status BlobCache::forgetMiss(const std::string& sha256) {
    auto s = m_store.database().prepare("DELETE FROM blob_misses WHERE sha256 = ?");
    if (!s)
        return s.error();
    s->bind(1, sha256);
    return s->exec();
}

} // namespace courtyard::sync
