// What each device role reads through the real server, as the authorization table
// (shared/auth/access.h) says: by pull, which record types reach it — its own community's, never
// another's; the developer's service only complaints referred to the developer; a kiosk notices,
// open surveys and receipts of its own submissions only. Attachments follow the records that
// refer to them: GET when the device may read such a record, HEAD/PUT when a record it may read
// (a kiosk: one it submitted) refers to them, nothing of another community, 404 for bytes no
// record refers to.
#include "shared/auth/access.h"
#include "support/record_samples.h"
#include "support/server_process.h"
#include "support/signed_device.h"
#include "sync/protocol/crypto.h"
#include "test_support.h"

#include <QtTest>
#include <set>

using namespace courtyard;
using namespace courtyard::test;

namespace {

const std::string kOwn = "cm-sunshine";
const std::string kOther = "cm-jadelake";

Json photo(const std::string& bytes) {
    return {{"sha256", sync::sha256Hex(bytes)}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", bytes.size()}};
}

// The attachments and the records that refer to them.
const std::map<std::string, std::string> kBlobs{{"own complaint", "photo of the broken light"},
                                                {"other complaint", "photo from Jade Lake"},
                                                {"developer complaint", "photo of the cracked wall"},
                                                {"own rectification", "photo of the cracked tile"},
                                                {"own notice", "picture of the lift notice"},
                                                {"kiosk submission", "photo a resident took"},
                                                {"nobody's", "bytes no record refers to"}};

} // namespace

class AuthorizationReadsTest : public QObject {
    Q_OBJECT

    ServerProcess m_server;
    std::map<std::string, std::unique_ptr<SignedDevice>> m_devices; // by name
    std::map<std::string, std::string> m_roleOf;                     // device name → device role
    std::map<std::string, std::pair<std::string, Json>> m_records;   // id → (type, body as the table sees it)
    Instant m_now{};

    SignedDevice& enrol(const std::string& name, const std::string& role, const std::string& community,
                        const std::string& person = {}) {
        auto device = enrolDevice(m_server, role, {community},
                                  person.empty() ? std::vector<std::string>{} : std::vector{person});
        if (!device)
            qFatal("%s cannot sign in on the %s", person.c_str(), name.c_str());
        m_roleOf[name] = role;
        return *(m_devices[name] = std::move(device));
    }

    void pushAll(SignedDevice& device, Json ops) {
        const std::string refused = device.pushApplied(std::move(ops));
        QVERIFY2(refused.empty(), refused.c_str());
    }

    void upload(SignedDevice& device, const std::string& blob) {
        const std::string& bytes = kBlobs.at(blob);
        const auto put =
            device.blob("PUT", sync::sha256Hex(bytes), "?offset=0&total=" + std::to_string(bytes.size()), bytes);
        QVERIFY2(put.status == 200, put.body.c_str());
    }

private slots:
    void initTestCase() {
        m_now = std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now());
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        // The office (a department head's tablet of both communities) makes one record of every
        // type in each community; attachments ride on some of them.
        auto officeDevice = enrolDevice(m_server, "supervisor", {kOwn, kOther}, {"2001"});
        QVERIFY(officeDevice);
        SignedDevice& office = *officeDevice;
        Json ops = Json::array();
        int n = 0;
        for (const auto& community : {kOwn, kOther}) {
            const Json campaign = sampleBody("survey_campaign", community, 0, m_now);
            ops.push_back(createOp("survey_campaign", openCampaignId(community), "s-2001", campaign, m_now));
            ops.push_back(transitionOp("survey_campaign", openCampaignId(community), "s-2001", "open", {}, m_now));
            for (const auto& access : auth::accessTable()) {
                const std::string type(access.type), id = type + "-" + community;
                Json body = sampleBody(type, community, ++n, m_now);
                if (type == "complaint")
                    body["attachments"] = Json::array({photo(kBlobs.at(community == kOwn ? "own complaint" : "other complaint"))});
                if (community == kOwn && (type == "rectification" || type == "notice"))
                    body["attachments"] = Json::array({photo(kBlobs.at("own " + type))});
                ops.push_back(createOp(type, id, "s-2001", body, m_now));
                m_records[id] = {type, body};
            }
        }
        // A complaint the supervisor refers to the developer (invalid, caused by the developer).
        Json referred = sampleBody("complaint", kOwn, ++n, m_now);
        referred["attachments"] = Json::array({photo(kBlobs.at("developer complaint"))});
        ops.push_back(createOp("complaint", "complaint-developer", "s-2001", referred, m_now));
        ops.push_back(transitionOp("complaint", "complaint-developer", "s-2001", "reject",
                                   {{"cause", "developer"}, {"reason", "the developer's construction"}}, m_now));
        referred["cause"] = "developer";
        m_records["complaint-developer"] = {"complaint", referred};
        pushAll(office, ops);
        for (const char* blob : {"own complaint", "other complaint", "developer complaint", "own rectification",
                                 "own notice"})
            upload(office, blob);

