#include "server/cli/admin_commands.h"

#include "server/demo/demo_company.h"
#include "server/demo/demo_history.h"
#include "server/reports/report_service.h"
#include "server/service/admin_service.h"
#include "server/storage/sqlite_storage.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace courtyard::server {

namespace {

void printSummary(std::ostream& out, const char* what, const ImportSummary& s) {
    out << what << ": " << s.created << " created, " << s.updated << " updated, " << s.unchanged << " unchanged\n";
}

struct InitOptions {
    std::string data, store, company, units, community;
    bool demo = false;
    int historyMonths = 0;
};

int runInit(const InitOptions& o, const CliIo& io) {
    if (o.company.empty() && !o.demo)
        return usageError(io.err, "init", "give --company FILE or --demo");
    Json company;
    if (o.demo) {
        company = demoCompany();
    } else {
        auto text = readFile(o.company);
        if (!text)
            return report(text.error(), io.err);
        // Read as a request is (no NUL, which PostgreSQL's text cannot hold), with the stored
        // JSON's roomier sizes; the reader's message names the place.
        JsonLimits limits = JsonLimits::stored();
        limits.allowNul = false;
        auto parsed = parseBoundedJson(*text, limits);
        if (!parsed)
            return report(invalidArgument("company file '" + o.company + "': " + parsed.error().message), io.err);
        company = std::move(*parsed);
    }
    auto storage = openData(o.data, o.store, true, io.err);
    if (!storage)
        return 1;
    auto summary = importCompany(**storage, company, systemNow);
    if (!summary)
        return report(summary.error(), io.err);
    printSummary(io.out, "company", *summary);
    if (!o.units.empty()) {
        auto text = readFile(o.units);
        if (!text)
            return report(text.error(), io.err);
        auto s = importUnitRoster(**storage, o.community, *text, systemNow);
        if (!s)
            return report(s.error(), io.err);
        printSummary(io.out, "units", *s);
    }
    if (o.historyMonths > 0) {
        HistoryOptions options;
        options.months = o.historyMonths;
        auto counts = seedHistory(**storage, options, systemNow);
        if (!counts)
            return report(counts.error(), io.err);
        io.out << "history:";
        for (const auto& [type, n] : *counts)
            io.out << " " << n << " " << type;
        io.out << "\n";
    }
    return 0;
}

void addInit(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<InitOptions>();
    auto* sub = app.add_subcommand("init", "Load a company (organisation, calendars, policy) into a data directory, "
                                           "creating it; run again to update");
    addDataOption(*sub, o->data, o->store);
    auto* company = sub->add_option("--company", o->company, "The company file (JSON; see demo-company)")
                        ->type_name("FILE");
    auto* demo = sub->add_flag("--demo", o->demo, "Load the demo company instead");
    company->excludes(demo);
    auto* community = sub->add_option("--community", o->community, "The community --units belongs to")->type_name("ID");
    sub->add_option("--units", o->units, "Also load this community's unit roster")->type_name("FILE.csv")->needs(community);
    sub->add_option("--history", o->historyMonths, "With --demo: months of sample complaints, surveys, patrols …")
        ->type_name("MONTHS")
        ->check(CLI::Range(1, 36))
        ->needs(demo);
    sub->callback([o, &ctx] { ctx.command = [o, &ctx] { return runInit(*o, ctx.io); }; });
}

struct ImportUnitsOptions {
    std::string data, store, community, file;
};

void addImportUnits(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ImportUnitsOptions>();
    auto* sub = app.add_subcommand("import-units", "Load a community's unit roster (CSV, docs/admin.md)");
    addDataOption(*sub, o->data, o->store);
    sub->add_option("--community", o->community, "The community (required)")->type_name("ID");
    sub->add_option("file", o->file, "The roster")->type_name("FILE.csv")->required();
    sub->callback([o, &ctx] {
        ctx.command = [o, &io = ctx.io] {
            if (o->community.empty())
                return usageError(io.err, "import-units", "--community ID is required");
            auto text = readFile(o->file);
            if (!text)
                return report(text.error(), io.err);
            auto storage = openData(o->data, o->store, false, io.err);
            if (!storage)
                return 1;
            auto s = importUnitRoster(**storage, o->community, *text, systemNow);
            if (!s)
                return report(s.error(), io.err);
            printSummary(io.out, "units", *s);
            if (s->encoding != "utf-8")
                io.out << "read as " << s->encoding << " (GBK), not UTF-8\n";
            return 0;
        };
    });
}

struct DeviceOptions {
    std::string data, store, role, name, deviceId;
    std::vector<std::string> communities;
    bool json = false;
};

int runDeviceAdd(const DeviceOptions& o, const CliIo& io) {
    if (o.role.empty() || o.name.empty())
        return usageError(io.err, "device add", "--role and --name are required");
    auto storage = openData(o.data, o.store, false, io.err);
    if (!storage)
        return 1;
    auto d = addDevice(**storage, o.name, o.role, o.communities, systemNow);
    if (!d)
        return report(d.error(), io.err);
    if (o.json) {
        io.out << Json{{"id", d->id}, {"token", d->token}}.dump() << "\n";
    } else {
        io.out << "Enrolled device " << d->id << " (" << o.role << ") \"" << o.name << "\".\n"
               << "Its token, shown only this once — enter it on the device:\n" << d->token << "\n";
    }
    return 0;
}

int runDeviceList(const DeviceOptions& o, const CliIo& io) {
    auto storage = openData(o.data, o.store, false, io.err);
    if (!storage)
        return 1;
    auto list = listDevices(**storage);
    if (!list)
        return report(list.error(), io.err);
    if (o.json) {
        Json arr = Json::array();
        for (const auto& d : *list) {
            Json j{{"id", d.id}, {"name", d.name}, {"role", d.roleName}, {"communities", d.communityIds},
                   {"created_at", d.createdAt}, {"last_seq", d.lastSeq}};
            j["revoked_at"] = d.revokedAt ? Json(formatInstant(*d.revokedAt)) : Json(nullptr);
            j["last_seen_at"] = d.lastSeenAt ? Json(formatInstant(*d.lastSeenAt)) : Json(nullptr);
            arr.push_back(j);
        }
        io.out << arr.dump(2) << "\n";
        return 0;
    }
    for (const auto& d : *list) {
        io.out << d.id << "  " << d.roleName << "  " << d.name << "  [";
        for (std::size_t i = 0; i < d.communityIds.size(); ++i)
            io.out << (i ? " " : "") << d.communityIds[i];
        io.out << "]  ops " << d.lastSeq << "  last seen "
               << (d.lastSeenAt ? formatInstant(*d.lastSeenAt) : std::string("never"))
               << (d.revokedAt ? "  REVOKED " + formatInstant(*d.revokedAt) : std::string()) << "\n";
    }
    return 0;
}

int runDeviceRevoke(const DeviceOptions& o, const CliIo& io) {
    auto storage = openData(o.data, o.store, false, io.err);
    if (!storage)
        return 1;
    if (auto st = revokeDevice(**storage, o.deviceId, systemNow); !st)
        return report(st, io.err);
    io.out << "Revoked " << o.deviceId << ": its token no longer works.\n";
    return 0;
}

void addDevice(CLI::App& app, CliContext& ctx) {
    auto* group = app.add_subcommand("device", "Enrol, list and revoke devices");
    group->require_subcommand(1);

    // Each command its own options: CLI11 reads the environment into every command's options,
    // chosen or not, so commands must not share the variables their options write.
    auto o = std::make_shared<DeviceOptions>();
    auto* add = group->add_subcommand("add", "Enrol a device; prints its token, shown only this once");
    addDataOption(*add, o->data, o->store);
    add->add_option("--role", o->role, "staff, supervisor, manager, developer_cs, admin or kiosk (required)");
    add->add_option("--community", o->communities, "A community it works for (repeat for several)")
        ->type_name("ID")
        ->allow_extra_args(false);
    add->add_option("--name", o->name, "A name to recognise it by (required)");
    add->add_flag("--json", o->json, "Print {\"id\", \"token\"} as JSON");
    add->callback([o, &ctx] { ctx.command = [o, &ctx] { return runDeviceAdd(*o, ctx.io); }; });

    o = std::make_shared<DeviceOptions>();
    auto* list = group->add_subcommand("list", "Every device, with its last sync and whether it is revoked");
    addDataOption(*list, o->data, o->store);
    list->add_flag("--json", o->json, "Print JSON");
    list->callback([o, &ctx] { ctx.command = [o, &ctx] { return runDeviceList(*o, ctx.io); }; });

    o = std::make_shared<DeviceOptions>();
    auto* revoke = group->add_subcommand("revoke", "Withdraw a device's token (a lost or stolen tablet)");
    addDataOption(*revoke, o->data, o->store);
    revoke->add_option("device", o->deviceId, "The device")->type_name("DEVICE_ID")->required();
    revoke->callback([o, &ctx] { ctx.command = [o, &ctx] { return runDeviceRevoke(*o, ctx.io); }; });
}

struct DeadlinesOptions {
    std::string data, store, community;
};

void addDeadlines(CLI::App& app, CliContext& ctx) {
    auto* group = app.add_subcommand("deadlines", "Deadlines of open records");
    group->require_subcommand(1);
    auto o = std::make_shared<DeadlinesOptions>();
    auto* sub = group->add_subcommand("recompute", "Compute every open record's deadline again (after a calendar "
                                                   "or policy edit)");
    addDataOption(*sub, o->data, o->store);
    sub->add_option("--community", o->community, "Only this community")->type_name("ID");
    sub->callback([o, &ctx] {
        ctx.command = [o, &io = ctx.io] {
            auto storage = openData(o->data, o->store, false, io.err);
            if (!storage)
                return 1;
            RulesCache rules;
            auto n = recomputeDeadlines(**storage, rules, systemNow, o->community);
            if (!n)
                return report(n.error(), io.err);
            io.out << "Recomputed deadlines: " << *n << " open record(s) changed.\n";
            return 0;
        };
    });
}

struct ReportOptions {
    std::string data, store, kind, scope = "company", id, department, period, lang = "en", format = "json";
};

int runReport(const ReportOptions& o, const CliIo& io) {
    auto storage = openData(o.data, o.store, false, io.err);
    if (!storage)
        return 1;
    reports::ReportRequest r;
    r.kind = o.kind;
    r.scope = o.scope;
    r.scopeId = o.id;
    r.department = o.department;
    r.period = o.period;
    r.lang = o.lang == "zh" ? reports::Lang::Zh : reports::Lang::En;
    reports::ReportService service(**storage, systemNow);
    auto result = service.compute(r);
    if (!result)
        return report(result.error(), io.err);
    if (o.format == "csv")
        io.out << reports::toCsv(*result);
    else
        io.out << result->dump(2) << "\n";
    return 0;
}

void addReport(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ReportOptions>();
    auto* sub = app.add_subcommand("report", "Print a report (docs/reports.md)");
    addDataOption(*sub, o->data, o->store);
    sub->add_option("kind", o->kind,
                    "weekly, monthly, quarterly, half_yearly, annual_complaints, annual_survey, inspections, kpi")
        ->type_name("KIND")
        ->required();
    sub->add_option("--scope", o->scope, "community, office or company")->capture_default_str();
    sub->add_option("--id", o->id, "The community or office (with --scope)");
    sub->add_option("--department", o->department, "Only this department")->type_name("ID");
    sub->add_option("--period", o->period, "2026, 2026-H2, 2026-Q4, 2026-11 or 2026-W47 (default: the last one)");
    sub->add_option("--lang", o->lang, "Labels in English or Chinese")
        ->check(CLI::IsMember({"en", "zh"}))
        ->capture_default_str();
    sub->add_option("--format", o->format, "JSON or CSV")
        ->check(CLI::IsMember({"json", "csv"}))
        ->capture_default_str();
    sub->callback([o, &ctx] { ctx.command = [o, &ctx] { return runReport(*o, ctx.io); }; });
}

void addDemoCompany(CLI::App& app, CliContext& ctx) {
    auto* sub = app.add_subcommand("demo-company", "Print the demo company (an example for init --company)");
    sub->callback([&ctx] {
        ctx.command = [&io = ctx.io] {
            io.out << demoCompany().dump(2) << "\n";
            return 0;
        };
    });
}

} // namespace

void addAdminCommands(CLI::App& app, CliContext& ctx) {
    addInit(app, ctx);
    addImportUnits(app, ctx);
    addDevice(app, ctx);
    addDeadlines(app, ctx);
    addReport(app, ctx);
    addDemoCompany(app, ctx);
}

} // namespace courtyard::server
