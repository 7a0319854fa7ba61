// The PostgreSQL engine against a real PostgreSQL 15 (a throw-away cluster this test starts and
// stops): migrations when several servers start at once, what each kind of row reads back as,
// a unit that fails leaving nothing behind, and the command line's --store. The change
// sequence under concurrent writers and readers is postgres_sequence_test.
#include "server/storage/postgres/pg_connection.h"
#include "server/storage/postgres_storage.h"
#include "support/postgres_cluster.h"
#include "support/server_process.h"

#include <QProcess>
#include <QtTest>

#include <future>
#include <set>
#include <thread>
#include <unistd.h>

using namespace courtyard;
using namespace courtyard::server;
using courtyard::test::PostgresCluster;

namespace {

// A record of a type the reports do not count (a complaint's body would have to be a whole
// complaint: its report facts are written with it, and a body that cannot be projected is
// refused, as on SQLite).
store::StoredRecord unitRecord(const std::string& id, const std::string& community, const Json& body = Json::object()) {
    store::StoredRecord r;
    r.id = id;
    r.type = "unit";
    r.body = body;
    r.body["id"] = id;
    records::IndexFields f;
    f.communityId = community;
    f.state = "received";
    r.index = f;
    r.originDevice = "d-1";
    return r;
}

} // namespace

class PostgresStorageTest : public QObject {
    Q_OBJECT
    PostgresCluster m_cluster;

    // A new database `name`, a server's storage over it, and a connection of its own beside it
    // for what no server does (triggers, statistics, changes behind the write lock).
    struct Fresh {
        std::unique_ptr<PostgresStorage> storage;
        std::unique_ptr<pg::Connection> side;
    };
    Result<Fresh> fresh(const char* name) {
        const QString db = m_cluster.createDatabase(name);
        if (db.isEmpty())
            return internalError(std::string("could not create the database ") + name);
        auto storage = PostgresStorage::open(db.toStdString());
        if (!storage)
            return storage.error();
        auto side = pg::Connection::open(db.toStdString());
        if (!side)
            return side.error();
        return Fresh{std::move(*storage), std::move(*side)};
    }

private slots:
    void initTestCase() { QVERIFY(m_cluster.start()); }
    void cleanupTestCase() { m_cluster.stop(); }

    void severalServersStartingAtOnceMigrateOnce() {
        const QString db = m_cluster.createDatabase("start_at_once");
        QVERIFY(!db.isEmpty());
        std::vector<std::future<Result<std::unique_ptr<PostgresStorage>>>> opening;
        for (int i = 0; i < 6; ++i)
            opening.push_back(std::async(std::launch::async, [&] { return PostgresStorage::open(db.toStdString()); }));
        std::set<std::string> identities;
        for (auto& f : opening) {
            auto s = f.get();
            QVERIFY2(s, s ? "" : s.error().message.c_str());
            identities.insert((*s)->identity().id);
        }
        QCOMPARE(identities.size(), std::size_t(1)); // one database, one identity
        QCOMPARE(identities.begin()->size(), std::size_t(32));
    }

