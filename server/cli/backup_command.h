#pragma once
// `courtyard-server backup` and `restore` (docs/admin.md); the work is server/storage/backup.h.

#include "server/cli/cli_support.h"

namespace courtyard::server {

void addBackupCommands(CLI::App& app, CliContext& ctx);

} // namespace courtyard::server
