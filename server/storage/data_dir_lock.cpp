#include "server/storage/data_dir_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace courtyard::server {

Result<std::unique_ptr<DataDirLock>> DataDirLock::acquire(const std::filesystem::path& dataDir, Mode mode) {
    const auto path = dataDir / "courtyard.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0)
        return unavailable("cannot open " + path.string() + ": " + std::strerror(errno));
    if (::flock(fd, (mode == Mode::Shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK)
            return unavailable(mode == Mode::Exclusive
                                   ? "a server is running on " + dataDir.string() + ": stop it first"
                                   : "the data directory " + dataDir.string() + " is being restored");
        return unavailable("cannot lock " + path.string() + ": " + std::strerror(err));
    }
    return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
}

DataDirLock::~DataDirLock() {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

} // namespace courtyard::server
