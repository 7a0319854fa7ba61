#include "sync/device/device_cli.h"

#include "sync/client/sign_in.h"
#include "sync/client/sync_engine.h"
#include "sync/device/beast_transport.h"

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace courtyard::sync {

namespace {

constexpr const char* kUsage = R"(usage: courtyard-device --db FILE [--server URL --token TOKEN] [options] COMMAND …
options:
  --as STAFF_NUMBER --pin PIN   sign in (checked offline) for commands that change records
  --ca FILE                     trust this CA for https:// servers
  --clock-offset SECONDS        pretend the device clock is off by this much (testing)
commands:
  whoami                        ask the server what this device is, and remember it
  sync                          push the outbox, pull changes, upload attachments
  create TYPE [FILE]            create a record from JSON (FILE or standard input)
  transition ID ACTION [FILE]   take a workflow action with JSON params
  update ID [FILE]              set plain fields from a JSON object
  append ID LIST [FILE]         append an item (comment, attachment, checkpoint visit)
  attach FILE [MIME]            keep an attachment for upload; prints its sha256
  signin                        check --as/--pin and print who that is
  get ID | list [--type T] [--state S] [--community C] [--limit N]
  status | rejections [--all]
Every command prints JSON on standard output; errors go to standard error with exit code 1.
)";

struct Options {
    std::string db, server, token, as, pin, ca;
    long long clockOffset = 0;
    std::map<std::string, std::string> flags; // --type, --state, …
    std::vector<std::string> words;
};

Result<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> Result<std::string> {
            if (i + 1 >= argc)
                return invalidArgument(a + " needs a value");
            return std::string(argv[++i]);
        };
        if (a.rfind("--", 0) == 0 && a != "--all") {
            auto v = value();
            if (!v)
                return v.error();
            if (a == "--db")
                o.db = *v;
            else if (a == "--server")
                o.server = *v;
            else if (a == "--token")
                o.token = *v;
            else if (a == "--as")
                o.as = *v;
            else if (a == "--pin")
                o.pin = *v;
            else if (a == "--ca")
                o.ca = *v;
            else if (a == "--clock-offset")
                o.clockOffset = std::stoll(*v);
            else
                o.flags[a.substr(2)] = *v;
        } else if (a == "--all") {
            o.flags["all"] = "1";
        } else {
            o.words.push_back(a);
        }
    }
    if (o.db.empty() || o.words.empty())
        return invalidArgument("--db and a command are required");
    return o;
}

Result<Json> readJsonInput(const std::vector<std::string>& words, std::size_t index) {
    std::string text;
    if (words.size() > index && words[index] != "-") {
        std::ifstream f(words[index], std::ios::binary);
        if (!f)
            return notFound("cannot read '" + words[index] + "'");
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
    auto opts = parse(argc, argv);
    if (!opts) {
        std::cerr << "error: " << opts.error().message << "\n" << kUsage;
        return 2;
    }
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

    const auto& w = opts->words;
    const std::string cmd = w[0];
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
    if (cmd == "create" && w.size() >= 2) {
        auto a = actor();
        if (!a)
            return fail(a.error());
        auto body = readJsonInput(w, 2);
        if (!body)
            return fail(body.error());
        auto id = ds.create(w[1], *body, *a, now());
        if (!id)
            return fail(id.error());
        std::cout << Json{{"id", *id}}.dump() << "\n";
        return 0;
    }
    if ((cmd == "transition" && w.size() >= 3) || (cmd == "update" && w.size() >= 2) ||
        (cmd == "append" && w.size() >= 3)) {
        auto a = actor();
        if (!a)
            return fail(a.error());
        const std::size_t inputAt = cmd == "update" ? 2 : 3;
        auto input = readJsonInput(w, inputAt);
        if (!input)
            return fail(input.error());
        Status st = cmd == "transition" ? ds.transition(w[1], w[2], *input, *a, now())
                    : cmd == "update"   ? ds.update(w[1], *input, *a, now())
                                        : ds.append(w[1], w[2], *input, *a, now());
        if (!st)
            return fail(st.error());
        auto rec = ds.get(w[1]);
        if (rec && *rec)
            std::cout << recordJson(**rec).dump() << "\n";
        return 0;
    }
    if (cmd == "attach" && w.size() >= 2) {
        std::ifstream f(w[1], std::ios::binary);
        if (!f)
            return fail(notFound("cannot read '" + w[1] + "'"));
        std::string bytes((std::istreambuf_iterator<char>(f)), {});
        auto sha = ds.putBlob(bytes, w.size() >= 3 ? w[2] : "application/octet-stream");
        if (!sha)
            return fail(sha.error());
        std::cout << Json{{"sha256", *sha}, {"size", bytes.size()}}.dump() << "\n";
        return 0;
    }
    if (cmd == "get" && w.size() >= 2) {
        auto rec = ds.get(w[1]);
        if (!rec)
            return fail(rec.error());
        if (!*rec)
            return fail(notFound("no record " + w[1] + " on this device"));
        std::cout << recordJson(**rec).dump() << "\n";
        return 0;
    }
    if (cmd == "list") {
        store::RecordQuery q;
        if (opts->flags.count("type"))
            q.types = {opts->flags["type"]};
        if (opts->flags.count("state"))
            q.states = {opts->flags["state"]};
        if (opts->flags.count("community"))
            q.communityIds = {opts->flags["community"]};
        if (opts->flags.count("limit"))
            q.limit = std::stoi(opts->flags["limit"]);
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
        auto rej = ds.rejections(opts->flags.count("all") > 0);
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
    std::cerr << kUsage;
    return 2;
}

} // namespace courtyard::sync
