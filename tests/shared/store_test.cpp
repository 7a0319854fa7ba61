// The SQLite record store on real files: round trips, queries, index columns, transactions
// that roll back completely, a file that is not a database, a database from a newer build, and
// a writer process killed in the middle of transactions that leaves every committed batch
// whole and no partial one.
#include "shared/store/database.h"
#include "shared/store/record_store.h"
#include "shared/store/schema.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include "test_support.h"

#include <QtTest>
#include <algorithm>
#include <cstdio>
#include <iostream>

using namespace courtyard;
using namespace courtyard::store;

namespace {

Json complaintBody(const std::string& id, const std::string& community, const char* received,
                   const std::string& state = "received") {
    return Json{{"type", "complaint"},   {"id", id},           {"community_id", community},
                {"state", state},        {"channel", "phone"}, {"category", "cleaning"},
                {"content", "内容 " + id}, {"received_at", received}, {"unit_id", "u-" + id},
                {"handler_id", "s-1"}};
}

RecordQuery assignedTo(const std::string& staffId) {
    RecordQuery q;
    q.assignee = staffId;
    return q;
}

StoredRecord rec(const std::string& id, const std::string& community = "cm-1",
                 const char* received = "2026-03-02T02:00:00Z") {
    StoredRecord r;
    r.id = id;
    r.type = "complaint";
    r.body = complaintBody(id, community, received);
    return r;
}

// Child mode: writes batches of 200 records, one transaction each, and reports each commit.
int crashWriter(const char* path) {
    auto store = SqliteRecordStore::open(path);
    if (!store) {
        std::cerr << store.error().message << "\n";
        return 2;
    }
    for (int batch = 0;; ++batch) {
        auto st = (*store)->transaction([&]() -> Status {
            for (int i = 0; i < 200; ++i) {
                auto r = rec("b" + std::to_string(batch) + "-" + std::to_string(i));
                r.body["content"] = std::string(300, 'x');
                CY_TRY((*store)->put(r));
            }
            return (*store)->setMeta("last_batch", std::to_string(batch));
        });
        if (!st)
            return 3;
        std::printf("%d\n", batch);
        std::fflush(stdout);
    }
}

} // namespace

class StoreTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char* name) { return m_dir.filePath(name); }

