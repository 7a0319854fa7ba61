#pragma once
// Attachments captured on this device (photos, signatures) and their upload: the bytes kept in
// the device database until the server has them all, how far each upload got (uploads resume
// at that offset), and the ones the server will not take.

#include "shared/core/result.h"
#include "shared/store/record_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::sync {

struct LocalBlob {
    std::string sha256;
    std::string mime;
    std::int64_t size = 0;
    std::int64_t uploaded = 0;
    std::string refused; // the server's reason when it would not take it ("" while it may)
};

class BlobQueue {
public:
    explicit BlobQueue(store::SqliteRecordStore& store) : m_store(store) {}

    // Keeps an attachment's bytes (once per content); returns its SHA-256.
    Result<std::string> put(std::string_view bytes, const std::string& mime);
    Result<std::optional<std::string>> data(const std::string& sha256);
    // Not yet wholly uploaded and not refused, in the order they were captured.
    Result<std::vector<LocalBlob>> toUpload();
    Status setUploaded(const std::string& sha256, std::int64_t bytes);
    Status setRefused(const std::string& sha256, const std::string& reason);
    // Every attachment goes again (a restored server may lack any of them).
    Status resetAll();
    // Drops an attachment's bytes once the server has them all (the record that referred to it
    // was purged); one not wholly uploaded is kept, so nothing captured here is lost.
    Status forgetUploaded(const std::string& sha256);

private:
    store::SqliteRecordStore& m_store;
};

} // namespace courtyard::sync
