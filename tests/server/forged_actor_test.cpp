// A forged actor against the real server: an operation that names a person without that
// person's proof — none, another person's, one made on another device, a signed operation sent
// again under another sequence number or with one byte changed, a credential withdrawn by the
// office (`staff pin`, `staff deactivate`) — is answered `rejected` / `unauthenticated`, stores
// nothing (records and change version unchanged), and the refusal is in `courtyard-server audit
// --rejected` with the device. Reports (X-Courtyard-Actor) refuse a missing header, another
// device's credential, a stale timestamp and a replayed nonce with 401.
#include "support/record_samples.h"
#include "support/server_process.h"
#include "support/signed_device.h"
#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::test;

namespace {

Instant nowMs() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }

std::int64_t epochMs() { return toEpochMs(nowMs()); }

} // namespace

class ForgedActorTest : public QObject {
    Q_OBJECT

    ServerProcess m_server;
    Enrolled m_tabletA, m_tabletB, m_managerA, m_managerB;
    std::unique_ptr<SignedDevice> m_a, m_b; // two staff tablets of Sunshine Garden
    int m_serial = 0;

    std::int64_t changeVersion() {
        auto health = m_a->get("/healthz");
        return health.body.value("change_version", std::int64_t{-1});
    }

    // The audit log's refusals for a device, one JSON object per line.
    std::vector<Json> rejectedOn(const QString& deviceId) {
        QByteArray out;
        if (m_server.admin({"audit", "--rejected", "--device", deviceId}, &out) != 0)
            return {};
        std::vector<Json> lines;
        for (const auto& line : out.split('\n'))
            if (!line.isEmpty())
                lines.push_back(Json::parse(line.toStdString(), nullptr, false));
        return lines;
    }

    Json complaint(const std::string& actor) {
        const std::string id = "c-forged-" + std::to_string(++m_serial);
        return createOp("complaint", id, actor, sampleBody("complaint", "cm-sunshine", m_serial, nowMs()), nowMs());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        m_tabletA = m_server.addDevice("staff", {"cm-sunshine"}, "tablet A");
        m_tabletB = m_server.addDevice("staff", {"cm-sunshine"}, "tablet B");
        m_a = std::make_unique<SignedDevice>(m_server.port(), m_tabletA.token.toStdString());
        m_b = std::make_unique<SignedDevice>(m_server.port(), m_tabletB.token.toStdString());
        for (const char* number : {"1001", "1002", "1003", "1004"})
            QVERIFY(m_a->signInDemo(number));
        QVERIFY(m_b->signInDemo("1001"));
        // A proof that holds is applied: the refusals below are about the proof alone.
        const auto ok = m_a->push(Json::array({complaint("s-1001")}));
        QCOMPARE(ok.body["results"][0]["status"], Json("applied"));
    }

    void aForgedActorIsRefusedAndNothingIsStored_data() {
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<QString>("reason"); // the error's reason where the protocol defines one
        QTest::newRow("an operation naming a person with no proof") << "none" << "credential_withdrawn";
        QTest::newRow("an operation signed with another person's credential") << "other person" << "";
        QTest::newRow("an operation signed with the person's credential on another device") << "other device" << "";
        QTest::newRow("a signed operation sent again under another sequence number") << "replayed seq" << "";
        QTest::newRow("a signed operation with one byte of its body changed") << "changed byte" << "";
        QTest::newRow("a proof by a credential withdrawn by an administrator's PIN reset") << "pin reset"
                                                                                           << "credential_withdrawn";
        QTest::newRow("a proof by the credential of a deactivated person") << "deactivated" << "credential_withdrawn";
    }
    void aForgedActorIsRefusedAndNothingIsStored() {
        QFETCH(QString, forgery);
        QFETCH(QString, reason);
        Json op = complaint("s-1001");
        op["seq"] = m_a->lastSeq() + 1;
        const auto signedBy = [&](const std::optional<sync::Credential>& c) {
            QVERIFY(c.has_value());
            op = signedOperation(op, *c);
        };
        if (forgery == "other person") {
            signedBy(m_a->credential("s-1002"));
        } else if (forgery == "other device") {
            signedBy(m_b->credential("s-1001"));
        } else if (forgery == "replayed seq") {
            // Applied once under its own number; the very same bytes under the next number.
            signedBy(m_a->credential("s-1001"));
            QCOMPARE(m_a->push(Json::array({op})).body["results"][0]["status"], Json("applied"));
            op["seq"] = m_a->lastSeq() + 1;
        } else if (forgery == "changed byte") {
            signedBy(m_a->credential("s-1001"));
            std::string content = op["body"]["content"];
            content.back() = content.back() == '1' ? '2' : '1';
            op["body"]["content"] = content;
        } else if (forgery == "pin reset" || forgery == "deactivated") {
            const std::string who = forgery == "pin reset" ? "s-1003" : "s-1004";
            op["actor"] = who;
            signedBy(m_a->credential(who));
            const QStringList command{"staff", forgery == "pin reset" ? "pin" : "deactivate",
                                      QString::fromStdString(who)};
            QCOMPARE(m_server.admin(command, nullptr, nullptr, "582947\n"), 0);
        } else {
            QCOMPARE(forgery, QString("none"));
        }
        if (forgery == "none")
            QVERIFY(!op.contains("proof"));

        const auto records = m_a->pullAll().size();
        const auto version = changeVersion();
        const auto answer = m_a->pushRaw(Json::array({op}));
        m_a->setLastSeq(op["seq"]);
        QCOMPARE(answer.status, 200);
        const Json& result = answer.body["results"][0];
        QCOMPARE(result["status"], Json("rejected"));
        QCOMPARE(result["error"]["code"], Json("unauthenticated"));
        QCOMPARE(QString::fromStdString(result["error"].value("reason", std::string())), reason);
        QCOMPARE(changeVersion(), version);
        QCOMPARE(m_a->pullAll().size(), records);

        // "Who tried what": the refusal is in the audit log, on this device, with its number.
        const auto lines = rejectedOn(m_tabletA.id);
        const auto seen = std::find_if(lines.begin(), lines.end(), [&](const Json& l) {
            return l.value("seq", std::int64_t{0}) == op["seq"].get<std::int64_t>();
        });
        QVERIFY2(seen != lines.end(), "the refusal is not in the audit log");
        QCOMPARE((*seen)["device"], Json(m_tabletA.id.toStdString()));
        QCOMPARE((*seen)["outcome"], Json("rejected"));
        QCOMPARE((*seen)["record"], op["id"]);
        QCOMPARE((*seen)["error"]["code"], Json("unauthenticated"));
    }

