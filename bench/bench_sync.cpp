// Sync throughput (issues 4 and 17), side by side in one run on this machine:
//   raw SQLite  — batched inserts of the same rows (500 per transaction, WAL, synchronous=FULL):
//                 the storage limit, once into a bare (id, body) table, then into
//                 Courtyard's records table with the server's indexes (push compares with
//                 it) and with a device's (a device's apply compares with that one);
//   raw PostgreSQL — the same rows into the server's PostgreSQL records table, 500 per
//                 multi-row INSERT and transaction (with --postgres);
//   Courtyard   — a device pushes N complaint-shaped records (~600 bytes of JSON each) to the
//                 real courtyard-server over HTTP; a second device pulls them. Besides, the
//                 pull split in two: the server serving every page to a client that only
//                 fetches and discards them, and a fresh device applying the decoded pages
//                 (no network), and decoding them from their text as well. Once over SQLite (--data) and, with --postgres, once over a
//                 throw-away PostgreSQL cluster (--store; durable settings, bench/postgres_process.h);
//   pouchdb     — the same documents through pouchdb-server (if --pouch URL is given): written
//                 with _bulk_docs in batches of 500, read back with _changes?include_docs.
// Prints figures; asserts nothing.
#include "bench/bench_process.h"
#include "bench/postgres_process.h"
#include "server/storage/postgres/pg_schema.h"
#include "server/storage/sqlite_storage.h"
#include "shared/store/database.h"
#include "shared/store/schema.h"
#include "sync/client/sign_in.h"
#include "sync/client/sync_engine.h"
#include "sync/device/beast_transport.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <thread>
#include <tuple>

using namespace courtyard;
namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

namespace {

double secondsSince(SteadyClock::time_point t0) { return std::chrono::duration<double>(SteadyClock::now() - t0).count(); }
Instant now() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }

// A complaint as a tablet would capture it: ~600 bytes of JSON.
Json complaintBody(int i) {
    static const std::string text = "三号楼二单元楼道灯不亮已经三天了，晚上老人上下楼很不方便，请尽快安排维修，谢谢。"
                                    "另外楼道里堆放的杂物也请通知清理。";
    return Json{{"community_id", i % 2 ? "cm-sunshine" : "cm-jadelake"},
                {"channel", "phone"},
                {"category", "repairs"},
                {"content", text + " #" + std::to_string(i)},
                {"complainant", {{"name", "王女士"}, {"phone", "13800000000"}}},
                {"unit_id", std::string(i % 2 ? "cm-sunshine" : "cm-jadelake") + "-b1-1-502"},
                {"urgent", i % 5 == 0},
                {"serious", i % 7 == 0},
                {"received_at", formatInstant(now())}};
}

// The rows the raw inserts write: (id, body as text), built before the clock starts.
std::vector<std::pair<std::string, std::string>> rawRows(int n) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (int i = 0; i < n; ++i) {
        Json b = complaintBody(i);
        b["id"] = "raw-" + std::to_string(i);
        rows.emplace_back(b["id"].get<std::string>(), b.dump());
    }
    return rows;
}

enum class RawSchema { Bare, Server, Device };

