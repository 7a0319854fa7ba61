#pragma once
// Attachments of other devices' records, brought to this one: when a record is opened, its
// photos and signatures are fetched from the server (GET /v1/blobs/<sha256>, docs/sync-protocol.md
// "Attachments"); after a sync, those of the person's work are fetched ahead, a bounded amount
// per sync. Bytes go into the attachment cache (blob_cache.h) only when they hash to their name.
// A 403 or 404 is remembered (not asked again at once); a network failure is not — the next
// opening or sync tries again.

#include "shared/domain/common.h"
#include "sync/client/blob_cache.h"
#include "sync/client/device_store.h"
#include "sync/client/transport.h"

#include <functional>
#include <vector>

namespace courtyard::sync {

enum class BlobFetch {
    Here,        // on the device already (captured here or downloaded before)
    Downloaded,  // fetched now, verified and kept
    Deferred,    // the server said no (or gave wrong bytes) not long ago: not asked again yet
    NotOnServer, // 404: not uploaded yet, or not there for this device
    Refused,     // 403: this device may not read it
    Corrupt,     // the bytes did not hash to the name: not kept
    TooLarge,    // larger than the whole cache, or than any attachment may be
    Offline,     // the server could not be reached: tried again later
    Failed,      // any other answer or a local error
};

struct BlobFetchResult {
    BlobFetch outcome = BlobFetch::Failed;
    std::string message;
    std::int64_t bytes = 0; // downloaded now
};

struct PrefetchBudget {
    int maxBlobs = 16;
    std::int64_t maxBytes = 32ll << 20; // and never more than a quarter of the cache
};

struct PrefetchReport {
    int downloaded = 0;
    std::int64_t bytes = 0;
    int missing = 0;      // not on the server, refused, deferred or corrupt
    bool offline = false; // stopped at a network failure
};

class BlobDownloader {
public:
    using Clock = std::function<Instant()>;
    BlobDownloader(DeviceStore& store, Transport& transport, Clock clock,
                   std::int64_t cacheLimitBytes = BlobCache::kDefaultLimitBytes);

    BlobFetchResult fetch(const domain::AttachmentRef& ref);
    // Every attachment `body` refers to; stops asking at the first network failure.
    std::vector<std::pair<std::string, BlobFetchResult>> fetchAll(const Json& body);
    // Attachments of `records` not on the device, within `budget`, in the records' order.
    PrefetchReport prefetch(const std::vector<store::StoredRecord>& records, PrefetchBudget budget = {});

    // The person's work ("My work"): open records assigned to them or their department,
    // soonest deadline first, at most `limit` of each.
    static Result<std::vector<store::StoredRecord>> workOf(DeviceStore& store, const std::string& staffId,
                                                           const std::string& departmentId, int limit = 200);

    BlobCache& cache() { return m_cache; }

private:
    DeviceStore& m_store;
    Transport& m_transport;
    Clock m_clock;
    BlobCache m_cache;
};

} // namespace courtyard::sync
