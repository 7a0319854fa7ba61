#pragma once
// Attachments' bytes in the PostgreSQL database (migration 4: blob_data, blob_chunks), so every
// server of a group reads every blob and an upload may continue at any of them: each PUT is one
// chunk row keyed by its offset. A blob is written in one transaction of its own (not a write
// unit: it does not wait for the records' write lock) holding a transaction-scoped advisory lock
// on the blob (kBlobLockClass, hashtext(sha)), so two servers receiving the same chunk at once
// take turns and the second sees where the first left the upload. The device that started an
// unfinished upload is in its row: the per-device quota counts those rows, under a second lock
// on the device, whichever server took them. "Last written" is a column, set from the server's
// clock.

#include "server/storage/blob_store.h"

namespace courtyard::server {

class PostgresStorage;

class PgBlobStore final : public BlobStore {
public:
    explicit PgBlobStore(PostgresStorage& storage) : m_storage(storage) {}

    Result<StoredBlob> state(const std::string& sha256) override;
    Result<std::string> read(const std::string& sha256) override;
    Result<StoredBlob> write(const std::string& sha256,
                             const std::function<Result<StoredBlob>(BlobUpload&)>& work) override;
    std::vector<std::string> removeAbandoned(Instant before) override;
    Status remove(const std::string& sha256) override;

private:
    PostgresStorage& m_storage;
};

} // namespace courtyard::server
