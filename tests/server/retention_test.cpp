// Issue 15, retention: with a clock the test sets, on a real SQLite file and on a real PostgreSQL
// database of a throw-away cluster, through the server's own retention pass, pull projection and
// report service. Records that ended more than the policy's 180 days ago have their residents'
// names and phones blanked (the history too); two years after they ended they are written to an
// archive folder (records and attachments), then purged: tombstones that every device of the
// community pulls, their report facts gone, the attachment no other record refers to removed.
// The monthly report over the purged month says so. Open records are never touched. A second
// pass the same day does nothing. The archive goes back into an empty server, and a damaged one
// is refused whole.
#include "server/demo/demo_company.h"
#include "server/reports/report_service.h"
#include "server/service/admin_service.h"
#include "server/service/retention_service.h"
#include "server/service/scope.h"
#include "server/storage/file_blob_store.h"
#include "server/storage/postgres/pg_blob_store.h"
#include "support/engines.h"
#include "support/postgres_cluster.h"

#include "shared/domain/complaint.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/rules/retention.h"
#include "sync/protocol/crypto.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <set>

using namespace courtyard;
using namespace courtyard::server;
using courtyard::test::openStore;
using courtyard::test::PostgresCluster;
namespace fs = std::filesystem;

namespace {

Instant at(const char* s) { return *parseInstant(s); }

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

domain::AttachmentRef photo(const std::string& bytes) {
    domain::AttachmentRef a;
    a.sha256 = sync::sha256Hex(bytes);
    a.mime = "image/jpeg";
    a.size = std::int64_t(bytes.size());
    return a;
}

domain::Complaint complaint(const std::string& id, const char* received, std::optional<const char*> closed) {
    domain::Complaint c;
    c.id = id;
    c.communityId = "cm-sunshine";
    c.createdAt = at(received);
    c.createdBy = "s-1001";
    c.receivedAt = at(received);
    c.complainant = {"李梅", "13800001111"};
    c.content = "楼道灯坏了";
    c.departmentId = "d-eng";
    c.state = closed ? domain::ComplaintState::Closed : domain::ComplaintState::Handling;
    if (closed)
        c.closedAt = at(*closed);
    return c;
}

} // namespace

class RetentionTest : public QObject {
    Q_OBJECT
    PostgresCluster m_cluster;
    QTemporaryDir m_dir;

    Instant m_now{};
    RulesCache m_rules{std::chrono::seconds{0}};

    Clock clock() {
        return [this] { return m_now; };
    }

    struct Server {
        std::unique_ptr<ServerStorage> store;
        std::unique_ptr<BlobService> blobs;
    };

    Server open(const std::string& engine, const std::string& name, int redactDays) {
        const std::string where = engine == "postgresql" ? m_cluster.createDatabase(QString::fromStdString(name)).toStdString()
                                                         : m_dir.filePath(QString::fromStdString(name + ".db")).toStdString();
        auto opened = openStore(engine, where);
        if (!opened)
            qFatal("open: %s", opened.error().message.c_str());
        Server s;
        s.store = std::move(*opened);
        std::unique_ptr<BlobStore> bytes;
        if (auto* pg = dynamic_cast<PostgresStorage*>(s.store.get()))
            bytes = std::make_unique<PgBlobStore>(*pg);
        else
            bytes = std::make_unique<FileBlobStore>(fs::path(m_dir.filePath(QString::fromStdString(name + "-blobs")).toStdString()));
        s.blobs = std::make_unique<BlobService>(*s.store, std::move(bytes), clock());
        Json company = demoCompany();
        if (redactDays > 0)
            company["policy"]["redact_residents_after_days"] = redactDays;
        if (auto st = importCompany(*s.store, company, clock(), {1024, 1}); !st)
            qFatal("import: %s", st.error().message.c_str());
        return s;
    }

