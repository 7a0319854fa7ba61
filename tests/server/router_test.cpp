// Over 400 lines, knowingly: one data directory and the authorization matrix are set up once for
// every case below.
// The server's HTTP surface called directly (no sockets), over a real SQLite data directory
// loaded with the demo company: authentication, schema versions, exactly-once pushes, bad input
// of every kind answered with a clear 4xx that changes nothing, the authorization matrix of
// endpoints × roles × communities, clock-skew correction, escalation and attachments.
#include "server/demo/demo_company.h"
#include "server/http/router.h"
#include "server/service/scope.h"
#include "server/service/admin_service.h"
#include "server/storage/sqlite_storage.h"
#include "shared/store/database.h"
#include "shared/core/hash.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/proof.h"
#include "support/signed_device.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <functional>
#include <set>

using namespace courtyard;
using namespace courtyard::server;

namespace {

struct Fixture {
    QTemporaryDir dir;
    Instant now = *parseInstant("2026-03-05T02:00:00Z"); // Thursday 10:00 in Shanghai
    std::unique_ptr<SqliteStorage> storage;
    RulesCache rules;
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<BlobService> blobs;
    std::unique_ptr<EscalationService> escalations;
    std::unique_ptr<AuthService> auth;
    Metrics metrics;
    std::unique_ptr<ServerContext> ctx;
    std::map<std::string, NewDevice> devices;
    std::map<std::string, sync::Credential> credentials; // "<device>|<staff id>"

    Fixture() {
        storage = std::move(*SqliteStorage::open(dir.filePath("courtyard.db").toStdString()));
        Clock clock = [this] { return now; };
        sync = std::make_unique<SyncService>(*storage, rules, clock);
        blobs = std::make_unique<BlobService>(*storage, dir.filePath("blobs").toStdString(), clock, 1 << 20);
        escalations = std::make_unique<EscalationService>(*storage, rules, clock);
        auth = std::make_unique<AuthService>(*storage, rules, clock);
        ctx.reset(new ServerContext{*storage, *sync, *blobs, *escalations, *auth, metrics, clock});
        auto imported = importCompany(*storage, demoCompany(), clock, {1024, 1});
        if (!imported)
            qFatal("import failed: %s", imported.error().message.c_str());
        auto add = [&](const char* key, const char* role, std::vector<std::string> communities) {
            devices[key] = *addDevice(*storage, key, role, communities, clock);
        };
        add("staff-sun", "staff", {"cm-sunshine"});
        add("staff-jade", "staff", {"cm-jadelake"});
        add("sup-both", "supervisor", {"cm-sunshine", "cm-jadelake"});
        add("manager", "manager", {"cm-sunshine", "cm-jadelake"});
        add("dev-cs", "developer_cs", {"cm-sunshine"});
        add("kiosk-sun", "kiosk", {"cm-sunshine"});
        add("kiosk-jade", "kiosk", {"cm-jadelake"});
    }

    Response call(http::verb verb, const std::string& target, const std::string& body = {},
                  const std::string& device = "staff-sun", const char* schema = "2") {
        Request req{verb, target, 11};
        if (!device.empty())
            req.set(http::field::authorization, "Bearer " + (devices.count(device) ? devices[device].token : device));
        if (schema)
            req.set("X-Courtyard-Schema", schema);
        req.body() = body;
        req.prepare_payload();
        return handleRequest(req, *ctx);
    }

    // The person's credential on the device, from a real sign-in through the router (demo PINs);
    // nullopt when the server refuses it.
    std::optional<sync::Credential> credentialFor(const std::string& device, const std::string& staffId) {
        const std::string key = device + "|" + staffId;
        if (auto it = credentials.find(key); it != credentials.end())
            return it->second;
        if (staffId.rfind("s-", 0) != 0)
            return std::nullopt;
        const std::string number = staffId.substr(2);
        auto res = call(http::verb::post, "/v1/auth/sign-in",
                        Json{{"schema", 2}, {"staff_number", number}, {"pin", test::demoPin(number)}}.dump(), device);
        if (res.result_int() != 200)
            return std::nullopt;
        auto cred = test::credentialFrom(Json::parse(res.body()));
        if (cred)
            credentials[key] = *cred;
        return cred;
    }

    // Every operation that names a person carries that person's proof, as a real device's does
    // (none when the person cannot sign in on the device).
    Json signed_(const std::string& device, Json ops) {
        for (auto& o : ops) {
            const std::string actor = o.value("actor", std::string());
            if (actor.empty() || o.contains("proof"))
                continue;
            if (auto cred = credentialFor(device, actor))
                o = test::signedOperation(o, *cred);
        }
        return ops;
    }

    Json push(const std::string& device, const Json& ops, Instant deviceTime) {
        Json req{{"schema", 2}, {"device_time", formatInstant(deviceTime)}, {"ops", signed_(device, ops)}};
        auto res = call(http::verb::post, "/v1/sync/push", req.dump(), device);
        Json j = Json::parse(res.body(), nullptr, false);
        j["_status"] = res.result_int();
        return j;
    }

    Json pullAll(const std::string& device) {
        Json all = Json::array();
        std::string cursor;
        for (int i = 0; i < 100; ++i) {
            auto res = call(http::verb::get, "/v1/sync/pull?limit=200&cursor=" + cursor, {}, device);
            auto j = Json::parse(res.body());
            for (auto& c : j["changes"])
                all.push_back(c);
            cursor = j["cursor"].get<std::string>();
            if (!j["has_more"].get<bool>())
                break;
        }
        return all;
    }

    // Replaces the company policy (the keys given; the rest keep their defaults).
    void setPolicy(const Json& keys) {
        Json company = demoCompany();
        company["policy"] = keys;
        auto imported = importCompany(*storage, company, [this] { return now; }, {1024, 1});
        if (!imported)
            qFatal("policy import failed: %s", imported.error().message.c_str());
        rules.invalidate();
    }

    std::int64_t changeVersion() {
        std::int64_t v = 0;
        (void)storage->read([&](ReadUnit& u) -> Status {
            v = *u.maxVersion();
            return {};
        });
        return v;
    }

    // The audit lines of one record, oldest first.
    std::vector<AuditEntry> audit(const AuditQuery& q) {
        std::vector<AuditEntry> lines;
        auto st = storage->read([&](ReadUnit& u) -> Status {
            auto found = u.audit(q);
            if (!found)
                return found.error();
            lines = std::move(*found);
            return {};
        });
        if (!st)
            qFatal("reading the audit log failed: %s", st.error().message.c_str());
        return lines;
    }
    std::vector<AuditEntry> auditOf(const std::string& recordId) {
        AuditQuery q;
        q.recordId = recordId;
        return audit(q);
    }
};

Json createComplaint(std::int64_t seq, const std::string& id, const std::string& community, const std::string& actor,
                     Instant at, bool urgent = false) {
    return Json{{"seq", seq},
                {"kind", "create"},
                {"type", "complaint"},
                {"id", id},
                {"hlc", std::to_string(toEpochMs(at)) + ".0000.x"},
                {"at", formatInstant(at)},
                {"actor", actor},
                {"body",
                 {{"community_id", community},
                  {"channel", "phone"},
                  {"category", "repairs"},
                  {"content", "Corridor light out, building 1"},
                  {"urgent", urgent},
                  {"unit_id", community + "-b1-1-502"},
                  {"received_at", formatInstant(at)}}}};
}

const Instant kSomeTime = *parseInstant("2026-03-05T02:00:00Z");

std::string pushText(const std::string& opsText) {
    return R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[)" + opsText + "]}";
}

