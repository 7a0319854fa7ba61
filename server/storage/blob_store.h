#pragma once
// Where attachments' bytes live, behind one small interface so the upload rules
// (service/blob_service.h: offsets, quota, hash verification) are written once:
// - FileBlobStore (file_blob_store.h): files under a folder, <data>/blobs on SQLite;
// - PgBlobStore (postgres/pg_blob_store.h): chunks in the PostgreSQL database, shared by every
//   server of a group.
// A blob is written only inside write(), under an exclusive lock of that blob that holds across
// every server the store is shared by; reads of a complete blob need no lock (it never changes).

#include "shared/core/result.h"
#include "shared/core/time.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::server {

// What a store holds of one blob.
struct StoredBlob {
    bool known = false;    // complete, or an upload started
    bool complete = false;
    std::int64_t received = 0;
    std::int64_t total = 0; // 0 when the store does not know it (a file store's unfinished upload)
};

// One blob, under its exclusive lock, for the length of BlobStore::write.
class BlobUpload {
public:
    virtual ~BlobUpload() = default;
    // The blob is complete (nothing more may be written).
    virtual bool complete() const = 0;
    // An upload of it has been started (by whichever device) and not finished.
    virtual bool started() const = 0;
    // Bytes received so far: the only offset the next chunk may start at.
    virtual std::int64_t received() const = 0;
    // The full sizes of the other unfinished uploads `deviceId` started, for its quota.
    virtual Result<std::int64_t> pendingBytes(const std::string& deviceId) = 0;
    // Records the start of the upload: who started it and the blob's size.
    virtual Status start(const std::string& deviceId, std::int64_t total, Instant now) = 0;
    // Appends at received().
    virtual Status append(std::string_view bytes, Instant now) = 0;
    // The SHA-256 (lower-case hex) of every byte received.
    virtual Result<std::string> hashReceived() = 0;
    // The upload becomes the complete blob.
    virtual Status finish(Instant now) = 0;
    // The upload and its bytes are removed.
    virtual Status discard() = 0;
};

class BlobStore {
public:
    virtual ~BlobStore() = default;
    virtual Result<StoredBlob> state(const std::string& sha256) = 0;
    // The bytes of a complete blob; NotFound otherwise.
    virtual Result<std::string> read(const std::string& sha256) = 0;
    // Runs `work` under the blob's exclusive lock. What `work` did through the upload is kept
    // whatever it returns (a refused chunk after a discard still discards); only a failure of
    // the store itself undoes it where the store can.
    virtual Result<StoredBlob> write(const std::string& sha256,
                                     const std::function<Result<StoredBlob>(BlobUpload&)>& work) = 0;
    // Removes unfinished uploads last written before `before`, each under its lock and only if
    // still untouched then; returns the blobs removed.
    virtual std::vector<std::string> removeAbandoned(Instant before) = 0;
    // Removes a blob, complete or not, under its lock (the retention pass, once no record refers
    // to it any more). Removing a blob the store does not have is not an error.
    virtual Status remove(const std::string& sha256) = 0;
};

} // namespace courtyard::server
