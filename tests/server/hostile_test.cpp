// The real courtyard-server on 127.0.0.1 against hostile input (issue 13): well over a hundred
// malformed and abusive requests, each answered with its status and the JSON error body while
// the server stays up and nothing it stores changes; bodies held open by stalled uploads are
// bounded by the server-wide budget (503 with Retry-After); a slow upload that keeps moving
// completes, a stalled one is cut off. Every test starts and stops its own server.
#include "shared/store/record_store.h"
#include "support/hostile_requests.h"
#include "support/server_process.h"
#include "test_support.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>
#include <set>

using namespace courtyard;
using namespace courtyard::test;

namespace {

struct Stored {
    std::int64_t records = -1;
    std::int64_t changeVersion = -1;
};

Stored storedState(ServerProcess& server) {
    Stored out;
    auto s = store::SqliteRecordStore::open(server.dataDir().toStdString() + "/courtyard.db");
    if (s)
        if (auto n = (*s)->count(store::RecordQuery{}))
            out.records = *n;
    const auto health = exchange(server.port(), httpRequest("GET", "/healthz", {}));
    if (health.status == 200)
        out.changeVersion = QJsonDocument::fromJson(QByteArray::fromStdString(health.body))
                                .object()["change_version"]
                                .toInteger(-1);
    return out;
}

// A staff device that has applied operation 1, a kiosk and a revoked device.
HostileSetup prepare(ServerProcess& server) {
    HostileSetup setup;
    setup.staffToken = server.addDevice("staff", {"cm-sunshine"}).token.toStdString();
    setup.kioskToken = server.addDevice("kiosk", {"cm-sunshine"}).token.toStdString();
    const auto revoked = server.addDevice("staff", {"cm-sunshine"});
    setup.revokedToken = revoked.token.toStdString();
    server.revoke(revoked.id);
    return setup;
}

std::string pushHeader(const std::string& token, std::size_t length) {
    return "POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
           "\r\nX-Courtyard-Schema: 2\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(length) +
           "\r\n\r\n";
}

} // namespace

class HostileTest : public QObject {
    Q_OBJECT
private slots:
    void everyHostileRequestIsRefusedAndNothingChanges() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        // Each request gets its own answer here, not the fair-use limit (tested below).
        QVERIFY(server.setPolicy(R"({"device_pushes_per_minute": 100000, "device_pulls_per_minute": 100000})"));
        HostileSetup setup = prepare(server);
        QVERIFY(server.start());
        QVERIFY(signInStaff(server.port(), setup));
        const auto first = exchange(server.port(), withTokens(setupPushRequest(setup), setup));
        QCOMPARE(first.status, 200);
        QVERIFY(first.body.find("\"applied\"") != std::string::npos);
        const Stored before = storedState(server);
        QVERIFY(before.records > 0);

