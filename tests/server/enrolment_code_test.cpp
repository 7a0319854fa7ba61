// One-time enrolment codes with the server's clock in the test's hand: the router called
// directly (no sockets) over a real SQLite data directory with the demo company. A code is good
// until the policy's enrolment_code_minutes have passed (15 by default; the administrator may
// change it) and for one device only; the loopback side (the real binary, both engines) is in
// admin_api_test.
#include "server/demo/demo_company.h"
#include "server/http/router.h"
#include "server/service/enrolment_codes.h"
#include "server/storage/sqlite_storage.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace courtyard;
using namespace courtyard::server;

namespace {

struct Fixture {
    QTemporaryDir dir;
    Instant now = *parseInstant("2026-11-23T02:00:00Z");
    std::unique_ptr<SqliteStorage> storage;
    RulesCache rules;
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<BlobService> blobs;
    std::unique_ptr<EscalationService> escalations;
    std::unique_ptr<AuthService> auth;
    Metrics metrics;
    std::unique_ptr<ServerContext> ctx;
    const AdminActor admin{"s-9001", "dev-console", "cr-test"};

    Fixture() {
        storage = std::move(*SqliteStorage::open(dir.filePath("courtyard.db").toStdString()));
        Clock clock = [this] { return now; };
        sync = std::make_unique<SyncService>(*storage, rules, clock);
        blobs = std::make_unique<BlobService>(*storage, dir.filePath("blobs").toStdString(), clock, 1 << 20);
        escalations = std::make_unique<EscalationService>(*storage, rules, clock);
        auth = std::make_unique<AuthService>(*storage, rules, clock);
        ctx.reset(new ServerContext{*storage, *sync, *blobs, *escalations, *auth, metrics, clock});
        if (!importCompany(*storage, demoCompany(), clock, {1024, 1}))
            qFatal("the demo company did not load");
    }
    EnrolmentCodes codes() { return EnrolmentCodes(*storage, rules, [this] { return now; }); }
    std::string newCode(const char* role = "staff") {
        auto r = codes().create(Json{{"schema", 2}, {"enrolment", {{"name", "Tablet 7"}, {"role", role},
                                                                   {"community_ids", {"cm-sunshine"}}}}},
                                admin);
        return r ? (*r)["code"].get<std::string>() : std::string();
    }
    // POST /v1/enrol through the router, as a device not yet enrolled sends it.
    Response enrol(const std::string& code) {
        Request req{http::verb::post, "/v1/enrol", 11};
        req.set("X-Courtyard-Schema", "2");
        req.set(http::field::content_type, "application/json");
        req.body() = Json{{"schema", 2}, {"code", code}}.dump();
        req.prepare_payload();
        return handleRequest(req, *ctx);
    }
    static std::string reason(const Response& r) {
        auto j = Json::parse(r.body(), nullptr, false);
        return j.is_object() && j.contains("error") ? j["error"].value("reason", std::string()) : std::string();
    }
};

} // namespace

class EnrolmentCodeTest : public QObject {
    Q_OBJECT
private slots:
    void aCodeLooksTypeable() {
        const std::string code = newEnrolmentCode();
        QCOMPARE(code.size(), std::size_t(19));
        QCOMPARE(code[4], '-');
        QCOMPARE(code[14], '-');
        for (char c : normalizeEnrolmentCode(code))
            QVERIFY2(std::string_view("ABCDEFGHJKMNPQRSTVWXYZ23456789").find(c) != std::string_view::npos, code.c_str());
        QVERIFY(newEnrolmentCode() != code);
        QCOMPARE(normalizeEnrolmentCode("7kqm rx3d-wc9p-ht2b"), std::string("7KQMRX3DWC9PHT2B"));
    }

    void aCodeIsGoodForFifteenMinutes_data() {
        QTest::addColumn<int>("minutesLater");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("at once") << 0 << 200 << "";
        QTest::newRow("fourteen minutes later") << 14 << 200 << "";
        QTest::newRow("fifteen minutes later") << 15 << 401 << "enrolment_code_expired";
        QTest::newRow("a day later") << 24 * 60 << 401 << "enrolment_code_expired";
    }
    void aCodeIsGoodForFifteenMinutes() {
        QFETCH(int, minutesLater);
        QFETCH(int, status);
        QFETCH(QString, reason);
        Fixture f;
        const std::string code = f.newCode();
        QVERIFY(!code.empty());
        f.now += std::chrono::minutes(minutesLater);
        const auto r = f.enrol(code);
        QCOMPARE(int(r.result_int()), status);
        QCOMPARE(Fixture::reason(r), reason.toStdString());
    }