double rawSqlite(const std::string& dir, int n, RawSchema schema) {
    const std::string path = dir + "/raw-" + std::to_string(int(schema)) + ".db";
    auto db = std::move(*store::Database::open(path));
    const bool courtyardSchema = schema != RawSchema::Bare;
    if (schema == RawSchema::Server)
        (void)server::migrateServerSchema(*db);
    else if (schema == RawSchema::Device)
        (void)store::migrate(*db);
    else
        (void)db->exec("CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
    const auto rows = rawRows(n);
    const auto t0 = SteadyClock::now();
    for (int i = 0; i < n; i += 500) {
        (void)db->exec("BEGIN");
        for (int j = i; j < std::min(n, i + 500); ++j) {
            const auto& [id, body] = rows[std::size_t(j)];
            if (courtyardSchema) {
                auto s = db->prepare("INSERT INTO records (id, type, community_id, state, unit_id, due_at, "
                                     "happened_at, version, body) VALUES (?, 'complaint', ?, 'received', ?, ?, ?, ?, ?)");
                s->bind(1, id).bind(2, j % 2 ? "cm-sunshine" : "cm-jadelake").bind(3, "u").bind(4, std::int64_t(j))
                    .bind(5, std::int64_t(j)).bind(6, std::int64_t(j)).bind(7, body);
                (void)s->exec();
            } else {
                auto s = db->prepare("INSERT INTO docs (id, body) VALUES (?, ?)");
                s->bind(1, id).bind(2, body);
                (void)s->exec();
            }
        }
        (void)db->exec("COMMIT");
    }
    return n / secondsSince(t0);
}

// The same rows as rawSqlite's schema run, into the server's PostgreSQL records table: 500 per
// multi-row INSERT, one transaction each.
double rawPostgres(const std::string& conninfo, int n) {
    namespace pg = server::pg;
    auto c = pg::Connection::open(conninfo);
    if (!c || !pg::migrate(**c)) {
        std::fprintf(stderr, "raw PostgreSQL: cannot connect or create the schema\n");
        return 0;
    }
    const auto rows = rawRows(n);
    const auto t0 = SteadyClock::now();
    for (int i = 0; i < n; i += 500) {
        std::string sql = "INSERT INTO records (id, type, community_id, state, unit_id, due_at, happened_at, version, "
                          "body) VALUES ";
        std::vector<pg::Param> params;
        for (int j = i; j < std::min(n, i + 500); ++j) {
            const int k = int(params.size());
            sql += (j > i ? ",($" : "($") + std::to_string(k + 1) + ",'complaint',$" + std::to_string(k + 2) +
                   ",'received','u',$" + std::to_string(k + 3) + ",$" + std::to_string(k + 3) + ",$" +
                   std::to_string(k + 3) + ",$" + std::to_string(k + 4) + ")";
            params.emplace_back(rows[std::size_t(j)].first);
            params.emplace_back(j % 2 ? "cm-sunshine" : "cm-jadelake");
            params.emplace_back(std::int64_t(j + 1));
            params.emplace_back(rows[std::size_t(j)].second);
        }
        if (!(*c)->run("BEGIN") || !pg::done((*c)->exec(sql, params)) || !(*c)->run("COMMIT")) {
            std::fprintf(stderr, "raw PostgreSQL: insert failed\n");
            return 0;
        }
    }
    return n / secondsSince(t0);
}

struct Device {
    std::unique_ptr<sync::DeviceStore> store;
    std::unique_ptr<sync::BeastTransport> transport;
    std::unique_ptr<sync::SyncEngine> engine;
};

Device device(const std::string& dbPath, const std::string& url, const std::string& token) {
    Device d;
    d.store = std::move(*sync::DeviceStore::open(dbPath));
    (void)d.store->setEnrollment(url, token);
    d.transport = std::move(*sync::BeastTransport::create(url));
    d.engine = std::make_unique<sync::SyncEngine>(*d.store, *d.transport, now);
    return d;
}

// `storage`: {"--data", DIR} or {"--store", CONNINFO}.
std::string enroll(const std::string& bin, const std::vector<std::string>& storage, const char* name) {
    std::string out;
    std::vector<std::string> argv{bin, "device", "add"};
    argv.insert(argv.end(), storage.begin(), storage.end());
    argv.insert(argv.end(), {"--role", "manager", "--community", "cm-sunshine", "--community", "cm-jadelake", "--name",
                             name, "--json"});
    bench::runCommand(argv, &out);
    return Json::parse(out)["token"].get<std::string>();
}

struct CourtyardFigures {
    double capture = 0, push = 0, pull = 0;
    double serve = 0; // pages fetched and discarded by the client
    double apply = 0;       // the decoded pages applied by a fresh device, no network
    double decodeApply = 0; // the same pages decoded from their text (as the device does) and applied
};

// What a device sends with a pull.
std::map<std::string, std::string> pullHeaders(const std::string& token) {
    return {{"authorization", "Bearer " + token}, {"x-courtyard-schema", "2"}};
}

// The time the server's handlers of one route took so far, from its /metrics.
double handlerSeconds(sync::Transport& t, const std::string& route) {
    auto m = t.send({"GET", "/metrics", {}, {}});
    const std::string key = "courtyard_http_request_duration_seconds_sum{route=\"" + route + "\"} ";
    const auto pos = m ? m->body.find(key) : std::string::npos;
    return pos == std::string::npos ? 0.0 : std::atof(m->body.c_str() + pos + key.size());
}

// The server serving every page to a client that fetches and discards them (pages of 1000,
// so 100k records stay within the fair-use limit on pulls a minute): only the cursor and
// has_more are looked up in each page's text, where the server writes them before the changes.
double serveRate(const std::string& url, const std::string& token, int n) {
    auto t = std::move(*sync::BeastTransport::create(url));
    const auto headers = pullHeaders(token);
    std::string cursor;
    const auto t0 = SteadyClock::now();
    for (int pages = 0; pages < 10000; ++pages) {
        auto r = t->send({"GET", "/v1/sync/pull?limit=1000&cursor=" + cursor, headers, {}});
        if (!r || r->status != 200) {
            std::fprintf(stderr, "serve: the pull failed\n");
            return 0;
        }
        const auto at = r->body.find("\"cursor\":\"");
        if (at == std::string::npos)
            return 0;
        const auto from = at + 10;
        cursor = r->body.substr(from, r->body.find('"', from) - from);
        if (r->body.find("\"has_more\":true", from) == std::string::npos)
            break;
    }
    return n / secondsSince(t0);
}

// A fresh device applying the pages a pull brings, decoded beforehand: the device's own cost.
// Records a second applied by themselves, and decoded (from the page's text, as the sync engine
// does) and applied.
std::pair<double, double> applyRate(const std::string& dir, const std::string& url, const std::string& token) {
    auto d = device(dir + "/apply-fetch.db", url, token);
    std::vector<sync::PullResponse> pages;
    double decoding = 0;
    std::string cursor;
    const auto headers = pullHeaders(token);
    while (pages.size() < 10000) {
        auto r = d.transport->send({"GET", "/v1/sync/pull?limit=1000&cursor=" + cursor, headers, {}});
        if (r && r->status == 429) { // the fair-use limit on pulls a minute: fetching is not timed
            const auto wait = r->headers.count("retry-after") ? std::atoi(r->headers["retry-after"].c_str()) : 1;
            std::this_thread::sleep_for(std::chrono::seconds(std::max(1, wait)));
            continue;
        }
        if (!r || r->status != 200) {
            std::fprintf(stderr, "apply: the pull failed\n");
            return {};
        }
        const auto d0 = SteadyClock::now();
        auto parsed = parseJson(r->body);
        auto page = parsed ? sync::takePullPage(std::move(*parsed), r->body) : Result<sync::PullResponse>(parsed.error());
        decoding += secondsSince(d0);
        if (!page)
            return {};
        cursor = page->cursor;
        const bool more = page->hasMore;
        pages.push_back(std::move(*page));
        if (!more)
            break;
    }
    auto fresh = std::move(*sync::DeviceStore::open(dir + "/apply.db"));
    (void)fresh->setEnrollment(url, token);
    std::size_t records = 0;
    const auto t0 = SteadyClock::now();
    for (const auto& p : pages) {
        if (auto st = fresh->applyPullPage(p); !st) {
            std::fprintf(stderr, "apply failed: %s\n", st.error().message.c_str());
            return {};
        }
        records += p.changes.size();
    }
    const double applying = secondsSince(t0);
    return {double(records) / applying, double(records) / (decoding + applying)};
}

// `storage`: {"--data", DIR} or {"--store", CONNINFO}.
CourtyardFigures courtyardRun(const std::string& bin, const std::vector<std::string>& storage,
                              const std::string& dir, int n) {
    CourtyardFigures f;
    std::vector<std::string> init{bin, "init"};
    init.insert(init.end(), storage.begin(), storage.end());
    init.push_back("--demo");
    bench::runCommand(init);
    const auto tokenA = enroll(bin, storage, "bench A"), tokenB = enroll(bin, storage, "bench B"),
               tokenC = enroll(bin, storage, "bench C"), tokenD = enroll(bin, storage, "bench D");
    bench::ServerSpec spec;
    spec.storage = storage;
    auto server = bench::startServer(bin, spec);
    auto a = device(dir + "/a.db", server.url(), tokenA);
    auto b = device(dir + "/b.db", server.url(), tokenB);
    sync::SyncReport r;
    (void)a.engine->syncOnce();
    (void)b.engine->syncOnce();
    auto actor = *sync::signIn(*a.store, a.engine.get(), "3001", "300100", now());
    // Captured on the tablet: record + outbox operation per edit, in transactions of 500.
    auto t0 = SteadyClock::now();
    for (int i = 0; i < n; i += 500)
        (void)a.store->records().transaction([&]() -> Status {
            for (int j = i; j < std::min(n, i + 500); ++j)
                if (auto id = a.store->create("complaint", complaintBody(j), actor, now()); !id)
                    return id.error();
            return {};
        });
    f.capture = n / secondsSince(t0);
    t0 = SteadyClock::now();
    r = {};
    if (auto st = a.engine->push(r); !st)
        std::fprintf(stderr, "push failed: %s\n", st.error().message.c_str());
    f.push = r.applied / secondsSince(t0);
    const double pushWall = secondsSince(t0);
    std::fprintf(stderr, "  (push: %.2f s on the wire, %.2f s inside the server's handler)\n", pushWall,
                 handlerSeconds(*a.transport, "POST /v1/sync/push"));
    t0 = SteadyClock::now();
    r = {};
    if (auto st = b.engine->pull(r); !st)
        std::fprintf(stderr, "pull failed: %s\n", st.error().message.c_str());
    f.pull = r.pulled / secondsSince(t0);
    if (r.pulled != n)
        std::fprintf(stderr, "warning: pulled %d of %d\n", r.pulled, n);
    const double pullHandler = handlerSeconds(*a.transport, "GET /v1/sync/pull");
    t0 = SteadyClock::now();
    f.serve = serveRate(server.url(), tokenC, r.pulled);
    std::fprintf(stderr, "  (serving: %.2f s on the wire, %.2f s inside the server's handler)\n", secondsSince(t0),
                 handlerSeconds(*a.transport, "GET /v1/sync/pull") - pullHandler);
    std::tie(f.apply, f.decodeApply) = applyRate(dir, server.url(), tokenD);
    bench::stopServer(server);
    return f;
}

struct PouchFigures {
    double push = 0, pull = 0;
};

PouchFigures pouchRun(const std::string& url, int n) {
    PouchFigures f;
    sync::BeastTransportOptions options;
    options.timeout = std::chrono::milliseconds(120000);
    auto t = std::move(*sync::BeastTransport::create(url, options));
    const std::string db = "/bench_" + std::to_string(n);
    (void)t->send({"DELETE", db, {}, {}});
    (void)t->send({"PUT", db, {}, {}});
    std::vector<Json> docs;
    for (int i = 0; i < n; ++i) {
        Json d = complaintBody(i);
        d["_id"] = "doc-" + std::to_string(i);
        docs.push_back(std::move(d));
    }
    auto t0 = SteadyClock::now();
    for (int i = 0; i < n; i += 500) {
        Json batch{{"docs", Json::array()}};
        for (int j = i; j < std::min(n, i + 500); ++j)
            batch["docs"].push_back(docs[std::size_t(j)]);
        auto r = t->send({"POST", db + "/_bulk_docs", {{"content-type", "application/json"}}, batch.dump()});
        if (!r || r->status >= 300)
            std::fprintf(stderr, "pouchdb _bulk_docs failed\n");
    }
    f.push = n / secondsSince(t0);
    t0 = SteadyClock::now();
    std::string since = "0";
    int got = 0;
    while (true) {
        auto r = t->send({"GET", db + "/_changes?include_docs=true&limit=500&since=" + since, {}, {}});
        if (!r || r->status != 200)
            break;
        auto j = Json::parse(r->body);
        const auto& results = j["results"];
        got += int(results.size());
        since = j["last_seq"].is_string() ? j["last_seq"].get<std::string>() : j["last_seq"].dump();
        if (results.size() < 500)
            break;
    }
    f.pull = got / secondsSince(t0);
    (void)t->send({"DELETE", db, {}, {}});
    return f;
}

} // namespace