        enrol("staff tablet", "staff", kOwn, "1001");
        enrol("supervisor tablet", "supervisor", kOwn, "2001");
        enrol("manager tablet", "manager", kOwn, "3001");
        enrol("developer's device", "developer_cs", kOwn, "4001");
        enrol("administrator's device", "admin", kOwn, "9001");
        // Residents at two kiosks of Sunshine Garden file things; a third kiosk is at Jade Lake.
        auto& kioskA = enrol("kiosk A", "kiosk", kOwn);
        auto& kioskB = enrol("kiosk B", "kiosk", kOwn);
        enrol("Jade Lake kiosk", "kiosk", kOther);
        Json mine = sampleBody("complaint", kOwn, ++n, m_now);
        mine["attachments"] = Json::array({photo(kBlobs.at("kiosk submission"))});
        const Json suggestion = sampleBody("suggestion", kOwn, ++n, m_now);
        const Json answer = sampleBody("survey_response", kOwn, ++n, m_now);
        pushAll(kioskA, Json::array({createOp("complaint", "kiosk-a-complaint", "", mine, m_now),
                                     createOp("suggestion", "kiosk-a-suggestion", "", suggestion, m_now),
                                     createOp("survey_response", "kiosk-a-answer", "", answer, m_now)}));
        const Json theirs = sampleBody("complaint", kOwn, ++n, m_now);
        pushAll(kioskB, Json::array({createOp("complaint", "kiosk-b-complaint", "", theirs, m_now)}));
        upload(kioskA, "kiosk submission");
    }

