#include "server/storage/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

namespace courtyard::server {

namespace fs = std::filesystem;

// Written beside the target, flushed, then renamed: a crash leaves the old file or the new one.
Status writeDurably(const fs::path& target, std::string_view bytes) {
    auto tmp = target;
    tmp += ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0)
        return unavailable("cannot write " + tmp.string());
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            ::close(fd);
            return unavailable("writing " + tmp.string() + " failed");
        }
        done += std::size_t(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (!synced || (fs::rename(tmp, target, ec), ec))
        return unavailable("could not finish " + target.string());
    return {};
}

Status syncFile(const fs::path& p) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return unavailable("cannot open " + p.string());
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok ? Status{} : unavailable("cannot flush " + p.string());
}

} // namespace courtyard::server
