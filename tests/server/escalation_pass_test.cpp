// Exactly one server runs each escalation pass (server/service/escalation_service.h), on both
// engines: several server processes (fork) over one database — one SQLite file, or one
// PostgreSQL database of a throw-away cluster — tick in the same slot at the same moment; one
// of them runs the pass, every due complaint moves once, and together they do exactly what one
// server alone does to a second database seeded the same way. A server killed (SIGKILL) in the
// middle of its pass leaves no record changed and the slot unclaimed, so the next server to
// tick runs that pass whole.
#include "server/demo/demo_company.h"
#include "server/demo/demo_history.h"
#include "server/service/admin_service.h"
#include "server/service/escalation_service.h"
#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"
#include "support/forwarding_unit.h"
#include "support/postgres_cluster.h"

#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

using namespace courtyard;
using namespace courtyard::server;
using courtyard::test::PostgresCluster;

namespace {

const Instant kSeeded = *parseInstant("2026-03-20T02:00:00Z");
constexpr std::chrono::milliseconds kInterval = std::chrono::hours{1};
constexpr int kServers = 4;

Result<std::unique_ptr<ServerStorage>> openStore(const std::string& engine, const std::string& where) {
    if (engine == "postgresql") {
        auto s = PostgresStorage::open(where, PostgresStorageOptions{2});
        if (!s)
            return s.error();
        return std::unique_ptr<ServerStorage>(std::move(*s));
    }
    auto s = SqliteStorage::open(where, SqliteStorageOptions{2});
    if (!s)
        return s.error();
    return std::unique_ptr<ServerStorage>(std::move(*s));
}

// The demo company and a month of its history, as of kSeeded.
Status seed(ServerStorage& s) {
    Clock clock = [] { return kSeeded; };
    CY_TRY(importCompany(s, demoCompany(), clock, {1024, 1}));
    HistoryOptions o;
    o.months = 1;
    o.complaintsPerMonth = 40;
    CY_TRY(seedHistory(s, o, clock));
    return {};
}

struct Snapshot {
    std::map<std::string, int> levels; // complaint id -> escalation level (0: none)
    std::int64_t maxVersion = 0;
    std::string claim; // the escalation_pass meta row, "" when absent
};

Snapshot snapshot(ServerStorage& s) {
    Snapshot out;
    auto st = s.write([&](WriteUnit& u) -> Status {
        store::RecordQuery q;
        q.types = {"complaint"};
        auto all = u.query(q);
        if (!all)
            return all.error();
        for (const auto& r : *all)
            out.levels[r.id] = r.body.contains("escalation") ? r.body["escalation"].value("level", 0) : 0;
        auto max = u.maxVersion();
        if (!max)
            return max.error();
        out.maxVersion = *max;
        auto claim = u.getMeta(EscalationService::kPassKey);
        if (!claim)
            return claim.error();
        out.claim = claim->value_or("");
        return {};
    });
    if (!st)
        qFatal("snapshot: %s", st.error().message.c_str());
    return out;
}

// A storage whose write units kill the process when they write record number `dieAt`: a server
// that dies in the middle of its pass, with the transaction open.
class DyingUnit : public test::ForwardingUnit {
public:
    DyingUnit(WriteUnit& in, int dieAt) : ForwardingUnit(in), m_dieAt(dieAt) {}
    Result<std::int64_t> put(store::StoredRecord r) override {
        if (++m_written == m_dieAt)
            ::raise(SIGKILL);
        return ForwardingUnit::put(std::move(r));
    }

private:
    int m_dieAt;
    int m_written = 0;
};

class DyingStorage : public ServerStorage {
public:
    DyingStorage(ServerStorage& in, int dieAt) : m_in(in), m_dieAt(dieAt) {}
    const DatabaseIdentity& identity() const override { return m_in.identity(); }
    Status read(const std::function<Status(ReadUnit&)>& work) override { return m_in.read(work); }
    Status write(const std::function<Status(WriteUnit&)>& work) override {
        return m_in.write([&](WriteUnit& u) {
            DyingUnit dying(u, m_dieAt);
            return work(dying);
        });
    }

private:
    ServerStorage& m_in;
    int m_dieAt;
};

// One server process: opens its own storage, says it is ready, waits at the gate (a pipe the
// parent closes), runs the scheduled pass at `at` and writes "<ran> <moved>" to `resultFd`.
int serverProcess(const std::string& engine, const std::string& where, Instant at, int dieAt, int gateFd,
                  int readyFd, int resultFd) {
    auto s = openStore(engine, where);
    if (!s)
        return 2;
    RulesCache rules;
    DyingStorage dying(**s, dieAt);
    ServerStorage& storage = dieAt > 0 ? static_cast<ServerStorage&>(dying) : **s;
    EscalationService escalations(storage, rules, [at] { return at; });
    char byte = 1;
    if (::write(readyFd, &byte, 1) != 1)
        return 4;
    (void)!::read(gateFd, &byte, 1); // 0 bytes when the gate opens
    auto pass = escalations.runScheduled(kInterval);
    if (!pass)
        return 3;
    dprintf(resultFd, "%d %d\n", pass->ran ? 1 : 0, pass->moved);
    return 0;
}

struct Outcome {
    int ran = 0;    // processes that ran the pass
    int moved = 0;  // complaints they moved, together
    int killed = 0; // processes that died by SIGKILL
    int failed = 0; // processes that exited with an error
};

// `servers` processes over one database, released together. The parent holds no connection
// to the database while they run (SQLite connections must not cross a fork).
Outcome runServers(const std::string& engine, const std::string& where, Instant at, int servers, int dieAt = 0) {
    int gate[2], ready[2], results[2];
    if (::pipe(gate) || ::pipe(ready) || ::pipe(results))
        qFatal("pipe");
    std::vector<pid_t> pids;
    for (int i = 0; i < servers; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(gate[1]);
            ::close(ready[0]);
            ::close(results[0]);
            ::_exit(serverProcess(engine, where, at, dieAt, gate[0], ready[1], results[1]));
        }
        if (pid < 0)
            qFatal("fork");
        pids.push_back(pid);
    }
    ::close(ready[1]);
    ::close(results[1]);
    char byte;
    for (int i = 0; i < servers; ++i)
        if (::read(ready[0], &byte, 1) != 1)
            break; // a process died before it was ready: counted as failed below
    ::close(gate[1]); // every process is past opening its storage: go
    std::string text;
    char buf[256];
    for (ssize_t n; (n = ::read(results[0], buf, sizeof buf)) > 0;)
        text.append(buf, std::size_t(n));
    ::close(results[0]);
    ::close(ready[0]);
    ::close(gate[0]);
    Outcome out;
    for (pid_t pid : pids) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            ++out.killed;
        else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            ++out.failed;
    }
    int ran = 0, moved = 0, used = 0;
    for (const char* p = text.c_str(); std::sscanf(p, "%d %d\n%n", &ran, &moved, &used) == 2; p += used) {
        out.ran += ran;
        out.moved += moved;
    }
    return out;
}

} // namespace

