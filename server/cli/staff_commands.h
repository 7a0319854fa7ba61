#pragma once
// Administration of people and the audit trail (docs/admin.md):
//   staff pin --data DIR STAFF_ID        a new PIN, read from standard input (never shown)
//   staff deactivate|activate --data DIR STAFF_ID
//   audit --data DIR [--record ID] [--actor STAFF_ID] [--device ID] [--rejected] [--limit N]
// Setting a PIN or deactivating withdraws the person's credentials on every device.

#include "server/cli/cli_support.h"

namespace courtyard::server {

void addStaffCommands(CLI::App& app, CliContext& ctx);

} // namespace courtyard::server
