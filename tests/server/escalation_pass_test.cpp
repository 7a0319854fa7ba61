// Over 400 lines, knowingly: every clock is raced by two real processes on both engines; the cases
// share the fixture that starts them.
// Exactly one server runs each escalation pass (server/service/escalation_service.h), on both
// engines: several server processes (fork) over one database — one SQLite file, or one
// PostgreSQL database of a throw-away cluster — tick in the same slot at the same moment; one
// of them runs the pass, every due complaint moves once, and together they do exactly what one
// server alone does to a second database seeded the same way. A server killed (SIGKILL) in the
// middle of its pass leaves no record changed and the slot unclaimed, so the next server to
// tick runs that pass whole. And the pass covers every clock (rules/overdue.h): a record of each
// type past its deadline is flagged once, a second pass changes nothing, two passes racing flag
// it once between them, and a record missing fields is skipped.
#include "server/demo/demo_company.h"
#include "server/demo/demo_history.h"
#include "server/service/admin_service.h"
#include "server/service/escalation_service.h"
#include "server/service/inbox_service.h"
#include "server/service/sync_service.h"
#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"
#include "support/forwarding_unit.h"
#include "support/engines.h"
#include "support/postgres_cluster.h"

#include "shared/rules/derive.h"
#include "shared/rules/overdue.h"
#include "shared/store/record_query_sql.h"
#include "shared/store/record_store.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <functional>
#include <cstdio>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

using namespace courtyard;
using namespace courtyard::server;
using courtyard::test::PostgresCluster;
using courtyard::test::openStore;

namespace {

const Instant kSeeded = *parseInstant("2026-03-20T02:00:00Z");
constexpr std::chrono::milliseconds kInterval = std::chrono::hours{1};
constexpr int kServers = 4;

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

// A storage that reads as the one it wraps and hands each of its write units to wrap(), which
// puts the test's own unit around it.
class WrappedWrites : public ServerStorage {
public:
    explicit WrappedWrites(ServerStorage& in) : m_in(in) {}
    const DatabaseIdentity& identity() const override { return m_in.identity(); }
    Status read(const std::function<Status(ReadUnit&)>& work) override { return m_in.read(work); }
    Status write(const std::function<Status(WriteUnit&)>& work) override {
        return m_in.write([&](WriteUnit& u) { return wrap(u, work); });
    }

protected:
    virtual Status wrap(WriteUnit& u, const std::function<Status(WriteUnit&)>& work) = 0;

private:
    ServerStorage& m_in;
};

class DyingStorage : public WrappedWrites {
public:
    DyingStorage(ServerStorage& in, int dieAt) : WrappedWrites(in), m_dieAt(dieAt) {}

protected:
    Status wrap(WriteUnit& u, const std::function<Status(WriteUnit&)>& work) override {
        DyingUnit dying(u, m_dieAt);
        return work(dying);
    }

private:
    int m_dieAt;
};

// A storage whose write units count what they read of the records with clocks: the escalation
// pass finds the records to move before its write transaction, and reads in it only those.
class CountingStorage : public WrappedWrites {
public:
    explicit CountingStorage(ServerStorage& in) : WrappedWrites(in) {}
    int gets = 0;          // records read one by one
    int clockQueries = 0;  // queries over the record types with clocks

protected:
    Status wrap(WriteUnit& u, const std::function<Status(WriteUnit&)>& work) override {
        Counting counting(u, *this);
        return work(counting);
    }

private:
    class Counting : public test::ForwardingUnit {
    public:
        Counting(WriteUnit& in, CountingStorage& s) : ForwardingUnit(in), m_s(s) {}
        Result<std::optional<store::StoredRecord>> get(const std::string& id) override {
            auto r = ForwardingUnit::get(id);
            const auto& clocked = rules::clockedRecordTypes();
            if (r && *r && std::find(clocked.begin(), clocked.end(), (*r)->type) != clocked.end())
                ++m_s.gets;
            return r;
        }
        Result<std::vector<store::StoredRecord>> query(const store::RecordQuery& q) override {
            if (q.types == rules::clockedRecordTypes())
                ++m_s.clockQueries;
            return ForwardingUnit::query(q);
        }
        Result<std::vector<server::OverdueClock>> overdueClocks(const store::RecordQuery& q) override {
            ++m_s.clockQueries;
            return ForwardingUnit::overdueClocks(q);
        }

