#pragma once
// The administration subcommands (docs/admin.md): init, import-units, device add|list|revoke,
// deadlines recompute, report, demo-company. `serve` is serve_command.h.

#include "server/cli/cli_support.h"

namespace courtyard::server {

void addAdminCommands(CLI::App& app, CliContext& ctx);

} // namespace courtyard::server