    static void put(Server& s, const std::string& type, const Json& body, const Json& history = Json::array()) {
        QVERIFY(s.store->write([&](WriteUnit& u) -> Status {
            store::StoredRecord rec;
            rec.id = stringAt(body, "id");
            rec.type = type;
            rec.body = body;
            rec.history = history.empty() ? std::string() : history.dump();
            auto v = u.put(std::move(rec));
            return v ? Status{} : Status{v.error()};
        }));
    }
    static void upload(Server& s, const std::string& bytes) {
        auto st = s.blobs->put(sync::sha256Hex(bytes), 0, std::int64_t(bytes.size()), bytes, "image/jpeg");
        QVERIFY2(st && st->complete, st ? "incomplete" : st.error().message.c_str());
    }
    static std::optional<store::StoredRecord> get(Server& s, const std::string& id) {
        std::optional<store::StoredRecord> out;
        auto st = s.store->read([&](ReadUnit& u) -> Status {
            auto rec = u.get(id);
            if (!rec)
                return rec.error();
            out = *rec;
            return {};
        });
        if (!st)
            qFatal("read: %s", st.error().message.c_str());
        return out;
    }
    Json monthly(Server& s, const std::string& period) {
        reports::ReportService service(*s.store, clock());
        reports::ReportRequest r;
        r.kind = "monthly";
        r.scope = "community";
        r.scopeId = "cm-sunshine";
        r.period = period;
        auto out = service.compute(r);
        if (!out)
            qFatal("report: %s", out.error().message.c_str());
        return *out;
    }
    static std::int64_t received(const Json& report) {
        for (const auto& section : report["sections"])
            if (section["id"] == "headline")
                for (const auto& t : section["tiles"])
                    if (t["key"] == "received")
                        return t["value"].get<std::int64_t>();
        qFatal("the report has no 'received' tile");
    }
    static std::int64_t version(Server& s) {
        std::int64_t v = 0;
        auto st = s.store->read([&](ReadUnit& u) -> Status {
            auto m = u.maxVersion();
            if (!m)
                return m.error();
            v = *m;
            return {};
        });
        if (!st)
            qFatal("read: %s", st.error().message.c_str());
        return v;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_cluster.start());
    }
    void cleanupTestCase() { m_cluster.stop(); }

    void recordsPastRetentionAreArchivedThenPurgedEverywhere_data() {
        QTest::addColumn<QString>("engine");
        QTest::newRow("SQLite") << "sqlite";
        QTest::newRow("PostgreSQL") << "postgresql";
    }
    void recordsPastRetentionAreArchivedThenPurgedEverywhere() {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        m_now = at("2024-03-01T00:00:00Z");
        Server server = open(e, "retention_" + e, 180);
        const fs::path archives = fs::path(m_dir.filePath(engine + "-archives").toStdString());

        // March 2024 at Sunshine: complaint A closed on the 10th with two photos, one of which
        // open complaint C also shows; suggestion B replied on the 12th; transfer sheet D closed
        // in June 2025.
        const std::string own = "photo of the broken light", shared = "photo of the stairwell";
        upload(server, own);
        upload(server, shared);
        auto a = complaint("c-a", "2024-03-05T02:00:00Z", "2024-03-10T02:00:00Z");
        a.attachments = {photo(own), photo(shared)};
        const Json history = Json::array(
            {{{"op", "dev-1:1"}, {"kind", "create"}, {"state", "received"}},
             {{"op", "dev-1:2"}, {"kind", "update"},
              {"changes", {{"complainant", {{"from", {{"name", "李"}}}, {"to", {{"name", "李梅"}, {"phone", "13800001111"}}}}},
                           {"content", {{"from", "灯"}, {"to", "楼道灯坏了"}}}}}}});
        put(server, "complaint", Json(a), history);
        domain::Suggestion b;
        b.id = "sg-b";
        b.communityId = "cm-sunshine";
        b.createdAt = b.receivedAt = at("2024-03-06T02:00:00Z");
        b.residentName = "王芳";
        b.residentPhone = "13900002222";
        b.content = "多种些树";
        b.state = domain::SuggestionState::Replied;
        b.reply = "春天种";
        b.repliedAt = at("2024-03-12T02:00:00Z");
        put(server, "suggestion", Json(b));
        auto c = complaint("c-c", "2024-03-07T02:00:00Z", std::nullopt);
        c.attachments = {photo(shared)};
        put(server, "complaint", Json(c));
        domain::TransferSheet d;
        d.id = "ts-d";
        d.communityId = "cm-sunshine";
        d.createdAt = at("2025-05-20T02:00:00Z");
        d.subject = "外墙渗水";
        d.state = domain::TransferSheetState::Closed;
        d.closedAt = at("2025-06-01T02:00:00Z");
        put(server, "transfer_sheet", Json(d));
        QCOMPARE(received(monthly(server, "2024-03")), std::int64_t(2));

        RetentionService retention(*server.store, *server.blobs, m_rules, clock());

        // 15 September 2024, more than 180 days after A and B ended: their residents' names and
        // phones are blanked, in the body and in the history; nothing is archived or purged.
        m_now = at("2024-09-15T00:00:00Z");
        auto plan = retention.plan();
        QVERIFY(plan);
        QCOMPARE(int(plan->purge.size()), 0);
        QCOMPARE(int(plan->redact.size()), 2);
        auto run = retention.runNow(archives);
        QVERIFY2(run, run ? "" : run.error().message.c_str());
        QCOMPARE(run->redacted, 2);
        QCOMPARE(run->purged, 0);
        QVERIFY(!fs::exists(archives));
        auto ra = get(server, "c-a");
        QCOMPARE(ra->body["complainant"]["name"].get<std::string>(), std::string());
        QCOMPARE(ra->body["complainant"]["phone"].get<std::string>(), std::string());
        QCOMPARE(ra->body["content"].get<std::string>(), std::string("楼道灯坏了")); // only personal data
        const Json redactedHistory = Json::parse(ra->history);
        QCOMPARE(redactedHistory[1]["changes"]["complainant"]["to"].get<std::string>(), std::string("redacted"));
        QCOMPARE(redactedHistory[1]["changes"]["content"]["to"].get<std::string>(), std::string("楼道灯坏了"));
        QVERIFY(ra->history.find("13800001111") == std::string::npos);
        auto rb = get(server, "sg-b");
        QCOMPARE(stringAt(rb->body, "resident_name"), std::string());
        QCOMPARE(stringAt(rb->body, "resident_phone"), std::string());
        QCOMPARE(get(server, "c-c")->body["complainant"]["name"].get<std::string>(), std::string("李梅")); // open
        QCOMPARE(int(retention.plan()->redact.size()), 0); // nothing left to blank

        // 15 March 2026, two years after A and B ended: the day's pass archives and purges them.
        m_now = at("2026-03-15T01:00:00Z");
        const std::int64_t before = version(server);
        const Json archivedA = get(server, "c-a")->body;
        run = retention.runScheduled(archives);
        QVERIFY2(run, run ? "" : run.error().message.c_str());
        QVERIFY(run->ran);
        QCOMPARE(run->archived, 2);
        QCOMPARE(run->purged, 2);
        QCOMPARE(run->blobsArchived, 2);
        QCOMPARE(run->blobsRemoved, 1); // the stairwell photo stays: open complaint C shows it
        // A second pass the same day does nothing, whichever server ticks.
        m_now = at("2026-03-15T20:00:00Z");
        auto again = retention.runScheduled(archives);
        QVERIFY(again && !again->ran);

        // The archive: a manifest, the records as they were, the photos' bytes.
        const fs::path folder = run->archive;
        QVERIFY(fs::is_directory(folder));
        QVERIFY(folder.parent_path() == archives);
        const Json manifest = Json::parse(readAll(folder / "manifest.json"));
        QCOMPARE(manifest["format"].get<std::string>(), std::string("courtyard-retention-archive"));
        QCOMPARE(manifest["records"].get<int>(), 2);
        QCOMPARE(manifest["types"]["complaint"].get<int>(), 1);
        QCOMPARE(manifest["types"]["suggestion"].get<int>(), 1);
        QCOMPARE(manifest["database"].get<std::string>(), server.store->identity().id);
        std::map<std::string, Json> lines;
        std::ifstream in(folder / "records.jsonl");
        for (std::string line; std::getline(in, line);) {
            const Json j = Json::parse(line);
            lines[j["id"].get<std::string>()] = j;
        }
        QCOMPARE(int(lines.size()), 2);
        QVERIFY(lines["c-a"]["body"] == archivedA);
        QCOMPARE(lines["c-a"]["ended_at"].get<std::string>(), formatInstant(at("2024-03-10T02:00:00Z")));
        QCOMPARE(lines["c-a"]["history"][1]["changes"]["content"]["to"].get<std::string>(), std::string("楼道灯坏了"));
        QCOMPARE(readAll(folder / "blobs" / sync::sha256Hex(own)), own);
        QCOMPARE(readAll(folder / "blobs" / sync::sha256Hex(shared)), shared);

        // On the server: tombstones that say nothing but the community and when.
        ra = get(server, "c-a");
        QVERIFY(ra->deleted);
        QVERIFY2(ra->body == (Json{{"community_id", "cm-sunshine"}, {"purged_at", formatInstant(at("2026-03-15T01:00:00Z"))}}),
                 ra->body.dump().c_str());
        QVERIFY(ra->history.empty());
        QVERIFY(get(server, "sg-b")->deleted);
        QVERIFY(!get(server, "c-c")->deleted); // open: never purged
        QVERIFY(!get(server, "ts-d")->deleted); // ended in 2025: not yet
        QVERIFY(!server.blobs->read(sync::sha256Hex(own)));
        QCOMPARE(*server.blobs->read(sync::sha256Hex(shared)), shared);
        QVERIFY(!server.blobs->state(sync::sha256Hex(own))->known); // HEAD: 404
        QVERIFY(server.store->read([&](ReadUnit& u) -> Status {
            auto row = u.blob(sync::sha256Hex(own));
            if (!row)
                return row.error();
            if (*row && (*row)->complete)
                return internalError("the removed attachment's row still says complete (a backup would look for it)");
            return {};
        }));

        // Every device of Sunshine pulls the tombstones, a supervisor's and a developer's customer
        // service's alike (one that reads only some complaints).
        for (auto role : {domain::Role::Supervisor, domain::Role::DeveloperCs}) {
            DeviceRow device;
            device.id = "dev-pull";
            device.role = role;
            device.roleName = role == domain::Role::Supervisor ? "supervisor" : "developer_cs";
            device.communityIds = {"cm-sunshine"};
            std::set<std::string> gone;
            QVERIFY(server.store->read([&](ReadUnit& u) -> Status {
                auto changes = u.changes(changeFilterFor(device), before, 100);
                if (!changes)
                    return changes.error();
                for (const auto& r : *changes)
                    if (auto ch = projectChange(device, r); ch && ch->deleted)
                        gone.insert(ch->id);
                return {};
            }));
            QCOMPARE(gone.count("c-a"), std::size_t(1));
            if (role == domain::Role::Supervisor)
                QCOMPARE(gone.count("sg-b"), std::size_t(1));
        }

        // The report over March 2024 counts what is left, and says records were purged; a month
        // after the purged records' reception does not.
        const Json march = monthly(server, "2024-03");
        QCOMPARE(received(march), std::int64_t(1));
        QVERIFY(march.contains("purged"));
        QCOMPARE(march["purged"]["through"].get<std::string>(), formatInstant(at("2024-03-06T02:00:00Z")));
        QVERIFY(!march["purged"]["note"].get<std::string>().empty());
        QVERIFY(reports::toCsv(march).find(march["purged"]["note"].get<std::string>()) != std::string::npos);
        QVERIFY(!monthly(server, "2024-04").contains("purged"));

        // The audit trail has the pass.
        bool audited = false;
        QVERIFY(server.store->read([&](ReadUnit& u) -> Status {
            AuditQuery q;
            auto entries = u.audit(q);
            if (!entries)
                return entries.error();
            for (const auto& entry : *entries)
                if (entry.kind == "retention" && entry.detail.value("purged", 0) == 2)
                    audited = true;
            return {};
        }));
        QVERIFY(audited);

        // The archive goes back into an empty server: the records as they were, the photos.
        Server fresh = open(e, "restored_" + e, 0);
        auto imported = importArchive(*fresh.store, *fresh.blobs, folder);
        QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
        QCOMPARE(imported->imported, 2);
        QCOMPARE(imported->blobs, 2);
        QVERIFY(get(fresh, "c-a")->body == archivedA);
        QVERIFY(!get(fresh, "c-a")->deleted);
        QCOMPARE(Json::parse(get(fresh, "c-a")->history)[1]["changes"]["content"]["to"].get<std::string>(),
                 std::string("楼道灯坏了"));
        QCOMPARE(*fresh.blobs->read(sync::sha256Hex(own)), own);
        QCOMPARE(received(monthly(fresh, "2024-03")), std::int64_t(1)); // A, from its report facts
        QVERIFY(!monthly(fresh, "2024-03").contains("purged"));
        // Imported twice, nothing doubles.
        imported = importArchive(*fresh.store, *fresh.blobs, folder);
        QVERIFY(imported);
        QCOMPARE(imported->imported, 0);
        QCOMPARE(imported->present, 2);

        // A damaged archive is refused whole: nothing of it is stored.
        const fs::path damaged = fs::path(m_dir.filePath(engine + "-damaged").toStdString());
        fs::copy(folder, damaged, fs::copy_options::recursive);
        std::ofstream(damaged / "records.jsonl", std::ios::app) << "{\"id\": \"c-x\", \"type\": \"complaint\"\n";
        Server other = open(e, "damaged_" + e, 0);
        auto refused = importArchive(*other.store, *other.blobs, damaged);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(refused.error().message.find("records.jsonl line 3") != std::string::npos, refused.error().message.c_str());
        QVERIFY(!get(other, "c-a"));
        QVERIFY(!other.blobs->read(sync::sha256Hex(own)));
    }

    // A pass over more records than a page, read in the order they happened: every due record is
    // found once, however many share an instant, and purged 500 a transaction, each with its own
    // audit line; records that ended too recently, happened too recently, or are open stay, and
    // so does the attachment an open one shares with a thousand purged ones.
    void aLongPassGoesPageByPage_data() { recordsPastRetentionAreArchivedThenPurgedEverywhere_data(); }
    void aLongPassGoesPageByPage() {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        m_now = at("2023-06-01T00:00:00Z");
        Server server = open(e, "long_" + e, 0);
        std::set<std::string> due, kept;
        // One photo on every one of the 1,100 due complaints, and on an open one that sorts after
        // them: the purged ones must not hide it (only 1,000 referrers are read).
        const std::string shared = "photo of the lift lobby";
        upload(server, shared);
        QVERIFY(server.store->write([&](WriteUnit& u) -> Status {
            auto store = [&](const std::string& type, const Json& body) -> Status {
                store::StoredRecord rec;
                rec.id = stringAt(body, "id");
                rec.type = type;
                rec.body = body;
                auto v = u.put(std::move(rec));
                return v ? Status{} : Status{v.error()};
            };
            // 1,100 complaints received at one instant, closed the next day: due.
            for (int i = 0; i < 1100; ++i) {
                const std::string id = "c-tie-" + std::to_string(i);
                auto c = complaint(id, "2024-01-01T02:00:00Z", "2024-01-02T02:00:00Z");
                c.attachments = {photo(shared)};
                CY_TRY(store("complaint", Json(c)));
                due.insert(id);
            }
            // 150 suggestions received an hour apart, replied at once: due.
            for (int i = 0; i < 150; ++i) {
                domain::Suggestion sg;
                sg.id = "sg-" + std::to_string(i);
                sg.communityId = "cm-sunshine";
                sg.createdAt = sg.receivedAt = at("2024-01-10T00:00:00Z") + std::chrono::hours(i);
                sg.content = "多种些树";
                sg.state = domain::SuggestionState::Replied;
                sg.reply = "春天种";
                sg.repliedAt = sg.receivedAt;
                CY_TRY(store("suggestion", Json(sg)));
                due.insert(sg.id);
            }
            // Received as long ago, but closed in 2025: not yet.
            for (int i = 0; i < 40; ++i) {
                const std::string id = "c-late-" + std::to_string(i);
                CY_TRY(store("complaint", Json(complaint(id, "2024-01-01T02:00:00Z", "2025-12-01T02:00:00Z"))));
                kept.insert(id);
            }
            // Received and closed in 2025; received in 2023 and still open.
            for (int i = 0; i < 20; ++i) {
                const std::string id = "c-new-" + std::to_string(i);
                CY_TRY(store("complaint", Json(complaint(id, "2025-06-01T02:00:00Z", "2025-06-02T02:00:00Z"))));
                kept.insert(id);
            }
            auto open = complaint("c-zz-open", "2023-06-01T02:00:00Z", std::nullopt);
            open.attachments = {photo(shared)};
            CY_TRY(store("complaint", Json(open)));
            kept.insert("c-zz-open");
            return {};
        }));

        RetentionService retention(*server.store, *server.blobs, m_rules, clock());
        m_now = at("2026-03-01T00:00:00Z");
        auto plan = retention.plan();
        QVERIFY2(plan, plan ? "" : plan.error().message.c_str());
        std::set<std::string> planned;
        for (const auto& item : plan->purge)
            QVERIFY2(planned.insert(item.id).second, ("planned twice: " + item.id).c_str());
        QVERIFY(planned == due);

        auto run = retention.runNow(fs::path(m_dir.filePath(engine + "-long-archives").toStdString()));
        QVERIFY2(run, run ? "" : run.error().message.c_str());
        QCOMPARE(run->archived, 1250);
        QCOMPARE(run->purged, 1250);
        std::set<std::string> archived;
        std::ifstream in(run->archive / "records.jsonl");
        for (std::string line; std::getline(in, line);)
            QVERIFY(archived.insert(Json::parse(line)["id"].get<std::string>()).second);
        QVERIFY(archived == due);
        for (const auto& id : due)
            QVERIFY2(get(server, id)->deleted, id.c_str());
        for (const auto& id : kept)
            QVERIFY2(!get(server, id)->deleted, id.c_str());
        QCOMPARE(run->blobsArchived, 1);
        QCOMPARE(run->blobsRemoved, 0); // the open complaint still shows it
        QCOMPARE(*server.blobs->read(sync::sha256Hex(shared)), shared);

        // Three transactions, three audit lines: 500, 500 and 250.
        std::vector<int> lines;
        QVERIFY(server.store->read([&](ReadUnit& u) -> Status {
            auto entries = u.audit(AuditQuery{});
            if (!entries)
                return entries.error();
            for (const auto& entry : *entries)
                if (entry.kind == "retention")
                    lines.push_back(entry.detail.value("purged", 0));
            return {};
        }));
        std::sort(lines.begin(), lines.end());
        QCOMPARE(lines, (std::vector<int>{250, 500, 500}));
        QVERIFY(retention.plan()->purge.empty());

        // What the pass looks at: the shorter of the two periods, for the types with residents' data.
        rules::Policy policy = rules::Policy::defaults();
        QCOMPARE(rules::firstDueDays("complaint", policy), std::optional<int>(730));
        policy.redactResidentsAfterDays = 180;
        QCOMPARE(rules::firstDueDays("complaint", policy), std::optional<int>(180));
        QCOMPARE(rules::firstDueDays("transfer_sheet", policy), std::optional<int>(730)); // no residents' data
        QCOMPARE(rules::firstDueDays("notice", policy), std::optional<int>());
    }
};

QTEST_GUILESS_MAIN(RetentionTest)
#include "retention_test.moc"
