// Issue 15, retention end to end with the real binaries on 127.0.0.1: a demo company with 27
// months of history has complaints and suggestions that ended more than two years ago.
// `courtyard-server retention --dry-run` lists them and changes nothing; a supervisor's tablet
// syncs and holds them; the server's own daily pass (its timer) archives them to DATA/archive and
// purges them; the tablet's next sync deletes them there; the monthly report over a purged month
// says so; a dry run afterwards finds nothing; and the archive folder goes back into an empty
// server with `retention --import`.
#include "support/server_process.h"
#include "support/test_device.h"

#include "shared/store/record_store.h"

#include <QDir>
#include <QRegularExpression>
#include <QtTest>

#include <fstream>

using namespace courtyard;
using courtyard::test::ServerProcess;
using courtyard::test::TestDevice;

namespace {

// "purge  complaint <id> <community> ended <instant>" lines of a dry run.
struct Listed {
    std::string type, id, community;
};

std::vector<Listed> listedForPurge(const QByteArray& out) {
    std::vector<Listed> items;
    for (const auto& line : QString::fromUtf8(out).split('\n')) {
        const auto parts = line.split(' ', Qt::SkipEmptyParts);
        if (parts.size() >= 4 && parts[0] == "purge")
            items.push_back({parts[1].toStdString(), parts[2].toStdString(), parts[3].toStdString()});
    }
    return items;
}

int wouldPurge(const QByteArray& out) {
    const auto m = QRegularExpression("would archive and purge (\\d+) record").match(QString::fromUtf8(out));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

bool syncUntilComplete(TestDevice& d) {
    for (int i = 0; i < 20; ++i)
        if (d.sync().complete)
            return true;
    return false;
}

} // namespace

class RetentionLoopbackTest : public QObject {
    Q_OBJECT

private slots:
    void theDailyPassPurgesOnTheServerAndOnTheTablet() {
        ServerProcess server;
        QByteArray out, err;
        QCOMPARE(server.admin({"init", "--demo", "--history", "27"}, &out, &err), 0);

        // The dry run lists what has been over for more than two years, and changes nothing.
        QCOMPARE(server.admin({"retention", "--dry-run"}, &out, &err), 0);
        const int due = wouldPurge(out);
        QVERIFY2(due > 0, out.constData());
        const auto listed = listedForPurge(out);
        QCOMPARE(int(listed.size()), due);
        std::string victim;
        for (const auto& l : listed)
            if (l.type == "complaint" && l.community == "cm-sunshine")
                victim = l.id;
        QVERIFY2(!victim.empty(), "a complaint at Sunshine is due");
        QCOMPARE(server.admin({"retention", "--dry-run"}, &out, &err), 0);
        QCOMPARE(wouldPurge(out), due);
        // --as-of only for a dry run: a pass purges by today's date.
        QCOMPARE(server.admin({"retention", "--as-of", "2030-01-01"}, &out, &err), 2);

        // A supervisor's tablet at Sunshine syncs and holds the complaint.
        const auto enrolled = server.addDevice("supervisor", {"cm-sunshine"});
        QVERIFY(server.start());
        TestDevice tablet(server.url(), enrolled.token);
        QVERIFY(syncUntilComplete(tablet));
        auto held = tablet.store().records().get(victim);
        QVERIFY(held && *held && !(*held)->deleted);

        // The server's timer runs the day's pass (its first tick a second after start).
        server.terminate();
        QVERIFY(server.start({"--escalation-interval", "1"}));
        const QDir archives(server.dataDir() + "/archive");
        QString folder;
        for (int i = 0; i < 100 && folder.isEmpty(); ++i) {
            const auto made = archives.entryList({"retention-*"}, QDir::Dirs | QDir::NoDotAndDotDot);
            if (!made.isEmpty() && !made.first().endsWith(".partial"))
                folder = archives.filePath(made.first());
            else
                QTest::qWait(100);
        }
        QVERIFY2(!folder.isEmpty(), "the daily pass wrote an archive");
        // The pass commits its purge after the archive is renamed into place: wait for it.
        for (int i = 0; i < 100 && wouldPurge(out) != 0; ++i) {
            QCOMPARE(server.admin({"retention", "--dry-run"}, &out, &err), 0);
            if (wouldPurge(out) != 0)
                QTest::qWait(100);
        }
        QCOMPARE(wouldPurge(out), 0);
        std::ifstream manifestFile((folder + "/manifest.json").toStdString());
        const Json manifest = Json::parse(std::string(std::istreambuf_iterator<char>(manifestFile), {}));
        QCOMPARE(manifest["records"].get<int>(), due);

        // The tablet's next sync deletes it there.
        QVERIFY(syncUntilComplete(tablet));
        held = tablet.store().records().get(victim);
        QVERIFY(held && *held);
        QVERIFY((*held)->deleted);
        QVERIFY((*held)->body.contains("purged_at"));
        QVERIFY(!(*held)->body.contains("complainant"));
        store::RecordQuery q;
        q.types = {"complaint"};
        auto left = tablet.store().records().query(q);
        QVERIFY(left);
        for (const auto& r : *left)
            QVERIFY(r.id != victim);

        // The monthly report over the month the complaint came in says records were purged.
        std::ifstream lines((folder + "/records.jsonl").toStdString());
        std::string received;
        for (std::string line; std::getline(lines, line);) {
            const Json j = Json::parse(line);
            if (j["id"] == victim)
                received = stringAt(j["body"], "received_at");
        }
        QVERIFY(!received.empty());
        const Instant receivedAt = *parseInstant(received) + std::chrono::hours(8); // Asia/Shanghai
        const QString month = QString::fromStdString(formatInstant(receivedAt).substr(0, 7));
        QCOMPARE(server.admin({"report", "monthly", "--scope", "community", "--id", "cm-sunshine",
                               "--period", month},
                              &out, &err),
                 0);
        const Json report = Json::parse(out.toStdString());
        QVERIFY2(report.contains("purged"), out.constData());
        server.terminate();

        // The archive goes back into an empty server: the dry run there finds the same records.
        ServerProcess empty;
        QCOMPARE(empty.admin({"init", "--demo"}, &out, &err), 0);
        QCOMPARE(empty.admin({"retention", "--dry-run"}, &out, &err), 0);
        QCOMPARE(wouldPurge(out), 0);
        QCOMPARE(empty.admin({"retention", "--import", folder}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("Imported %1 record(s)").arg(due).toUtf8()), out.constData());
        QCOMPARE(empty.admin({"retention", "--dry-run"}, &out, &err), 0);
        QCOMPARE(wouldPurge(out), due);
        bool found = false;
        for (const auto& l : listedForPurge(out))
            found = found || l.id == victim;
        QVERIFY(found);
        // An archive folder that is not one is refused.
        QCOMPARE(empty.admin({"retention", "--import", server.dataDir()}, &out, &err), 1);
        QVERIFY2(err.contains("not a retention archive"), err.constData());
    }
};

QTEST_GUILESS_MAIN(RetentionLoopbackTest)
#include "retention_loopback_test.moc"