    void eachDeviceReceivesWhatTheTableSays_data() {
        QTest::addColumn<QString>("device");
        for (const char* d : {"staff tablet", "supervisor tablet", "manager tablet", "developer's device",
                              "administrator's device", "kiosk A", "kiosk B"})
            QTest::newRow((std::string("the ") + d + " receives what its role may read").c_str()) << d;
    }
    void eachDeviceReceivesWhatTheTableSays() {
        QFETCH(QString, device);
        const std::string name = device.toStdString();
        const std::string role = m_roleOf[name];
        const bool kiosk = role == "kiosk";
        const domain::Role readerRole = kiosk ? domain::Role::Resident : Json(role).get<domain::Role>();
        std::map<std::string, std::string> received; // id → type as received
        std::set<std::string> types;
        for (const auto& change : m_devices[name]->pullAll()) {
            received[change["id"]] = change["type"];
            types.insert(change["type"]);
            if (kiosk)
                QVERIFY2(!change.contains("history"), "a kiosk receives no history");
        }
        QVERIFY(!received.empty());
        QStringList wrong;
        for (const auto& [id, record] : m_records) {
            const auto& [type, body] = record;
            const bool own = body.value("community_id", std::string()) == kOwn;
            const bool expected = own && auth::mayReadRecord(type, readerRole, body);
            if (received.count(id) != expected)
                wrong << QString::fromStdString(id + (expected ? " is missing" : " should not arrive"));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(", ")));
        if (role == "developer_cs") { // spelled out: the table's narrowing is what this pins
            QVERIFY(received.count("complaint-developer"));
            QVERIFY(!received.count("complaint-" + kOwn));
        }
        // Kiosk submissions: as receipts to the kiosk that took them, to nobody else as such.
        const std::string letter = name == "kiosk A" ? "a" : name == "kiosk B" ? "b" : "";
        for (const std::string id :
             {"kiosk-a-complaint", "kiosk-a-suggestion", "kiosk-a-answer", "kiosk-b-complaint"}) {
            const bool itsOwn = !letter.empty() && id.rfind("kiosk-" + letter + "-", 0) == 0;
            if (kiosk) {
                QCOMPARE(received.count(id), std::size_t(itsOwn));
                if (itsOwn)
                    QCOMPARE(received[id], std::string("receipt"));
            } else {
                const std::string type = id.find("answer") != std::string::npos ? "survey_response"
                                         : id.find("suggestion") != std::string::npos ? "suggestion" : "complaint";
                QCOMPARE(received.count(id), std::size_t(auth::mayReadRecord(type, readerRole, Json::object())));
            }
        }
        if (kiosk) // nothing private reaches a kiosk: its types are what residents see
            for (const auto& t : types)
                QVERIFY2(t == "receipt" || auth::mayRead(t, domain::Role::Resident), t.c_str());
    }

    void attachmentsFollowTheRecordsThatReferToThem_data() {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("blob");
        QTest::addColumn<int>("status");
        auto row = [](const char* name, const char* device, const char* method, const char* blob, int status) {
            QTest::newRow(name) << device << method << blob << status;
        };
        row("a staff tablet downloads the photo of its community's complaint",
            "staff tablet", "GET", "own complaint", 200);
        row("a staff tablet checks the upload of that photo", "staff tablet", "HEAD", "own complaint", 200);
        row("a staff tablet uploads bytes a record it reads refers to", "staff tablet", "PUT", "own complaint", 200);
        row("a staff tablet cannot download another community's photo",
            "staff tablet", "GET", "other complaint", 403);
        row("a staff tablet cannot check another community's photo", "staff tablet", "HEAD", "other complaint", 403);
        row("a staff tablet cannot upload another community's photo", "staff tablet", "PUT", "other complaint", 403);
        row("nobody downloads bytes no record refers to", "manager tablet", "GET", "nobody's", 404);
        row("nobody uploads bytes no record refers to", "manager tablet", "PUT", "nobody's", 403);
        row("the developer's service cannot download a complaint photo not referred to it",
            "developer's device", "GET", "own complaint", 403);
        row("the developer's service cannot upload one either", "developer's device", "PUT", "own complaint", 403);
        row("the developer's service downloads the photo of a complaint referred to it",
            "developer's device", "GET", "developer complaint", 200);
        row("the developer's service downloads a rectification photo",
            "developer's device", "GET", "own rectification", 200);
        row("an administrator's device downloads a notice picture",
            "administrator's device", "GET", "own notice", 200);
        row("a kiosk downloads its community's notice picture", "kiosk A", "GET", "own notice", 200);
        row("a kiosk cannot check a notice picture's upload", "kiosk A", "HEAD", "own notice", 403);
        row("a kiosk cannot upload a notice picture", "kiosk A", "PUT", "own notice", 403);
        row("a kiosk of another community cannot download the notice picture",
            "Jade Lake kiosk", "GET", "own notice", 403);
        row("a kiosk uploads the photo of its own submission", "kiosk A", "PUT", "kiosk submission", 200);
        row("a kiosk downloads the photo of its own submission", "kiosk A", "GET", "kiosk submission", 200);
        row("another kiosk cannot download that photo", "kiosk B", "GET", "kiosk submission", 403);
        row("another kiosk cannot upload that photo", "kiosk B", "PUT", "kiosk submission", 403);
        row("a kiosk cannot download a staff member's complaint photo", "kiosk A", "GET", "own complaint", 403);
        row("a staff tablet downloads the photo a resident took at a kiosk",
            "staff tablet", "GET", "kiosk submission", 200);
    }
    void attachmentsFollowTheRecordsThatReferToThem() {
        QFETCH(QString, device);
        QFETCH(QString, method);
        QFETCH(QString, blob);
        QFETCH(int, status);
        const std::string& bytes = kBlobs.at(blob.toStdString());
        const bool put = method == "PUT";
        const auto answer = m_devices[device.toStdString()]->blob(
            method.toStdString(), sync::sha256Hex(bytes), put ? "?offset=0&total=" + std::to_string(bytes.size()) : "",
            put ? bytes : std::string());
        QVERIFY2(answer.status == status, (std::to_string(answer.status) + " " + answer.body).c_str());
        if (method == "GET" && status == 200)
            QCOMPARE(answer.body, bytes);
    }

    void cleanupTestCase() { m_server.terminate(); }
};

QTEST_GUILESS_MAIN(AuthorizationReadsTest)
#include "authorization_reads_test.moc"
