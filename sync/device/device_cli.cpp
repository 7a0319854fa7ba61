#include "sync/device/device_cli.h"

#include "sync/client/sign_in.h"
#include "sync/client/sync_engine.h"
#include "sync/device/beast_transport.h"
#include "sync/device/cli_config.h"

#include "courtyard/version.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace courtyard::sync {

namespace {

struct Options {
    std::string db, server, token, as, pin, ca, config;
    long long clockOffset = 0;
    // the command's own arguments
    std::string type, id, action, listName, file, mime = "application/octet-stream";
    std::string state, community;
    int limit = 0;
    bool all = false;
};

// Builds the command line. Options of the program may come before or after the command
// (fallthrough), as they always could.
void describe(CLI::App& app, Options& o) {
    app.get_formatter()->label("Usage", "usage");
    app.fallthrough();
    app.set_version_flag("--version", "courtyard-device " COURTYARD_VERSION);
    app.footer("Every command prints JSON on standard output; errors go to standard error with exit code 1\n"
               "(2: a usage error; 3: sync could not finish). A flag beats its environment variable, which\n"
               "beats the config file (docs/configuration.md).");
    app.add_option("--db", o.db, "The device's local database (created on first use)")
        ->envname("COURTYARD_DEVICE_DB")
        ->type_name("FILE");
    app.add_option("--server", o.server, "The sync server, remembered in the database")
        ->envname("COURTYARD_DEVICE_SERVER")
        ->type_name("URL");
    app.add_option("--token", o.token, "This device's token (courtyard-server device add), remembered")
        ->envname("COURTYARD_DEVICE_TOKEN");
    app.add_option("--as", o.as, "Sign in as this staff number for commands that change records")
        ->envname("COURTYARD_DEVICE_AS")
        ->type_name("STAFF_NUMBER");
    app.add_option("--pin", o.pin, "The PIN for --as (checked offline)")->envname("COURTYARD_DEVICE_PIN");
    app.add_option("--ca", o.ca, "Trust this CA for https:// servers")->envname("COURTYARD_DEVICE_CA")->type_name("FILE");
    app.add_option("--clock-offset", o.clockOffset, "Pretend the device clock is off by this much (testing)")
        ->type_name("SECONDS");
    app.add_option("--config", o.config, "Read settings from this file (TOML: key = \"value\")")
        ->envname("COURTYARD_DEVICE_CONFIG")
        ->type_name("FILE")
        ->configurable(false);
    app.require_subcommand(1);

    app.add_subcommand("whoami", "Ask the server what this device is, and remember it");
    app.add_subcommand("sync", "Push the outbox, pull changes, upload attachments");
    app.add_subcommand("signin", "Check --as/--pin and print who that is");
    auto* create = app.add_subcommand("create", "Create a record from JSON (FILE or standard input)");
    create->add_option("type", o.type, "complaint, suggestion, …")->type_name("TYPE")->required();
    create->add_option("file", o.file, "The record's fields (- or none: standard input)")->type_name("FILE");
    auto* transition = app.add_subcommand("transition", "Take a workflow action with JSON params");
    transition->add_option("id", o.id, "The record")->type_name("ID")->required();
    transition->add_option("action", o.action, "The action, e.g. accept")->type_name("ACTION")->required();
    transition->add_option("file", o.file, "The action's params (- or none: standard input)")->type_name("FILE");
    auto* update = app.add_subcommand("update", "Set plain fields from a JSON object");
    update->add_option("id", o.id, "The record")->type_name("ID")->required();
    update->add_option("file", o.file, "The fields (- or none: standard input)")->type_name("FILE");
    auto* append = app.add_subcommand("append", "Append an item (comment, attachment, checkpoint visit)");
    append->add_option("id", o.id, "The record")->type_name("ID")->required();
    append->add_option("list", o.listName, "The list, e.g. comments")->type_name("LIST")->required();
    append->add_option("file", o.file, "The item (- or none: standard input)")->type_name("FILE");
    auto* attach = app.add_subcommand("attach", "Keep an attachment for upload; prints its sha256");
    attach->add_option("file", o.file, "The file")->type_name("FILE")->required();
    attach->add_option("mime", o.mime, "Its type")->type_name("MIME")->capture_default_str();
    auto* get = app.add_subcommand("get", "One record as this device has it");
    get->add_option("id", o.id, "The record")->type_name("ID")->required();
    auto* list = app.add_subcommand("list", "Records on this device, oldest first");
    list->add_option("--type", o.type, "Only this type");
    list->add_option("--state", o.state, "Only this state");
    list->add_option("--community", o.community, "Only this community")->type_name("ID");
    list->add_option("--limit", o.limit, "At most this many")->check(CLI::PositiveNumber);
    auto* sendAgain = app.add_subcommand("send-again", "Send a refused new record again (after correcting it)");
    sendAgain->add_option("id", o.id, "The returned record")->type_name("ID")->required();
    auto* discard = app.add_subcommand("discard", "Remove a refused new record for good");
    discard->add_option("id", o.id, "The returned record")->type_name("ID")->required();
    app.add_subcommand("status", "The device's enrolment, outbox and last sync");
    auto* rejections = app.add_subcommand("rejections", "Operations the server refused");
    rejections->add_flag("--all", o.all, "Also those already seen");
}

Result<Json> readJsonInput(const std::string& file) {
    std::string text;
    if (!file.empty() && file != "-") {
        std::ifstream f(file, std::ios::binary);
        if (!f)
            return notFound("cannot read '" + file + "'");
        std::ostringstream ss;
        ss << f.rdbuf();
        text = ss.str();
    } else {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        text = ss.str();
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return Json::object();
    auto j = parseJson(text);
    if (!j)
        return invalidArgument("the input is not valid JSON");
    return j;
}

Json recordJson(const store::StoredRecord& r) {
    return Json{{"id", r.id}, {"type", r.type}, {"version", r.version}, {"record", r.body},
                {"pending", r.serverBody.has_value() || r.version == 0}};
}

int fail(const Error& e) {
    std::cerr << "error (" << errorCodeName(e.code) << "): " << e.message << "\n";
    return 1;
}

} // namespace

int runDeviceCli(int argc, char** argv) {
    Options options;
    CLI::App app("courtyard-device " COURTYARD_VERSION ": a device without a screen, over the same local store "
                 "and sync engine as the app",
                 "courtyard-device");
    describe(app, options);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) { // --help, --version
        return app.exit(e, std::cout, std::cerr);
    } catch (const CLI::ParseError& e) {
        std::cerr << "error: " << e.what() << "\n" << chosenCommand(app).help();
        return 2;
    }
    if (!options.config.empty())
        if (auto st = applyConfigFile(app, chosenCommand(app), options.config); !st) {
            std::cerr << "error: " << st.error().message << "\n";
            return 2;
        }
    if (options.db.empty()) {
        std::cerr << "error: --db FILE is required (or COURTYARD_DEVICE_DB, or db in the config file)\n"
                  << app.help();
        return 2;
    }
    const Options* opts = &options;
    const std::string cmd = chosenCommand(app).get_name();
    auto store = DeviceStore::open(opts->db);
    if (!store)
        return fail(store.error());
    DeviceStore& ds = **store;
    if (!opts->server.empty() || !opts->token.empty()) {
        auto st = ds.state();
        if (!st)
            return fail(st.error());
        if (auto s = ds.setEnrollment(opts->server.empty() ? st->serverUrl : opts->server,
                                      opts->token.empty() ? st->token : opts->token);
            !s)
            return fail(s.error());
    }
    const long long offset = opts->clockOffset;
    auto now = [offset] {
        return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()) +
               std::chrono::seconds(offset);
    };
    auto engine = [&]() -> Result<std::pair<std::unique_ptr<BeastTransport>, std::unique_ptr<SyncEngine>>> {
        auto st = ds.state();
        if (!st)
            return st.error();
        if (st->serverUrl.empty() || st->token.empty())
            return unauthenticated("no server or token yet: pass --server URL --token TOKEN once");
        BeastTransportOptions to;
        to.caFile = opts->ca;
        auto t = BeastTransport::create(st->serverUrl, to);
        if (!t)
            return t.error();
        auto e = std::make_unique<SyncEngine>(ds, **t, now);
        return std::make_pair(std::move(*t), std::move(e));
    };
    // Signs in for this run: offline with the credential this database holds, or online (the
    // first time) through the server.
    std::optional<std::pair<std::unique_ptr<BeastTransport>, std::unique_ptr<SyncEngine>>> online;
    auto actor = [&]() -> Result<domain::Actor> {
        auto st = ds.state();
        if (!st)
            return st.error();
        if (st->role == domain::Role::Resident)
            return domain::Actor{}; // a kiosk: a resident, nobody signs in
        if (opts->as.empty())
            return unauthenticated("sign in with --as STAFF_NUMBER --pin PIN");
        if (!online)
            if (auto e = engine())
                online = std::move(*e);
        return signIn(ds, online ? online->second.get() : nullptr, opts->as, opts->pin, now());
    };

    if (cmd == "whoami") {
        auto e = engine();
        if (!e)
            return fail(e.error());
        auto info = e->second->identify();
        if (!info)
            return fail(info.error());
        std::cout << Json(*info).dump() << "\n";
        return 0;
    }
    if (cmd == "sync") {
        auto e = engine();
        if (!e)
            return fail(e.error());
        const auto r = e->second->syncOnce();
        Json out{{"pushed", r.pushed}, {"applied", r.applied}, {"noop", r.noop},    {"rejected", r.rejected},
                 {"pulled", r.pulled}, {"pages", r.pages},     {"blobs", r.blobsUploaded}, {"complete", r.complete}};
        if (r.error)
            out["error"] = {{"code", errorCodeName(r.error->code)}, {"message", r.error->message}};
        std::cout << out.dump() << "\n";
        return r.complete ? 0 : 3;
    }
    if (cmd == "signin") {
        auto a = actor();
        if (!a)
            return fail(a.error());
        std::cout << Json{{"staff_id", a->staffId}, {"name", a->name}, {"role", a->role}}.dump() << "\n";
        return 0;
    }
    if (cmd == "create") {
        auto a = actor();
        if (!a)
            return fail(a.error());
        auto body = readJsonInput(opts->file);
        if (!body)
            return fail(body.error());
        auto id = ds.create(opts->type, *body, *a, now());
        if (!id)
            return fail(id.error());
        std::cout << Json{{"id", *id}}.dump() << "\n";
        return 0;
    }
    if (cmd == "transition" || cmd == "update" || cmd == "append") {
        auto a = actor();
        if (!a)
            return fail(a.error());
        auto input = readJsonInput(opts->file);
        if (!input)
            return fail(input.error());
        Status st = cmd == "transition" ? ds.transition(opts->id, opts->action, *input, *a, now())
                    : cmd == "update"   ? ds.update(opts->id, *input, *a, now())
                                        : ds.append(opts->id, opts->listName, *input, *a, now());
        if (!st)
            return fail(st.error());
        auto rec = ds.get(opts->id);
        if (rec && *rec)
            std::cout << recordJson(**rec).dump() << "\n";
        return 0;
    }
    if (cmd == "attach") {
        std::ifstream f(opts->file, std::ios::binary);
        if (!f)
            return fail(notFound("cannot read '" + opts->file + "'"));
        std::string bytes((std::istreambuf_iterator<char>(f)), {});
        auto sha = ds.putBlob(bytes, opts->mime);
        if (!sha)
            return fail(sha.error());
        std::cout << Json{{"sha256", *sha}, {"size", bytes.size()}}.dump() << "\n";
        return 0;
    }
    if (cmd == "get") {
        auto rec = ds.get(opts->id);
        if (!rec)
            return fail(rec.error());
        if (!*rec)
            return fail(notFound("no record " + opts->id + " on this device"));
        Json out = recordJson(**rec);
        // A new record the server refused: kept here to be corrected and sent again, or discarded.
        if (auto refusal = ds.returnedRefusal(opts->id); refusal && *refusal)
            out["returned"] = {{"seq", (*refusal)->seq},
                               {"code", errorCodeName((*refusal)->error.code)},
                               {"message", (*refusal)->error.message},
                               {"field", (*refusal)->error.field}};
        std::cout << out.dump() << "\n";
        return 0;
    }
    if (cmd == "send-again") {
        auto a = actor();
        if (!a)
            return fail(a.error());
        if (auto st = ds.sendAgain(opts->id, *a, now()); !st)
            return fail(st.error());
        auto rec = ds.get(opts->id);
        if (rec && *rec)
            std::cout << recordJson(**rec).dump() << "\n";
        return 0;
    }
    if (cmd == "discard") {
        if (auto st = ds.discardReturned(opts->id); !st)
            return fail(st.error());
        std::cout << Json{{"id", opts->id}, {"discarded", true}}.dump() << "\n";
        return 0;
    }
    if (cmd == "list") {
        store::RecordQuery q;
        if (!opts->type.empty())
            q.types = {opts->type};
        if (!opts->state.empty())
            q.states = {opts->state};
        if (!opts->community.empty())
            q.communityIds = {opts->community};
        if (opts->limit > 0)
            q.limit = opts->limit;
        q.order = store::RecordQuery::Order::HappenedAsc;
        auto list = ds.query(q);
        if (!list)
            return fail(list.error());
        Json arr = Json::array();
        for (const auto& r : *list)
            arr.push_back(recordJson(r));
        std::cout << arr.dump() << "\n";
        return 0;
    }
    if (cmd == "status") {
        auto st = ds.state();
        auto pending = ds.pendingCount();
        auto rej = ds.rejections(false);
        if (!st || !pending || !rej)
            return fail(internalError("cannot read the device state"));
        Json out{{"device_id", st->deviceId}, {"role", st->role},       {"communities", st->communityIds},
                 {"server", st->serverUrl},   {"pending", *pending},    {"rejections", rej->size()},
                 {"cursor", st->cursor},      {"last_seq", st->lastSeq}};
        out["last_sync_at"] = st->lastSyncAt ? Json(formatInstant(*st->lastSyncAt)) : Json(nullptr);
        std::cout << out.dump() << "\n";
        return 0;
    }
    if (cmd == "rejections") {
        auto rej = ds.rejections(opts->all);
        if (!rej)
            return fail(rej.error());
        Json arr = Json::array();
        for (const auto& r : *rej)
            arr.push_back({{"seq", r.seq},
                           {"record_id", r.recordId},
                           {"op", r.op},
                           {"code", errorCodeName(r.error.code)},
                           {"message", r.error.message},
                           {"at", r.at}});
        std::cout << arr.dump() << "\n";
        return 0;
    }
    std::cerr << app.help();
    return 2;
}

} // namespace courtyard::sync
