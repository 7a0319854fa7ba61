#pragma once
// `courtyard-server retention` (docs/admin.md, "Retention"): what the daily retention pass
// would purge or blank (--dry-run), the pass now, or an archive put back (--import).

#include "server/cli/cli_support.h"

namespace courtyard::server {

void addRetentionCommand(CLI::App& app, CliContext& ctx);

} // namespace courtyard::server
