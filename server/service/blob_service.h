#pragma once
// Attachments (photos, signatures): content-addressed by SHA-256, uploaded separately from
// records in resumable chunks, idempotent (a complete blob is never uploaded twice), and
// verified: bytes that do not hash to their name are discarded. The bytes live in files under
// <data>/blobs/<first two hex digits>/; an upload in progress is "<sha>.part", whose length is
// the resume offset. Chunks are written under an exclusive file lock (flock), so two devices
// uploading the same photo, or two server instances on one host, cannot interleave. A device
// may have only so many bytes of attachments started and not finished (the policy's quota);
// unfinished uploads left untouched too long are removed by removeAbandoned().

#include "server/service/clock.h"
#include "server/storage/server_storage.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
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
    BlobService(ServerStorage& storage, std::filesystem::path dir, Clock clock,
                std::int64_t maxBlobBytes = 64ll << 20);

    Result<BlobState> state(const std::string& sha256);
    // Writes `bytes` at `offset` of a blob of `total` bytes. Conflict when `offset` is not where
    // the upload stands (the error message carries the right offset, see offsetOf()).
    Result<BlobState> put(const std::string& sha256, std::int64_t offset, std::int64_t total,
                          std::string_view bytes, const std::string& mime, const UploadQuota& quota = {});
    Result<std::string> read(const std::string& sha256);
    std::int64_t maxBlobBytes() const { return m_max; }
    // Removes unfinished uploads whose file was last written before `now - maxAge`; returns
    // how many. A device that comes back later starts that attachment again (HEAD says 404).
    std::int64_t removeAbandoned(Instant now, std::chrono::hours maxAge);

private:
    struct Pending {
        std::string deviceId;
        std::int64_t total = 0;
    };
    std::filesystem::path finalPath(const std::string& sha) const;
    Status admitUpload(const std::string& sha, std::int64_t total, const UploadQuota& quota);
    void forget(const std::string& sha);

    ServerStorage& m_storage;
    std::filesystem::path m_dir;
    Clock m_clock;
    std::int64_t m_max;
    std::mutex m_pendingMutex;
    std::map<std::string, Pending> m_pending; // uploads this process saw start and not finish
};

} // namespace courtyard::server
