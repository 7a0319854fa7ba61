#pragma once
// `courtyard-server backup` and `restore` (docs/admin.md); the work is server/storage/backup.h.

#include <iosfwd>
#include <string>
#include <vector>

namespace courtyard::server {

int runBackup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runRestore(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace courtyard::server