    private:
        CountingStorage& m_s;
    };
};

// Counts the records read one by one, by id, and calls `onGet` (when set) before each read.
class GetsById : public test::ForwardingUnit {
public:
    using ForwardingUnit::ForwardingUnit;
    std::map<std::string, int> gets;
    std::function<void(const std::string&)> onGet;
    Result<std::optional<store::StoredRecord>> get(const std::string& id) override {
        ++gets[id];
        if (onGet)
            onGet(id);
        return ForwardingUnit::get(id);
    }
};

// One server process: opens its own storage, says it is ready, waits at the gate (a pipe the
// parent closes), runs the scheduled pass at `at` (or, `forced`, a pass whatever ran before)
// and writes "<ran> <moved>" to `resultFd`.
int serverProcess(const std::string& engine, const std::string& where, Instant at, int dieAt, int gateFd,
                  int readyFd, int resultFd, bool forced) {
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
    if (forced) {
        auto moved = escalations.runOnce();
        if (!moved)
            return 3;
        dprintf(resultFd, "1 %d\n", *moved);
        return 0;
    }
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
Outcome runServers(const std::string& engine, const std::string& where, Instant at, int servers, int dieAt = 0,
                   bool forced = false) {
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
            ::_exit(serverProcess(engine, where, at, dieAt, gate[0], ready[1], results[1], forced));
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


// ---- every clock

// Tuesday 10 March 2026, 10:00 in Shanghai: every clocked record below falls due here or a few
// hours later, so a pass at kClocksFirst finds each on the ladder's first rung and one at
// kClocksSecond on its second (the demo company keeps the policy's default ladder).
const Instant kDue = *parseInstant("2026-03-10T02:00:00Z");
const Instant kClocksFirst = kDue + std::chrono::hours{12};
const Instant kClocksSecond = kDue + std::chrono::hours{48};
constexpr const char* kCommunity = "cm-sunshine";

template <typename T>
store::StoredRecord stored(T rec) {
    rec.communityId = kCommunity;
    if (rec.createdAt == Instant{})
        rec.createdAt = kDue - std::chrono::hours{96};
    rules::derive(rec, {rules::Calendar::chinaDefault(), rules::Policy::defaults()}, {true, false});
    store::StoredRecord r;
    r.id = rec.id;
    r.type = std::string(T::kType);
    to_json(r.body, rec);
    return r;
}

domain::Complaint clockedComplaint(const char* id) {
    domain::Complaint c;
    c.id = id;
    c.content = "clock test";
    c.receivedAt = kDue - std::chrono::hours{2};
    c.urgent = true;
    c.validity = domain::Validity::Valid;
    c.decidedAt = c.receivedAt;
    c.state = domain::ComplaintState::Handling;
    c.handlerId = "s-1001";
    c.departmentId = "d-cs";
    return c;
}

domain::RectificationItem clockedItem(const char* id) {
    domain::RectificationItem r;
    r.id = id;
    r.description = "clock test";
    r.source = domain::RectificationSource::Engineering;
    r.foundByDepartmentId = "d-eng";
    r.rounds.push_back({});
    return r;
}

// One record of every clock, each past its deadline at kClocksFirst; one that is not yet due.
std::vector<store::StoredRecord> clockedRecords() {
    using std::chrono::hours;
    std::vector<store::StoredRecord> out;
    {
        // A NUL in a string is stored as \u0000, which PostgreSQL's JSON operators refuse to
        // decode: the pass must still see this record (and every other). Requests refuse a NUL
        // now; a record stored before may still hold one.
        auto c = clockedComplaint("clock-reply");
        c.content += std::string(1, '\0') + " (pasted from a form)";
        out.push_back(stored(c));
    }
    {
        auto c = clockedComplaint("clock-explanation");
        c.validity = domain::Validity::Invalid;
        c.decidedAt = *parseInstant("2026-03-09T11:00:00+08:00"); // due Tuesday 18:00
        c.state = domain::ComplaintState::Explaining;
        out.push_back(stored(c));
    }
    {
        auto c = clockedComplaint("clock-visit");
        c.repliedAt = c.firstRepliedAt = kDue - hours{72};
        c.state = domain::ComplaintState::Replied;
        out.push_back(stored(c));
    }
    {
        auto c = clockedComplaint("clock-round-2");
        c.repliedAt = c.firstRepliedAt = kDue - hours{30};
        c.visits.push_back({"v-1", kDue - hours{2}, "s-1001", domain::VisitMethod::Phone, "still broken", false});
        c.round = 2;
        out.push_back(stored(c));
    }
    {
        domain::Suggestion s;
        s.id = "clock-suggestion";
        s.content = "clock test";
        s.receivedAt = kDue - hours{72};
        s.handlerId = "s-1001";
        out.push_back(stored(s));
    }
    {
        domain::TransferSheet t;
        t.id = "clock-sheet";
        t.createdAt = *parseInstant("2026-03-09T10:00:00+08:00"); // due Tuesday 18:00
        t.subject = "clock test";
        t.reason = "beyond the department";
        t.fromDepartmentId = "d-eng";
        out.push_back(stored(t));
    }
    {
        domain::ArrangementNotice n;
        n.id = "clock-notice";
        n.departmentId = "d-eng";
        n.instructions = "clock test";
        n.dueBy = kDue;
        out.push_back(stored(n));
    }
    {
        auto r = clockedItem("clock-completion");
        r.rounds.back().completionBy = kDue;
        r.state = domain::RectificationState::InHouse;
        out.push_back(stored(r));
    }
    {
        auto r = clockedItem("clock-acceptance");
        r.rounds.back().completedAt = kDue - hours{72};
        r.state = domain::RectificationState::AwaitingAcceptance;
        out.push_back(stored(r));
    }
    {
        domain::SurveyCampaign c;
        c.id = "clock-survey";
        c.title = "clock test";
        c.communityIds = {kCommunity};
        c.categories = {domain::Category::Cleaning};
        c.periodStart = kDue - hours{24 * 20};
        c.periodEnd = kDue;
        c.state = domain::CampaignState::Open;
        out.push_back(stored(c));
    }
    {
        auto n = clockedItem("clock-not-yet");
        n.rounds.back().completionBy = kClocksSecond + hours{24};
        n.state = domain::RectificationState::InHouse;
        out.push_back(stored(n));
    }
    return out;
}

// Records the pass must skip: bodies that do not decode, indexed as overdue.
std::vector<store::StoredRecord> brokenRecords() {
    std::vector<store::StoredRecord> out;
    store::StoredRecord n;
    n.id = "clock-broken-notice";
    n.type = "arrangement_notice";
    n.body = Json{{"id", n.id}, {"community_id", kCommunity}, {"state", "issued"}, {"department_id", "d-eng"}};
    records::IndexFields f;
    f.communityId = kCommunity;
    f.state = "issued";
    f.dueAt = kDue - std::chrono::hours{1};
    f.dueRule = "arrangement.agreed";
    n.index = f;
    out.push_back(n);
    store::StoredRecord c = n;
    c.id = "clock-broken-survey";
    c.type = "survey_campaign";
    c.body = Json{{"id", c.id}, {"community_id", kCommunity}, {"state", "open"}, {"period_due", "soon"}};
    f.state = "open";
    c.index = f;
    out.push_back(c);
    return out;
}

struct Flags {
    std::map<std::string, int> levels; // record id -> escalation level (0: none)
    std::map<std::string, std::string> rules; // record id -> the deadline the flag names
    std::map<std::string, Json> broken;  // the broken records' bodies
    std::int64_t maxVersion = 0;
};

Flags flags(ServerStorage& s) {
    Flags out;
    auto st = s.read([&](ReadUnit& u) -> Status {
        store::RecordQuery q;
        q.types = rules::clockedRecordTypes();
        auto all = u.query(q);
        if (!all)
            return all.error();
        for (const auto& r : *all) {
            if (r.id.rfind("clock-broken", 0) == 0) {
                out.broken[r.id] = r.body;
                continue;
            }
            if (r.id.rfind("clock-", 0) != 0)
                continue;
            const Json e = r.body.value("escalation", Json());
            out.levels[r.id] = e.is_object() ? e.value("level", 0) : 0;
            out.rules[r.id] = e.is_object() ? e.value("rule", "") : "";
        }
        auto max = u.maxVersion();
        if (!max)
            return max.error();
        out.maxVersion = *max;
        return {};
    });
    if (!st)
        qFatal("flags: %s", st.error().message.c_str());
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


    // A database with the demo company and one record of every clock (and two broken ones).
    std::string clockedDatabase(const std::string& engine) {
        const QString name = QStringLiteral("clocks_%1").arg(++m_databases);
        const std::string where = engine == "postgresql" ? m_cluster.createDatabase(name).toStdString()
                                                         : m_dir.filePath(name + ".db").toStdString();
        auto s = openStore(engine, where);
        if (!s)
            qFatal("open %s: %s", where.c_str(), s.error().message.c_str());
        // Without the night patrols' schedules: the pass's expected rounds (patrol_schedule_pass_test)
        // would add writes to the one-write-per-record count here.
        Json company = demoCompany();
        for (auto& route : company["patrol_routes"])
            route.erase("schedule");
        auto st = importCompany(**s, company, [] { return kDue - std::chrono::hours{24 * 30}; }, {1024, 1});
        if (!st)
            qFatal("import: %s", st.error().message.c_str());
        auto put = (*s)->write([](WriteUnit& u) -> Status {
            for (auto& r : clockedRecords())
                CY_TRY(u.put(r));
            for (auto& r : brokenRecords())
                CY_TRY(u.put(r));
            return {};
        });
        if (!put)
            qFatal("put: %s", put.error().message.c_str());
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

    void everyClockIsFlaggedOnce_data() { oneServerRunsEachPass_data(); }

    void everyClockIsFlaggedOnce() {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        const std::string where = clockedDatabase(e);
        const std::vector<std::string> due{"clock-reply",  "clock-explanation", "clock-visit",      "clock-round-2",
                                           "clock-suggestion", "clock-sheet",   "clock-notice",     "clock-completion",
                                           "clock-acceptance", "clock-survey"};
        const int n = int(due.size());
        Flags before;
        {
            auto s = openStore(e, where);
            QVERIFY(s);
            before = flags(**s);
            QCOMPARE(int(before.levels.size()), n + 1);
            for (const auto& [id, level] : before.levels)
                QCOMPARE(level, 0);
            QCOMPARE(int(before.broken.size()), 2);
            // Every record of the list is in the pass's reach: open and past due by the index.
            auto pending = [&] {
                RulesCache cache;
                EscalationService probe(**s, cache, [] { return kClocksFirst; });
                return *probe.pendingCount();
            }();
            QCOMPARE(pending, std::int64_t(n + 2)); // the broken ones are indexed as overdue too
        }

        // Two servers run a pass each at the same moment: every record is flagged once between
        // them (the second reads the first's rung inside its own write transaction).
        Outcome o = runServers(e, where, kClocksFirst, 2, 0, true);
        QCOMPARE(o.failed, 0);
        QCOMPARE(o.ran, 2);
        QCOMPARE(o.moved, n);
        auto s = openStore(e, where);
        QVERIFY(s);
        const Flags first = flags(**s);
        QCOMPARE(first.maxVersion - before.maxVersion, std::int64_t(n)); // one write per record
        for (const auto& id : due) {
            QVERIFY2(first.levels.at(id) == 1, id.c_str());
            QVERIFY2(!first.rules.at(id).empty(), id.c_str());
        }
        QCOMPARE(first.levels.at("clock-not-yet"), 0);
        QCOMPARE(first.rules.at("clock-round-2"), std::string("complaint_reply.round_urgent"));
        QCOMPARE(first.rules.at("clock-sheet"), std::string("transfer_sheet.arrange"));
        QCOMPARE(first.rules.at("clock-acceptance"), std::string("rectification.acceptance"));
        QVERIFY(first.broken == before.broken); // skipped, untouched

        // A second pass at the same moment changes nothing, and its write transaction reads
        // none of the overdue records (they were looked at before it).
        RulesCache cache;
        Instant now = kClocksFirst;
        CountingStorage counting(**s);
        EscalationService pass(counting, cache, [&] { return now; });
        QCOMPARE(*pass.runOnce(), 0);
        QCOMPARE(flags(**s).maxVersion, first.maxVersion);
        QCOMPARE(counting.clockQueries, 0);
        QCOMPARE(counting.gets, 0);

        // A day and a half later every one is on the second rung, written once; the write
        // transaction read exactly those.
        now = kClocksSecond;
        QCOMPARE(*pass.runOnce(), n);
        QCOMPARE(counting.gets, n);
        QCOMPARE(counting.clockQueries, 0);
        QCOMPARE(*pass.runOnce(), 0);
        const Flags second = flags(**s);
        QCOMPARE(second.maxVersion - first.maxVersion, std::int64_t(n));
        for (const auto& id : due)
            QVERIFY2(second.levels.at(id) == 2, id.c_str());
        QCOMPARE(second.levels.at("clock-not-yet"), 0);
        QVERIFY(second.broken == before.broken);

        // The flag travels with the record: what the storage holds decodes, names its deadline
        // and is the one the inbox reads.
        auto st = (*s)->read([&](ReadUnit& u) -> Status {
            auto rec = u.get("clock-suggestion");
            if (!rec || !*rec)
                return internalError("clock-suggestion is gone");
            const auto clock = rules::clockOf("suggestion", (*rec)->body, kClocksSecond, rules::Policy::defaults());
            if (!clock || !clock->flag || clock->flag->level != 2 || clock->flag->notify != domain::Position::DeputyGm)
                return internalError("clock-suggestion: the stored flag is not the second rung");
            return {};
        });
        QVERIFY2(st, st ? "" : st.error().message.c_str());
    }

    void manyRecordsToMoveAreEachMovedOnce_data() { oneServerRunsEachPass_data(); }

    // More records to move than the pass reads one by one (a first pass, a ladder given a new
    // rung): they are found by one query of the overdue records, and each moves once.
    void manyRecordsToMoveAreEachMovedOnce() {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        auto s = openStore(e, clockedDatabase(e));
        QVERIFY(s);
        constexpr int kMany = 300; // EscalationService reads up to 256 one by one
        auto put = (*s)->write([](WriteUnit& u) -> Status {
            for (int i = 0; i < kMany; ++i)
                CY_TRY(u.put(stored(clockedComplaint(("many-" + std::to_string(i)).c_str()))));
            return {};
        });
        QVERIFY2(put, put ? "" : put.error().message.c_str());
        const std::int64_t before = flags(**s).maxVersion;
        RulesCache cache;
        EscalationService pass(**s, cache, [] { return kClocksFirst; });
        QCOMPARE(*pass.runOnce(), kMany + 10); // and the ten clocks of clockedDatabase
        QCOMPARE(*pass.runOnce(), 0);
        QCOMPARE(flags(**s).maxVersion - before, std::int64_t(kMany + 10));
    }

    void theCompanysRulesAreReadOnceForEveryCommunity_data() { oneServerRunsEachPass_data(); }

    // The rules cache reads each community's record, and the company's calendar and policy once
    // for every community that names the calendar. An entry expires when the oldest record it
    // was built from was read a minute ago, so a change of policy reaches every community
    // within the minute, as before the company's part was shared; an invalidation while rules
    // are read leaves nothing read before it cached.
    void theCompanysRulesAreReadOnceForEveryCommunity() {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        auto s = openStore(e, clockedDatabase(e));
        QVERIFY(s);
        // Jade Lake keeps its time in Urumqi; the policy allows 77 seconds of clock skew.
        // Rewrites the body of the record `id` of `type` (from {} when there is none).
        auto rewrite = [&](const std::string& id, const std::string& type, const std::function<void(Json&)>& edit) {
            return (*s)->write([&](WriteUnit& u) -> Status {
                auto old = u.get(id);
                if (!old)
                    return old.error();
                store::StoredRecord r;
                r.id = id;
                r.type = type;
                r.body = *old && (**old).type == type ? (**old).body : Json::object();
                edit(r.body);
                CY_TRY(u.put(r));
                return {};
            });
        };
        auto setPolicy = [&](int skewSeconds) {
            return rewrite(std::string(records::kPolicyRecordId), "policy",
                           [&](Json& body) { body["clock_skew_bound_seconds"] = skewSeconds; });
        };
        auto setJadeLake = [&](const char* calendarId) {
            return rewrite("cm-jadelake", "community", [&](Json& body) {
                body["time_zone"] = "Asia/Urumqi";
                body["calendar_id"] = calendarId;
            });
        };
        auto st = setJadeLake("cn-mainland");
        QVERIFY2(st, st ? "" : st.error().message.c_str());
        st = setPolicy(77);
        QVERIFY2(st, st ? "" : st.error().message.c_str());

        RulesCache cache; // a minute
        const Instant t0 = kDue;
        // Reads through a unit that counts: "<the skew bound> <the zone>" of the community.
        auto rulesOf = [&](const char* community, Instant at, std::map<std::string, int>& gets,
                           std::function<void(const std::string&)> onGet = {}) {
            QString out;
            auto read = (*s)->write([&](WriteUnit& u) -> Status {
                GetsById counting(u);
                counting.onGet = onGet;
                const auto ctx = cache.get(counting, community, at);
                out = QString::number(ctx->policy.clockSkewBoundSeconds) + ' ' +
                      QString::fromStdString(ctx->calendar.zoneName());
                for (const auto& [id, n] : counting.gets)
                    gets[id] += n;
                return {};
            });
            if (!read)
                qFatal("%s", read.error().message.c_str());
            return out;
        };
        std::map<std::string, int> gets;
        const std::string calendar = records::calendarRecordId("cn-mainland");
        const std::string policy(records::kPolicyRecordId);

        QCOMPARE(rulesOf("cm-sunshine", t0, gets), QStringLiteral("77 Asia/Shanghai"));
        QCOMPARE(gets["cm-sunshine"], 1);
        QCOMPARE(gets[calendar], 1);
        QCOMPARE(gets[policy], 1);

        // The policy changes; half a minute later Jade Lake's rules are read for the first time:
        // its own record is read, the company's part is the one read with Sunshine's (the old
        // policy, within the minute), in Jade Lake's zone.
        st = setPolicy(88);
        QVERIFY2(st, st ? "" : st.error().message.c_str());
        QCOMPARE(rulesOf("cm-jadelake", t0 + std::chrono::seconds{40}, gets),
                 QStringLiteral("77 Asia/Urumqi"));
        QCOMPARE(gets["cm-jadelake"], 1);
        QCOMPARE(gets[calendar], 1);
        QCOMPARE(gets[policy], 1);
        QCOMPARE(rulesOf("cm-sunshine", t0 + std::chrono::seconds{40}, gets),
                 QStringLiteral("77 Asia/Shanghai")); // not moved to Urumqi
        QCOMPARE(gets["cm-sunshine"], 1);

        // A minute after the company's part was read, Jade Lake's entry (made 21 seconds ago)
        // has expired with it: everything is read again, and the new policy holds.
        QCOMPARE(rulesOf("cm-jadelake", t0 + std::chrono::seconds{61}, gets),
                 QStringLiteral("88 Asia/Urumqi"));
        QCOMPARE(gets["cm-jadelake"], 2);
        QCOMPARE(gets[calendar], 2);
        QCOMPARE(gets[policy], 2);

        // Dropping the cache (this server wrote company data) drops the company's part too.
        cache.invalidate();
        QCOMPARE(rulesOf("cm-sunshine", t0 + std::chrono::seconds{62}, gets),
                 QStringLiteral("88 Asia/Shanghai"));
        QCOMPARE(gets[calendar], 3);
        QCOMPARE(gets[policy], 3);

        // An invalidation while the rules are being read (an admin write on another thread)
        // wins: what was read before it serves that one request and is not kept.
        cache.invalidate();
        rulesOf("cm-sunshine", t0 + std::chrono::seconds{63}, gets, [&](const std::string& id) {
            if (id == calendar)
                cache.invalidate();
        });
        QCOMPARE(gets[calendar], 4);
        rulesOf("cm-sunshine", t0 + std::chrono::seconds{63}, gets);
        QCOMPARE(gets["cm-sunshine"], 4);
        QCOMPARE(gets[calendar], 5);

        // A community naming another calendar has the company's part for that calendar, read on
        // its own (there is no such calendar: the built-in one stands in).
        st = setJadeLake("cn-other");
        QVERIFY2(st, st ? "" : st.error().message.c_str());
        cache.invalidate();
        rulesOf("cm-jadelake", t0 + std::chrono::seconds{64}, gets);
        QCOMPARE(gets[records::calendarRecordId("cn-other")], 1);
        QCOMPARE(gets[calendar], 5);
        rulesOf("cm-sunshine", t0 + std::chrono::seconds{64}, gets);
        QCOMPARE(gets[records::calendarRecordId("cn-other")], 1);
        QCOMPARE(gets[calendar], 6);
    }

    // A server drops the indexes only a device's lists read (migrateServerSchema), as each costs
    // every record written. The reads it makes of records by deadline, by a person's marks, by a
    // community's open work and by a flat still seek in the index made for them.
    void theServerReadsRecordsThroughIndexesItKeeps() {
        const std::string where = clockedDatabase("sqlite");
        auto devices = store::SqliteRecordStore::open(m_dir.filePath("a-device.db").toStdString());
        QVERIFY(devices);
        auto server = store::Database::open(where);
        QVERIFY(server);
        auto indexes = [](store::Database& db, const char* name) {
            return *db.queryOne("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?",
                                [](store::Statement& s) { return s.int64(0); }, std::string(name));
        };
        for (const char* name : {"records_department", "records_due"}) {
            QCOMPARE(indexes(**server, name), std::optional<std::int64_t>(0));
            QCOMPARE(indexes((*devices)->database(), name), std::optional<std::int64_t>(1));
        }

        struct Read {
            const char* what;
            store::RecordQuery q;
            const char* index; // the one it must seek in
        };
        const std::vector<std::string> communities{"cm-1", "cm-2"};
        const std::vector<Read> reads{
            {"overdue records", overdueRecords(kClocksFirst), "records_type_due"},
            {"inbox", inboxOpenWork(communities), "records_type_community"},
            {"inbox marks", inboxSeenMarks(communities, "st-1"), "records_assignee"},
            {"a unit's survey answers", surveyResponsesOf("u-1"), "records_unit"},
        };
        for (const auto& r : reads) {
            const auto w = store::detail::buildWhere(r.q);
            for (const std::string select : {"SELECT count(*) FROM records", "SELECT id, body FROM records"}) {
                auto plan = (*server)->prepare("EXPLAIN QUERY PLAN " + select + w.sql);
                QVERIFY(plan);
                store::detail::bindAll(*plan, w);
                std::vector<std::string> steps;
                while (*plan->step())
                    if (const std::string step = plan->text(3); step.find("records") != std::string::npos)
                        steps.push_back(step);
                const std::string seek = std::string(" INDEX ") + r.index + " (";
                QVERIFY2(steps.size() == 1 && steps[0].rfind("SEARCH records USING ", 0) == 0 &&
                             steps[0].find(seek) != std::string::npos,
                         (std::string(r.what) + ": " + (steps.empty() ? "no step" : steps[0])).c_str());
            }
        }
    }
};

QTEST_GUILESS_MAIN(EscalationPassTest)
#include "escalation_pass_test.moc"
