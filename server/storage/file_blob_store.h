#pragma once
// Attachments as files (the SQLite engine's store, and PostgreSQL's with --blobs DIR): under
// <dir>/<first two hex digits>/<sha>; an upload in progress is "<sha>.part", whose length is the
// resume offset. A blob's lock is an exclusive flock on its .part file, so two devices uploading
// the same photo, or two server processes on one host, cannot interleave (flock does not hold
// across hosts sharing a network file system). Which device started which unfinished upload is
// kept in this process's memory; "last written" is the .part file's modification time.

#include "server/storage/blob_store.h"

#include <filesystem>
#include <map>
#include <mutex>

namespace courtyard::server {

class FileBlobStore final : public BlobStore {
public:
    explicit FileBlobStore(std::filesystem::path dir);

    Result<StoredBlob> state(const std::string& sha256) override;
    Result<std::string> read(const std::string& sha256) override;
    Result<StoredBlob> write(const std::string& sha256,
                             const std::function<Result<StoredBlob>(BlobUpload&)>& work) override;
    std::vector<std::string> removeAbandoned(Instant before) override;
    Status remove(const std::string& sha256) override;

    const std::filesystem::path& dir() const { return m_dir; }

private:
    friend class FileUpload;
    struct Pending {
        std::string deviceId;
        std::int64_t total = 0;
    };
    std::filesystem::path finalPath(const std::string& sha) const;
    void forget(const std::string& sha);

    std::filesystem::path m_dir;
    std::mutex m_pendingMutex;
    std::map<std::string, Pending> m_pending; // uploads this process saw start and not finish
};

} // namespace courtyard::server
