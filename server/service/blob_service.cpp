#include "server/service/blob_service.h"

#include "server/storage/file_blob_store.h"
#include "shared/domain/common.h"

namespace courtyard::server {

namespace {

Status badName() { return invalidArgument("a blob is named by its SHA-256: 64 lower-case hex digits"); }

} // namespace

BlobService::BlobService(ServerStorage& storage, std::unique_ptr<BlobStore> store, Clock clock,
                         std::int64_t maxBlobBytes)
    : m_storage(storage), m_store(std::move(store)), m_clock(std::move(clock)), m_max(maxBlobBytes) {}

BlobService::BlobService(ServerStorage& storage, std::filesystem::path dir, Clock clock, std::int64_t maxBlobBytes)
    : BlobService(storage, std::make_unique<FileBlobStore>(std::move(dir)), std::move(clock), maxBlobBytes) {}

Result<BlobState> BlobService::state(const std::string& sha256) {
    if (!domain::isSha256Hex(sha256))
        return badName().error();
    auto stored = m_store->state(sha256);
    if (!stored)
        return stored.error();
    BlobState s{stored->known, stored->received, stored->total, stored->complete};
    if (s.known && !s.complete && s.total == 0) // a file store does not keep the size
        (void)m_storage.read([&](ReadUnit& u) -> Status {
            if (auto row = u.blob(sha256); row && *row)
                s.total = (*row)->size;
            return {};
        });
    return s;
}

Result<BlobState> BlobService::put(const std::string& sha256, std::int64_t offset, std::int64_t total,
                                   std::string_view bytes, const std::string& mime, const UploadQuota& quota) {
    if (!domain::isSha256Hex(sha256))
        return badName().error();
    if (total <= 0)
        return invalidArgument("total: the blob's full size in bytes is required");
    if (total > m_max)
        return resourceExhausted("attachments are limited to " + std::to_string(m_max >> 20) + " MiB");
    // Written so nothing overflows, whatever offset a device sends.
    if (offset < 0 || offset > total || std::int64_t(bytes.size()) > total - offset)
        return invalidArgument("offset: the chunk does not fit inside the blob");
    // What the upload did, for the `blobs` row written after the store's lock is released (on
    // PostgreSQL the row is another transaction, which must not wait inside this one).
    std::optional<BlobRow> row;
    auto written = m_store->write(sha256, [&](BlobUpload& up) -> Result<StoredBlob> {
        if (up.complete()) // already complete: idempotent
            return StoredBlob{true, true, total, total};
        if (!up.started() && offset == 0) {
            auto started = up.pendingBytes(quota.deviceId);
            if (!started)
                return started.error();
            if (total > quota.pendingBytes - *started) {
                Error e{ErrorCode::ResourceExhausted, "this device has " + std::to_string(*started >> 20) +
                                                          " MiB of attachments started and not finished; finish those first"};
                e.retryAfterSeconds = 60;
                return e;
            }
            CY_TRY(up.start(quota.deviceId, total, m_clock()));
        }
        if (up.received() != offset)
            return conflict("upload of " + sha256 + " stands at offset " + std::to_string(up.received()));
        CY_TRY(up.append(bytes, m_clock()));
        const std::int64_t received = up.received();
        row = BlobRow{sha256, total, received, false, mime};
        if (received == total) {
            auto hash = up.hashReceived();
            if (!hash)
                return hash.error();
            if (*hash != sha256) {
                CY_TRY(up.discard());
                row = BlobRow{sha256, total, 0, false, mime};
                return invalidArgument("the uploaded bytes hash to " + *hash + ", not " + sha256 +
                                       ": nothing was kept; upload it again");
            }
            CY_TRY(up.finish(m_clock()));
            row->complete = true;
        }
        return StoredBlob{true, row->complete, received, total};
    });
    if (row) {
        auto recorded = m_storage.write([&](WriteUnit& u) { return u.putBlob(*row, m_clock()); });
        if (!recorded && written)
            return recorded.error();
    }
    if (!written)
        return written.error();
    return BlobState{true, written->received, written->total, written->complete};
}

std::int64_t BlobService::removeAbandoned(Instant now, std::chrono::hours maxAge) {
    const auto removed = m_store->removeAbandoned(now - maxAge);
    for (const auto& sha : removed)
        (void)m_storage.write([&](WriteUnit& u) { return u.putBlob(BlobRow{sha, 0, 0, false, ""}, m_clock()); });
    return std::int64_t(removed.size());
}

Result<std::string> BlobService::read(const std::string& sha256) {
    if (!domain::isSha256Hex(sha256))
        return badName().error();
    return m_store->read(sha256);
}

Status BlobService::remove(const std::string& sha256) {
    if (!domain::isSha256Hex(sha256))
        return badName().error();
    CY_TRY(m_store->remove(sha256));
    // Its row no longer says complete: a backup does not look for its bytes, HEAD says 404.
    return m_storage.write([&](WriteUnit& u) { return u.putBlob(BlobRow{sha256, 0, 0, false, ""}, m_clock()); });
}

} // namespace courtyard::server
