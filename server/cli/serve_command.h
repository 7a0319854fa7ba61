#pragma once
// `courtyard-server serve`: runs the sync server on a data directory until SIGINT/SIGTERM.
// Every setting is a flag, an environment variable (COURTYARD_…) or a config-file key
// (docs/configuration.md).

#include "server/cli/cli_support.h"

namespace courtyard::server {

void addServeCommand(CLI::App& app, CliContext& ctx);

} // namespace courtyard::server