private slots:
    void roundTripsARecordWithItsIndexColumns() {
        auto store = SqliteRecordStore::open(path("a.db").toStdString());
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        auto r = rec("c-1");
        r.version = 17;
        r.stamps = {{"content", "1772416800000.0.dev"}};
        r.originDevice = "dev-1";
        QVERIFY((*store)->put(r));
        auto got = (*store)->get("c-1");
        QVERIFY(got && *got);
        QCOMPARE((*got)->body, r.body);
        QCOMPARE((*got)->version, std::int64_t(17));
        QCOMPARE((*got)->stamps, r.stamps);
        QCOMPARE((*got)->originDevice, std::string("dev-1"));
        QVERIFY(!(*got)->serverBody);
        QVERIFY((*store)->get("missing").value() == std::nullopt);

        auto& db = (*store)->database();
        auto s = db.prepare("SELECT community_id, state, unit_id, assignee, happened_at FROM records WHERE id='c-1'");
        QVERIFY(s && *s->step());
        QCOMPARE(s->text(0), std::string("cm-1"));
        QCOMPARE(s->text(1), std::string("received"));
        QCOMPARE(s->text(2), std::string("u-c-1"));
        QCOMPARE(s->text(3), std::string("s-1"));
        QCOMPARE(s->int64(4), toEpochMs(*parseInstant("2026-03-02T02:00:00Z")));
    }

    void putReplacesAndRefusesUnknownTypes() {
        auto store = SqliteRecordStore::open(path("b.db").toStdString());
        auto r = rec("c-1");
        QVERIFY((*store)->put(r));
        r.body["state"] = "handling";
        r.serverBody = complaintBody("c-1", "cm-1", "2026-03-02T02:00:00Z");
        QVERIFY((*store)->put(r));
        auto got = *(*store)->get("c-1");
        QCOMPARE(got->body["state"], Json("handling"));
        QVERIFY(got->serverBody);
        QCOMPARE(*(*store)->count({}), std::int64_t(1));
        r.type = "teapot";
        QCOMPARE((*store)->put(r).error().code, ErrorCode::InvalidArgument);
    }

    // A record read or written just before is updated in place, setting only the columns that
    // changed (SQLite rewrites the index entries of every column an UPDATE sets). What the store
    // remembers of the row is a guess: a row changed behind its back, or a write rolled back,
    // still ends as the record put, never with a column of the guess.
    void anUpdateSetsOnlyTheColumnsThatChanged() {
        auto store = SqliteRecordStore::open(path("upd.db").toStdString());
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        auto& db = (*store)->database();
        // Which of the columns each UPDATE set: an `UPDATE OF` trigger fires when its column is
        // in the statement's SET list, whether or not the value changed.
        QVERIFY(db.exec("CREATE TEMP TABLE hits (id TEXT, col TEXT)"));
        for (const char* col : {"type", "community_id", "state", "unit_id", "assignee", "department_id", "due_at",
                                "due_rule", "happened_at", "origin_device", "body"})
            QVERIFY(db.exec(std::string("CREATE TEMP TRIGGER hit_") + col + " AFTER UPDATE OF " + col +
                            " ON records BEGIN INSERT INTO hits VALUES (new.id, '" + col + "'); END"));
        auto hits = [&] {
            std::vector<std::string> out;
            auto s = db.prepare("SELECT col FROM hits ORDER BY col"); // (the order triggers fire in is SQLite's)
            while (*s->step())
                out.push_back(s->text(0));
            (void)db.exec("DELETE FROM hits");
            return out;
        };
        // The row's columns as stored, against the index fields of what was put.
        auto columnsAre = [&](const StoredRecord& r) {
            auto s = db.prepare("SELECT community_id, state, unit_id, assignee, happened_at, origin_device, version, "
                                "body FROM records WHERE id = ?");
            s->bind(1, r.id);
            if (!*s->step())
                return std::string("no row");
            std::string diff;
            const auto want = [&](int col, const std::string& v) {
                if (s->text(col) != v)
                    diff += " column " + std::to_string(col) + " is '" + s->text(col) + "', not '" + v + "';";
            };
            want(0, stringAt(r.body, "community_id"));
            want(1, stringAt(r.body, "state"));
            want(2, stringAt(r.body, "unit_id"));
            want(3, stringAt(r.body, "handler_id"));
            if (s->int64(4) != toEpochMs(*parseInstant(stringAt(r.body, "received_at"))))
                diff += " happened_at differs;";
            want(5, r.originDevice);
            if (s->int64(6) != r.version)
                diff += " version differs;";
            if (*parseJson(s->text(7)) != r.body)
                diff += " body differs;";
            auto check = db.queryOne("PRAGMA integrity_check", [](Statement& q) { return q.text(0); });
            if (!check || !*check || **check != "ok")
                diff += " integrity_check: " + (check && *check ? **check : std::string("?"));
            return diff.empty() ? std::string("ok") : diff;
        };

        auto r = rec("c-1");
        r.version = 1;
        QVERIFY((*store)->put(r));
        QCOMPARE(columnsAre(r), std::string("ok"));
        QVERIFY(hits().empty()); // an insert

        // Read, then a change of the body alone: no index column is set.
        QVERIFY(*(*store)->get("c-1"));
        r.body["content"] = "更新 1";
        r.version = 2;
        QVERIFY((*store)->put(r));
        QCOMPARE(columnsAre(r), std::string("ok"));
        QCOMPARE(hits(), std::vector<std::string>{"body"});

        // Straight after its own write the store knows the row too; a new handler sets the
        // assignee and nothing else of the index.
        r.body["handler_id"] = "s-2";
        r.version = 3;
        QVERIFY((*store)->put(r));
        QCOMPARE(columnsAre(r), std::string("ok"));
        QCOMPARE(hits(), (std::vector<std::string>{"assignee", "body"}));
        QCOMPARE(*(*store)->count(assignedTo("s-2")), std::int64_t(1));
        QCOMPARE(*(*store)->count(assignedTo("s-1")), std::int64_t(0));

        // Every index column, one at a time: it is set, and no other.
        const std::vector<std::tuple<std::string, Json, std::string>> changes = {
            {"community_id", "cm-2", "community_id"},
            {"state", "handling", "state"},
            {"unit_id", "u-9", "unit_id"},
            {"handler_id", "s-3", "assignee"},
            {"department_id", "d-2", "department_id"},
            {"received_at", "2026-03-05T02:00:00Z", "happened_at"}};
        for (const auto& [key, value, column] : changes) {
            r.body[key] = value;
            ++r.version;
            QVERIFY((*store)->put(r));
            QVERIFY2(columnsAre(r) == "ok", (key + ":" + columnsAre(r)).c_str());
            auto want = std::vector<std::string>{"body", column};
            std::sort(want.begin(), want.end());
            QCOMPARE(hits(), want);
        }
        r.originDevice = "dev-2";
        ++r.version;
        QVERIFY((*store)->put(r));
        QCOMPARE(columnsAre(r), std::string("ok"));
        QCOMPARE(hits(), (std::vector<std::string>{"body", "origin_device"}));

        // Changed behind the store's back (another connection, a statement of its own): the
        // guess is wrong, so the update changes nothing and every column is written.
        QVERIFY(*(*store)->get("c-1"));
        QVERIFY(db.exec("UPDATE records SET assignee = 's-9', community_id = 'cm-9' WHERE id = 'c-1'"));
        (void)hits();
        r.body["content"] = "更新 2";
        ++r.version;
        QVERIFY((*store)->put(r));
        QCOMPARE(columnsAre(r), std::string("ok"));
        QCOMPARE(*(*store)->count(assignedTo("s-9")), std::int64_t(0));

        // Deleted behind its back: the put stores it again.
        QVERIFY(*(*store)->get("c-1"));
        QVERIFY(db.exec("DELETE FROM records WHERE id = 'c-1'"));
        ++r.version;
        QVERIFY((*store)->put(r));
        QCOMPARE(columnsAre(r), std::string("ok"));

        // A write the store remembers, rolled back: the record is not lost.
        auto fresh = rec("c-2");
        QVERIFY(!*(*store)->get("c-2"));
        QVERIFY(!(*store)->transaction([&]() -> Status {
            CY_TRY((*store)->put(fresh));
            return conflict("undo it");
        }));
        QCOMPARE(*(*store)->count({}), std::int64_t(1)); // (a get would tell the store it is missing)
        QVERIFY((*store)->transaction([&]() -> Status {
            CY_TRY((*store)->put(fresh)); // remembered as stored by the rolled-back write
            return {};
        }));
        QCOMPARE(columnsAre(fresh), std::string("ok"));
        QCOMPARE(*(*store)->count({}), std::int64_t(2));

        // A row it remembers, rolled back to other index columns: they are written again.
        QVERIFY(*(*store)->get("c-2"));
        QVERIFY(!(*store)->transaction([&]() -> Status {
            auto moved = fresh;
            moved.body["handler_id"] = "s-7";
            CY_TRY((*store)->put(moved));
            return conflict("undo it");
        }));
        fresh.body["content"] = "更新 3";
        QVERIFY((*store)->put(fresh)); // the store remembers s-7; the row holds s-1
        QCOMPARE(columnsAre(fresh), std::string("ok"));
        QCOMPARE(*(*store)->count(assignedTo("s-7")), std::int64_t(0));
    }

    void queriesFilterOrderAndPage() {
        auto store = SqliteRecordStore::open(path("c.db").toStdString());
        const char* times[] = {"2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z",
                               "2026-03-04T00:00:00Z"};
        for (int i = 0; i < 4; ++i) {
            auto r = rec("c" + std::to_string(i), i < 3 ? "cm-1" : "cm-2", times[i]);
            r.version = 10 + i;
            QVERIFY((*store)->put(r));
        }
        StoredRecord unit;
        unit.id = "u-9";
        unit.type = "unit";
        unit.body = {{"id", "u-9"}, {"community_id", "cm-1"}, {"building_id", "b"}, {"number", "1-101"}};
        QVERIFY((*store)->put(unit));
        StoredRecord staff;
        staff.id = "s-9";
        staff.type = "staff";
        staff.body = {{"id", "s-9"}, {"number", "9"}, {"name", "n"}, {"role", "staff"}};
        QVERIFY((*store)->put(staff));

        RecordQuery q;
        q.types = {"complaint"};
        q.communityIds = {"cm-1"};
        QCOMPARE((*store)->query(q)->size(), std::size_t(3));
        q.order = RecordQuery::Order::HappenedDesc;
        q.limit = 2;
        auto page = *(*store)->query(q);
        QCOMPARE(page.size(), std::size_t(2));
        QCOMPARE(page[0].id, std::string("c2"));
        q.offset = 2;
        page = *(*store)->query(q);
        QCOMPARE(page.size(), std::size_t(1));
        QCOMPARE(page[0].id, std::string("c0"));

        RecordQuery byVersion;
        byVersion.versionAfter = 11;
        byVersion.order = RecordQuery::Order::Version;
        page = *(*store)->query(byVersion);
        QCOMPARE(page.size(), std::size_t(2));
        QCOMPARE(page[0].id, std::string("c2"));

        RecordQuery scoped;
        scoped.communityIds = {"cm-2"};
        scoped.includeCompanyWide = true;
        QCOMPARE(*(*store)->count(scoped), std::int64_t(2)); // c3 and the company-wide staff record

        RecordQuery text;
        text.text = "内容 c1";
        QCOMPARE(*(*store)->count(text), std::int64_t(1));
        RecordQuery window;
        window.happenedFrom = *parseInstant("2026-03-02T00:00:00Z");
        window.happenedTo = *parseInstant("2026-03-04T00:00:00Z");
        QCOMPARE(*(*store)->count(window), std::int64_t(2));
    }

    void aFailedTransactionLeavesNothingBehind() {
        auto store = SqliteRecordStore::open(path("d.db").toStdString());
        QVERIFY((*store)->put(rec("keep")));
        auto st = (*store)->transaction([&]() -> Status {
            CY_TRY((*store)->put(rec("x1")));
            CY_TRY((*store)->put(rec("x2")));
            CY_TRY((*store)->setMeta("cursor", "42"));
            return conflict("something went wrong after three writes");
        });
        QCOMPARE(st.error().code, ErrorCode::Conflict);
        QCOMPARE(*(*store)->count({}), std::int64_t(1));
        QVERIFY(!*(*store)->getMeta("cursor"));

        // An exception rolls back too, and propagates.
        bool threw = false;
        try {
            (void)(*store)->transaction([&]() -> Status {
                (void)(*store)->put(rec("x3"));
                throw std::runtime_error("boom");
            });
        } catch (const std::runtime_error&) {
            threw = true;
        }
        QVERIFY(threw);
        QCOMPARE(*(*store)->count({}), std::int64_t(1));

        // A nested failure rolls back only its savepoint.
        st = (*store)->transaction([&]() -> Status {
            CY_TRY((*store)->put(rec("outer")));
            auto inner = (*store)->transaction([&]() -> Status {
                CY_TRY((*store)->put(rec("inner")));
                return invalidArgument("inner fails");
            });
            if (inner)
                return internalError("inner should have failed");
            return {};
        });
        QVERIFY(st);
        QVERIFY(*(*store)->get("outer"));
        QVERIFY(!*(*store)->get("inner"));
        QVERIFY(!(*store)->database().inTransaction());
    }

    void aFileThatIsNotADatabaseIsRefusedUntouched() {
        const QString p = path("notes.db");
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray junk = "These are my shift notes, not a database. 这不是数据库。\n";
        f.write(junk.repeated(200));
        f.close();
        auto store = SqliteRecordStore::open(p.toStdString());
        QVERIFY(!store);
        QVERIFY2(store.error().message.find("not") != std::string::npos, store.error().message.c_str());
        QFile again(p);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), junk.repeated(200));
    }

    void aDatabaseFromANewerBuildIsRefused() {
        const auto p = path("newer.db").toStdString();
        {
            auto store = SqliteRecordStore::open(p);
            QVERIFY(store);
            QVERIFY((*store)->database().exec("PRAGMA user_version = 999"));
        }
        auto store = SqliteRecordStore::open(p);
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::FailedPrecondition);
        QVERIFY(store.error().message.find("newer") != std::string::npos);
    }

    void migrationsAreNumberedAndIdempotent() {
        const auto p = path("m.db").toStdString();
        for (int i = 0; i < 2; ++i) {
            auto store = SqliteRecordStore::open(p);
            QVERIFY(store);
            QCOMPARE(*schemaVersion((*store)->database()), currentSchemaVersion());
        }
        int previous = 0;
        for (const auto& m : migrations()) {
            QCOMPARE(m.version, previous + 1);
            previous = m.version;
        }
        auto db = Database::open(p);
        auto s = (*db)->prepare("PRAGMA journal_mode");
        QVERIFY(*s->step());
        QCOMPARE(s->text(0), std::string("wal"));
        auto fk = (*db)->prepare("PRAGMA foreign_keys");
        QVERIFY(*fk->step());
        QCOMPARE(fk->int64(0), std::int64_t(1));
    }

    void killedMidTransactionTheDatabaseStaysConsistent() {
        for (int round = 0; round < 5; ++round) {
            const QString p = path(qPrintable(QString("crash-%1.db").arg(round)));
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {"--crash-writer", p});
            QVERIFY(child.waitForStarted());
            // Let it commit a few batches, then kill it at a random moment.
            int acknowledged = -1;
            QByteArray out;
            while (acknowledged < 3 && child.waitForReadyRead(10000)) {
                out += child.readAllStandardOutput();
                const auto lines = out.trimmed().split('\n');
                acknowledged = lines.last().toInt();
            }
            QVERIFY2(acknowledged >= 3, "the writer did not get going");
            QThread::usleep(QRandomGenerator::global()->bounded(20000));
            child.kill(); // SIGKILL: no destructors, no rollback
            QVERIFY(child.waitForFinished());
            out += child.readAllStandardOutput();
            acknowledged = out.trimmed().split('\n').last().toInt();

            auto store = SqliteRecordStore::open(p.toStdString());
            QVERIFY2(store, store ? "" : store.error().message.c_str());
            auto check = (*store)->database().prepare("PRAGMA integrity_check");
            QVERIFY(*check->step());
            QCOMPARE(check->text(0), std::string("ok"));
            // Every batch is whole or absent; every acknowledged batch is there.
            auto s = (*store)->database().prepare(
                "SELECT substr(id, 2, instr(id, '-') - 2) AS b, count(*) FROM records GROUP BY b");
            std::map<int, long long> counts;
            while (*s->step())
                counts[std::stoi(s->text(0))] = s->int64(1);
            for (const auto& [batch, n] : counts)
                QVERIFY2(n == 200, qPrintable(QString("batch %1 has %2 records").arg(batch).arg(n)));
            for (int b = 0; b <= acknowledged; ++b)
                QVERIFY2(counts.count(b), qPrintable(QString("acknowledged batch %1 lost").arg(b)));
            // At most the batch committed just before the kill was not yet reported.
            QVERIFY(int(counts.size()) <= acknowledged + 2);
            QCOMPARE(std::stoi(**(*store)->getMeta("last_batch")), int(counts.size()) - 1);
        }
    }
};

int main(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--crash-writer")
        return crashWriter(argv[2]);
    QCoreApplication app(argc, argv);
    StoreTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "store_test.moc"