    void recordsDevicesAndAccountabilityReadBack() {
        const QString db = m_cluster.createDatabase("read_back");
        auto s = PostgresStorage::open(db.toStdString());
        QVERIFY2(s, s ? "" : s.error().message.c_str());
        auto& storage = **s;
        const std::string secret("\0\x01\xff secret with a NUL", 22);
        const std::string sha(64, 'a');
        auto wrote = storage.write([&](WriteUnit& u) -> Status {
            for (auto id : {"c-2", "c-1"}) {
                auto v = u.put(unitRecord(id, "community-a"));
                if (!v)
                    return v.error();
            }
            CY_TRY(u.put(unitRecord("c-3", "community-b", {{"photos", Json::array({{{"sha256", sha}}})}})));
            DeviceRow d;
            d.id = "d-1";
            d.name = "front desk";
            d.roleName = "staff";
            d.communityIds = {"community-a"};
            d.createdAt = fromEpochMs(1000);
            CY_TRY(u.addDevice(d, "token-hash"));
            CY_TRY(u.putOpBatch("d-1", 1, 3, "[1,2,3]"));
            CY_TRY(u.setDeviceProgress("d-1", 3, fromEpochMs(2000)));
            CY_TRY(u.addCredential(CredentialRow{"cr-1", "s-1", "d-1", secret, 4, fromEpochMs(1), fromEpochMs(9), {}}));
            CY_TRY(u.setPinHash("s-1", "argon2-hash", fromEpochMs(5)));
            CY_TRY(u.setSignInFailures("staff:s-1", SignInFailures{2, fromEpochMs(7)}));
            AuditEntry e;
            e.at = fromEpochMs(8);
            e.deviceId = "d-1";
            e.kind = "create";
            e.recordId = "c-1";
            e.outcome = "applied";
            e.version = 2;
            e.detail = {{"field", "中文"}};
            CY_TRY(u.addAudit(e));
            CY_TRY(u.putBlob(BlobRow{sha, 10, 4, false, "image/jpeg"}, fromEpochMs(9)));
            return u.setMeta("k", "v");
        });
        QVERIFY2(wrote, wrote ? "" : wrote.error().message.c_str());

        auto readBack = storage.read([&](ReadUnit& u) -> Status {
            auto max = u.maxVersion();
            if (!max || *max != 3)
                return internalError("max version");
            auto got = u.get("c-1");
            if (!got || !*got || (*got)->version != 2 || (*got)->body.at("id") != "c-1")
                return internalError("get c-1");
            store::RecordQuery q;
            q.communityIds = {"community-a"};
            auto ids = u.query(q);
            if (!ids || ids->size() != 2 || (*ids)[0].id != "c-1" || (*ids)[1].id != "c-2")
                return internalError("query orders by id");
            ChangeFilter f;
            f.communityIds = {"community-b"};
            f.companyWide = false;
            f.types = {"unit"};
            auto ch = u.changes(f, 0, 10);
            if (!ch || ch->size() != 1 || (*ch)[0].id != "c-3" || (*ch)[0].rawBody.find(sha) == std::string::npos)
                return internalError("changes filtered by community");
            auto refs = u.blobReferrers(sha);
            if (!refs || *refs != std::vector<std::string>{"c-3"})
                return internalError("blob references");
            auto dev = u.deviceByTokenHash("token-hash");
            if (!dev || !*dev || (*dev)->lastSeq != 3 || (*dev)->communityIds != std::vector<std::string>{"community-a"})
                return internalError("device by token");
            auto batch = u.opBatch("d-1", 2);
            if (!batch || !*batch || (*batch)->firstSeq != 1 || (*batch)->results != "[1,2,3]")
                return internalError("operation batch");
            auto cred = u.credential("cr-1");
            if (!cred || !*cred || (*cred)->secret != secret || (*cred)->epoch != 4)
                return internalError("credential secret bytes");
            auto fails = u.signInFailures("staff:s-1");
            if (!fails || fails->failures != 2)
                return internalError("sign-in failures");
            auto log = u.audit(AuditQuery{"c-1", "", "", false, {}, 10});
            if (!log || log->size() != 1 || log->front().detail.at("field") != "中文" || log->front().version != 2)
                return internalError("audit");
            auto blob = u.blob(sha);
            if (!blob || !*blob || (*blob)->received != 4 || (*blob)->complete)
                return internalError("blob row");
            return {};
        });
        QVERIFY2(readBack, readBack ? "" : readBack.error().message.c_str());

        // A revoked device cannot be revoked twice; a failing unit leaves nothing, not even its
        // version numbers.
        QVERIFY(storage.write([](WriteUnit& u) { return u.revokeDevice("d-1", fromEpochMs(3000)); }));
        auto again = storage.write([](WriteUnit& u) { return u.revokeDevice("d-1", fromEpochMs(3000)); });
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::NotFound);
        auto failed = storage.write([](WriteUnit& u) -> Status {
            CY_TRY(u.put(unitRecord("c-9", "community-a")));
            return conflict("changed my mind");
        });
        QVERIFY(!failed);
        QVERIFY(storage.write([](WriteUnit& u) -> Status {
            auto v = u.put(unitRecord("c-4", "community-a"));
            if (!v || *v != 4)
                return internalError("the next version after a rolled-back unit is 4");
            return {};
        }));
        QVERIFY(storage.read([](ReadUnit& u) -> Status {
            auto gone = u.get("c-9");
            return gone && !*gone ? Status{} : internalError("c-9 was rolled back");
        }));
    }

    // A push's records read ahead in one statement (WriteUnit::prefetch): each one as stored,
    // none for an id that has no record (odd characters included), and a record the unit
    // stores afterwards read afresh, as the unit wrote it.
    void aPushsRecordsAreReadAheadInOneStatement() {
        auto f = fresh("prefetch");
        QVERIFY2(f, f ? "" : f.error().message.c_str());
        auto& storage = *f->storage;
        auto& side = f->side;
        const std::string odd = "c-\"quoted\", with\\ a backslash {and} braces";
        QVERIFY(storage.write([&](WriteUnit& u) -> Status {
            for (const std::string& id : {std::string("c-1"), std::string("c-2"), odd})
                CY_TRY(u.put(unitRecord(id, "community-a", {{"note", "first " + id}})));
            return {};
        }));
        auto wrote = storage.write([&](WriteUnit& u) -> Status {
            CY_TRY(u.prefetch({"c-1", "c-2", "c-none", odd, "c-1"}));
            // Changed behind the write lock (no server does that): the unit still reads what it
            // read ahead, so the read came from there, not from the database.
            CY_TRY(side->run("UPDATE records SET body = '{\"note\": \"changed\"}' WHERE id = 'c-1'"));
            auto one = u.get("c-1");
            if (!one || !*one || stringAt((*one)->body, "note") != "first c-1" || (*one)->version != 1)
                return internalError("c-1 read ahead is not the stored record");
            auto none = u.get("c-none");
            if (!none || *none)
                return internalError("an id without a record read ahead as a record");
            auto quoted = u.get(odd);
            if (!quoted || !*quoted || stringAt((*quoted)->body, "note") != "first " + odd)
                return internalError("the id with quotes and a backslash was not read ahead");
            CY_TRY(u.put(unitRecord("c-2", "community-a", {{"note", "second"}})));
            auto two = u.get("c-2"); // stored by this unit since: read afresh
            if (!two || !*two || stringAt((*two)->body, "note") != "second" || (*two)->version != 4)
                return internalError("c-2 after this unit stored it is not what it stored");
            auto again = u.get("c-1"); // handed out once; then from the database
            if (!again || !*again || stringAt((*again)->body, "note") != "changed")
                return internalError("c-1 read a second time did not come from the database");
            return {};
        });
        QVERIFY2(wrote, wrote ? "" : wrote.error().message.c_str());
    }

    // A NUL in a text parameter (libpq sends text as a C string) arrives as U+FFFD, on both ways
    // of sending (one statement, and the queue a unit's writes go in): not cut short, which put
    // a record of community "community-a\0x" in community "community-a".
    void aNulInATextIsSentAsAReplacementCharacterNotCutShort() {
        auto f = fresh("nul_text");
        QVERIFY2(f, f ? "" : f.error().message.c_str());
        const std::string nul("a\0b", 3);
        auto echoed = f->side->exec("SELECT $1::text, octet_length($1::text), $2::bytea", {nul, pg::Param::bytes(nul)});
        QVERIFY2(echoed, echoed ? "" : echoed.error().message.c_str());
        QCOMPARE(echoed->text(0, 0), std::string("a\xEF\xBF\xBD" "b"));
        QCOMPARE(echoed->text(0, 1), std::string("5"));
        QCOMPARE(echoed->bytes(0, 2), nul); // bytes go as they are
        const std::string community("community-a\0x", 13);
        QVERIFY(f->storage->write([&](WriteUnit& u) -> Status {
            for (const auto& [id, c] : {std::pair{"c-1", std::string("community-a")}, std::pair{"c-nul", community}})
                if (auto v = u.put(unitRecord(id, c)); !v)
                    return v.error();
            return {};
        }));
        auto inCommunity = [&](const std::string& id) {
            std::vector<std::string> ids;
            auto read = f->storage->read([&](ReadUnit& u) -> Status {
                store::RecordQuery q;
                q.communityIds = {id};
                auto found = u.query(q);
                if (!found)
                    return found.error();
                for (const auto& r : *found)
                    ids.push_back(r.id);
                return {};
            });
            return read ? ids : std::vector<std::string>{"(the read failed)"};
        };
        QCOMPARE(inCommunity("community-a"), std::vector<std::string>{"c-1"});
        QCOMPARE(inCommunity("community-a\xEF\xBF\xBDx"), std::vector<std::string>{"c-nul"});
    }

    // A record is written without a savepoint of its own, its statements queued to go with the
    // unit's next round trip. When one of them fails, PostgreSQL aborts the transaction: the
    // call that sent it reports the error, the whole unit fails and nothing of it is stored,
    // even if the work carries on past the error (a COMMIT would roll back while answering
    // success). A full queue goes out without waiting for its answers (Connection::write):
    // its failure is reported by the next call that sends anything.
    void aRecordThatCannotBeStoredFailsItsWholeUnit() {
        auto f = fresh("record_failure");
        QVERIFY2(f, f ? "" : f.error().message.c_str());
        auto& storage = *f->storage;
        auto& side = f->side;
        QVERIFY(side->run("CREATE FUNCTION refuse_c2() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                          "IF NEW.id = 'c-2' THEN RAISE EXCEPTION 'injected failure'; END IF; "
                          "RETURN NEW; END $$; "
                          "CREATE TRIGGER refuse_c2 BEFORE INSERT ON records FOR EACH ROW "
                          "EXECUTE FUNCTION refuse_c2()"));
        auto count = [&] {
            auto rows = side->exec("SELECT count(*) FROM records WHERE id LIKE 'c-%'");
            return rows ? rows->int64(0, 0) : -1;
        };
        // Read your own queued writes; a failed one is reported by the read that sends it.
        std::optional<Error> readError;
        auto failed = storage.write([&](WriteUnit& u) -> Status {
            CY_TRY(u.put(unitRecord("c-1", "community-a")));
            auto own = u.get("c-1");
            if (!own || !*own || (*own)->version != 1)
                return internalError("the unit's own record, queued, is read back");
            (void)u.put(unitRecord("c-2", "community-a"));
            if (auto after = u.get("c-1"); !after)
                readError = after.error();
            (void)u.put(unitRecord("c-3", "community-a"));
            return {}; // carries on past the failure
        });
        QVERIFY(!failed);
        QVERIFY2(readError && readError->message.find("injected failure") != std::string::npos,
                 readError ? readError->message.c_str() : "the read after the failed write succeeded");
        QCOMPARE(count(), std::int64_t(0));
        // Carried on without reading: a full queue, or the end of the unit, sends it and fails.
        auto failedAtTheEnd = storage.write([&](WriteUnit& u) -> Status {
            for (int i = 1; i <= 70; ++i)
                (void)u.put(unitRecord("c-" + std::to_string(i), "community-a"));
            return {};
        });
        QVERIFY(!failedAtTheEnd);
        QVERIFY2(failedAtTheEnd.error().message.find("injected failure") != std::string::npos,
                 failedAtTheEnd.error().message.c_str());
        QCOMPARE(count(), std::int64_t(0));
        // The first 64 went out while the unit went on: the put that fills the queue again
        // reads their answers first, and fails with their failure.
        std::optional<int> failedAt;
        std::string failure;
        auto failedLater = storage.write([&](WriteUnit& u) -> Status {
            for (int i = 1; i <= 140; ++i)
                if (auto v = u.put(unitRecord("c-" + std::to_string(i), "community-a")); !v && !failedAt) {
                    failedAt = i;
                    failure = v.error().message;
                }
            return {};
        });
        QVERIFY(!failedLater);
        QCOMPARE(failedAt, std::optional<int>(128));
        QVERIFY2(failure.find("injected failure") != std::string::npos, failure.c_str());
        QCOMPARE(count(), std::int64_t(0));
        // A record refused before any statement (an unknown type) leaves the unit as it was.
        QVERIFY(side->run("DROP TRIGGER refuse_c2 ON records"));
        std::vector<std::int64_t> versions;
        QVERIFY(storage.write([&](WriteUnit& u) -> Status {
            auto bad = unitRecord("c-x", "community-a");
            bad.type = "no_such_type";
            if (u.put(bad))
                return internalError("a record of an unknown type was stored");
            for (const char* id : {"c-1", "c-2", "c-3"}) {
                auto v = u.put(unitRecord(id, "community-a"));
                if (!v)
                    return v.error();
                versions.push_back(*v);
            }
            return {};
        }));
        QCOMPARE(count(), std::int64_t(3));
        QCOMPARE(versions, (std::vector<std::int64_t>{1, 2, 3})); // the failed units handed out none
    }

    // After a burst that grew records by half, the server gathers its statistics itself (the
    // page query is planned from them; postgres_storage.cpp says why), on its own connection
    // and without holding up the unit. Small units do not each set off an ANALYZE.
    void aBurstOfChangesGathersFreshStatistics() {
        auto f = fresh("analyse");
        QVERIFY2(f, f ? "" : f.error().message.c_str());
        auto& storage = *f->storage;
        auto& side = f->side;
        // Manual ANALYZEs only (autovacuum's are counted apart), and what they found.
        auto analyses = [&] {
            auto rows = side->exec("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'records'");
            return rows && rows->size() == 1 ? rows->int64(0, 0) : -1;
        };
        auto tuples = [&] {
            auto rows = side->exec("SELECT reltuples::bigint FROM pg_class WHERE relname = 'records'");
            return rows && rows->size() == 1 ? rows->int64(0, 0) : -1;
        };
        auto waitForAnalyses = [&](std::int64_t n) {
            for (int i = 0; i < 200 && analyses() < n; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            return analyses();
        };
        auto store = [&](int from, int count) {
            return storage.write([&](WriteUnit& u) -> Status {
                for (int i = from; i < from + count; ++i)
                    CY_TRY(u.put(unitRecord("u-" + std::to_string(i), "community-a")));
                return {};
            });
        };
        QCOMPARE(analyses(), std::int64_t(0));
        for (int i = 0; i < 9; ++i) // 999 changes in nine units: not yet
            QVERIFY(store(i * 111, 111));
        std::this_thread::sleep_for(std::chrono::seconds(1));
        QCOMPARE(analyses(), std::int64_t(0));
        QVERIFY(store(999, 3001)); // the thousandth change and more: one ANALYZE
        QCOMPARE(waitForAnalyses(1), std::int64_t(1));
        QCOMPARE(tuples(), std::int64_t(4000));
        // The next comes once the table has grown by half again (2,000 of its 4,000 rows).
        QVERIFY(store(4000, 1999));
        std::this_thread::sleep_for(std::chrono::seconds(1));
        QCOMPARE(analyses(), std::int64_t(1));
        QVERIFY(store(5999, 1));
        QCOMPARE(waitForAnalyses(2), std::int64_t(2));
        QCOMPARE(tuples(), std::int64_t(6000));
    }

    // A server that lost its connections (the database restarted, or dropped idle sessions)
    // held no in-use lock meanwhile, so a restore could have replaced the database. When it
    // connects again to a database with another identity it refuses every unit: it never serves
    // the replaced database under the identity it read at start.
    void aServerWhoseDatabaseWasReplacedRefusesToGoOn() {
        auto f = fresh("replaced");
        QVERIFY2(f, f ? "" : f.error().message.c_str());
        auto& storage = *f->storage;
        auto& side = f->side;
        auto readMeta = [&] {
            return storage.read([](ReadUnit& u) -> Status {
                auto n = u.count(store::RecordQuery{});
                return n ? Status{} : Status(n.error());
            });
        };
        QVERIFY(readMeta());
        // The storage's sessions are named after this process; the side connection is not.
        const std::string mine = "courtyard-server " + std::to_string(::getpid()) + "%";
        auto sessions = side->exec("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE $1 "
                                   "AND datname = current_database()",
                                   {mine});
        QVERIFY(sessions && sessions->int64(0, 0) >= 1);
        // Restored meanwhile: a new identity. Then every session of the storage is cut.
        QVERIFY(side->run("UPDATE meta SET value = 'db-restored' WHERE key = 'database_id'"));
        QVERIFY(side->exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1 "
                           "AND datname = current_database()",
                           {mine}));
        Status last;
        for (int i = 0; i < 4; ++i) {
            last = readMeta();
            QVERIFY(!last); // the first finds its connection gone; the next ones a replaced database
        }
        QVERIFY2(last.error().message.find("replaced while this server ran") != std::string::npos,
                 last.error().message.c_str());
        QCOMPARE(storage.identity().id.empty(), false);
        QVERIFY(storage.identity().id != "db-restored");
    }

    void theCommandLineWorksOnAStore() {
        const QString db = m_cluster.createDatabase("command_line");
        auto run = [](const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr) {
            QProcess p;
            p.start(test::serverBinary(), args);
            p.waitForFinished(120000);
            if (out)
                *out = p.readAllStandardOutput();
            if (err)
                *err = p.readAllStandardError();
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QByteArray out, err;
        QCOMPARE(run({"init", "--store", db, "--demo"}, &out, &err), 0);
        QVERIFY2(out.contains("company:"), out.constData());
        // The store from the environment, as a service's settings give it.
        QProcess add;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("COURTYARD_STORE", db);
        add.setProcessEnvironment(env);
        add.start(test::serverBinary(), {"device", "add", "--role", "staff", "--name", "pg tablet", "--community",
                                         "cm-sunshine", "--json"});
        QVERIFY(add.waitForFinished(60000));
        QCOMPARE(add.exitCode(), 0);
        QCOMPARE(run({"device", "list", "--store", db}, &out), 0);
        QVERIFY2(out.contains("pg tablet"), out.constData());
        // Reports run on PostgreSQL too (report_engines_test compares every figure with SQLite's).
        QCOMPARE(run({"report", "monthly", "--store", db}, &out, &err), 0);
        QVERIFY2(out.contains("\"kind\": \"monthly\""), out.constData());
        // One place or the other.
        QTemporaryDir dir;
        QCOMPARE(run({"device", "list", "--store", db, "--data", dir.path()}, &out, &err), 1);
        QVERIFY2(err.contains("not both"), err.constData());
        QCOMPARE(run({"device", "list", "--store", "/srv/not-a-conninfo"}, &out, &err), 1);
        QVERIFY2(err.contains("not a PostgreSQL connection string"), err.constData());
    }
};

QTEST_GUILESS_MAIN(PostgresStorageTest)
#include "postgres_storage_test.moc"
