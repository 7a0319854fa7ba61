#include "server/cli/admin_commands.h"

#include "server/cli/args.h"
#include "server/cli/cli_support.h"
#include "server/http/http_server.h"
#include "server/observability/log.h"
#include "server/reports/report_service.h"
#include "server/service/admin_service.h"
#include "server/service/auth_service.h"
#include "server/service/demo_history.h"
#include "server/storage/data_dir_lock.h"
#include "server/storage/sqlite_storage.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/resource.h>

namespace courtyard::server {

namespace fs = std::filesystem;

namespace {

bool isLoopback(const std::string& address) {
    return address == "127.0.0.1" || address == "::1" || address == "localhost" || address.rfind("127.", 0) == 0;
}

void printSummary(std::ostream& out, const char* what, const ImportSummary& s) {
    out << what << ": " << s.created << " created, " << s.updated << " updated, " << s.unchanged << " unchanged\n";
}

} // namespace

int runInit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    constexpr const char* kUsage =
        "courtyard-server init --data DIR (--company FILE | --demo) [--units FILE.csv --community ID]\n"
        "       [--history MONTHS]   (with --demo: months of sample complaints, surveys, patrols …)\n";
    Args a(args, {"demo"});
    if (!a.ok() || a.unknown({"data", "company", "demo", "units", "community", "history"}) ||
        (!a.has("company") && !a.has("demo")) || (a.has("history") && !a.has("demo")))
        return usage(err, kUsage);
    int historyMonths = 0;
    if (auto h = a.get("history")) {
        historyMonths = std::atoi(h->c_str());
        if (historyMonths < 1 || historyMonths > 36)
            return usage(err, kUsage);
    }
    Json company;
    if (a.has("demo")) {
        company = demoCompany();
    } else {
        auto text = readFile(*a.get("company"));
        if (!text)
            return report(text.error(), err);
        auto parsed = parseJson(*text);
        if (!parsed)
            return report(invalidArgument("company file '" + *a.get("company") + "' is not valid JSON"), err);
        company = std::move(*parsed);
    }
    auto storage = openData(a, true, err);
    if (!storage)
        return 1;
    auto summary = importCompany(**storage, company, systemNow);
    if (!summary)
        return report(summary.error(), err);
    printSummary(out, "company", *summary);
    if (auto units = a.get("units")) {
        auto community = a.get("community");
        if (!community)
            return usage(err, kUsage);
        auto text = readFile(*units);
        if (!text)
            return report(text.error(), err);
        auto s = importUnitRoster(**storage, *community, *text, systemNow);
        if (!s)
            return report(s.error(), err);
        printSummary(out, "units", *s);
    }
    if (historyMonths > 0) {
        HistoryOptions options;
        options.months = historyMonths;
        auto counts = seedHistory(**storage, options, systemNow);
        if (!counts)
            return report(counts.error(), err);
        out << "history:";
        for (const auto& [type, n] : *counts)
            out << " " << n << " " << type;
        out << "\n";
    }
    return 0;
}

int runImportUnits(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    constexpr const char* kUsage = "courtyard-server import-units --data DIR --community ID FILE.csv\n";
    Args a(args);
    if (!a.ok() || a.unknown({"data", "community"}) || !a.has("community") || a.positionals().size() != 1)
        return usage(err, kUsage);
    auto text = readFile(a.positionals()[0]);
    if (!text)
        return report(text.error(), err);
    auto storage = openData(a, false, err);
    if (!storage)
        return 1;
    auto s = importUnitRoster(**storage, *a.get("community"), *text, systemNow);
    if (!s)
        return report(s.error(), err);
    printSummary(out, "units", *s);
    return 0;
}

