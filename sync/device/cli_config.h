#pragma once
// Settings from a config file for the two command-line programs (courtyard-server and
// courtyard-device), layered under the command line and the environment: a flag beats an
// environment variable, which beats the file. CLI11 can read a config file itself, but it lets
// the file override the environment; a service's unit file or an administrator's shell should be
// able to override what a shared file says, so the file is applied here, after parsing, to the
// options nothing else set. It lives beside the device tool because both programs are built
// with COURTYARD_BUILD_SERVER and the server already depends on sync/.

#include "shared/core/result.h"

#include <string>

namespace CLI {
class App;
}

namespace courtyard::sync {

// Reads `path` (TOML or INI: `key = "value"` lines, # comments) into the options of `command`
// (or of the commands above it) that the command line and the environment left unset. Keys
// are option names without the dashes (`listen`, `tls-cert`; `tls_cert` works too). A key in a
// [section] applies only to that command (`[serve]`, `[device.add]`); a key no command of `app`
// has, or a section that names no command, is an error, so a typo does not pass silently; a key
// only other commands have is ignored, so one file can serve every command. Options a command
// requires are checked by the command, after this, so they may come from the file too.
Status applyConfigFile(CLI::App& app, CLI::App& command, const std::string& path);

// The command the user chose: the deepest parsed subcommand, or `app` itself.
CLI::App& chosenCommand(CLI::App& app);

} // namespace courtyard::sync
