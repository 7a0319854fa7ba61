#include "server/storage/file_blob_store.h"

#include "sync/protocol/crypto.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

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

fs::path partOf(fs::path final) {
    final += ".part";
    return final;
}

} // namespace

// One blob's .part file, locked; or a blob already complete (no lock needed: it never changes).
class FileUpload final : public BlobUpload {
public:
    FileUpload(FileBlobStore& store, std::string sha, fs::path final, const LockedFile* file, bool complete)
        : m_store(store), m_sha(std::move(sha)), m_final(std::move(final)), m_file(file), m_complete(complete),
          m_received(file ? file->size() : 0) {}

    bool complete() const override { return m_complete; }
    bool started() const override {
        if (m_received > 0)
            return true;
        std::lock_guard lock(m_store.m_pendingMutex);
        return m_store.m_pending.count(m_sha) > 0;
    }
    std::int64_t received() const override { return m_received; }
    Result<std::int64_t> pendingBytes(const std::string& deviceId) override {
        std::lock_guard lock(m_store.m_pendingMutex);
        std::int64_t started = 0;
        for (const auto& [sha, p] : m_store.m_pending)
            if (p.deviceId == deviceId && sha != m_sha)
                started += p.total;
        return started;
    }
    Status start(const std::string& deviceId, std::int64_t total, Instant) override {
        std::lock_guard lock(m_store.m_pendingMutex);
        m_store.m_pending[m_sha] = FileBlobStore::Pending{deviceId, total};
        return {};
    }
    Status append(std::string_view bytes, Instant) override {
        std::size_t written = 0;
        while (written < bytes.size()) {
            const auto n = ::pwrite(m_file->fd(), bytes.data() + written, bytes.size() - written,
                                    off_t(m_received) + off_t(written));
            if (n < 0)
                return unavailable(std::string("writing the attachment failed: ") + std::strerror(errno));
            written += std::size_t(n);
        }
        ::fsync(m_file->fd());
        m_received += std::int64_t(bytes.size());
        return {};
    }
    Result<std::string> hashReceived() override { return hashFile(partOf(m_final)); }
    Status finish(Instant) override {
        std::error_code ec;
        fs::rename(partOf(m_final), m_final, ec);
        if (ec)
            return unavailable("could not finish the attachment: " + ec.message());
        m_store.forget(m_sha);
        m_complete = true;
        return {};
    }
    Status discard() override {
        std::error_code ec;
        fs::remove(partOf(m_final), ec);
        m_store.forget(m_sha);
        m_received = 0;
        return {};
    }

private:
    FileBlobStore& m_store;
    std::string m_sha;
    fs::path m_final;
    const LockedFile* m_file;
    bool m_complete;
    std::int64_t m_received;
};

FileBlobStore::FileBlobStore(fs::path dir) : m_dir(std::move(dir)) {}

fs::path FileBlobStore::finalPath(const std::string& sha) const { return m_dir / sha.substr(0, 2) / sha; }

void FileBlobStore::forget(const std::string& sha) {
    std::lock_guard lock(m_pendingMutex);
    m_pending.erase(sha);
}

Result<StoredBlob> FileBlobStore::state(const std::string& sha256) {
    StoredBlob s;
    std::error_code ec;
    const auto final = finalPath(sha256);
    if (fs::exists(final, ec)) {
        s.known = s.complete = true;
        s.total = s.received = std::int64_t(fs::file_size(final, ec));
        return s;
    }
    const auto part = partOf(final);
    if (fs::exists(part, ec)) {
        s.known = true;
        s.received = std::int64_t(fs::file_size(part, ec));
        std::lock_guard lock(m_pendingMutex);
        if (auto it = m_pending.find(sha256); it != m_pending.end())
            s.total = it->second.total;
    }
    return s;
}

Result<StoredBlob> FileBlobStore::write(const std::string& sha256,
                                        const std::function<Result<StoredBlob>(BlobUpload&)>& work) {
    const auto final = finalPath(sha256);
    std::error_code ec;
    if (fs::exists(final, ec)) { // already complete
        FileUpload done(*this, sha256, final, nullptr, true);
        return work(done);
    }
    fs::create_directories(final.parent_path(), ec);
    const auto part = partOf(final);
    LockedFile file(part);
    if (file.fd() < 0)
        return unavailable("cannot open " + part.string() + ": " + std::strerror(errno));
    // Finished by someone else while this one waited for the lock.
    FileUpload upload(*this, sha256, final, &file, fs::exists(final, ec));
    return work(upload);
}

std::vector<std::string> FileBlobStore::removeAbandoned(Instant before) {
    std::error_code ec;
    std::vector<fs::path> stale;
    for (auto it = fs::recursive_directory_iterator(m_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const auto& p = it->path();
        if (p.extension() != ".part" || !it->is_regular_file(ec))
            continue;
        const auto written = std::chrono::file_clock::to_sys(it->last_write_time(ec));
        if (!ec && written < before)
            stale.push_back(p);
    }
    std::vector<std::string> removed;
    for (const auto& p : stale) {
        // Under the upload's lock, and only if nobody wrote to it meanwhile.
        LockedFile file(p, /*create=*/false);
        if (file.fd() < 0)
            continue; // finished meanwhile
        const auto written = std::chrono::file_clock::to_sys(fs::last_write_time(p, ec));
        if (ec || written >= before)
            continue;
        if (fs::remove(p, ec)) {
            const std::string sha = p.stem().string();
            forget(sha);
            removed.push_back(sha);
        }
    }
    return removed;
}

Status FileBlobStore::remove(const std::string& sha256) {
    const auto final = finalPath(sha256);
    std::error_code ec;
    if (!fs::exists(final, ec) && !fs::exists(partOf(final), ec))
        return {};
    // Under the .part file's lock, so an upload of the same bytes waits until the removal is
    // done and then starts afresh.
    fs::create_directories(final.parent_path(), ec);
    LockedFile file(partOf(final));
    if (file.fd() < 0)
        return unavailable("cannot open " + partOf(final).string() + ": " + std::strerror(errno));
    fs::remove(final, ec);
    if (ec)
        return unavailable("cannot remove " + final.string() + ": " + ec.message());
    fs::remove(partOf(final), ec);
    forget(sha256);
    return {};
}

Result<std::string> FileBlobStore::read(const std::string& sha256) {
    std::ifstream in(finalPath(sha256), std::ios::binary);
    if (!in)
        return notFound("no complete attachment " + sha256);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace courtyard::server
