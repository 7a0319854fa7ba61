#include "server/cli/staff_commands.h"

#include "server/service/auth_service.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace courtyard::server {

namespace {

struct StaffOptions {
    std::string data, store, staffId;
};

int runStaff(const std::string& verb, const StaffOptions& o, const CliIo& io) {
    auto storage = openData(o.data, o.store, false, io.err);
    if (!storage)
        return 1;
    RulesCache rules;
    AuthService auth(**storage, rules, systemNow);
    Status st;
    if (verb == "pin") {
        std::string pin;
        std::getline(io.in, pin);
        while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' '))
            pin.pop_back();
        st = auth.setPin(o.staffId, pin, {"administrator (command line)", "", ""});
        if (st)
            io.out << "PIN set for " << o.staffId << "; their sign-ins on every device are withdrawn\n";
    } else {
        st = auth.setActive(o.staffId, verb == "activate", {"administrator (command line)", "", ""});
        if (st)
            io.out << o.staffId << (verb == "activate" ? " is active again" : " is deactivated")
                   << "; their sign-ins on every device are withdrawn\n";
    }
    return report(st, io.err);
}

void addStaff(CLI::App& app, CliContext& ctx) {
    auto* group = app.add_subcommand("staff", "A person's PIN, leaving and returning");
    group->require_subcommand(1);
    const std::pair<const char*, const char*> verbs[] = {
        {"pin", "Set a new PIN, read from standard input (never shown)"},
        {"deactivate", "The person left: their sign-ins stop working everywhere"},
        {"activate", "The person is back"}};
    for (const auto& [verb, description] : verbs) {
        auto o = std::make_shared<StaffOptions>(); // one per command: see admin_commands.cpp
        auto* sub = group->add_subcommand(verb, description);
        addDataOption(*sub, o->data, o->store);
        sub->add_option("staff", o->staffId, "The staff record's id")->type_name("STAFF_ID")->required();
        sub->callback([o, &ctx, v = std::string(verb)] { ctx.command = [o, &ctx, v] { return runStaff(v, *o, ctx.io); }; });
    }
}

struct AuditOptions {
    std::string data, store;
    AuditQuery query;
};

int runAudit(const AuditOptions& o, const CliIo& io) {
    auto storage = openData(o.data, o.store, false, io.err);
    if (!storage)
        return 1;
    std::vector<AuditEntry> entries;
    auto st = (*storage)->read([&](ReadUnit& u) -> Status {
        auto r = u.audit(o.query);
        if (!r)
            return r.error();
        entries = std::move(*r);
        return {};
    });
    if (!st)
        return report(st, io.err);
    // One JSON object per line: easy to read, to grep and to load elsewhere.
    for (const auto& e : entries) {
        Json line{{"id", e.id},           {"at", formatInstant(e.at)}, {"device", e.deviceId},
                  {"kind", e.kind},       {"type", e.recordType},      {"record", e.recordId},
                  {"community", e.communityId}, {"actor", e.actor},    {"credential", e.credentialId},
                  {"outcome", e.outcome}, {"detail", e.detail}};
        if (e.opSeq)
            line["seq"] = *e.opSeq;
        if (e.version)
            line["version"] = *e.version;
        if (!e.errorCode.empty())
            line["error"] = {{"code", e.errorCode}, {"message", e.errorMessage}};
        io.out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    }
    return 0;
}

void addAudit(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<AuditOptions>();
    o->query.limit = 200;
    auto* sub = app.add_subcommand("audit", "Who did or tried what, one JSON object per line");
    addDataOption(*sub, o->data, o->store);
    sub->add_option("--record", o->query.recordId, "Only this record")->type_name("ID");
    sub->add_option("--actor", o->query.actor, "Only this person")->type_name("STAFF_ID");
    sub->add_option("--device", o->query.deviceId, "Only this device")->type_name("ID");
    sub->add_flag("--rejected", o->query.rejectedOnly, "Only what was refused");
    sub->add_option("--limit", o->query.limit, "At most this many entries")->check(CLI::PositiveNumber)->capture_default_str();
    sub->callback([o, &ctx] { ctx.command = [o, &ctx] { return runAudit(*o, ctx.io); }; });
}

} // namespace

void addStaffCommands(CLI::App& app, CliContext& ctx) {
    addStaff(app, ctx);
    addAudit(app, ctx);
}

} // namespace courtyard::server
