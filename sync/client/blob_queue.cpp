#include "sync/client/blob_queue.h"

#include "shared/store/database.h"
#include "sync/protocol/crypto.h"

namespace courtyard::sync {

Result<std::string> BlobQueue::put(std::string_view bytes, const std::string& mime) {
    const std::string sha = sha256Hex(bytes);
    auto s = m_store.database().prepare(
        "INSERT INTO local_blobs (sha256, mime, size, data) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING");
    if (!s)
        return s.error();
    s->bind(1, sha).bind(2, mime).bind(3, std::int64_t(bytes.size())).bindBlob(4, bytes.data(), bytes.size());
    CY_TRY(s->exec());
    return sha;
}

Result<std::optional<std::string>> BlobQueue::data(const std::string& sha256) {
    return m_store.database().queryOne(
        "SELECT data FROM local_blobs WHERE sha256 = ?",
        [](store::Statement& s) {
            const auto bytes = s.blob(0);
            return std::string(bytes.begin(), bytes.end());
        },
        sha256);
}

Result<std::vector<LocalBlob>> BlobQueue::toUpload() {
    auto s = m_store.database().prepare(
        "SELECT sha256, mime, size, uploaded FROM local_blobs WHERE uploaded < size AND refused = '' ORDER BY rowid");
    if (!s)
        return s.error();
    std::vector<LocalBlob> out;
    while (true) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.push_back({s->text(0), s->text(1), s->int64(2), s->int64(3), std::string()});
    }
    return out;
}

Status BlobQueue::setUploaded(const std::string& sha256, std::int64_t bytes) {
    auto s = m_store.database().prepare("UPDATE local_blobs SET uploaded = ? WHERE sha256 = ?");
    if (!s)
        return s.error();
    s->bind(1, bytes).bind(2, sha256);
    return s->exec();
}

Status BlobQueue::forgetUploaded(const std::string& sha256) {
    auto s = m_store.database().prepare("DELETE FROM local_blobs WHERE sha256 = ? AND uploaded >= size");
    if (!s)
        return s.error();
    s->bind(1, sha256);
    return s->exec();
}

Status BlobQueue::setRefused(const std::string& sha256, const std::string& reason) {
    auto s = m_store.database().prepare("UPDATE local_blobs SET refused = ? WHERE sha256 = ?");
    if (!s)
        return s.error();
    s->bind(1, reason.empty() ? std::string("refused") : reason).bind(2, sha256);
    return s->exec();
}

Status BlobQueue::resetAll() { return m_store.database().exec("UPDATE local_blobs SET uploaded = 0, refused = ''"); }

} // namespace courtyard::sync