int runDevice(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    constexpr const char* kUsage =
        "courtyard-server device add --data DIR --role staff|supervisor|manager|developer_cs|kiosk\n"
        "                        --community ID [--community ID …] --name NAME [--json]\n"
        "       courtyard-server device list --data DIR [--json]\n"
        "       courtyard-server device revoke --data DIR DEVICE_ID\n";
    if (args.empty())
        return usage(err, kUsage);
    const std::string verb = args[0];
    Args a(std::vector<std::string>(args.begin() + 1, args.end()), {"json"});
    if (!a.ok())
        return usage(err, kUsage);
    if (verb == "add") {
        if (a.unknown({"data", "role", "community", "name", "json"}) || !a.has("role") || !a.has("name"))
            return usage(err, kUsage);
        auto storage = openData(a, false, err);
        if (!storage)
            return 1;
        auto d = addDevice(**storage, *a.get("name"), *a.get("role"), a.all("community"), systemNow);
        if (!d)
            return report(d.error(), err);
        if (a.has("json")) {
            out << Json{{"id", d->id}, {"token", d->token}}.dump() << "\n";
        } else {
            out << "Enrolled device " << d->id << " (" << *a.get("role") << ") \"" << *a.get("name") << "\".\n"
                << "Its token, shown only this once — enter it on the device:\n" << d->token << "\n";
        }
        return 0;
    }
    if (verb == "list") {
        if (a.unknown({"data", "json"}))
            return usage(err, kUsage);
        auto storage = openData(a, false, err);
        if (!storage)
            return 1;
        auto list = listDevices(**storage);
        if (!list)
            return report(list.error(), err);
        Json arr = Json::array();
        for (const auto& d : *list) {
            Json j{{"id", d.id}, {"name", d.name}, {"role", d.roleName}, {"communities", d.communityIds},
                   {"created_at", d.createdAt}, {"last_seq", d.lastSeq}};
            j["revoked_at"] = d.revokedAt ? Json(formatInstant(*d.revokedAt)) : Json(nullptr);
            j["last_seen_at"] = d.lastSeenAt ? Json(formatInstant(*d.lastSeenAt)) : Json(nullptr);
            arr.push_back(j);
        }
        if (a.has("json")) {
            out << arr.dump(2) << "\n";
        } else {
            for (const auto& d : *list) {
                out << d.id << "  " << d.roleName << "  " << d.name << "  [";
                for (std::size_t i = 0; i < d.communityIds.size(); ++i)
                    out << (i ? " " : "") << d.communityIds[i];
                out << "]  ops " << d.lastSeq << "  last seen "
                    << (d.lastSeenAt ? formatInstant(*d.lastSeenAt) : std::string("never"))
                    << (d.revokedAt ? "  REVOKED " + formatInstant(*d.revokedAt) : std::string()) << "\n";
            }
        }
        return 0;
    }
    if (verb == "revoke") {
        if (a.unknown({"data"}) || a.positionals().size() != 1)
            return usage(err, kUsage);
        auto storage = openData(a, false, err);
        if (!storage)
            return 1;
        if (auto st = revokeDevice(**storage, a.positionals()[0], systemNow); !st)
            return report(st, err);
        out << "Revoked " << a.positionals()[0] << ": its token no longer works.\n";
        return 0;
    }
    return usage(err, kUsage);
}

int runDeadlines(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    constexpr const char* kUsage = "courtyard-server deadlines recompute --data DIR [--community ID]\n";
    if (args.empty() || args[0] != "recompute")
        return usage(err, kUsage);
    Args a(std::vector<std::string>(args.begin() + 1, args.end()));
    if (!a.ok() || a.unknown({"data", "community"}))
        return usage(err, kUsage);
    auto storage = openData(a, false, err);
    if (!storage)
        return 1;
    RulesCache rules;
    auto n = recomputeDeadlines(**storage, rules, systemNow, a.get("community").value_or(""));
    if (!n)
        return report(n.error(), err);
    out << "Recomputed deadlines: " << *n << " open record(s) changed.\n";
    return 0;
}

int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    constexpr const char* kUsage =
        "courtyard-server report KIND --data DIR [--scope community|office|company] [--id ID]\n"
        "       [--department ID] [--period 2026|2026-H2|2026-Q4|2026-11|2026-W47] [--lang en|zh]\n"
        "       [--format json|csv]\n"
        "KIND: weekly, monthly, quarterly, half_yearly, annual_complaints, annual_survey, inspections, kpi\n";
    if (args.empty() || args[0].rfind("--", 0) == 0)
        return usage(err, kUsage);
    Args a(std::vector<std::string>(args.begin() + 1, args.end()));
    if (!a.ok() || a.unknown({"data", "scope", "id", "department", "period", "lang", "format"}))
        return usage(err, kUsage);
    const std::string format = a.get("format").value_or("json");
    const std::string lang = a.get("lang").value_or("en");
    if ((format != "json" && format != "csv") || (lang != "en" && lang != "zh"))
        return usage(err, kUsage);
    auto storage = openData(a, false, err);
    if (!storage)
        return 1;
    reports::ReportRequest r;
    r.kind = args[0];
    r.scope = a.get("scope").value_or("company");
    r.scopeId = a.get("id").value_or("");
    r.department = a.get("department").value_or("");
    r.period = a.get("period").value_or("");
    r.lang = lang == "zh" ? reports::Lang::Zh : reports::Lang::En;
    reports::ReportService service(**storage, systemNow);
    auto result = service.compute(r);
    if (!result)
        return report(result.error(), err);
    if (format == "csv")
        out << reports::toCsv(*result);
    else
        out << result->dump(2) << "\n";
    return 0;
}

