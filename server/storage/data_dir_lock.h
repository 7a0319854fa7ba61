#pragma once
// An advisory lock on a data directory (flock on <data>/courtyard.lock): every `serve` holds
// it shared for as long as it runs, so several servers may share a directory, and `restore`
// takes it exclusively, so it never replaces a database under a running server.

#include "shared/core/result.h"

#include <filesystem>
#include <memory>

namespace courtyard::server {

class DataDirLock {
public:
    enum class Mode { Shared, Exclusive };
    // Fails (Unavailable) at once when the lock is held in a conflicting mode.
    static Result<std::unique_ptr<DataDirLock>> acquire(const std::filesystem::path& dataDir, Mode mode);
    ~DataDirLock();
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;

private:
    explicit DataDirLock(int fd) : m_fd(fd) {}
    int m_fd;
};

} // namespace courtyard::server