// PouchDB's own replication through pouchdb-server (bench/pouchdb/replicate.js).
PouchFigures pouchReplicate(const std::string& scriptDir, const std::string& url, int n) {
    std::string out;
    const int rc = bench::runCommand({"/usr/bin/env", "node", scriptDir + "/replicate.js", std::to_string(n), url}, &out);
    PouchFigures f;
    if (rc != 0) {
        std::fprintf(stderr, "pouchdb replication failed (exit %d)\n", rc);
        return f;
    }
    auto j = Json::parse(out, nullptr, false);
    if (j.is_object()) {
        f.push = j.value("push", 0.0);
        f.pull = j.value("pull", 0.0);
    }
    return f;
}

int main(int argc, char** argv) {
    std::string bin = "build/server/courtyard-server", pouch, replicateDir;
    std::vector<int> sizes{10000, 100000};
    bool postgres = false;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--postgres"))
            postgres = true;
        else if (!std::strcmp(argv[i], "--server-bin") && hasValue)
            bin = argv[++i];
        else if (!std::strcmp(argv[i], "--pouch") && hasValue)
            pouch = argv[++i];
        else if (!std::strcmp(argv[i], "--pouch-replicate") && hasValue)
            replicateDir = argv[++i];
        else if (!std::strcmp(argv[i], "--records") && hasValue) {
            sizes.clear();
            for (const char* p = argv[++i]; *p;) {
                sizes.push_back(std::atoi(p));
                while (*p && *p != ',')
                    ++p;
                if (*p == ',')
                    ++p;
            }
        }
    }
    bin = fs::absolute(bin).string();
    std::unique_ptr<bench::PostgresProcess> cluster;
    if (postgres) {
        cluster = std::make_unique<bench::PostgresProcess>();
        if (auto st = cluster->start(); !st) {
            std::fprintf(stderr, "PostgreSQL: %s\n", st.error().message.c_str());
            return 1;
        }
        std::printf("PostgreSQL: %s\n", cluster->describe().c_str());
    }
    auto row = [](const char* first, const char* what, double push, double pull) {
        const std::string a = push > 0 ? std::to_string(std::lround(push)) : "-";
        const std::string b = pull > 0 ? std::to_string(std::lround(pull)) : "-";
        std::printf("%-8s %-44s %14s %14s\n", first, what, a.c_str(), b.c_str());
    };
    auto ratio = [](const char* what, double push, double pull) {
        char a[32] = "-", b[32] = "-";
        if (push > 0)
            std::snprintf(a, sizeof a, "%.2fx", push);
        if (pull > 0)
            std::snprintf(b, sizeof b, "%.2fx", pull);
        std::printf("%-8s %-44s %14s %14s\n", "", what, a, b);
    };
    std::printf("%-8s %-44s %14s %14s\n", "records", "", "push (rec/s)", "pull (rec/s)");
    for (int n : sizes) {
        const auto dir = bench::makeTempDir("courtyard-bench");
        const double bare = rawSqlite(dir, n, RawSchema::Bare);
        const double schema = rawSqlite(dir, n, RawSchema::Server);
        const double deviceSchema = rawSqlite(dir, n, RawSchema::Device);
        const auto cy = courtyardRun(bin, {"--data", dir + "/server"}, dir, n);
        const std::string count = std::to_string(n);
        row(count.c_str(), "raw SQLite, bare (id, body) table", bare, 0);
        row("", "raw SQLite, the server's schema", schema, 0);
        row("", "raw SQLite, a device's schema", deviceSchema, 0);
        row("", "Courtyard capture on the device", cy.capture, 0);
        row("", "Courtyard over SQLite, devices over HTTP", cy.push, cy.pull);
        row("", "  the server serving pages (discarded)", 0, cy.serve);
        row("", "  a fresh device applying pages (no network)", 0, cy.apply);
        row("", "    ... decoding them from their text and applying", 0, cy.decodeApply);
        ratio("Courtyard over SQLite / raw (same schema)", cy.push / schema, cy.apply / deviceSchema);
        if (cluster) {
            const auto rawDb = cluster->createDatabase("raw_" + count);
            const auto serverDb = cluster->createDatabase("server_" + count);
            if (!rawDb || !serverDb) {
                std::fprintf(stderr, "PostgreSQL: cannot create the databases\n");
                return 1;
            }
            const double pgRaw = rawPostgres(*rawDb, n);
            const auto pgDir = dir + "/pg";
            fs::create_directories(pgDir);
            const auto pgc = courtyardRun(bin, {"--store", *serverDb}, pgDir, n);
            row("", "raw PostgreSQL, the server's schema", pgRaw, 0);
            row("", "Courtyard over PostgreSQL, devices over HTTP", pgc.push, pgc.pull);
            row("", "  the server serving pages (discarded)", 0, pgc.serve);
            row("", "  a fresh device applying pages (no network)", 0, pgc.apply);
            row("", "    ... decoding them from their text and applying", 0, pgc.decodeApply);
            ratio("Courtyard over PostgreSQL / raw PostgreSQL", pgRaw > 0 ? pgc.push / pgRaw : 0, 0);
            ratio("PostgreSQL / SQLite (Courtyard)", cy.push > 0 ? pgc.push / cy.push : 0,
                  cy.serve > 0 ? pgc.serve / cy.serve : 0);
        }
        if (!pouch.empty()) {
            const auto p = pouchRun(pouch, n);
            row("", "pouchdb-server _bulk_docs/_changes", p.push, p.pull);
            ratio("Courtyard (SQLite) / pouchdb raw endpoints", cy.push / p.push, cy.pull / p.pull);
            if (!replicateDir.empty()) {
                const auto r = pouchReplicate(replicateDir, pouch, n);
                row("", "PouchDB replication (the peer)", r.push, r.pull);
                if (r.push > 0 && r.pull > 0)
                    ratio("Courtyard (SQLite) / PouchDB replication", cy.push / r.push, cy.pull / r.pull);
            }
        }
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    return 0;
}
