// Backup and restore end to end, against the real courtyard-server on 127.0.0.1: a backup taken
// while the server serves, work done after it on two devices (new complaints, an edit, a photo),
// the server stopped and its data directory restored from the backup. The restored database has
// a new identity; when the devices sync again they pull from the start and send again what the
// restored server lacks, so every record and photo any device held is back on the server, once,
// and on every device; and the devices keep working. Each test starts and stops its servers.
#include "server/storage/postgres/pg_connection.h"
#include "server/storage/postgres/pg_schema.h"
#include "server/storage/postgres_storage.h"
#include "shared/store/record_store.h"
#include "support/postgres_cluster.h"
#include "support/server_process.h"
#include "support/test_device.h"
#include "sync/protocol/crypto.h"
#include "test_support.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace courtyard;
using namespace courtyard::test;

namespace {

std::map<std::string, Json> complaintsOn(const std::string& dbPath) {
    std::map<std::string, Json> out;
    auto s = store::SqliteRecordStore::open(dbPath);
    if (!s)
        return out;
    store::RecordQuery q;
    q.types = {"complaint"};
    for (const auto& r : *(*s)->query(q))
        out[r.id] = r.body;
    return out;
}

bool syncUntilComplete(TestDevice& d) {
    for (int i = 0; i < 10; ++i)
        if (d.sync().complete)
            return true;
    return false;
}

Result<std::string> complaintWithPhoto(TestDevice& d, const std::string& content, const std::string& photo) {
    auto sha = d.store().putBlob(photo, "image/jpeg");
    if (!sha)
        return sha.error();
    return d.store().create("complaint",
                            Json{{"community_id", "cm-sunshine"},
                                 {"channel", "phone"},
                                 {"category", "repairs"},
                                 {"content", content},
                                 {"received_at", formatInstant(d.now())},
                                 {"attachments", {{{"sha256", *sha}, {"kind", "photo"}, {"mime", "image/jpeg"},
                                                   {"size", photo.size()}}}}},
                            d.actor(), d.now());
}

bool onServer(ServerProcess& server, const std::string& photo) {
    const std::string sha = sync::sha256Hex(photo);
    QFile f(server.dataDir() + "/blobs/" + QString::fromStdString(sha.substr(0, 2) + "/" + sha));
    return f.open(QIODevice::ReadOnly) && f.readAll().toStdString() == photo;
}

// Runs courtyard-server; its exit code (-1 when it did not finish), what it wrote to each stream.
int runServer(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr) {
    QProcess p;
    p.start(serverBinary(), args);
    if (!p.waitForFinished(180000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// One value of a PostgreSQL database ("" when the statement fails or finds nothing).
std::string pgValue(const QString& conninfo, const std::string& sql) {
    auto c = server::pg::Connection::open(conninfo.toStdString());
    if (!c)
        return "";
    auto rows = (*c)->exec(sql);
    return rows && rows->size() > 0 ? rows->text(0, 0) : "";
}

const std::string kActive = "SELECT body::jsonb ->> 'active' FROM records WHERE id = 's-1001'";

// A throw-away cluster with a database "live" made by `init --demo`, and that database's identity.
bool demoDatabase(PostgresCluster& cluster, QString& live, std::string& id) {
    if (!cluster.start())
        return false;
    live = cluster.createDatabase("live");
    if (live.isEmpty() || runServer({"init", "--demo", "--store", live}) != 0)
        return false;
    id = pgValue(live, "SELECT value FROM meta WHERE key = 'database_id'");
    return !id.empty();
}

} // namespace

class RestoreTest : public QObject {
    Q_OBJECT
private slots:
    void nothingAnyDeviceHoldsIsLostAcrossARestore() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        const auto e1 = server.addDevice("staff", {"cm-sunshine"}, "tablet 1");
        const auto e2 = server.addDevice("staff", {"cm-sunshine"}, "tablet 2");
        QVERIFY(server.start());
        TestDevice d1(server.url(), e1.token), d2(server.url(), e2.token);
        QVERIFY(syncUntilComplete(d1) && syncUntilComplete(d2));
        QVERIFY(d1.signIn("1001"));
        QVERIFY(d2.signIn("1002"));

        // Before the backup.
        const std::string photoBefore(200000, 'b'), photoAfter(300000, 'a');
        const auto c1 = *d1.fileComplaint("cm-sunshine", "c1: corridor light out");
        const auto c2 = *complaintWithPhoto(d1, "c2: broken railing", photoBefore);
        const auto c3 = *d2.fileComplaint("cm-sunshine", "c3: lift noise");
        QVERIFY(syncUntilComplete(d1) && syncUntilComplete(d2));
        const std::string databaseBefore = d1.store().state()->serverDatabase;
        QVERIFY(!databaseBefore.empty());

        // The backup, while serving.
        const QString backup = server.dataDir() + "/../restore-test-" + QString::number(server.port()) + ".backup";
        QByteArray out, err;
        QCOMPARE(server.admin({"backup", "--to", backup}, &out, &err), 0);
        QVERIFY2(out.contains("attachments"), out.constData());
        QVERIFY(server.running());

        // After the backup: both devices go on working and sync.
        const auto c4 = *d1.fileComplaint("cm-sunshine", "c4: water stain");
        QVERIFY(d1.store().update(c1, Json{{"content", "c1: corridor light out, floors 2 and 3"}}, d1.actor(), d1.now()));
        const auto c5 = *complaintWithPhoto(d2, "c5: cracked tile", photoAfter);
        QVERIFY(syncUntilComplete(d1) && syncUntilComplete(d2) && syncUntilComplete(d1));
        QVERIFY(onServer(server, photoAfter));

        // Disaster: the server is stopped and its data directory restored from the backup. A
        // restore refuses to run under a live server.
        QCOMPARE(server.admin({"restore", "--from", backup, "--replace"}), 1);
        server.terminate();
        // As on a new disk: the photo taken after the backup is gone with the old one.
        QVERIFY(QFile::remove(server.dataDir() + "/blobs/" +
                              QString::fromStdString(sync::sha256Hex(photoAfter).substr(0, 2) + "/" +
                                                     sync::sha256Hex(photoAfter))));
        QCOMPARE(server.admin({"restore", "--from", backup}), 1); // a database is there: needs --replace
        QCOMPARE(server.admin({"restore", "--from", backup, "--replace"}, &out, &err), 0);
        QFile::remove(backup);
        const auto restored = complaintsOn(server.dataDir().toStdString() + "/courtyard.db");
        QCOMPARE(int(restored.size()), 3); // what the backup had
        QVERIFY(!restored.count(c4) && !restored.count(c5));
        QVERIFY(server.start());

        // The devices sync: the restored server's identity tells them it forgot, and each
        // sends again what it did after the backup (d1: c4 and its edit of c1; d2: c5).
        const auto r1 = d1.sync();
        QVERIFY2(r1.complete, r1.error ? r1.error->message.c_str() : "");
        QCOMPARE(r1.resent, 2);
        const auto r2 = d2.sync();
        QVERIFY2(r2.complete, r2.error ? r2.error->message.c_str() : "");
        QCOMPARE(r2.resent, 1);
        QVERIFY(syncUntilComplete(d1)); // d2's re-sent complaint comes to d1
        QVERIFY(d1.store().state()->serverDatabase != databaseBefore);

        const auto onServerNow = complaintsOn(server.dataDir().toStdString() + "/courtyard.db");
        for (const auto& id : {c1, c2, c3, c4, c5})
            QVERIFY2(onServerNow.count(id), id.c_str());
        QCOMPARE(int(onServerNow.size()), 5); // none twice
        QCOMPARE(onServerNow.at(c1)["content"], Json("c1: corridor light out, floors 2 and 3"));
        QVERIFY(onServer(server, photoBefore));
        QVERIFY(onServer(server, photoAfter)); // sent again by the device that took it
        for (TestDevice* d : {&d1, &d2}) {
            QCOMPARE(*d->store().pendingCount(), std::int64_t(0));
            QVERIFY(d->store().rejections()->empty());
            store::RecordQuery q;
            q.types = {"complaint"};
            QCOMPARE(int(d->store().query(q)->size()), 5);
        }

        // And work goes on.
        const auto c6 = *d2.fileComplaint("cm-sunshine", "c6: after the restore");
        QVERIFY(syncUntilComplete(d2) && syncUntilComplete(d1));
        QVERIFY(d1.store().get(c6)->has_value());
        server.terminate();
        QCOMPARE(server.exitCode(), 0);
    }

    // A backup file that is not one, and a restore into a fresh directory.
    void backupsAreCheckedAndRestoreIntoAnEmptyDirectory() {
        ServerProcess server;
        QVERIFY(server.initDemo());
        QTemporaryDir dir;
        const QString backup = dir.filePath("courtyard.backup");
        QCOMPARE(server.admin({"backup", "--to", backup}), 0);
        QFile junk(dir.filePath("junk.backup"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a backup");
        junk.close();
        ServerProcess fresh(dir.filePath("fresh"));
        QProcess p;
        p.start(serverBinary(), {"restore", "--data", dir.filePath("fresh"), "--from", junk.fileName()});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        p.start(serverBinary(), {"restore", "--data", dir.filePath("fresh"), "--from", backup});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(fresh.start());
        const auto e = fresh.addDevice("staff", {"cm-sunshine"});
        TestDevice d(fresh.url(), e.token);
        QVERIFY(syncUntilComplete(d));
        QVERIFY(d.signIn("1001"));
        fresh.terminate();
        QCOMPARE(fresh.exitCode(), 0);
    }

    // PostgreSQL: a backup taken with the database in use (pg_dump over one exported snapshot,
    // attachments in it), restored into an empty database and over the live one (--replace
    // only), each time with a new identity; a database that already holds Courtyard's data and
    // a file that is not a backup are refused, and nothing changes.
    void aPostgresDatabaseIsBackedUpAndRestoredWithANewIdentity() {
        PostgresCluster cluster;
        QString live;
        std::string original;
        QVERIFY(demoDatabase(cluster, live, original));
        const std::string records = pgValue(live, "SELECT count(*) FROM records");
        QCOMPARE(pgValue(live, kActive), std::string("true"));

        QTemporaryDir dir;
        const QString backup = dir.filePath("courtyard.pgdump");
        QByteArray out, err;
        QCOMPARE(runServer({"backup", "--store", live, "--to", backup}, &out, &err), 0);
        QVERIFY2(out.startsWith(QByteArray("Backed up database ") + original.c_str() + ": " + records.c_str() + " records"),
                 out.constData());
        QVERIFY(QFile::exists(backup));
        QVERIFY(!QFile::exists(backup + ".part"));

        // After the backup, 王敏 (s-1001) leaves.
        QCOMPARE(runServer({"staff", "deactivate", "s-1001", "--store", live}), 0);
        QCOMPARE(pgValue(live, kActive), std::string("false"));

        // Into an empty database: the backup's records, a new identity, marked restored.
        const QString fresh = cluster.createDatabase("fresh");
        QVERIFY(!fresh.isEmpty());
        QCOMPARE(runServer({"restore", "--store", fresh, "--from", backup}, &out, &err), 0);
        const std::string freshId = pgValue(fresh, "SELECT value FROM meta WHERE key = 'database_id'");
        QVERIFY(!freshId.empty() && freshId != original);
        QVERIFY2(out.contains(QByteArray("This is database ") + freshId.c_str() + " now"), out.constData());
        QCOMPARE(pgValue(fresh, "SELECT count(*) FROM records"), records);
        QCOMPARE(pgValue(fresh, kActive), std::string("true"));
        QCOMPARE(pgValue(fresh, "SELECT value FROM meta WHERE key = 'restored_from'"), original);
        {
            auto opened = server::PostgresStorage::open(fresh.toStdString(), {});
            QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
            QCOMPARE((*opened)->identity().id, freshId);
            QVERIFY((*opened)->identity().restored);
        }

        // Over the live database: refused without --replace; a file that is not a backup is
        // refused even with it. Neither changes anything.
        QCOMPARE(runServer({"restore", "--store", live, "--from", backup}, &out, &err), 1);
        QVERIFY2(err.contains("--replace"), err.constData());
        QFile junk(dir.filePath("junk.pgdump"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a backup");
        junk.close();
        QCOMPARE(runServer({"restore", "--store", live, "--from", junk.fileName(), "--replace"}, &out, &err), 1);
        QVERIFY2(err.contains("is not a PostgreSQL backup"), err.constData());
        QCOMPARE(runServer({"restore", "--store", live, "--from", dir.filePath("missing.pgdump"), "--replace"}), 1);
        QCOMPARE(pgValue(live, kActive), std::string("false"));
        QCOMPARE(pgValue(live, "SELECT value FROM meta WHERE key = 'database_id'"), original);

        // With --replace: the backup's state, under a new identity of its own.
        QCOMPARE(runServer({"restore", "--store", live, "--from", backup, "--replace"}, &out, &err), 0);
        QCOMPARE(pgValue(live, kActive), std::string("true"));
        const std::string liveId = pgValue(live, "SELECT value FROM meta WHERE key = 'database_id'");
        QVERIFY(liveId != original && liveId != freshId);
        QCOMPARE(pgValue(live, "SELECT count(*) FROM records"), records);
        // And it serves: a server starts on it (migrations, identity) and `backup` reads it again.
        QCOMPARE(runServer({"backup", "--store", live, "--to", dir.filePath("again.pgdump")}, &out, &err), 0);
        QVERIFY2(out.startsWith(QByteArray("Backed up database ") + liveId.c_str()), out.constData());
    }

    // PostgreSQL: `restore` refuses while a server (or a command) is connected, naming it, and
    // changes nothing; once the server has stopped it goes ahead. While a restore runs (its lock
    // held here as `restore` holds it), servers and commands refuse to start on the database.
    void aPostgresRestoreWaitsForEveryServerToStop() {
        PostgresCluster cluster;
        QString live;
        std::string original;
        QVERIFY(demoDatabase(cluster, live, original));
        QTemporaryDir dir;
        const QString backup = dir.filePath("courtyard.pgdump");
        QCOMPARE(runServer({"backup", "--store", live, "--to", backup}), 0);

        QProcess server;
        server.start(serverBinary(), {"serve", "--store", live, "--listen", "127.0.0.1:0"});
        QVERIFY(server.waitForStarted(10000));
        QByteArray said;
        for (int i = 0; i < 100 && !said.contains("listening"); ++i)
            if (server.waitForReadyRead(200))
                said += server.readAllStandardOutput();
        QVERIFY2(said.contains("listening"), said.constData());

        QByteArray out, err;
        QCOMPARE(runServer({"restore", "--store", live, "--from", backup, "--replace"}, &out, &err), 1);
        const QByteArray name = "courtyard-server " + QByteArray::number(server.processId());
        QVERIFY2(err.contains("in use by " + name), err.constData());
        QVERIFY2(err.contains("nothing was changed"), err.constData());
        QCOMPARE(pgValue(live, "SELECT value FROM meta WHERE key = 'database_id'"), original);
        QCOMPARE(pgValue(live, "SELECT count(*) FROM meta WHERE key = 'restored_at'"), std::string("0"));

        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(15000));
        QCOMPARE(server.exitCode(), 0);
        QCOMPARE(runServer({"restore", "--store", live, "--from", backup, "--replace"}, &out, &err), 0);
        QVERIFY(pgValue(live, "SELECT value FROM meta WHERE key = 'database_id'") != original);

        {
            auto restoring = server::pg::Connection::open(live.toStdString());
            QVERIFY(restoring);
            QVERIFY((*restoring)->exec("SELECT pg_advisory_lock($1)", {server::pg::kInUseLock}));
            QCOMPARE(runServer({"staff", "deactivate", "s-1001", "--store", live}, &out, &err), 1);
            QVERIFY2(err.contains("a restore is replacing this database"), err.constData());
            QCOMPARE(pgValue(live, kActive), std::string("true"));
            QCOMPARE(runServer({"backup", "--store", live, "--to", dir.filePath("during.pgdump")}, &out, &err), 1);
            QVERIFY2(err.contains("a restore is replacing this database"), err.constData());
            QVERIFY(!QFile::exists(dir.filePath("during.pgdump")));
        }
        // The restore's connection closed: the lock went with it.
        QCOMPARE(runServer({"staff", "deactivate", "s-1001", "--store", live}, &out, &err), 0);
        QCOMPARE(pgValue(live, kActive), std::string("false"));
    }
};

QTEST_GUILESS_MAIN(RestoreTest)
#include "restore_test.moc"
