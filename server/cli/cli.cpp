#include "server/cli/cli.h"

#include "server/cli/admin_commands.h"
#include "server/cli/backup_command.h"
#include "server/cli/cli_support.h"
#include "server/cli/retention_command.h"
#include "server/cli/rules_command.h"
#include "server/cli/serve_command.h"
#include "server/cli/staff_commands.h"
#include "sync/device/cli_config.h"

#include "courtyard/version.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

namespace courtyard::server {

int runCli(int argc, char** argv) {
    CliContext ctx{{std::cin, std::cout, std::cerr}, {}};
    CLI::App app("courtyard-server " COURTYARD_VERSION
                 ": the Courtyard sync server and its administration commands (docs/admin.md).\n"
                 "Every option may also come from an environment variable (shown as Env) or from\n"
                 "the config file (docs/configuration.md); a flag beats the environment, which beats\n"
                 "the file.",
                 "courtyard-server");
    // Set before the subcommands are added, which copy both.
    app.get_formatter()->label("Usage", "usage");
    app.fallthrough(); // --config and --version may also follow the command
    app.set_version_flag("--version", "courtyard-server " COURTYARD_VERSION);
    std::string config;
    app.add_option("--config", config, "Read settings from this file (TOML: key = \"value\")")
        ->envname("COURTYARD_CONFIG")
        ->type_name("FILE")
        ->configurable(false);
    app.require_subcommand(1);

    addServeCommand(app, ctx);
    addAdminCommands(app, ctx);
    addStaffCommands(app, ctx);
    addBackupCommands(app, ctx);
    addRulesCommand(app, ctx);
    addRetentionCommand(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) { // --help, --version
        return app.exit(e, ctx.io.out, ctx.io.err);
    } catch (const CLI::ParseError& e) {
        CLI::App& command = sync::chosenCommand(app);
        ctx.io.err << "error: " << e.what() << "\n" << command.help();
        return 2;
    }
    if (!config.empty())
        if (auto st = sync::applyConfigFile(app, sync::chosenCommand(app), config); !st) {
            ctx.io.err << "error: " << st.error().message << "\n";
            return 2;
        }
    if (!ctx.command) { // a command group (`device`, `staff`) needs one of its commands
        ctx.io.err << sync::chosenCommand(app).help();
        return 2;
    }
    return ctx.command();
}

} // namespace courtyard::server
