#pragma once
// Attachments (photos, signatures): content-addressed by SHA-256, uploaded separately from
// records in resumable chunks, idempotent (a complete blob is never uploaded twice), and
// verified: bytes that do not hash to their name are discarded. The rules live here; the bytes
// live in a BlobStore (server/storage/blob_store.h): files under <data>/blobs on SQLite, chunks
// in the database on PostgreSQL, where every server of a group shares them. Chunks are written
// under the blob's exclusive lock, so two devices uploading the same photo, or two servers,
// cannot interleave. A device may have only so many bytes of attachments started and not
// finished (the policy's quota); unfinished uploads left untouched too long are removed by
// removeAbandoned().

#include "server/service/clock.h"
#include "server/storage/blob_store.h"
#include "server/storage/server_storage.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace courtyard::server {

// Who starts an upload and how much unfinished work that device may have in all.
struct UploadQuota {
    std::string deviceId;
    std::int64_t pendingBytes = INT64_MAX;
};

struct BlobState {
    bool known = false;
    std::int64_t received = 0;
    std::int64_t total = 0;
    bool complete = false;
};

class BlobService {
public:
    BlobService(ServerStorage& storage, std::unique_ptr<BlobStore> store, Clock clock,
                std::int64_t maxBlobBytes = 64ll << 20);
    // Files under `dir` (FileBlobStore).
    BlobService(ServerStorage& storage, std::filesystem::path dir, Clock clock, std::int64_t maxBlobBytes = 64ll << 20);

    Result<BlobState> state(const std::string& sha256);
    // Writes `bytes` at `offset` of a blob of `total` bytes. Conflict when `offset` is not where
    // the upload stands (the error message carries the right offset, see state()).
    Result<BlobState> put(const std::string& sha256, std::int64_t offset, std::int64_t total,
                          std::string_view bytes, const std::string& mime, const UploadQuota& quota = {});
    Result<std::string> read(const std::string& sha256);
    std::int64_t maxBlobBytes() const { return m_max; }
    // Removes unfinished uploads last written before `now - maxAge`; returns how many. A device
    // that comes back later starts that attachment again (HEAD says 404).
    std::int64_t removeAbandoned(Instant now, std::chrono::hours maxAge);
    // Removes a blob's bytes, and marks its row not complete (retention: no record refers to it
    // any more).
    Status remove(const std::string& sha256);

private:
    ServerStorage& m_storage;
    std::unique_ptr<BlobStore> m_store;
    Clock m_clock;
    std::int64_t m_max;
};

} // namespace courtyard::server
