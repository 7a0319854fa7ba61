#include "server/cli/cli.h"

#include "server/cli/admin_commands.h"
#include "server/cli/backup_command.h"
#include "server/cli/rules_command.h"
#include "server/cli/staff_commands.h"

#include <iostream>
#include <string>
#include <vector>

namespace courtyard::server {

namespace {
constexpr const char* kUsage =
    "usage: courtyard-server <command> [options]\n"
    "commands:\n"
    "  serve --data DIR [--listen 127.0.0.1:8080] [--tls-cert F --tls-key F]   run the sync server\n"
    "  init --data DIR (--company FILE | --demo) [--units CSV --community ID]   load a company\n"
    "  import-units --data DIR --community ID FILE.csv                         load a unit roster\n"
    "  device add|list|revoke --data DIR …                                     enrol devices\n"
    "  staff pin|deactivate|activate --data DIR STAFF_ID                      a new PIN (stdin), leave, return\n"
    "  audit --data DIR [--record ID] [--actor ID] [--device ID] [--rejected]  who did or tried what\n"
    "  deadlines recompute --data DIR [--community ID]                         after a calendar edit\n"
    "  report KIND --data DIR [--scope S --id ID] [--period P] [--format csv]  print a report (docs/reports.md)\n"
    "  backup --data DIR --to FILE                                             a consistent copy, while serving\n"
    "  restore --data DIR --from FILE [--replace]                              put a backup back (server stopped)\n"
    "  demo-company                                                            print the demo company\n"
    "  rules deadline [--calendar FILE] [--policy FILE] < request.json\n"
    "      compute a deadline with the same rules the server and tablets use\n"
    "run 'courtyard-server <command> --help' for a command's options; see docs/admin.md\n";
} // namespace

int runCli(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "rules")
        return runRulesCommand(rest, std::cin, std::cout, std::cerr);
    if (command == "serve")
        return runServe(rest, std::cout, std::cerr);
    if (command == "init")
        return runInit(rest, std::cout, std::cerr);
    if (command == "import-units")
        return runImportUnits(rest, std::cout, std::cerr);
    if (command == "device")
        return runDevice(rest, std::cout, std::cerr);
    if (command == "report")
        return runReport(rest, std::cout, std::cerr);
    if (command == "staff")
        return runStaff(rest, std::cin, std::cout, std::cerr);
    if (command == "audit")
        return runAudit(rest, std::cout, std::cerr);
    if (command == "deadlines")
        return runDeadlines(rest, std::cout, std::cerr);
    if (command == "backup")
        return runBackup(rest, std::cout, std::cerr);
    if (command == "restore")
        return runRestore(rest, std::cout, std::cerr);
    if (command == "demo-company")
        return runDemoCompany(rest, std::cout, std::cerr);
    std::cerr << "error: unknown command '" << command << "'\n" << kUsage;
    return 2;
}

} // namespace courtyard::server
