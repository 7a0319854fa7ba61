#pragma once
// Attachments (photos, signatures): content-addressed by SHA-256, uploaded separately from
// records in resumable chunks, idempotent (a complete blob is never uploaded twice), and
// verified: bytes that do not hash to their name are discarded. The bytes live in files under
// <data>/blobs/<first two hex digits>/; an upload in progress is "<sha>.part", whose length is
// the resume offset. Chunks are written under an exclusive file lock (flock), so two devices
// uploading the same photo, or two server instances on one host, cannot interleave.

#include "server/service/clock.h"
#include "server/storage/server_storage.h"

#include <filesystem>
#include <string>

namespace courtyard::server {

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
                          std::string_view bytes, const std::string& mime);
    Result<std::string> read(const std::string& sha256);
    std::int64_t maxBlobBytes() const { return m_max; }

private:
    std::filesystem::path finalPath(const std::string& sha) const;
    ServerStorage& m_storage;
    std::filesystem::path m_dir;
    Clock m_clock;
    std::int64_t m_max;
};

} // namespace courtyard::server
