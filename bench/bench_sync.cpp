// Sync throughput (issue 4), side by side in one run on this machine:
//   raw SQLite  — batched inserts of the same rows (500 per transaction, WAL, synchronous=FULL):
//                 the storage limit, once into a bare (id, body) table and once into
//                 Courtyard's own records table with its indexes;
//   Courtyard   — a device pushes N complaint-shaped records (~600 bytes of JSON each) to the
//                 real courtyard-server over HTTP; a second device pulls them;
//   pouchdb     — the same documents through pouchdb-server (if --pouch URL is given): written
//                 with _bulk_docs in batches of 500, read back with _changes?include_docs.
// Prints figures; asserts nothing.
#include "bench/bench_process.h"
#include "shared/store/database.h"
#include "shared/store/schema.h"
#include "sync/client/sign_in.h"
#include "sync/client/sync_engine.h"
#include "sync/device/beast_transport.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

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

double rawSqlite(const std::string& dir, int n, bool courtyardSchema) {
    const std::string path = dir + (courtyardSchema ? "/raw-schema.db" : "/raw-bare.db");
    auto db = std::move(*store::Database::open(path));
    if (courtyardSchema)
        (void)store::migrate(*db);
    else
        (void)db->exec("CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
    std::vector<std::pair<std::string, std::string>> rows;
    for (int i = 0; i < n; ++i) {
        Json b = complaintBody(i);
        b["id"] = "raw-" + std::to_string(i);
        rows.emplace_back(b["id"].get<std::string>(), b.dump());
    }
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

std::string enroll(const std::string& bin, const std::string& data, const char* name) {
    std::string out;
    bench::runCommand({bin, "device", "add", "--data", data, "--role", "manager", "--community", "cm-sunshine",
                       "--community", "cm-jadelake", "--name", name, "--json"},
                      &out);
    return Json::parse(out)["token"].get<std::string>();
}

struct CourtyardFigures {
    double capture = 0, push = 0, pull = 0;
};

CourtyardFigures courtyardRun(const std::string& bin, const std::string& dir, int n) {
    CourtyardFigures f;
    const std::string data = dir + "/server";
    bench::runCommand({bin, "init", "--data", data, "--demo"});
    const auto tokenA = enroll(bin, data, "bench A"), tokenB = enroll(bin, data, "bench B");
    auto server = bench::startServer(bin, data);
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
    if (auto m = a.transport->send({"GET", "/metrics", {}, {}})) {
        const std::string key = "courtyard_http_request_duration_seconds_sum{route=\"POST /v1/sync/push\"} ";
        if (auto pos = m->body.find(key); pos != std::string::npos)
            std::fprintf(stderr, "  (push: %.2f s on the wire, %.2f s inside the server's handler)\n", pushWall,
                         std::atof(m->body.c_str() + pos + key.size()));
    }
    t0 = SteadyClock::now();
    r = {};
    if (auto st = b.engine->pull(r); !st)
        std::fprintf(stderr, "pull failed: %s\n", st.error().message.c_str());
    f.pull = r.pulled / secondsSince(t0);
    if (r.pulled != n)
        std::fprintf(stderr, "warning: pulled %d of %d\n", r.pulled, n);
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
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--server-bin"))
            bin = argv[i + 1];
        else if (!std::strcmp(argv[i], "--pouch"))
            pouch = argv[i + 1];
        else if (!std::strcmp(argv[i], "--pouch-replicate"))
            replicateDir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--records")) {
            sizes.clear();
            for (const char* p = argv[i + 1]; *p;) {
                sizes.push_back(std::atoi(p));
                while (*p && *p != ',')
                    ++p;
                if (*p == ',')
                    ++p;
            }
        }
    }
    bin = fs::absolute(bin).string();
    std::printf("%-8s %-34s %14s %14s\n", "records", "", "push (rec/s)", "pull (rec/s)");
    for (int n : sizes) {
        const auto dir = bench::makeTempDir("courtyard-bench");
        const double bare = rawSqlite(dir, n, false);
        const double schema = rawSqlite(dir, n, true);
        const auto cy = courtyardRun(bin, dir, n);
        std::printf("%-8d %-34s %14.0f %14s\n", n, "raw SQLite, bare (id, body) table", bare, "-");
        std::printf("%-8s %-34s %14.0f %14s\n", "", "raw SQLite, Courtyard schema", schema, "-");
        std::printf("%-8s %-34s %14.0f %14s\n", "", "Courtyard capture on the device", cy.capture, "-");
        std::printf("%-8s %-34s %14.0f %14.0f\n", "", "Courtyard server over HTTP", cy.push, cy.pull);
        if (!pouch.empty()) {
            const auto p = pouchRun(pouch, n);
            std::printf("%-8s %-34s %14.0f %14.0f\n", "", "pouchdb-server _bulk_docs/_changes", p.push, p.pull);
            std::printf("%-8s %-34s %13.1fx %13.1fx\n", "", "Courtyard / pouchdb raw endpoints", cy.push / p.push,
                        cy.pull / p.pull);
            if (!replicateDir.empty()) {
                const auto r = pouchReplicate(replicateDir, pouch, n);
                std::printf("%-8s %-34s %14.0f %14.0f\n", "", "PouchDB replication (the peer)", r.push, r.pull);
                if (r.push > 0 && r.pull > 0)
                    std::printf("%-8s %-34s %13.1fx %13.1fx\n", "", "Courtyard / PouchDB replication", cy.push / r.push,
                                cy.pull / r.pull);
            }
        }
        std::printf("%-8s %-34s %13.2fx\n", "", "Courtyard push / raw (schema)", cy.push / schema);
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    return 0;
}
