#pragma once
// Attachments downloaded from the server, kept in the device database apart from the ones
// captured here (blob_queue.h): a cache bounded in bytes, least recently used out first, that
// only ever holds bytes which hash to their name. Captured attachments are never evicted — they
// are not in the cache at all. Also what the server would not give (403, 404) or gave wrong,
// remembered so it is not asked for again on every screen, but again later.

#include "shared/core/result.h"
#include "shared/core/time.h"
#include "shared/store/record_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace courtyard::sync {

struct BlobMiss {
    int status = 0;        // the HTTP status (200: the bytes did not hash to their name)
    std::string message;   // the server's reason, for the user
    int attempts = 0;
    Instant nextTryAt{};   // not asked for again before
};

class BlobCache {
public:
    static constexpr std::int64_t kDefaultLimitBytes = 256ll << 20;

    explicit BlobCache(store::SqliteRecordStore& store, std::int64_t limitBytes = kDefaultLimitBytes)
        : m_store(store), m_limit(limitBytes) {}

    std::int64_t limitBytes() const { return m_limit; }
    // Whether the bytes are on this device: captured here or downloaded.
    Result<bool> has(const std::string& sha256);
    // The bytes, captured here or downloaded; a downloaded one counts as just used.
    Result<std::optional<std::string>> read(const std::string& sha256);
    // Keeps downloaded bytes, only when they hash to `sha256` (InvalidArgument otherwise, nothing
    // kept), then evicts the least recently used downloads until the cache fits its limit. A blob
    // larger than the whole limit is not kept (ResourceExhausted). Forgets a miss of it.
    Status keep(const std::string& sha256, const std::string& mime, std::string_view bytes);
    // Bytes held by downloads, and how many.
    Result<std::int64_t> bytes();
    Result<std::int64_t> count();
    // Evicts until the downloads take at most the limit; returns how many went.
    Result<int> evictToLimit();
    // Drops a download (the record that referred to it was purged).
    Status forget(const std::string& sha256);

    Result<std::optional<BlobMiss>> miss(const std::string& sha256);
    // The server answered `status` (403, 404, or 200 with wrong bytes): asked again only after a
    // wait that grows with each attempt — an upload still under way on another device ends in
    // minutes, a refusal rarely changes.
    Status rememberMiss(const std::string& sha256, int status, const std::string& message, Instant now);
    Status forgetMiss(const std::string& sha256);

private:
    store::SqliteRecordStore& m_store;
    std::int64_t m_limit;
};

} // namespace courtyard::sync
