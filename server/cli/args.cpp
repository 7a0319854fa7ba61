#include "server/cli/args.h"

#include <fstream>
#include <sstream>

namespace courtyard::server {

Result<std::string> readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return notFound("cannot read '" + path + "'");
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Args::Args(const std::vector<std::string>& args, const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string name = a.substr(2), value;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            } else if (flags.count(name)) {
                value = "1";
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                m_error = "option --" + name + " needs a value";
                return;
            }
            m_opts[name].push_back(value);
        } else {
            m_pos.push_back(a);
        }
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = m_opts.find(name);
    if (it == m_opts.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
    auto it = m_opts.find(name);
    return it == m_opts.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> Args::unknown(const std::set<std::string>& known) const {
    for (const auto& [name, values] : m_opts)
        if (!known.count(name))
            return name;
    return std::nullopt;
}

} // namespace courtyard::server