int runDemoCompany(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty())
        return usage(err, "courtyard-server demo-company > company.json\n");
    out << demoCompany().dump(2) << "\n";
    return 0;
}

int runServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    constexpr const char* kUsage =
        "courtyard-server serve --data DIR [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE]\n"
        "       [--io-threads N] [--workers N] [--max-connections N] [--escalation-interval SECONDS]\n"
        "       [--body-budget-mib N] [--read-timeout SECONDS]\n";
    Args a(args);
    if (!a.ok() || a.unknown({"data", "listen", "tls-cert", "tls-key", "io-threads", "workers", "max-connections",
                              "escalation-interval", "readers", "body-budget-mib", "read-timeout"}))
        return usage(err, kUsage);
    HttpServerConfig config;
    const std::string listen = a.get("listen").value_or("127.0.0.1:8080");
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos)
        return usage(err, kUsage);
    config.address = listen.substr(0, colon);
    try {
        config.port = static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)));
        if (auto v = a.get("io-threads"))
            config.ioThreads = std::stoi(*v);
        if (auto v = a.get("workers"))
            config.workerThreads = std::stoi(*v);
        if (auto v = a.get("max-connections"))
            config.maxConnections = std::stoi(*v);
        if (auto v = a.get("escalation-interval"))
            config.escalationInterval = std::chrono::seconds(std::stoi(*v));
        if (auto v = a.get("body-budget-mib")) {
            const int mib = std::stoi(*v);
            if (mib < 16 || mib > 65536)
                return usage(err, kUsage);
            config.bodyBudgetBytes = std::size_t(mib) << 20;
        }
        if (auto v = a.get("read-timeout")) {
            const int seconds = std::stoi(*v);
            if (seconds < 1 || seconds > 600)
                return usage(err, kUsage);
            config.readTimeout = config.writeTimeout = std::chrono::seconds(seconds);
        }
    } catch (const std::exception&) {
        return usage(err, kUsage);
    }
    config.tlsCertFile = a.get("tls-cert");
    config.tlsKeyFile = a.get("tls-key");

    auto dir = a.get("data");
    if (!dir)
        return usage(err, kUsage);
    if (!fs::is_directory(*dir)) {
        err << "error: data directory '" << *dir << "' does not exist (run 'courtyard-server init' first)\n";
        return 1;
    }
    // Held while serving: `restore` refuses to replace the database under a running server.
    auto lock = DataDirLock::acquire(*dir, DataDirLock::Mode::Shared);
    if (!lock)
        return report(lock.error(), err);
    SqliteStorageOptions options;
    if (auto v = a.get("readers"))
        options.readers = std::max(1, std::atoi(v->c_str()));
    auto storage = SqliteStorage::open((fs::path(*dir) / kDbFile).string(), options);
    if (!storage)
        return report(storage.error(), err);
    RulesCache rules;
    SyncService sync(**storage, rules, systemNow);
    BlobService blobs(**storage, fs::path(*dir) / "blobs", systemNow);
    EscalationService escalations(**storage, rules, systemNow);
    AuthService auth(**storage, rules, systemNow);
    Metrics metrics;
    ServerContext ctx{**storage, sync, blobs, escalations, auth, metrics, systemNow};
    ctx.writeQueueDepth = [s = storage->get()] { return s->queueDepth(); };

    // A server holds a socket per device and files per database: use all the descriptors the
    // system allows this process.
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
    HttpServer server(config, ctx);
    auto port = server.start();
    if (!port)
        return report(port.error(), err);
    if (!config.tlsCertFile && !isLoopback(config.address))
        Log::warn("listening without TLS on an address other machines can reach: device tokens, PINs and "
                  "residents' data cross the network in clear; give --tls-cert and --tls-key, or put a TLS "
                  "proxy in front and listen on 127.0.0.1",
                  {{"address", config.address}});
    if (sync::insecureFastPinHash())
        Log::warn("COURTYARD_INSECURE_FAST_PIN_HASH=1: new PIN hashes are cheap to guess (tests only)");
    Log::info("listening", {{"address", config.address},
                            {"port", *port},
                            {"tls", bool(config.tlsCertFile)},
                            {"data", *dir}});
    out << Json{{"listening", config.address + ":" + std::to_string(*port)}}.dump() << std::endl;
    server.run();
    (*storage)->stop();
    Log::info("stopped");
    return 0;
}

} // namespace courtyard::server