        const auto requests = hostileRequests();
        QVERIFY2(requests.size() >= 100, std::to_string(requests.size()).c_str());
        std::set<std::string> names;
        QStringList failures;
        for (const auto& r : requests) {
            QVERIFY2(names.insert(r.name).second, r.name.c_str()); // distinct
            std::string why;
            if (!isProperRefusal(exchange(server.port(), withTokens(r.bytes, setup)), r.status, &why))
                failures << QString::fromStdString(r.name + ": " + why);
            QVERIFY2(server.running(), ("the server died at: " + r.name).c_str());
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join("\n")));

        const Stored after = storedState(server);
        QCOMPARE(after.records, before.records);
        QCOMPARE(after.changeVersion, before.changeVersion);
        // Still serving, and the device's sequence is intact: its operation 2 is applied.
        const auto next = exchange(server.port(), withTokens(setupPushRequest(setup), setup));
        QCOMPARE(next.status, 200); // the retry of operation 1 gets its stored answer
        QCOMPARE(Json::parse(next.body)["results"], Json::parse(first.body)["results"]);
        server.terminate();
        QCOMPARE(server.exitCode(), 0);
    }

    // A device that floods the server gets 429 with Retry-After once it has used a minute's
    // worth; other devices are served as usual.
    void aFloodIsAnsweredTooManyRequests() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        const HostileSetup setup = prepare(server);
        const std::string other = server.addDevice("staff", {"cm-sunshine"}).token.toStdString();
        QVERIFY(server.start());
        const std::string pull = httpRequest("GET", "/v1/sync/pull?limit=1",
                                             {{"Authorization", "Bearer " + setup.staffToken}, {"X-Courtyard-Schema", "2"}});
        int ok = 0;
        RawAnswer refused;
        for (int i = 0; i < 300 && refused.status == 0; ++i) {
            auto a = exchange(server.port(), pull);
            if (a.status == 200)
                ++ok;
            else
                refused = a;
        }
        QVERIFY2(ok >= 120 && ok < 300, std::to_string(ok).c_str()); // the default: 120 pulls a minute
        std::string why;
        QVERIFY2(isProperRefusal(refused, 429, &why), why.c_str());
        QVERIFY(std::stoi(refused.headers.at("retry-after")) >= 1);
        QCOMPARE(exchange(server.port(), httpRequest("GET", "/v1/sync/pull?limit=1",
                                                     {{"Authorization", "Bearer " + other}, {"X-Courtyard-Schema", "2"}}))
                     .status,
                 200);
        server.terminate();
        QCOMPARE(server.exitCode(), 0);
    }

    // Uploads that declare big bodies and then stall hold at most the budget; beyond it the
    // server says "come back later" instead of holding more, and serves the rest as usual.
    void stalledUploadsAreBoundedByTheBodyBudget() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        HostileSetup setup = prepare(server);
        QVERIFY(server.start({"--body-budget-mib", "16"}));
        QVERIFY(signInStaff(server.port(), setup));
        std::vector<std::unique_ptr<QTcpSocket>> stalled;
        for (int i = 0; i < 2; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost("127.0.0.1", quint16(server.port()));
            QVERIFY(s->waitForConnected(5000));
            s->write(QByteArray::fromStdString(pushHeader(setup.staffToken, 7u << 20)) + QByteArray(1000, ' '));
            QVERIFY(s->waitForBytesWritten(5000));
            stalled.push_back(std::move(s));
        }
        QTest::qWait(500); // both headers read, their 14 MiB reserved
        const auto refused = exchange(server.port(), pushHeader(setup.staffToken, 7u << 20));
        std::string why;
        QVERIFY2(isProperRefusal(refused, 503, &why), why.c_str());
        QVERIFY(std::stoi(refused.headers.at("retry-after")) >= 1);
        // Small requests go on meanwhile.
        QCOMPARE(exchange(server.port(), withTokens(setupPushRequest(setup), setup)).status, 200);
        // The stalled uploads give up: their share comes back.
        stalled.clear();
        QTest::qWait(500);
        const std::string body = R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[]})";
        const auto big = exchange(server.port(), pushHeader(setup.staffToken, 7u << 20) + body + std::string((7u << 20) - body.size(), ' '));
        QCOMPARE(big.status, 200);
        server.terminate();
        QCOMPARE(server.exitCode(), 0);
    }

    // The read timeout bounds the wait for progress, not the whole upload.
    void aSlowButMovingUploadCompletesAndAStalledOneIsCutOff() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        const HostileSetup setup = prepare(server);
        QVERIFY(server.start({"--read-timeout", "2"}));
        const std::string body = R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[]})" + std::string(100000, ' ');
        QTcpSocket slow;
        slow.connectToHost("127.0.0.1", quint16(server.port()));
        QVERIFY(slow.waitForConnected(5000));
        slow.write(QByteArray::fromStdString(pushHeader(setup.staffToken, body.size())));
        // Ten pieces half a second apart: five seconds in all, more than twice the timeout.
        const std::size_t piece = body.size() / 10 + 1;
        for (std::size_t off = 0; off < body.size(); off += piece) {
            slow.write(QByteArray::fromStdString(body.substr(off, piece)));
            QVERIFY(slow.waitForBytesWritten(5000));
            QTest::qWait(500);
        }
        QByteArray answer = slow.readAll(); // it may have come during the last wait
        while (!answer.contains("\r\n\r\n") && slow.waitForReadyRead(5000))
            answer += slow.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());

        QTcpSocket stalled;
        stalled.connectToHost("127.0.0.1", quint16(server.port()));
        QVERIFY(stalled.waitForConnected(5000));
        stalled.write(QByteArray::fromStdString(pushHeader(setup.staffToken, body.size())) + "{");
        QVERIFY(stalled.waitForBytesWritten(5000));
        QVERIFY(stalled.waitForDisconnected(10000));
        QVERIFY(server.running());
        server.terminate();
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(HostileTest)
#include "hostile_test.moc"