    // docs/admin.md: one JSON object per line, with these members.
    void theAuditLogIsOneJsonObjectPerLine() {
        QByteArray out;
        QCOMPARE(m_server.admin({"audit", "--device", m_tabletA.id, "--limit", "1000"}, &out), 0);
        const auto lines = out.trimmed().split('\n');
        QVERIFY(lines.size() >= 8); // four sign-ins, the applied complaints, the refusals
        bool applied = false;
        for (const auto& line : lines) {
            const Json j = Json::parse(line.toStdString(), nullptr, false);
            QVERIFY2(j.is_object(), line.constData());
            for (const char* member : {"id", "at", "device", "kind", "type", "record", "community", "actor",
                                       "credential", "outcome", "detail"})
                QVERIFY2(j.contains(member), (std::string(member) + " missing in " + line.toStdString()).c_str());
            if (j["outcome"] == "applied" && j["kind"] == "create") {
                applied = true;
                QCOMPARE(j["actor"], Json("s-1001")); // the proven actor …
                QVERIFY(!j["credential"].get<std::string>().empty()); // … the credential …
                QCOMPARE(j["detail"]["kind"], Json("create"));        // … and what changed
            }
        }
        QVERIFY(applied);
    }

    void reportsRefuseAForgedActor_data() {
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<QString>("reason");
        QTest::newRow("a report request with no actor header") << "none" << "";
        QTest::newRow("a header made with the person's credential on another device") << "other device" << "";
        QTest::newRow("a header stamped ten minutes ago") << "stale" << "proof_expired";
        QTest::newRow("a header stamped ten minutes ahead") << "ahead" << "proof_expired";
        QTest::newRow("the same header sent twice") << "replayed" << "proof_replayed";
    }
    void reportsRefuseAForgedActor() {
        QFETCH(QString, forgery);
        QFETCH(QString, reason);
        if (m_managerA.id.isEmpty()) {
            m_managerA = m_server.addDevice("manager", {"cm-sunshine"}, "manager A");
            m_managerB = m_server.addDevice("manager", {"cm-sunshine"}, "manager B");
        }
        SignedDevice a(m_server.port(), m_managerA.token.toStdString());
        SignedDevice b(m_server.port(), m_managerB.token.toStdString());
        QVERIFY(a.signInDemo("3001"));
        QVERIFY(b.signInDemo("3001"));
        const std::string target = "/v1/reports/weekly?scope=company";
        const auto mine = *a.credential("s-3001");
        auto header = [&](const sync::Credential& c, std::int64_t ms) {
            return std::vector<std::pair<std::string, std::string>>{
                {std::string(sync::kActorHeader), sync::actorHeaderValue(c, "GET", target, ms)}};
        };
        // The genuine request is served, so each refusal below is the forgery's.
        QCOMPARE(a.getAs("s-3001", target).status, 200);
        JsonAnswer answer;
        if (forgery == "none") {
            answer = a.get(target);
        } else if (forgery == "other device") {
            answer = a.get(target, header(*b.credential("s-3001"), epochMs()));
        } else if (forgery == "stale" || forgery == "ahead") {
            answer = a.get(target, header(mine, epochMs() + (forgery == "stale" ? -1 : 1) * 600'000));
        } else {
            const auto once = header(mine, epochMs());
            QCOMPARE(a.get(target, once).status, 200);
            answer = a.get(target, once);
        }
        QCOMPARE(answer.status, 401);
        QCOMPARE(QString::fromStdString(answer.errorCode()), QString("unauthenticated"));
        QCOMPARE(QString::fromStdString(answer.errorReason()), reason);
    }

    void cleanupTestCase() { m_server.terminate(); }
};

QTEST_GUILESS_MAIN(ForgedActorTest)
#include "forged_actor_test.moc"
