#include "server/cli/staff_commands.h"

#include "server/cli/cli_support.h"
#include "server/service/auth_service.h"

#include <iostream>

namespace courtyard::server {

int runStaff(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    static constexpr const char* kUsage =
        "courtyard-server staff pin --data DIR STAFF_ID   (the new PIN on standard input)\n"
        "       courtyard-server staff deactivate|activate --data DIR STAFF_ID\n";
    if (args.empty() || args[0] == "--help")
        return args.empty() ? usage(err, kUsage) : (out << "usage: " << kUsage, 0);
    const std::string verb = args[0];
    Args a(std::vector<std::string>(args.begin() + 1, args.end()));
    if (!a.ok() || a.unknown({"data"}) || a.positionals().size() != 1 ||
        (verb != "pin" && verb != "deactivate" && verb != "activate"))
        return usage(err, kUsage);
    const std::string staffId = a.positionals()[0];
    auto storage = openData(a, false, err);
    if (!storage)
        return 1;
    RulesCache rules;
    AuthService auth(**storage, rules, systemNow);
    Status st;
    if (verb == "pin") {
        std::string pin;
        std::getline(in, pin);
        while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' '))
            pin.pop_back();
        st = auth.setPin(staffId, pin, "administrator (command line)");
        if (st)
            out << "PIN set for " << staffId << "; their sign-ins on every device are withdrawn\n";
    } else {
        st = auth.setActive(staffId, verb == "activate", "administrator (command line)");
        if (st)
            out << staffId << (verb == "activate" ? " is active again" : " is deactivated")
                << "; their sign-ins on every device are withdrawn\n";
    }
    (*storage)->stop();
    return report(st, err);
}

int runAudit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    static constexpr const char* kUsage =
        "courtyard-server audit --data DIR [--record ID] [--actor STAFF_ID] [--device ID] [--rejected] "
        "[--limit N]\n";
    if (!args.empty() && args[0] == "--help") {
        out << "usage: " << kUsage;
        return 0;
    }
    Args a(args, {"rejected"});
    if (!a.ok() || a.unknown({"data", "record", "actor", "device", "rejected", "limit"}) || !a.positionals().empty())
        return usage(err, kUsage);
    AuditQuery q;
    q.recordId = a.get("record").value_or("");
    q.actor = a.get("actor").value_or("");
    q.deviceId = a.get("device").value_or("");
    q.rejectedOnly = a.has("rejected");
    try {
        q.limit = std::stoi(a.get("limit").value_or("200"));
    } catch (const std::exception&) {
        return usage(err, kUsage);
    }
    auto storage = openData(a, false, err);
    if (!storage)
        return 1;
    std::vector<AuditEntry> entries;
    auto st = (*storage)->read([&](ReadUnit& u) -> Status {
        auto r = u.audit(q);
        if (!r)
            return r.error();
        entries = std::move(*r);
        return {};
    });
    (*storage)->stop();
    if (!st)
        return report(st, err);
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
        out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    }
    return 0;
}

} // namespace courtyard::server