class EscalationPassTest : public QObject {
    Q_OBJECT
    PostgresCluster m_cluster;
    QTemporaryDir m_dir;
    int m_databases = 0;

    // A new, seeded database of `engine`; its location.
    std::string seededDatabase(const std::string& engine) {
        const QString name = QStringLiteral("escalation_%1").arg(++m_databases);
        const std::string where = engine == "postgresql" ? m_cluster.createDatabase(name).toStdString()
                                                         : m_dir.filePath(name + ".db").toStdString();
        auto s = openStore(engine, where);
        if (!s)
            qFatal("open %s: %s", where.c_str(), s.error().message.c_str());
        if (auto st = seed(**s); !st)
            qFatal("seed: %s", st.error().message.c_str());
        return where;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_cluster.start());
    }
    void cleanupTestCase() { m_cluster.stop(); }

    void oneServerRunsEachPass_data() {
        QTest::addColumn<QString>("engine");
        QTest::newRow("several serve processes over one SQLite file") << "sqlite";
        QTest::newRow("several servers over one PostgreSQL database") << "postgresql";
    }

    void oneServerRunsEachPass() {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        // The history's open complaints fall due over the next days; two days later, those
        // still overdue climb the next rung.
        const Instant first = kSeeded + std::chrono::hours{72};
        const Instant second = kSeeded + std::chrono::hours{120};

        // What one server alone does: forced passes at both instants over a twin database.
        Snapshot alone1, alone2;
        int aloneMoved1 = 0, aloneMoved2 = 0;
        {
            auto twin = openStore(e, seededDatabase(e));
            QVERIFY(twin);
            RulesCache rules;
            Instant at = first;
            EscalationService one(**twin, rules, [&] { return at; });
            aloneMoved1 = *one.runOnce();
            alone1 = snapshot(**twin);
            at = second;
            aloneMoved2 = *one.runOnce();
            alone2 = snapshot(**twin);
        }
        qInfo("one server alone moves %d complaints at the first pass, %d at the second", aloneMoved1, aloneMoved2);
        // Enough due complaints for a pass to have a middle.
        QVERIFY2(aloneMoved1 >= 3, qPrintable(QString::number(aloneMoved1)));
        QVERIFY2(aloneMoved2 >= 3, qPrintable(QString::number(aloneMoved2)));

        const std::string where = seededDatabase(e);
        auto snap = [&] {
            auto s = openStore(e, where);
            if (!s)
                qFatal("open: %s", s.error().message.c_str());
            return snapshot(**s);
        };
        const Snapshot before = snap();

        // Four servers tick in the same slot at once: one pass, each due complaint moved once.
        Outcome o = runServers(e, where, first, kServers);
        QCOMPARE(o.failed, 0);
        QCOMPARE(o.ran, 1);
        QCOMPARE(o.moved, aloneMoved1);
        const Snapshot after1 = snap();
        QCOMPARE(after1.maxVersion - before.maxVersion, std::int64_t(aloneMoved1)); // one write per item
        QVERIFY(after1.levels == alone1.levels);
        QCOMPARE(after1.claim, std::to_string(toEpochMs(first)));

        // Later in the same slot: the pass has run, nobody runs it again.
        o = runServers(e, where, first + std::chrono::minutes{20}, kServers);
        QCOMPARE(o.failed, 0);
        QCOMPARE(o.ran, 0);
        QCOMPARE(snap().maxVersion, after1.maxVersion);

        // A server dies at the second complaint of the next slot's pass: nothing of it stays.
        o = runServers(e, where, second, 1, 2);
        QCOMPARE(o.killed, 1);
        const Snapshot afterKill = snap();
        QCOMPARE(afterKill.maxVersion, after1.maxVersion);
        QVERIFY(afterKill.levels == after1.levels);
        QCOMPARE(afterKill.claim, after1.claim); // the slot is still free

        // The others then run that pass whole, once.
        o = runServers(e, where, second, kServers);
        QCOMPARE(o.failed, 0);
        QCOMPARE(o.ran, 1);
        QCOMPARE(o.moved, aloneMoved2);
        const Snapshot after2 = snap();
        QCOMPARE(after2.maxVersion - after1.maxVersion, std::int64_t(aloneMoved2));
        QVERIFY(after2.levels == alone2.levels);
    }
};

QTEST_GUILESS_MAIN(EscalationPassTest)
#include "escalation_pass_test.moc"
