#include "server/service/blob_service.h"

#include "shared/domain/common.h"
#include "sync/protocol/crypto.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace courtyard::server {

namespace fs = std::filesystem;

namespace {

// An open file descriptor with an exclusive lock, released on destruction.
class LockedFile {
public:
    explicit LockedFile(const fs::path& p, bool create = true) {
        m_fd = ::open(p.c_str(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0640);
        if (m_fd >= 0 && ::flock(m_fd, LOCK_EX) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~LockedFile() {
        if (m_fd >= 0) {
            ::flock(m_fd, LOCK_UN);
            ::close(m_fd);
        }
    }
    LockedFile(const LockedFile&) = delete;
    LockedFile& operator=(const LockedFile&) = delete;
    int fd() const { return m_fd; }
    std::int64_t size() const {
        struct stat st {};
        return ::fstat(m_fd, &st) == 0 ? std::int64_t(st.st_size) : -1;
    }

private:
    int m_fd = -1;
};

Result<std::string> hashFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return unavailable("cannot read " + p.string());
    sync::Sha256 h;
    std::string buf(1 << 16, '\0');
    while (in) {
        in.read(buf.data(), std::streamsize(buf.size()));
        h.update(std::string_view(buf.data(), std::size_t(in.gcount())));
    }
    return h.finishHex();
}

} // namespace

BlobService::BlobService(ServerStorage& storage, fs::path dir, Clock clock, std::int64_t maxBlobBytes)
    : m_storage(storage), m_dir(std::move(dir)), m_clock(std::move(clock)), m_max(maxBlobBytes) {}

fs::path BlobService::finalPath(const std::string& sha) const { return m_dir / sha.substr(0, 2) / sha; }

Result<BlobState> BlobService::state(const std::string& sha256) {
    if (!domain::isSha256Hex(sha256))
        return invalidArgument("a blob is named by its SHA-256: 64 lower-case hex digits");
    BlobState s;
    std::error_code ec;
    const auto final = finalPath(sha256);
    if (fs::exists(final, ec)) {
        s.known = true;
        s.complete = true;
        s.total = s.received = std::int64_t(fs::file_size(final, ec));
        return s;
    }
    auto part = final;
    part += ".part";
    if (fs::exists(part, ec)) {
        s.known = true;
        s.received = std::int64_t(fs::file_size(part, ec));
        (void)m_storage.read([&](ReadUnit& u) -> Status {
            if (auto row = u.blob(sha256); row && *row)
                s.total = (*row)->size;
            return {};
        });
    }
    return s;
}

Status BlobService::admitUpload(const std::string& sha, std::int64_t total, const UploadQuota& quota) {
    std::lock_guard lock(m_pendingMutex);
    if (m_pending.count(sha))
        return {};
    std::int64_t started = 0;
    for (const auto& [other, p] : m_pending)
        if (p.deviceId == quota.deviceId)
            started += p.total;
    if (total > quota.pendingBytes - started) {
        Error e{ErrorCode::ResourceExhausted, "this device has " + std::to_string(started >> 20) +
                                                  " MiB of attachments started and not finished; finish those first"};
        e.retryAfterSeconds = 60;
        return e;
    }
    m_pending[sha] = Pending{quota.deviceId, total};
    return {};
}

void BlobService::forget(const std::string& sha) {
    std::lock_guard lock(m_pendingMutex);
    m_pending.erase(sha);
}

Result<BlobState> BlobService::put(const std::string& sha256, std::int64_t offset, std::int64_t total,
                                   std::string_view bytes, const std::string& mime, const UploadQuota& quota) {
    if (!domain::isSha256Hex(sha256))
        return invalidArgument("a blob is named by its SHA-256: 64 lower-case hex digits");
    if (total <= 0)
        return invalidArgument("total: the blob's full size in bytes is required");
    if (total > m_max)
        return resourceExhausted("attachments are limited to " + std::to_string(m_max >> 20) + " MiB");
    // Written so nothing overflows, whatever offset a device sends.
    if (offset < 0 || offset > total || std::int64_t(bytes.size()) > total - offset)
        return invalidArgument("offset: the chunk does not fit inside the blob");
    const auto final = finalPath(sha256);
    std::error_code ec;
    if (fs::exists(final, ec)) // already complete: idempotent
        return BlobState{true, total, total, true};
    fs::create_directories(final.parent_path(), ec);
    auto part = final;
    part += ".part";
    if (offset == 0 && !fs::exists(part, ec))
        CY_TRY(admitUpload(sha256, total, quota));
    LockedFile file(part);
    if (file.fd() < 0)
        return unavailable("cannot open " + part.string() + ": " + std::strerror(errno));
    if (fs::exists(final, ec)) // finished by someone else while we waited for the lock
        return BlobState{true, total, total, true};
    const std::int64_t have = file.size();
    if (have != offset)
        return conflict("upload of " + sha256 + " stands at offset " + std::to_string(have));
    std::size_t written = 0;
    while (written < bytes.size()) {
        const auto n = ::pwrite(file.fd(), bytes.data() + written, bytes.size() - written, off_t(offset) + off_t(written));
        if (n < 0)
            return unavailable(std::string("writing the attachment failed: ") + std::strerror(errno));
        written += std::size_t(n);
    }
    ::fsync(file.fd());
    const std::int64_t received = offset + std::int64_t(bytes.size());
    BlobRow row{sha256, total, received, false, mime};
    if (received == total) {
        auto hash = hashFile(part);
        if (!hash)
            return hash.error();
        if (*hash != sha256) {
            fs::remove(part, ec);
            forget(sha256);
            (void)m_storage.write([&](WriteUnit& u) { return u.putBlob(BlobRow{sha256, total, 0, false, mime}, m_clock()); });
            return invalidArgument("the uploaded bytes hash to " + *hash + ", not " + sha256 +
                                   ": nothing was kept; upload it again");
        }
        fs::rename(part, final, ec);
        if (ec)
            return unavailable("could not finish the attachment: " + ec.message());
        forget(sha256);
        row.complete = true;
    }
    CY_TRY(m_storage.write([&](WriteUnit& u) { return u.putBlob(row, m_clock()); }));
    return BlobState{true, received, total, row.complete};
}

std::int64_t BlobService::removeAbandoned(Instant now, std::chrono::hours maxAge) {
    std::error_code ec;
    std::vector<fs::path> stale;
    for (auto it = fs::recursive_directory_iterator(m_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const auto& p = it->path();
        if (p.extension() != ".part" || !it->is_regular_file(ec))
            continue;
        const auto written = std::chrono::file_clock::to_sys(it->last_write_time(ec));
        if (!ec && written < now - maxAge)
            stale.push_back(p);
    }
    std::int64_t removed = 0;
    for (const auto& p : stale) {
        const std::string sha = p.stem().string();
        // Under the upload's lock, and only if nobody wrote to it meanwhile.
        LockedFile file(p, /*create=*/false);
        if (file.fd() < 0)
            continue; // finished meanwhile
        const auto written = std::chrono::file_clock::to_sys(fs::last_write_time(p, ec));
        if (ec || written >= now - maxAge)
            continue;
        if (fs::remove(p, ec)) {
            ++removed;
            forget(sha);
            (void)m_storage.write([&](WriteUnit& u) { return u.putBlob(BlobRow{sha, 0, 0, false, ""}, m_clock()); });
        }
    }
    return removed;
}

Result<std::string> BlobService::read(const std::string& sha256) {
    if (!domain::isSha256Hex(sha256))
        return invalidArgument("a blob is named by its SHA-256: 64 lower-case hex digits");
    std::ifstream in(finalPath(sha256), std::ios::binary);
    if (!in)
        return notFound("no complete attachment " + sha256);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace courtyard::server