    void aCodeEnrolsOneDeviceOnly() {
        Fixture f;
        const std::string code = f.newCode("kiosk");
        const auto first = f.enrol(code);
        QCOMPARE(int(first.result_int()), 200);
        const Json answer = Json::parse(first.body());
        QCOMPARE(answer.value("role", std::string()), std::string("kiosk"));
        // The token is a device token: whoami answers for the new kiosk.
        Request who{http::verb::get, "/v1/whoami", 11};
        who.set(http::field::authorization, "Bearer " + answer["token"].get<std::string>());
        who.set("X-Courtyard-Schema", "2");
        const auto me = handleRequest(who, *f.ctx);
        QCOMPARE(int(me.result_int()), 200);
        QCOMPARE(Json::parse(me.body()).value("device_id", std::string()), answer.value("device_id", std::string()));

        f.now += std::chrono::minutes(1);
        const auto again = f.enrol(code);
        QCOMPARE(int(again.result_int()), 401);
        QCOMPARE(Fixture::reason(again), std::string("enrolment_code_used"));
        QCOMPARE(Fixture::reason(f.enrol("AAAA-BBBB-CCCC-DDDD")), std::string("enrolment_code_unknown"));
        std::vector<DeviceRow> devices;
        QVERIFY(f.storage->read([&](ReadUnit& u) -> Status {
            auto d = u.devices();
            if (d)
                devices = *d;
            return {};
        }));
        QCOMPARE(devices.size(), std::size_t(1)); // one code, one device
    }

    void thePolicySetsHowLongACodeLasts() {
        Fixture f;
        AdminApi api(*f.storage, f.rules, *f.auth, [&f] { return f.now; });
        QVERIFY(api.changePolicy(Json{{"policy", {{"enrolment_code_minutes", 5}}}}, f.admin));
        const std::string code = f.newCode();
        f.now += std::chrono::minutes(6);
        QCOMPARE(Fixture::reason(f.enrol(code)), std::string("enrolment_code_expired"));
    }

    void aBadRequestMakesNoCode_data() {
        QTest::addColumn<QByteArray>("enrolment");
        QTest::addColumn<QString>("field");
        QTest::newRow("an unknown role") << QByteArray(R"({"name": "T", "role": "janitor", "community_ids": ["cm-sunshine"]})") << "role";
        QTest::newRow("no name") << QByteArray(R"({"role": "staff", "community_ids": ["cm-sunshine"]})") << "name";
        QTest::newRow("an unknown community") << QByteArray(R"({"name": "T", "role": "staff", "community_ids": ["cm-atlantis"]})") << "community_ids";
        QTest::newRow("a kiosk in two lobbies") << QByteArray(R"({"name": "T", "role": "kiosk", "community_ids": ["cm-sunshine", "cm-jadelake"]})") << "community_ids";
        QTest::newRow("a token asked for") << QByteArray(R"({"name": "T", "role": "staff", "community_ids": ["cm-sunshine"], "token": "x"})") << "token";
    }
    void aBadRequestMakesNoCode() {
        QFETCH(QByteArray, enrolment);
        QFETCH(QString, field);
        Fixture f;
        auto r = f.codes().create(Json{{"schema", 2}, {"enrolment", Json::parse(enrolment.toStdString())}}, f.admin);
        QVERIFY(!r);
        QCOMPARE(r.error().field, field.toStdString());
        std::vector<AuditEntry> lines;
        QVERIFY(f.storage->read([&](ReadUnit& u) -> Status {
            AuditQuery q;
            q.actor = "s-9001";
            auto a = u.audit(q);
            if (a)
                lines = *a;
            return {};
        }));
        QVERIFY(lines.empty());
    }
};

QTEST_GUILESS_MAIN(EnrolmentCodeTest)
#include "enrolment_code_test.moc"
