#pragma once
// The administration subcommands (docs/admin.md): init, import-units, device, deadlines,
// demo-company, and serve.

#include <iosfwd>
#include <string>
#include <vector>

namespace courtyard::server {

int runInit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runImportUnits(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runDevice(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runDeadlines(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runDemoCompany(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace courtyard::server
