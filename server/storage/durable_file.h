#pragma once
// Files that must survive a crash once written: backups, restores and retention archives.

#include "shared/core/result.h"

#include <filesystem>
#include <string_view>

namespace courtyard::server {

// Written beside the target, flushed, then renamed: a crash leaves the old file or the new one.
Status writeDurably(const std::filesystem::path& target, std::string_view bytes);

// Flushes a file, or a directory's entries (after a rename into it), to the disk.
Status syncFile(const std::filesystem::path& p);

} // namespace courtyard::server
