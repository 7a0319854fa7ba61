#include "sync/device/cli_config.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <set>
#include <vector>

namespace courtyard::sync {

namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : ".") + p;
    return out;
}

// Every option name and every command path ("device.add") under `app`.
void collectNames(CLI::App& app, const std::string& path, std::set<std::string>& names,
                  std::set<std::string>& commands) {
    for (const CLI::Option* o : app.get_options())
        if (o->get_configurable()) // not --help, --version, --config
            for (const auto& n : o->get_lnames())
                names.insert(n);
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        const std::string subPath = path.empty() ? sub->get_name() : path + "." + sub->get_name();
        commands.insert(subPath);
        collectNames(*sub, subPath, names, commands);
    }
}

// "device.add" for `courtyard-server device add`; "" for the program itself.
std::string commandPath(CLI::App& command) {
    std::vector<std::string> names;
    for (CLI::App* a = &command; a->get_parent() != nullptr; a = a->get_parent())
        names.insert(names.begin(), a->get_name());
    return join(names);
}

CLI::Option* findOption(CLI::App& command, const std::string& name) {
    for (CLI::App* a = &command; a != nullptr; a = a->get_parent())
        if (CLI::Option* o = a->get_option_no_throw("--" + name))
            return o;
    return nullptr;
}

} // namespace

CLI::App& chosenCommand(CLI::App& app) {
    CLI::App* at = &app;
    for (auto subs = at->get_subcommands(); !subs.empty(); subs = at->get_subcommands())
        at = subs.back();
    return *at;
}

Status applyConfigFile(CLI::App& app, CLI::App& command, const std::string& path) {
    std::vector<CLI::ConfigItem> items;
    try {
        items = CLI::ConfigTOML().from_file(path);
    } catch (const CLI::Error& e) {
        return invalidArgument("config file '" + path + "': " + e.what());
    }
    std::set<std::string> known, commands;
    collectNames(app, "", known, commands);
    const std::string here = commandPath(command);
    for (const auto& item : items) {
        if (item.name == "++" || item.name == "--") // CLI11's markers for entering and leaving a section
            continue;
        std::string name = item.name;
        std::replace(name.begin(), name.end(), '_', '-');
        if (!known.count(name))
            return invalidArgument("config file '" + path + "': unknown setting '" + item.fullname() + "'");
        const std::string section = join(item.parents);
        if (!section.empty() && !commands.count(section))
            return invalidArgument("config file '" + path + "': [" + section + "] is not a command");
        if (!section.empty() && here != section && here.rfind(section + ".", 0) != 0)
            continue;
        CLI::Option* option = findOption(command, name);
        if (option == nullptr || !option->get_configurable() || option->count() > 0)
            continue;
        try {
            option->add_result(item.inputs);
            option->run_callback();
        } catch (const CLI::Error& e) {
            return invalidArgument("config file '" + path + "': " + item.fullname() + ": " + e.what());
        }
    }
    return {};
}

} // namespace courtyard::sync