// A complaint (pushed by 1001 on the Sunshine staff tablet) with a photo attached: the record
// comes first, then its bytes — the server takes bytes only for what a record refers to.
Json complaintWithPhoto(std::int64_t seq, const std::string& id, const std::string& sha, std::size_t size, Instant at) {
    Json c = createComplaint(seq, id, "cm-sunshine", "s-1001", at);
    c["body"]["attachments"] = {{{"sha256", sha}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", size}}};
    return c;
}

} // namespace

class RouterTest : public QObject {
    Q_OBJECT
private slots:
    void healthAndMetrics() {
        Fixture f;
        auto res = f.call(http::verb::get, "/healthz", {}, "", nullptr);
        QCOMPARE(res.result_int(), 200);
        QCOMPARE(Json::parse(res.body())["status"], Json("ok"));
        res = f.call(http::verb::get, "/metrics", {}, "", nullptr);
        QCOMPARE(res.result_int(), 200);
        QVERIFY(res.body().find("courtyard_sync_operations_total{outcome=\"applied\"}") != std::string::npos);
        QVERIFY(res.body().find("courtyard_pending_escalations 0") != std::string::npos);
    }

    void requestsNeedATokenAndASchemaVersion_data() {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("no token") << "" << "2" << 401 << "unauthenticated";
        QTest::newRow("unknown token") << "cyt_madeup" << "2" << 401 << "unauthenticated";
        QTest::newRow("no schema header") << "staff-sun" << "" << 400 << "invalid_argument";
        QTest::newRow("a schema from the future") << "staff-sun" << "99" << 409 << "failed_precondition";
        QTest::newRow("a schema that is not a number") << "staff-sun" << "one" << 409 << "failed_precondition";
        QTest::newRow("schema 1: devices that cannot prove who acted") << "staff-sun" << "1" << 409 << "failed_precondition";
        QTest::newRow("all good") << "staff-sun" << "2" << 200 << "";
    }
    void requestsNeedATokenAndASchemaVersion() {
        QFETCH(QString, device);
        QFETCH(QString, schema);
        QFETCH(int, status);
        QFETCH(QString, code);
        Fixture f;
        const std::string s = schema.toStdString();
        auto res = f.call(http::verb::get, "/v1/whoami", {}, device.toStdString(), schema.isEmpty() ? nullptr : s.c_str());
        QCOMPARE(res.result_int(), status);
        if (!code.isEmpty())
            QCOMPARE(QString::fromStdString(Json::parse(res.body())["error"]["code"].get<std::string>()), code);
    }

    void aRevokedDeviceIsLockedOut() {
        Fixture f;
        QCOMPARE(f.call(http::verb::get, "/v1/whoami").result_int(), 200);
        QVERIFY(revokeDevice(*f.storage, f.devices["staff-sun"].id, [&] { return f.now; }));
        auto res = f.call(http::verb::get, "/v1/whoami");
        QCOMPARE(res.result_int(), 401);
        QVERIFY(res.body().find("revoked") != std::string::npos);
        QCOMPARE(Json::parse(res.body())["error"]["reason"], Json("device_revoked")); // the device erases itself
        QCOMPARE(f.call(http::verb::get, "/v1/sync/pull").result_int(), 401);
    }

    void aPushIsAppliedExactlyOnce() {
        Fixture f;
        const Json ops = Json::array({createComplaint(1, "c-1", "cm-sunshine", "s-1001", f.now)});
        auto first = f.push("staff-sun", ops, f.now);
        QCOMPARE(first["_status"], Json(200));
        QCOMPARE(first["results"][0]["status"], Json("applied"));
        QCOMPARE(first["last_seq"], Json(1));
        const auto version = f.changeVersion();
        // The response was lost; the device sends the same push again.
        auto second = f.push("staff-sun", ops, f.now);
        QCOMPARE(second["results"], first["results"]);
        QCOMPARE(f.changeVersion(), version);
        QCOMPARE(f.sync->counters().replayed.load(), 1);
        // The same sequence number for a different edit: a damaged device, refused as a whole.
        auto other = Json::array({createComplaint(1, "c-2", "cm-sunshine", "s-1001", f.now)});
        auto third = f.push("staff-sun", other, f.now);
        QCOMPARE(third["_status"], Json(409));
        QCOMPARE(third["error"]["code"], Json("conflict"));
        QCOMPARE(f.changeVersion(), version);
        // A gap in the sequence: the device lost operations.
        auto gap = f.push("staff-sun", Json::array({createComplaint(5, "c-5", "cm-sunshine", "s-1001", f.now)}), f.now);
        QCOMPARE(gap["_status"], Json(409));
        QVERIFY(gap["error"]["message"].get<std::string>().find("expected operation 2") != std::string::npos);
        QCOMPARE(f.changeVersion(), version);
    }

    // A record's history says who did what, when and on which device, and the audit line of
    // the operation repeats the entry: a create's entry with the device's clock corrected, and
    // a kiosk's submitter a resident.
    void aCreatesHistoryEntrySaysWhoWhenAndWhere() {
        Fixture f;
        const Instant deviceNow = f.now + std::chrono::hours{24}; // a day ahead: corrected
        const Json staffOp = createComplaint(1, "c-1", "cm-sunshine", "s-1001", deviceNow - std::chrono::minutes{30});
        QCOMPARE(f.push("staff-sun", Json::array({staffOp}), deviceNow)["results"][0]["status"], Json("applied"));
        Json kioskOp = createComplaint(1, "c-kiosk", "cm-sunshine", "", f.now);
        kioskOp["body"]["receipt_code"] = "K7M2-Q9XD";
        QCOMPARE(f.push("kiosk-sun", Json::array({kioskOp}), f.now)["results"][0]["status"], Json("applied"));
        std::string staffName;
        (void)f.storage->read([&](ReadUnit& u) -> Status {
            staffName = stringAt((*u.get("s-1001"))->body, "name");
            return {};
        });
        QVERIFY(!staffName.empty());
        struct Expected {
            std::string id, device, by, byName, role;
            Instant at;
        };
        for (const auto& e : {Expected{"c-1", "staff-sun", "s-1001", staffName, "staff", f.now - std::chrono::minutes{30}},
                              Expected{"c-kiosk", "kiosk-sun", "", "resident", "resident", f.now}}) {
            const std::string deviceId = f.devices[e.device].id;
            Json history, body;
            (void)f.storage->read([&](ReadUnit& u) -> Status {
                const auto rec = *u.get(e.id);
                history = Json::parse(rec->history);
                body = rec->body;
                return {};
            });
            const auto audit = f.auditOf(e.id);
            QCOMPARE(history.size(), std::size_t(1));
            const Json expected{{"op", deviceId + ":1"}, {"at", formatInstant(e.at)},  {"by", e.by},
                                {"by_name", e.byName},   {"role", e.role},          {"device", deviceId},
                                {"kind", "create"},      {"state", body["state"]}};
            QCOMPARE(history[0].dump(), expected.dump());
            QCOMPARE(audit.size(), std::size_t(1));
            QCOMPARE(audit[0].detail.dump(), expected.dump());
        }
    }

    // A push of hundreds of operations is prepared on a second thread, a slice at a time, while
    // its write unit applies what is ready (sync_service.cpp): each operation still sees the
    // ones before it in the same push, a refused one is refused in its place, a retry replays
    // every result, and a push refused as a whole (a changed edit, a gap) applies nothing.
    void aBigPushIsAppliedInOrderWhileItIsPrepared() {
        Fixture f;
        Json ops = Json::array();
        const int n = 300;
        const Instant base = f.now - Milliseconds{1000}; // every edit before the server's now
        for (int seq = 1; seq <= n; ++seq) {
            const std::string id = "c-big-" + std::to_string((seq + 1) / 2);
            if (seq % 2) { // a create, then an update of the record it created
                ops.push_back(createComplaint(seq, id, seq == 151 ? "cm-jadelake" : "cm-sunshine", "s-1001", base));
                continue;
            }
            const Instant at = base + Milliseconds{seq};
            ops.push_back(Json{{"seq", seq}, {"kind", "update"}, {"type", "complaint"}, {"id", id},
                               {"hlc", std::to_string(toEpochMs(at)) + ".0000.x"}, {"at", formatInstant(at)},
                               {"actor", "s-1001"}, {"fields", {{"content", "updated by operation " + std::to_string(seq)}}}});
        }
        const auto before = f.changeVersion();
        auto first = f.push("staff-sun", ops, f.now);
        QCOMPARE(first["_status"], Json(200));
        QCOMPARE(first["last_seq"], Json(n));
        QCOMPARE(first["results"].size(), std::size_t(n));
        std::int64_t lastVersion = before;
        for (int seq = 1; seq <= n; ++seq) {
            const Json& r = first["results"][std::size_t(seq - 1)];
            QCOMPARE(r["seq"], Json(seq));
            if (seq == 151 || seq == 152) { // a community this tablet does not serve, then its record
                QCOMPARE(r["status"], Json("rejected"));
                continue;
            }
            QVERIFY2(r["status"] == Json("applied"), r.dump().c_str());
            QVERIFY(r["version"].get<std::int64_t>() > lastVersion); // applied in sequence order
            lastVersion = r["version"].get<std::int64_t>();
        }
        QCOMPARE(f.changeVersion(), before + n - 2);
        // Every operation has its audit line, in sequence order and with its outcome: the write
        // unit writes them 64 at a time as it goes, the rest at the end.
        auto operationAudits = [&] {
            AuditQuery q;
            q.deviceId = f.devices["staff-sun"].id;
            q.limit = 10 * n;
            std::vector<AuditEntry> lines;
            for (auto& line : f.audit(q))
                if (line.kind == "create" || line.kind == "update")
                    lines.push_back(std::move(line));
            return lines;
        };
        const auto audits = operationAudits();
        QCOMPARE(audits.size(), std::size_t(n));
        for (int seq = 1; seq <= n; ++seq) {
            const AuditEntry& line = audits[std::size_t(seq - 1)];
            QCOMPARE(line.opSeq.value_or(0), std::int64_t(seq));
            QCOMPARE(line.recordId, "c-big-" + std::to_string((seq + 1) / 2));
            QCOMPARE(line.outcome, std::string(seq == 151 || seq == 152 ? "rejected" : "applied"));
        }
        (void)f.storage->read([&](ReadUnit& u) -> Status {
            for (int k : {1, 75, 150}) {
                auto rec = u.get("c-big-" + std::to_string(k));
                if (!rec || !*rec)
                    return internalError("c-big-" + std::to_string(k) + " is missing");
                // Prepared before it was written (the server's header), updated after.
                if (stringAt((*rec)->body, "origin_device") != f.devices["staff-sun"].id ||
                    stringAt((*rec)->body, "content") != "updated by operation " + std::to_string(2 * k))
                    return internalError("c-big-" + std::to_string(k) + " is not as pushed: " + (*rec)->body.dump());
            }
            auto refused = u.get("c-big-76");
            if (!refused || *refused)
                return internalError("the refused create was stored");
            return {};
        });
        QCOMPARE(f.changeVersion(), before + n - 2);
        // The answer was lost: the same push again gets the same results and changes nothing.
        auto again = f.push("staff-sun", ops, f.now);
        QCOMPARE(again["results"], first["results"]);
        QCOMPARE(f.changeVersion(), before + n - 2);
        // A retry with one edit changed deep inside it: refused as a whole.
        Json changed = ops;
        changed[249]["fields"]["content"] = "not what was sent"; // operation 250, an update
        auto refused = f.push("staff-sun", changed, f.now);
        QVERIFY2(refused["_status"] == Json(409), refused.dump().substr(0, 300).c_str());
        QVERIFY(refused["error"]["message"].get<std::string>().find("operation 250") != std::string::npos);
        // New operations that skip some: refused as a whole.
        Json gap = Json::array();
        for (int seq = n + 2; seq < n + 202; ++seq)
            gap.push_back(createComplaint(seq, "c-gap-" + std::to_string(seq), "cm-sunshine", "s-1001", f.now));
        auto skipped = f.push("staff-sun", gap, f.now);
        QCOMPARE(skipped["_status"], Json(409));
        QVERIFY(skipped["error"]["message"].get<std::string>().find("expected operation 301") != std::string::npos);
        QCOMPARE(f.changeVersion(), before + n - 2);
        // The replay and the refused pushes wrote no audit line.
        QCOMPARE(operationAudits().size(), std::size_t(n));
    }

    // WAL checkpoints run on the storage's own thread, beside the writer, not inside its commits
    // (sqlite_storage.cpp, "Checkpoints"). Only a checkpoint writes the database file itself
    // (a commit appends to the log), and the writer checkpoints by itself only past 16,000
    // pages of log: so after some 2,000 pages of pushes the file must grow while the server
    // runs, with nothing else touching it.
    void theLogIsCheckpointedBesideTheWriter() {
        Fixture f;
        const std::string path = f.dir.filePath("courtyard.db").toStdString();
        const auto before = std::filesystem::file_size(path);
        const std::string words(3000, 'x');
        std::int64_t seq = 0;
        for (int push = 0; push < 30; ++push) {
            Json ops = Json::array();
            for (int i = 0; i < 100; ++i) {
                ++seq;
                Json op = createComplaint(seq, "c-log-" + std::to_string(seq), "cm-sunshine", "s-1001", f.now);
                op["body"]["content"] = words;
                ops.push_back(std::move(op));
            }
            QCOMPARE(f.push("staff-sun", ops, f.now)["_status"], Json(200));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::file_size(path) > before + (4u << 20), 20000);
        QVERIFY(std::filesystem::file_size(path + "-wal") < (64u << 20));
    }

    // A record and its report facts are stored together or not at all. A failure after the
    // record's row is written (here a trigger refuses one complaint's facts) fails the whole
    // push: nothing of it is kept, the device keeps its operations, and the same push goes
    // through once the storage works again.
    void aRecordIsNeverStoredWithoutItsFacts() {
        Fixture f;
        const std::string path = f.dir.filePath("courtyard.db").toStdString();
        auto side = std::move(*store::Database::open(path));
        QVERIFY(side->exec("CREATE TRIGGER refuse_facts BEFORE INSERT ON fact_complaints WHEN NEW.id = 'c-2' "
                           "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"));
        const Json ops = Json::array({createComplaint(1, "c-1", "cm-sunshine", "s-1001", f.now),
                                      createComplaint(2, "c-2", "cm-sunshine", "s-1001", f.now),
                                      createComplaint(3, "c-3", "cm-sunshine", "s-1001", f.now)});
        const auto version = f.changeVersion();
        auto failed = f.push("staff-sun", ops, f.now);
        QCOMPARE(failed["_status"], Json(500));
        QCOMPARE(failed["error"]["code"], Json("internal"));
        QCOMPARE(f.changeVersion(), version);
        auto count = [&](const std::string& sql) {
            auto q = side->prepare(sql);
            return q && *q->step() ? q->int64(0) : -1;
        };
        QCOMPARE(count("SELECT count(*) FROM records WHERE id IN ('c-1', 'c-2', 'c-3')"), 0);
        QCOMPARE(count("SELECT count(*) FROM fact_complaints WHERE id IN ('c-1', 'c-2', 'c-3')"), 0);
        QCOMPARE(count("SELECT last_seq FROM devices WHERE id = '" + f.devices["staff-sun"].id + "'"), 0);
        QVERIFY(side->exec("DROP TRIGGER refuse_facts"));
        auto again = f.push("staff-sun", ops, f.now);
        QCOMPARE(again["_status"], Json(200));
        for (const auto& r : again["results"])
            QCOMPARE(r["status"], Json("applied"));
        QCOMPARE(count("SELECT count(*) FROM records WHERE id IN ('c-1', 'c-2', 'c-3')"), 3);
        QCOMPARE(count("SELECT count(*) FROM fact_complaints WHERE id IN ('c-1', 'c-2', 'c-3')"), 3);
    }

    void badInputGetsAClearErrorAndChangesNothing_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("malformed JSON") << QByteArray("{\"schema\":2,") << 400 << "JSON";
        QTest::newRow("not UTF-8") << QByteArray("{\"schema\":2,\"device_time\":\"\xff\xfe\",\"ops\":[]}") << 400 << "UTF-8";
        QTest::newRow("ops is not a list")
            << QByteArray(R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":{"seq":1}})") << 400 << "ops";
        QTest::newRow("no device time") << QByteArray(R"({"schema":2,"ops":[]})") << 400 << "device_time";
        QTest::newRow("no schema") << QByteArray(R"({"device_time":"2026-03-05T02:00:00Z","ops":[]})") << 400 << "schema";
        QTest::newRow("an old schema") << QByteArray(R"({"schema":0,"device_time":"2026-03-05T02:00:00Z","ops":[]})")
                                       << 409 << "schema";
        QTest::newRow("operations out of order")
            << QByteArray(QByteArray(R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[)") +
                          QByteArray::fromStdString(createComplaint(2, "a", "cm-sunshine", "s-1001", kSomeTime).dump()) + "," +
                          QByteArray::fromStdString(createComplaint(1, "b", "cm-sunshine", "s-1001", kSomeTime).dump()) + "]}")
            << 400 << "consecutive";
        QTest::newRow("a wrongly typed field in an operation")
            << QByteArray(R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[{"seq":"one","kind":"create"}]})")
            << 400 << "seq";
        // Strict decoding: every field in its documented format, integers that are integers.
        auto withOp = [](const std::function<void(Json&)>& edit) {
            Json op = createComplaint(1, "c-strict", "cm-sunshine", "s-1001", kSomeTime);
            edit(op);
            return QByteArray::fromStdString(pushText(op.dump()));
        };
        QTest::newRow("a sequence number with a fraction") << withOp([](Json& o) { o["seq"] = 1.5; }) << 400 << "seq: must be a whole number";
        QTest::newRow("a sequence number of 1e300") << withOp([](Json& o) { o["seq"] = 1e300; }) << 400 << "seq";
        QTest::newRow("a sequence number beyond 2^53") << withOp([](Json& o) { o["seq"] = (std::int64_t(1) << 53) + 1; }) << 400 << "seq";
        QTest::newRow("a sequence number beyond 64 bits") << withOp([](Json& o) { o["seq"] = UINT64_MAX; }) << 400 << "seq";
        QTest::newRow("a negative sequence number") << withOp([](Json& o) { o["seq"] = -1; }) << 400 << "seq";
        QTest::newRow("a clock stamp that is not one") << withOp([](Json& o) { o["hlc"] = "yesterday"; }) << 400 << "hlc";
        QTest::newRow("a clock stamp with a short wall clock") << withOp([](Json& o) { o["hlc"] = "1.0000.x"; }) << 400 << "hlc";
        QTest::newRow("a clock stamp naming no node") << withOp([](Json& o) { o["hlc"] = "1772676000000.0000."; }) << 400 << "hlc";
        QTest::newRow("a record id with a space") << withOp([](Json& o) { o["id"] = "c 1"; }) << 400 << "id:";
        QTest::newRow("a record id of 65 characters") << withOp([](Json& o) { o["id"] = std::string(65, 'a'); }) << 400 << "id:";
        QTest::newRow("a record type in capitals") << withOp([](Json& o) { o["type"] = "Complaint"; }) << 400 << "type:";
        QTest::newRow("an actor that is not an id") << withOp([](Json& o) { o["actor"] = "s-1001; DROP"; }) << 400 << "actor";
        QTest::newRow("a time that is not one") << withOp([](Json& o) { o["at"] = "yesterday"; }) << 400 << "at:";
        QTest::newRow("a text longer than 64 KiB")
            << withOp([](Json& o) { o["body"]["content"] = std::string(70000, 'x'); }) << 400 << "ops[0].body.content";
        QTest::newRow("an object with 1001 members") << withOp([](Json& o) {
            for (int i = 0; i < 1001; ++i)
                o["body"]["k" + std::to_string(i)] = i;
        }) << 400 << "members";
        QTest::newRow("a member that appears twice")
            << QByteArray(R"({"schema":2,"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[]})") << 400 << "twice";
        QTest::newRow("a number too large to hold")
            << QByteArray(R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[],"x":1e400})") << 400 << "x: a number out of range";
        QTest::newRow("a schema version beyond 32 bits")
            << QByteArray(R"({"schema":4294967297,"device_time":"2026-03-05T02:00:00Z","ops":[]})") << 409 << "schema";
        // The crash of issue 13: a value nested 100,000 deep (about 400 KB) in an update, in a
        // transition's parameters and in an appended item.
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        Json update{{"seq", 1}, {"kind", "update"}, {"type", "complaint"}, {"id", "c-1"},
                    {"at", formatInstant(kSomeTime)}, {"actor", "s-1001"}, {"fields", {{"content", "@DEEP@"}}}};
        auto nested = [&](Json op) {
            std::string text = op.dump();
            text.replace(text.find("\"@DEEP@\""), 8, deep);
            return QByteArray::fromStdString(pushText(text));
        };
        QTest::newRow("an update field nested 100000 deep") << nested(update) << 400 << "nested deeper than 64 levels";
        Json transition = update;
        transition.erase("fields");
        transition["kind"] = "transition";
        transition["action"] = "accept";
        transition["params"] = {{"reach", "@DEEP@"}};
        QTest::newRow("transition parameters nested 100000 deep") << nested(transition) << 400 << "ops[0].params.reach";
        Json append = update;
        append.erase("fields");
        append["kind"] = "append";
        append["list"] = "comments";
        append["item"] = "@DEEP@";
        QTest::newRow("an appended item nested 100000 deep") << nested(append) << 400 << "ops[0].item";
    }
    void badInputGetsAClearErrorAndChangesNothing() {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, mentions);
        Fixture f;
        const auto version = f.changeVersion();
        auto res = f.call(http::verb::post, "/v1/sync/push", body.toStdString());
        QCOMPARE(res.result_int(), status);
        auto j = Json::parse(res.body());
        QVERIFY(j["error"]["code"].is_string());
        QVERIFY2(j["error"]["message"].get<std::string>().find(mentions.toStdString()) != std::string::npos,
                 j["error"]["message"].get<std::string>().c_str());
        QCOMPARE(f.changeVersion(), version);
        // … and the server keeps serving.
        QCOMPARE(f.call(http::verb::get, "/v1/whoami").result_int(), 200);
    }

    void aNulInAQueryOrAnyBodyIsRefusedWithItsPlace() {
        Fixture f;
        auto message = [](const Response& r) { return Json::parse(r.body())["error"]["message"].get<std::string>(); };
        auto pull = f.call(http::verb::get, "/v1/sync/pull?cursor=%00");
        QCOMPARE(pull.result_int(), 400);
        QVERIFY2(message(pull).find("NUL") != std::string::npos, message(pull).c_str());
        auto report = f.call(http::verb::get, "/v1/reports/complaints?scope=community&id=cm-sunshine%00x");
        QCOMPARE(report.result_int(), 400);
        QVERIFY2(message(report).find("NUL") != std::string::npos, message(report).c_str());
        // Sign-in reads its body with the same reader as a push.
        auto signIn = f.call(http::verb::post, "/v1/auth/sign-in",
                             Json{{"schema", 2}, {"staff_number", std::string("1001\0", 5)}, {"pin", test::demoPin(std::string("1001"))}}
                                 .dump());
        QCOMPARE(signIn.result_int(), 400);
        QVERIFY2(message(signIn).rfind("staff_number: a text with a NUL", 0) == 0, message(signIn).c_str());
        auto notAnObject = f.call(http::verb::post, "/v1/auth/sign-in", "[2]");
        QCOMPARE(notAnObject.result_int(), 400);
        QVERIFY2(message(notAnObject).find("not a JSON object") != std::string::npos, message(notAnObject).c_str());
        // The person signs in as ever.
        QVERIFY(f.credentialFor("staff-sun", "s-1001"));
    }

    void tooManyOperationsInOnePush() {
        Fixture f;
        Json ops = Json::array();
        for (int i = 1; i <= 5001; ++i)
            ops.push_back(createComplaint(i, "c-" + std::to_string(i), "cm-sunshine", "s-1001", f.now));
        QCOMPARE(f.push("staff-sun", ops, f.now)["_status"], Json(413));
    }

    void refusedOperationsAreAnsweredOneByOne() {
        Fixture f;
        const auto version = f.changeVersion();
        Json unknownType = createComplaint(1, "x-1", "cm-sunshine", "s-1001", f.now);
        unknownType["type"] = "teleporter";
        Json otherCommunity = createComplaint(2, "x-2", "cm-jadelake", "s-1001", f.now);
        Json nobody = createComplaint(3, "x-3", "cm-sunshine", "", f.now);
        Json stranger = createComplaint(4, "x-4", "cm-sunshine", "s-0000", f.now);
        Json staffElsewhere = createComplaint(5, "x-5", "cm-sunshine", "s-1006", f.now); // serves Jade Lake only
        Json companyData{{"seq", 6}, {"kind", "create"}, {"type", "unit"}, {"id", "u-new"}, {"at", formatInstant(f.now)},
                         {"actor", "s-1001"}, {"body", {{"community_id", "cm-sunshine"}, {"building_id", "b"}, {"number", "9"}}}};
        Json badBody = createComplaint(7, "x-7", "cm-sunshine", "s-1001", f.now);
        badBody["body"]["category"] = "weather";
        auto r = f.push("staff-sun", Json::array({unknownType, otherCommunity, nobody, stranger, staffElsewhere,
                                                  companyData, badBody}),
                        f.now);
        QCOMPARE(r["_status"], Json(200));
        // A stranger and a person who does not serve this tablet's community cannot sign in on it,
        // so their operations carry no proof: unauthenticated.
        const char* expected[] = {"invalid_argument", "permission_denied", "unauthenticated", "unauthenticated",
                                  "unauthenticated", "permission_denied", "invalid_argument"};
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(r["results"][i]["status"], Json("rejected"));
            QCOMPARE(r["results"][i]["error"]["code"], Json(expected[i]));
        }
        QCOMPARE(r["last_seq"], Json(7)); // consumed: a retry gets the same answers
        QCOMPARE(f.changeVersion(), version);
    }

    void anOperationWithANulIsRejectedOnItsOwn() {
        // What a device queued before devices refused a NUL: that operation is rejected, naming
        // the field, and the rest of the push is applied, so the device's outbox moves on.
        Fixture f;
        const auto version = f.changeVersion();
        Json nulText = createComplaint(1, "n-1", "cm-sunshine", "s-1001", f.now);
        nulText["body"]["content"] = std::string("before\0after", 12);
        Json nulName = createComplaint(2, "n-2", "cm-sunshine", "s-1001", f.now);
        nulName["body"][std::string("note\0", 5)] = "x";
        Json fine = createComplaint(3, "n-3", "cm-sunshine", "s-1001", f.now);
        auto r = f.push("staff-sun", Json::array({nulText, nulName, fine}), f.now);
        QCOMPARE(r["_status"], Json(200));
        QCOMPARE(r["results"][0]["status"], Json("rejected"));
        QCOMPARE(r["results"][0]["error"]["code"], Json("invalid_argument"));
        QVERIFY2(r["results"][0]["error"]["message"].get<std::string>().rfind("content: a text may not hold a NUL", 0) == 0,
                 r.dump().c_str());
        QCOMPARE(r["results"][1]["status"], Json("rejected"));
        QVERIFY2(r["results"][1]["error"]["message"].get<std::string>().rfind("body: a text may not hold a NUL", 0) == 0,
                 r.dump().c_str());
        QCOMPARE(r["results"][2]["status"], Json("applied"));
        QCOMPARE(r["last_seq"], Json(3));
        auto stored = [&](const std::string& id) {
            bool found = false;
            auto st = f.storage->read([&](ReadUnit& u) -> Status {
                auto got = u.get(id);
                found = got && *got;
                return {};
            });
            return st && found;
        };
        QVERIFY(!stored("n-1"));
        QVERIFY(!stored("n-2"));
        QVERIFY(stored("n-3"));
        QVERIFY(f.changeVersion() > version);
        // The rejection is audited with the person its proof names.
        const auto audit = f.auditOf("n-1");
        QCOMPARE(audit.size(), std::size_t(1));
        QCOMPARE(audit[0].outcome, std::string("rejected"));
        QCOMPARE(audit[0].actor, std::string("s-1001"));
        QVERIFY(!audit[0].credentialId.empty());
        QCOMPARE(audit[0].errorCode, std::string("invalid_argument"));
    }

    void theAuthorizationMatrix_data() {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("community");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("createResult");  // create a complaint
        QTest::addColumn<QString>("acceptResult");  // decide it valid (supervisor+)
        QTest::addColumn<int>("blobGet");
        QTest::newRow("staff, own community") << "staff-sun" << "cm-sunshine" << "s-1001" << "applied" << "permission_denied" << 200;
        QTest::newRow("staff, other community") << "staff-sun" << "cm-jadelake" << "s-1001" << "permission_denied" << "" << 200;
        QTest::newRow("supervisor on a staff tablet acts as staff") << "staff-sun" << "cm-sunshine" << "s-2001" << "applied" << "permission_denied" << 200;
        QTest::newRow("supervisor tablet, supervisor") << "sup-both" << "cm-jadelake" << "s-2001" << "applied" << "applied" << 200;
        QTest::newRow("supervisor tablet, staff member") << "sup-both" << "cm-sunshine" << "s-1001" << "applied" << "permission_denied" << 200;
        QTest::newRow("manager tablet, GM") << "manager" << "cm-sunshine" << "s-3003" << "applied" << "applied" << 200;
        QTest::newRow("developer service files no complaints") << "dev-cs" << "cm-sunshine" << "s-4001" << "permission_denied" << "" << 403;
        QTest::newRow("kiosk, own community") << "kiosk-sun" << "cm-sunshine" << "" << "applied" << "permission_denied" << 403;
        QTest::newRow("kiosk, other community") << "kiosk-sun" << "cm-jadelake" << "" << "permission_denied" << "" << 403;
        QTest::newRow("kiosk naming a staff member") << "kiosk-sun" << "cm-sunshine" << "s-1001" << "permission_denied" << "" << 403;
    }
    void theAuthorizationMatrix() {
        QFETCH(QString, device);
        QFETCH(QString, community);
        QFETCH(QString, actor);
        QFETCH(QString, createResult);
        QFETCH(QString, acceptResult);
        QFETCH(int, blobGet);
        Fixture f;
        const std::string d = device.toStdString();
        auto r = f.push(d, Json::array({createComplaint(1, "c-1", community.toStdString(), actor.toStdString(), f.now)}), f.now);
        const auto& res = r["results"][0];
        QCOMPARE(QString::fromStdString(res.contains("error") ? res["error"]["code"].get<std::string>()
                                                              : res["status"].get<std::string>()),
                 createResult);
        if (!acceptResult.isEmpty()) {
            Json accept{{"seq", 2}, {"kind", "transition"}, {"type", "complaint"}, {"id", "c-1"},
                        {"at", formatInstant(f.now)}, {"actor", actor.toStdString()}, {"action", "accept"},
                        {"params", Json::object()}};
            auto a = f.push(d, Json::array({accept}), f.now)["results"][0];
            QCOMPARE(QString::fromStdString(a.contains("error") ? a["error"]["code"].get<std::string>()
                                                                : a["status"].get<std::string>()),
                     acceptResult);
        }
        // Attachments: a photo on a Sunshine complaint, downloaded by whoever may read that
        // complaint — staff devices of Sunshine; not a kiosk that did not file it, nor the
        // developer's service (the complaint is not referred to the developer).
        const std::string bytes = "photo-bytes";
        const std::string sha = sync::sha256Hex(bytes);
        QVERIFY(f.blobs->put(sha, 0, std::int64_t(bytes.size()), bytes, "image/jpeg"));
        QVERIFY(f.storage->write([&](WriteUnit& u) -> Status {
            store::StoredRecord photo;
            photo.id = "c-photo";
            photo.type = "complaint";
            photo.body = {{"id", "c-photo"}, {"community_id", "cm-sunshine"}, {"channel", "phone"},
                          {"category", "cleaning"}, {"content", "x"}, {"received_at", formatInstant(f.now)},
                          {"attachments", {{{"sha256", sha}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", 11}}}}};
            return u.put(photo).has_value() ? Status{} : Status{internalError("put")};
        }));
        QCOMPARE(f.call(http::verb::get, "/v1/blobs/" + sha, {}, d).result_int(), blobGet);
    }

    void aKioskSeesItsReceiptsAndNothingPrivate() {
        Fixture f;
        f.push("staff-sun", Json::array({createComplaint(1, "c-staff", "cm-sunshine", "s-1001", f.now)}), f.now);
        Json kiosk = createComplaint(1, "c-kiosk", "cm-sunshine", "", f.now);
        kiosk["body"]["receipt_code"] = "K7M2-Q9XD";
        kiosk["body"]["complainant"] = {{"name", "王女士"}, {"phone", "13800000000"}};
        f.push("kiosk-sun", Json::array({kiosk}), f.now);
        Json other = createComplaint(1, "c-kiosk-jade", "cm-jadelake", "", f.now);
        f.push("kiosk-jade", Json::array({other}), f.now);

        const Json seen = f.pullAll("kiosk-sun");
        std::set<std::string> types;
        for (const auto& c : seen) {
            types.insert(c["type"].get<std::string>());
            const std::string text = c.dump();
            QVERIFY2(c["type"] != Json("complaint"), "a kiosk received a complaint record");
            QVERIFY2(text.find("owner_phone") == std::string::npos, "a kiosk received an owner's phone");
            QVERIFY2(text.find("pin_hash") == std::string::npos, "a kiosk received a PIN hash");
            QVERIFY2(text.find("c-staff") == std::string::npos, "a kiosk received staff's complaint");
            QVERIFY2(text.find("c-kiosk-jade") == std::string::npos, "a kiosk received another kiosk's receipt");
            QVERIFY(c["record"].value("community_id", std::string("cm-sunshine")) != "cm-jadelake");
        }
        QVERIFY(types.count("receipt"));
        QVERIFY(types.count("unit"));
        QVERIFY(!types.count("staff"));
        for (const auto& c : seen)
            if (c["type"] == Json("receipt")) {
                QCOMPARE(c["id"], Json("c-kiosk"));
                QCOMPARE(c["record"]["receipt_code"], Json("K7M2-Q9XD"));
                QVERIFY(c.dump().find("13800000000") == std::string::npos);
                QVERIFY(c.dump().find("Corridor light") == std::string::npos);
            }
    }

    void theProjectionItselfRefusesAnotherDevicesSubmission() {
        // Second line of defence behind the change filter: even if a query let it through,
        // another device's complaint never leaves the server for a kiosk.
        DeviceRow kiosk;
        kiosk.id = "dev-k";
        kiosk.roleName = "kiosk";
        kiosk.role = domain::Role::Resident;
        kiosk.communityIds = {"cm-sunshine"};
        store::StoredRecord r;
        r.id = "c-1";
        r.type = "complaint";
        r.originDevice = "dev-other";
        r.body = {{"id", "c-1"}, {"community_id", "cm-sunshine"}, {"channel", "kiosk"}, {"category", "cleaning"},
                  {"content", "x"}, {"received_at", "2026-03-05T02:00:00Z"}, {"receipt_code", "AAAA-BBBB"}};
        QVERIFY(!projectChange(kiosk, r));
        r.originDevice = "dev-k";
        auto own = projectChange(kiosk, r);
        QVERIFY(own);
        QCOMPARE(own->type, std::string("receipt"));
        r.type = "transfer_sheet";
        QVERIFY(!projectChange(kiosk, r));
        QVERIFY(changeFilterFor(kiosk).originDevice == "dev-k");
    }

    void staffDevicesSeeTheirCommunitiesAndNoPinHashes() {
        Fixture f;
        f.push("staff-sun", Json::array({createComplaint(1, "c-sun", "cm-sunshine", "s-1001", f.now)}), f.now);
        f.push("staff-jade", Json::array({createComplaint(1, "c-jade", "cm-jadelake", "s-1001", f.now)}), f.now);
        const Json seen = f.pullAll("staff-jade");
        bool sawOwn = false;
        for (const auto& c : seen) {
            QVERIFY2(c["id"] != Json("c-sun"), "a Jade Lake tablet received a Sunshine complaint");
            sawOwn = sawOwn || c["id"] == Json("c-jade");
            if (c["type"] == Json("staff")) // PIN hashes stay on the server: a stolen tablet holds none
                QVERIFY2(!c["record"].contains("pin_hash"), c.dump().c_str());
            if (c["type"] == Json("unit"))
                QCOMPARE(c["record"]["community_id"], Json("cm-jadelake"));
        }
        QVERIFY(sawOwn);
    }

    void pullsPageInCommitOrder() {
        Fixture f;
        std::string cursor;
        std::int64_t last = 0;
        int total = 0;
        for (int page = 0; page < 50; ++page) {
            auto res = f.call(http::verb::get, "/v1/sync/pull?limit=50&cursor=" + cursor, {}, "staff-sun");
            auto j = Json::parse(res.body());
            for (const auto& c : j["changes"]) {
                QVERIFY(c["version"].get<std::int64_t>() > last);
                last = c["version"].get<std::int64_t>();
                ++total;
            }
            cursor = j["cursor"].get<std::string>();
            if (!j["has_more"].get<bool>())
                break;
        }
        QVERIFY(total > 150);
        // Nothing new: an empty page, the same cursor.
        auto j = Json::parse(f.call(http::verb::get, "/v1/sync/pull?cursor=" + cursor, {}, "staff-sun").body());
        QVERIFY(j["changes"].empty());
        QCOMPARE(j["cursor"].get<std::string>(), cursor);
        QCOMPARE(f.call(http::verb::get, "/v1/sync/pull?cursor=garbage", {}, "staff-sun").result_int(), 400);
        QCOMPARE(f.call(http::verb::get, "/v1/sync/pull?limit=many", {}, "staff-sun").result_int(), 400);
    }

    // A device in several communities: each page holds the earliest changes of all its scopes
    // together, in commit order, each once, however the scopes interleave.
    void aPageOverSeveralScopesHoldsTheirEarliestChangesOnce() {
        Fixture f;
        auto create = [&](const std::string& device, int seq, const std::string& id, const std::string& community) {
            const Json ops = Json::array({createComplaint(seq, id, community, "s-1001", f.now)});
            return f.push(device, ops, f.now)["results"][0]["status"];
        };
        for (int i = 0; i < 10; ++i) {
            const auto n = std::to_string(i);
            QCOMPARE(create("staff-sun", i + 1, "c-sun-" + n, "cm-sunshine"), Json("applied"));
            QCOMPARE(create("staff-jade", i + 1, "c-jade-" + n, "cm-jadelake"), Json("applied"));
        }
        std::vector<std::string> paged;
        std::set<std::string> complaints;
        std::string cursor;
        std::int64_t last = 0;
        for (int page = 0; page < 100; ++page) {
            auto res = f.call(http::verb::get, "/v1/sync/pull?limit=7&cursor=" + cursor, {},
                              "manager");
            QCOMPARE(res.result_int(), 200);
            auto j = Json::parse(res.body());
            QVERIFY(j["changes"].size() <= 7);
            for (const auto& c : j["changes"]) {
                QVERIFY(c["version"].get<std::int64_t>() > last);
                last = c["version"].get<std::int64_t>();
                paged.push_back(c["id"].get<std::string>());
                if (c["type"] == Json("complaint"))
                    complaints.insert(c["id"].get<std::string>());
            }
            cursor = j["cursor"].get<std::string>();
            if (!j["has_more"].get<bool>())
                break;
        }
        QCOMPARE(complaints.size(), std::size_t(20));
        // The same changes as one large page.
        auto whole =
            Json::parse(f.call(http::verb::get, "/v1/sync/pull?limit=1000", {}, "manager").body());
        QVERIFY(!whole["has_more"].get<bool>());
        std::vector<std::string> once;
        for (const auto& c : whole["changes"])
            once.push_back(c["id"].get<std::string>());
        QCOMPARE(paged, once);
    }

    void aDeviceClockADayOffIsCorrected_data() {
        QTest::addColumn<int>("offsetHours");
        QTest::newRow("a day ahead") << 24;
        QTest::newRow("a day behind") << -24;
        QTest::newRow("a minute off: within the bound, kept as is") << 0;
    }
    void aDeviceClockADayOffIsCorrected() {
        QFETCH(int, offsetHours);
        Fixture f;
        const Instant deviceNow = f.now + std::chrono::hours{offsetHours} + std::chrono::minutes{offsetHours ? 0 : 1};
        // Taken 30 minutes ago by the device's clock, urgent: due 2 hours after that.
        const Instant taken = deviceNow - std::chrono::minutes{30};
        auto r = f.push("staff-sun", Json::array({createComplaint(1, "c-1", "cm-sunshine", "s-1001", taken, true)}), deviceNow);
        QCOMPARE(r["results"][0]["status"], Json("applied"));
        Json rec;
        (void)f.storage->read([&](ReadUnit& u) -> Status {
            rec = (*u.get("c-1"))->body;
            return {};
        });
        const Instant received = *parseInstant(rec["received_at"].get<std::string>());
        const Instant expected = offsetHours ? f.now - std::chrono::minutes{30} : taken;
        QCOMPARE(formatInstant(received), formatInstant(expected));
        QCOMPARE(rec["reply_due"]["due_at"].get<std::string>(), formatInstant(received + std::chrono::hours{2}));
        QVERIFY(*parseInstant(rec["created_at"].get<std::string>()) <= f.now);
    }

    void oneSurveyAnswerPerHousehold() {
        Fixture f;
        Json campaign{{"seq", 1}, {"kind", "create"}, {"type", "survey_campaign"}, {"id", "sc-1"},
                      {"at", formatInstant(f.now)}, {"actor", "s-2001"},
                      {"body", {{"community_id", "cm-sunshine"}, {"kind", "special"}, {"method", "kiosk"},
                                {"title", "Lobby survey"}, {"categories", {"cleaning", "security"}},
                                {"period_start", "2026-03-01T00:00:00Z"}, {"period_end", "2026-03-31T00:00:00Z"},
                                {"quota", 10}, {"sample", {{{"unit_id", "cm-sunshine-b1-1-101"}}}}}}};
        Json open{{"seq", 2}, {"kind", "transition"}, {"type", "survey_campaign"}, {"id", "sc-1"},
                  {"at", formatInstant(f.now)}, {"actor", "s-2001"}, {"action", "open"}};
        auto r = f.push("sup-both", Json::array({campaign, open}), f.now);
        QCOMPARE(r["results"][1]["status"], Json("applied"));
        auto answer = [&](std::int64_t seq, const std::string& id) {
            return Json{{"seq", seq}, {"kind", "create"}, {"type", "survey_response"}, {"id", id},
                        {"at", formatInstant(f.now)},
                        {"body", {{"community_id", "cm-sunshine"}, {"campaign_id", "sc-1"},
                                  {"unit_id", "cm-sunshine-b1-1-101"}, {"scores", {{"cleaning", 5}}},
                                  {"answered_at", formatInstant(f.now)}}}};
        };
        r = f.push("kiosk-sun", Json::array({answer(1, "r-1"), answer(2, "r-2")}), f.now);
        QCOMPARE(r["results"][0]["status"], Json("applied"));
        QCOMPARE(r["results"][1]["error"]["code"], Json("already_exists"));
        // Another community's kiosk cannot answer it at all.
        Json elsewhere = answer(1, "r-3");
        elsewhere["body"]["community_id"] = "cm-jadelake";
        r = f.push("kiosk-jade", Json::array({elsewhere}), f.now);
        QCOMPARE(r["results"][0]["status"], Json("rejected"));
    }

    void overdueComplaintsClimbTheLadder() {
        Fixture f;
        f.push("staff-sun", Json::array({createComplaint(1, "c-1", "cm-sunshine", "s-1001", f.now, true)}), f.now);
        QCOMPARE(*f.escalations->runOnce(), 0);
        f.now += std::chrono::hours{3}; // an hour overdue
        QCOMPARE(*f.escalations->pendingCount(), std::int64_t(1));
        QCOMPARE(*f.escalations->runOnce(), 1);
        QCOMPARE(*f.escalations->runOnce(), 0); // idempotent
        Json rec;
        (void)f.storage->read([&](ReadUnit& u) -> Status {
            rec = (*u.get("c-1"))->body;
            return {};
        });
        QCOMPARE(rec["escalation"]["level"], Json(1));
        QCOMPARE(rec["escalation"]["notify"], Json("department_head"));
        f.now += std::chrono::hours{24};
        QCOMPARE(*f.escalations->runOnce(), 1);
        (void)f.storage->read([&](ReadUnit& u) -> Status {
            rec = (*u.get("c-1"))->body;
            return {};
        });
        QCOMPARE(rec["escalation"]["notify"], Json("deputy_gm"));
        auto metrics = f.call(http::verb::get, "/metrics", {}, "", nullptr).body();
        QVERIFY(metrics.find("courtyard_pending_escalations 1") != std::string::npos);
    }

    void attachmentsUploadInResumableChunks() {
        Fixture f;
        std::string bytes(300000, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) % 251);
        const std::string sha = sync::sha256Hex(bytes);
        const std::string base = "/v1/blobs/" + sha;
        // Bytes nobody's record refers to are not taken.
        QCOMPARE(f.call(http::verb::put, base + "?offset=0&total=300000", bytes.substr(0, 1000)).result_int(), 403);
        QCOMPARE(f.push("staff-sun", Json::array({complaintWithPhoto(1, "c-photo", sha, bytes.size(), f.now)}),
                        f.now)["results"][0]["status"],
                 Json("applied"));
        QCOMPARE(f.call(http::verb::head, base).result_int(), 404);
        auto put = [&](std::size_t off, std::size_t n) {
            return f.call(http::verb::put, base + "?offset=" + std::to_string(off) + "&total=" + std::to_string(bytes.size()),
                          bytes.substr(off, n));
        };
        QCOMPARE(put(0, 100000).result_int(), 200);
        auto head = f.call(http::verb::head, base);
        QCOMPARE(head.result_int(), 200);
        QCOMPARE(std::string(head["Upload-Offset"]), std::string("100000"));
        QCOMPARE(std::string(head["X-Blob-Complete"]), std::string("0"));
        // Resending from the wrong place: told where to continue.
        auto wrong = put(50000, 1000);
        QCOMPARE(wrong.result_int(), 409);
        QCOMPARE(Json::parse(wrong.body())["offset"], Json(100000));
        QCOMPARE(put(100000, 200000).result_int(), 200);
        head = f.call(http::verb::head, base);
        QCOMPARE(std::string(head["X-Blob-Complete"]), std::string("1"));
        QCOMPARE(put(0, 10).result_int(), 200); // complete: idempotent
        auto got = f.call(http::verb::get, base);
        QCOMPARE(got.result_int(), 200);
        QVERIFY(got.body() == bytes);
    }

    void bytesThatDoNotMatchTheirHashAreNotKept() {
        Fixture f;
        const std::string claimed = sync::sha256Hex("the real photo");
        f.push("staff-sun", Json::array({complaintWithPhoto(1, "c-photo", claimed, 14, f.now)}), f.now);
        auto res = f.call(http::verb::put, "/v1/blobs/" + claimed + "?offset=0&total=9", "tampered!");
        QCOMPARE(res.result_int(), 400);
        QVERIFY(res.body().find("hash") != std::string::npos);
        QCOMPARE(f.call(http::verb::head, "/v1/blobs/" + claimed).result_int(), 404);
        QCOMPARE(f.call(http::verb::put, "/v1/blobs/not-a-hash?offset=0&total=1", "x").result_int(), 400);
        QCOMPARE(f.call(http::verb::put, "/v1/blobs/" + claimed + "?offset=0&total=99999999", "x").result_int(), 413);
        QCOMPARE(f.call(http::verb::put, "/v1/blobs/" + claimed + "?offset=0", "x").result_int(), 400);
    }

    void unknownEndpointsAndMethods() {
        Fixture f;
        QCOMPARE(f.call(http::verb::get, "/v2/everything").result_int(), 404);
        QCOMPARE(f.call(http::verb::get, "/v1/sync/everything").result_int(), 404);
        QCOMPARE(f.call(http::verb::delete_, "/v1/sync/push").result_int(), 405);
        QCOMPARE(f.call(http::verb::get, "/v1/sync/push").result_int(), 405);
    }

    void bodyLimitsDependOnTheRoute() {
        QVERIFY(bodyLimitFor(http::verb::post, "/v1/sync/push") >= (8u << 20));
        QVERIFY(bodyLimitFor(http::verb::put, "/v1/blobs/abc?offset=0") >= (1u << 20));
        QVERIFY(bodyLimitFor(http::verb::get, "/v1/sync/pull") <= 64 * 1024);
        QCOMPARE(QString::fromStdString(routeName(http::verb::put, "/v1/blobs/abc?x")), QString("PUT /v1/blobs/:sha"));
    }

    // Regression (issue 13): the same sequence number and clock with a different payload was
    // answered "applied" while nothing was applied.
    void aReusedSequenceNumberWithAnotherEditIsRefusedAsAWhole() {
        Fixture f;
        Json op = createComplaint(1, "c-1", "cm-sunshine", "s-1001", f.now);
        op["body"]["content"] = "Lift stuck on floor 3";
        auto first = f.push("staff-sun", Json::array({op}), f.now);
        QCOMPARE(first["results"][0]["status"], Json("applied"));
        const auto version = f.changeVersion();
        Json changed = op;
        changed["body"]["content"] = "Lift stuck on floor 4"; // same seq, same hlc
        auto second = f.push("staff-sun", Json::array({changed, createComplaint(2, "c-2", "cm-sunshine", "s-1001", f.now)}),
                             f.now);
        QCOMPARE(second["_status"], Json(409));
        QCOMPARE(second["error"]["code"], Json("conflict"));
        QVERIFY(second["error"]["message"].get<std::string>().find("operation 1") != std::string::npos);
        QCOMPARE(f.changeVersion(), version); // operation 2 was not applied either
        Json rec;
        bool secondStored = true;
        (void)f.storage->read([&](ReadUnit& u) -> Status {
            rec = (*u.get("c-1"))->body;
            secondStored = u.get("c-2")->has_value();
            return {};
        });
        QCOMPARE(rec["content"], Json("Lift stuck on floor 3"));
        QVERIFY(!secondStored);
        // The genuine retry still gets its stored answer.
        auto retry = f.push("staff-sun", Json::array({op}), f.now);
        QCOMPARE(retry["_status"], Json(200));
        QCOMPARE(retry["results"], first["results"]);
    }

    // Pushes stored by a server from before full digests kept only id, kind, type and clock:
    // a device retrying one of those after the upgrade still gets its stored answer.
    void aPushStoredBeforeFullDigestsIsStillRecognised() {
        Fixture f;
        Json op = createComplaint(1, "c-1", "cm-sunshine", "s-1001", f.now);
        QCOMPARE(f.push("staff-sun", Json::array({op}), f.now)["results"][0]["status"], Json("applied"));
        const std::string legacy = toHex64(fnv1a64("c-1|create|complaint|" + op["hlc"].get<std::string>() + "|"));
        const Json stored = Json::array({Json{{"digest", legacy}, {"result", {{"seq", 1}, {"status", "applied"}, {"version", 7}}}}});
        QVERIFY(f.storage->write([&](WriteUnit& u) { return u.putOpBatch(f.devices["staff-sun"].id, 1, 1, stored.dump()); }));
        auto retry = f.push("staff-sun", Json::array({op}), f.now);
        QVERIFY2(retry["_status"] == Json(200), retry.dump().c_str());
        QCOMPARE(retry["results"][0]["version"], Json(7));
    }

    void pullPagesHoldOneToAThousandChanges_data() {
        QTest::addColumn<QString>("limit");
        QTest::addColumn<int>("status");
        QTest::newRow("none") << "0" << 400;
        QTest::newRow("one") << "1" << 200;
        QTest::newRow("a thousand") << "1000" << 200;
        QTest::newRow("a thousand and one") << "1001" << 400;
        QTest::newRow("negative") << "-5" << 400;
        QTest::newRow("beyond 64 bits") << "99999999999999999999" << 400;
    }
    void pullPagesHoldOneToAThousandChanges() {
        QFETCH(QString, limit);
        QFETCH(int, status);
        Fixture f;
        QCOMPARE(f.call(http::verb::get, "/v1/sync/pull?limit=" + limit.toStdString()).result_int(), status);
    }

    void blobOffsetsThatWouldOverflowAreRefused() {
        Fixture f;
        const std::string sha = sync::sha256Hex("x");
        f.push("staff-sun", Json::array({complaintWithPhoto(1, "c-photo", sha, 1, f.now)}), f.now);
        for (const char* q : {"?offset=9223372036854775807&total=10", "?offset=-1&total=10", "?offset=11&total=10",
                              "?offset=0&total=-9223372036854775807"}) {
            auto res = f.call(http::verb::put, "/v1/blobs/" + sha + q, "x");
            QVERIFY2(res.result_int() == 400, q);
        }
        QCOMPARE(f.call(http::verb::head, "/v1/blobs/" + sha).result_int(), 404);
    }

    // Before a large body is read, the headers alone decide whether it is wanted at all.
    void aLargeBodyIsReadOnlyForAnAuthenticatedRequest() {
        Fixture f;
        auto header = [&](const std::string& target, const std::string& token) {
            Request req{http::verb::post, target, 11};
            if (!token.empty())
                req.set(http::field::authorization, "Bearer " + token);
            req.set("X-Courtyard-Schema", "2");
            return req;
        };
        const std::string token = f.devices["staff-sun"].token;
        QVERIFY(!refuseBeforeBody(header("/v1/sync/push", token), *f.ctx));
        QCOMPARE(refuseBeforeBody(header("/v1/sync/push", ""), *f.ctx)->result_int(), 401);
        QCOMPARE(refuseBeforeBody(header("/v1/sync/push", "cyt_madeup"), *f.ctx)->result_int(), 401);
        QCOMPARE(refuseBeforeBody(header("/v1/nothing", token), *f.ctx)->result_int(), 404);
    }

    // The kiosk guard counts arrivals by the server's clock: per flat, per kiosk, and
    // submissions naming no flat together, so leaving the flat out or back-dating escapes nothing.
    void kioskSubmissionsAreThrottledByTheServersClock() {
        Fixture f;
        std::int64_t seq = 0;
        // The next operation of the kiosk, a new complaint "k-<seq>".
        auto submit = [&](const std::string& unit, Instant receivedAt) {
            ++seq;
            Json op = createComplaint(seq, "k-" + std::to_string(seq), "cm-sunshine", "", receivedAt);
            op["body"]["channel"] = "kiosk";
            if (unit.empty())
                op["body"].erase("unit_id");
            else
                op["body"]["unit_id"] = unit;
            auto r = f.push("kiosk-sun", Json::array({op}), f.now);
            return r["results"][0].contains("error") ? r["results"][0]["error"]["code"].get<std::string>()
                                                     : r["results"][0]["status"].get<std::string>();
        };
        // Five from one flat, each claiming to be a day older than the last: the sixth is refused.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(submit("cm-sunshine-b1-1-101", f.now - std::chrono::hours{24 * i}),
                     std::string("applied"));
        QCOMPARE(submit("cm-sunshine-b1-1-101", f.now - std::chrono::hours{200}),
                 std::string("resource_exhausted"));
        // No flat named: counted together.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(submit("", f.now), std::string("applied"));
        QCOMPARE(submit("", f.now), std::string("resource_exhausted"));
        // An hour later by the server's clock, the flat may write again.
        f.now += std::chrono::minutes{61};
        QCOMPARE(submit("cm-sunshine-b1-1-101", f.now), std::string("applied"));
        // Per kiosk: 30 an hour whatever flats they name.
        int applied = 0;
        for (int i = 0; i < 40; ++i)
            applied += submit("cm-sunshine-b1-2-" + std::to_string(100 + i), f.now) ==
                       "applied";
        QCOMPARE(applied, 30 - 1);
    }

    void fairUseLimitsPushesPullsAndAttachmentBytesPerDevice() {
        Fixture f;
        const std::string staffPolicy = R"({"device_pushes_per_minute": 3, "device_pulls_per_minute": 2,
                                             "device_blob_mib_per_minute": 1})";
        f.setPolicy(Json::parse(staffPolicy));
        // A complaint with two photos first (the server takes bytes only for what a record
        // refers to); it is the first of three pushes this minute.
        const std::string photoP(700000, 'p'), photoQ(700000, 'q');
        Json withPhotos = complaintWithPhoto(1, "c-1", sync::sha256Hex(photoP), photoP.size(), f.now);
        withPhotos["body"]["attachments"].push_back(
            {{"sha256", sync::sha256Hex(photoQ)}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", photoQ.size()}});
        QCOMPARE(f.push("staff-sun", Json::array({withPhotos}), f.now)["results"][0]["status"], Json("applied"));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(f.call(http::verb::get, "/v1/sync/pull").result_int(), 200);
        auto refused = f.call(http::verb::get, "/v1/sync/pull");
        QCOMPARE(refused.result_int(), 429);
        QCOMPARE(Json::parse(refused.body())["error"]["code"], Json("resource_exhausted"));
        QCOMPARE(std::string(refused[http::field::retry_after]), std::string("30")); // one pull refills in 30 s
        // Another device is not affected; the same device is, for other kinds only by their own.
        QCOMPARE(f.call(http::verb::get, "/v1/sync/pull", {}, "staff-jade").result_int(), 200);
        for (int i = 2; i <= 3; ++i)
            QCOMPARE(f.push("staff-sun", Json::array({createComplaint(i, "c-" + std::to_string(i), "cm-sunshine", "s-1001", f.now)}),
                            f.now)["_status"],
                     Json(200));
        QCOMPARE(f.push("staff-sun", Json::array({createComplaint(4, "c-4", "cm-sunshine", "s-1001", f.now)}), f.now)["_status"],
                 Json(429));
        f.now += std::chrono::seconds{30};
        QCOMPARE(f.call(http::verb::get, "/v1/sync/pull").result_int(), 200);
        // Attachment bytes: a MiB a minute.
        auto put = [&](char fill) {
            const std::string& bytes = fill == 'p' ? photoP : photoQ;
            return f.call(http::verb::put, "/v1/blobs/" + sync::sha256Hex(bytes) + "?offset=0&total=700000", bytes);
        };
        QCOMPARE(put('p').result_int(), 200);
        auto slow = put('q');
        QCOMPARE(slow.result_int(), 429);
        QVERIFY(std::stoi(std::string(slow[http::field::retry_after])) >= 1);
        f.now += std::chrono::seconds{60};
        QCOMPARE(put('q').result_int(), 200);
    }

    // The rules cache is consulted only for communities the device serves, and is bounded.
    void madeUpCommunitiesCostNoRulesCacheEntries() {
        Fixture f;
        const auto before = f.rules.size();
        Json ops = Json::array();
        for (int i = 1; i <= 2000; ++i)
            ops.push_back(createComplaint(i, "c-" + std::to_string(i), "cm-made-up-" + std::to_string(i), "s-1001", f.now));
        auto r = f.push("staff-sun", ops, f.now);
        QCOMPARE(r["_status"], Json(200));
        QCOMPARE(r["results"][1999]["error"]["code"], Json("permission_denied"));
        QVERIFY(f.rules.size() <= before + 2); // the company's and cm-sunshine's at most
        RulesCache small(std::chrono::seconds{60}, 3);
        (void)f.storage->read([&](ReadUnit& u) -> Status {
            for (int i = 0; i < 50; ++i)
                (void)small.get(u, "cm-" + std::to_string(i), f.now);
            return {};
        });
        QCOMPARE(small.size(), std::size_t(3));
    }

    void unfinishedUploadsHaveAQuotaAndAreRemovedWhenAbandoned() {
        Fixture f;
        f.setPolicy(Json{{"device_pending_upload_mib", 1}});
        // Records refer to the attachments first: a, b and c on Sunshine's tablet, b on Jade Lake's.
        Json sun = complaintWithPhoto(1, "c-1", sync::sha256Hex(std::string(600000, 'a')), 600000, f.now);
        for (char c : {'b', 'c'})
            sun["body"]["attachments"].push_back({{"sha256", sync::sha256Hex(std::string(600000, c))},
                                                  {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", 600000}});
        QCOMPARE(f.push("staff-sun", Json::array({sun}), f.now)["results"][0]["status"], Json("applied"));
        Json jade = createComplaint(1, "c-jade", "cm-jadelake", "s-1001", f.now);
        jade["body"]["attachments"] = {{{"sha256", sync::sha256Hex(std::string(600000, 'b'))}, {"kind", "photo"},
                                        {"mime", "image/jpeg"}, {"size", 600000}}};
        QCOMPARE(f.push("staff-jade", Json::array({jade}), f.now)["results"][0]["status"], Json("applied"));
        auto start = [&](const std::string& content, std::size_t total, const std::string& device = "staff-sun") {
            return f.call(http::verb::put,
                          "/v1/blobs/" + sync::sha256Hex(content) + "?offset=0&total=" + std::to_string(total),
                          content.substr(0, 1000), device);
        };
        QCOMPARE(start(std::string(600000, 'a'), 600000).result_int(), 200);
        auto over = start(std::string(600000, 'b'), 600000);
        QCOMPARE(over.result_int(), 429); // 1.2 MB started and unfinished: over the 1 MiB quota
        QVERIFY(std::string(over[http::field::retry_after]).size() > 0);
        QCOMPARE(start(std::string(600000, 'b'), 600000, "staff-jade").result_int(), 200); // per device
        // Left untouched for longer than the policy's hours: removed, and HEAD says so.
        const std::string sha = sync::sha256Hex(std::string(600000, 'a'));
        const auto part = f.dir.filePath(QString::fromStdString("blobs/" + sha.substr(0, 2) + "/" + sha + ".part")).toStdString();
        QVERIFY(std::filesystem::exists(part));
        std::filesystem::last_write_time(part, std::chrono::file_clock::from_sys(f.now - std::chrono::hours{25}));
        QCOMPARE(f.blobs->removeAbandoned(f.now, std::chrono::hours{24}), std::int64_t(1));
        QVERIFY(!std::filesystem::exists(part));
        QCOMPARE(f.call(http::verb::head, "/v1/blobs/" + sha).result_int(), 404);
        QCOMPARE(f.blobs->removeAbandoned(f.now, std::chrono::hours{24}), std::int64_t(0)); // the other one is fresh
        // The quota has room again.
        QCOMPARE(start(std::string(600000, 'c'), 600000).result_int(), 200);
    }

    // The cursor carries the database's identity: a cursor of another database (a restore) or
    // one beyond every change this database has starts again from the beginning.
    void aCursorFromAnotherDatabaseStartsAgain() {
        Fixture f;
        const Json all = f.pullAll("staff-sun");
        auto page = [&](const std::string& cursor) {
            return Json::parse(f.call(http::verb::get, "/v1/sync/pull?limit=1000&cursor=" + cursor).body());
        };
        const Json last = page("");
        const std::string cursor = last["cursor"].get<std::string>();
        QCOMPARE(last["database"], Json(f.storage->identity().id));
        QCOMPARE(cursor.substr(cursor.rfind('.') + 1), f.storage->identity().id);
        QVERIFY(page(cursor)["changes"].empty());
        const std::string head = cursor.substr(0, cursor.rfind('.'));
        QCOMPARE(page(head + ".0123456789abcdef0123456789abcdef")["changes"].size(), all.size());
        QVERIFY(page(head)["changes"].empty()); // from before identities: this database was never restored
        const std::string beyond = std::to_string(f.changeVersion() + 1000) + cursor.substr(cursor.find('.'));
        QCOMPARE(page(beyond)["changes"].size(), all.size());
        // whoami says which database and how far this device's operations went.
        const Json me = Json::parse(f.call(http::verb::get, "/v1/whoami").body());
        QCOMPARE(me["database"], Json(f.storage->identity().id));
        QCOMPARE(me["last_seq"], Json(0));
    }

    void malformedHttpIsAnsweredNotDropped() {
        using he = boost::beast::http::error;
        QCOMPARE(responseForReadError(he::header_limit, 11)->result_int(), 431);
        QCOMPARE(responseForReadError(he::body_limit, 11)->result_int(), 413);
        for (auto e : {he::bad_method, he::bad_target, he::bad_version, he::bad_chunk, he::bad_content_length,
                       he::multiple_content_length, he::bad_field, he::bad_value, he::bad_transfer_encoding}) {
            auto res = responseForReadError(e, 11);
            QVERIFY(res);
            QCOMPARE(res->result_int(), 400);
            QCOMPARE(Json::parse(res->body())["error"]["code"], Json("invalid_argument"));
            QVERIFY(!res->keep_alive());
        }
        QVERIFY(!responseForReadError(he::end_of_stream, 11));
        QVERIFY(!responseForReadError(boost::asio::error::connection_reset, 11));
    }
};

QTEST_GUILESS_MAIN(RouterTest)
#include "router_test.moc"
