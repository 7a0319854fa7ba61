#pragma once
// A small option parser for the subcommands: "--name value" (repeatable) and positionals.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "shared/core/result.h"

namespace courtyard::server {

// A whole file, for the commands that read JSON or CSV.
Result<std::string> readFile(const std::string& path);

class Args {
public:
    // `flags` take no value; every other "--x" takes the next argument.
    Args(const std::vector<std::string>& args, const std::set<std::string>& flags = {});
    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    std::optional<std::string> get(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;
    bool has(const std::string& name) const { return m_opts.count(name) > 0; }
    const std::vector<std::string>& positionals() const { return m_pos; }
    // Names given that are not in `known`; the first one, for an error message.
    std::optional<std::string> unknown(const std::set<std::string>& known) const;

private:
    std::map<std::string, std::vector<std::string>> m_opts;
    std::vector<std::string> m_pos;
    std::string m_error;
};

} // namespace courtyard::server
