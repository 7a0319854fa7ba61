// Reports give the same figures on both engines: the demo company and six months of generated
// history (server/demo) written into a SQLite database and into a PostgreSQL database of a
// throw-away cluster, then every report kind for the company (its natural period, the year and
// the survey's month, both languages), the office, each community and each department,
// computed on both and compared whole (every tile, table row, rate and Pareto cut). Once more
// on PostgreSQL after its report facts were rebuilt from the records (as after an upgrade that
// changes the projection). Once more after a NUL was written into a string of every stored body,
// as a device could push one before the server rejected them: PostgreSQL cannot hold a NUL in
// text and refuses it in jsonb.
#include "server/demo/demo_company.h"
#include "server/demo/demo_history.h"
#include "server/reports/report_service.h"
#include "server/service/admin_service.h"
#include "server/service/escalation_service.h"
#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"
#include "support/postgres_cluster.h"

#include <QTemporaryDir>
#include <QtTest>

#include <libpq-fe.h>
#include <sqlite3.h>

using namespace courtyard;
using namespace courtyard::server;
using courtyard::test::PostgresCluster;
using reports::ReportRequest;

namespace {

// Friday 20 November 2026, 10:00 in Shanghai: the history (June to November, with October's
// annual survey and its answers) runs up to here; reports are as of here.
const Instant kNow = *parseInstant("2026-11-20T02:00:00Z");

Status seed(ServerStorage& s) {
    Clock clock = [] { return kNow; };
    CY_TRY(importCompany(s, demoCompany(), clock, {1024, 1}));
    CY_TRY(seedHistory(s, HistoryOptions{}, clock));
    // Some complaints escalated, so the escalation figures are not all zero.
    RulesCache rules;
    EscalationService escalations(s, rules, clock);
    CY_TRY(escalations.runOnce());
    return {};
}

// Where two reports first differ (a JSON pointer), or "".
std::string firstDifference(const Json& a, const Json& b, const std::string& at = "") {
    if (a.type() != b.type())
        return at + " (" + a.dump() + " vs " + b.dump() + ")";
    if (a.is_object()) {
        for (const auto& [k, v] : a.items()) {
            if (!b.contains(k))
                return at + "/" + k + " (missing on PostgreSQL)";
            if (auto d = firstDifference(v, b.at(k), at + "/" + k); !d.empty())
                return d;
        }
        return a.size() == b.size() ? "" : at + " (PostgreSQL has more keys)";
    }
    if (a.is_array()) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
            if (auto d = firstDifference(a[i], b[i], at + "/" + std::to_string(i)); !d.empty())
                return d;
        return a.size() == b.size() ? ""
                                    : at + " (" + std::to_string(a.size()) + " vs " + std::to_string(b.size()) +
                                          " items)";
    }
    return a == b ? "" : at + " (" + a.dump() + " vs " + b.dump() + ")";
}

// Numbers above zero anywhere in a report: a report of nothing but zeros compares equal too
// easily.
int positives(const Json& j) {
    if (j.is_number())
        return j.get<double>() > 0 ? 1 : 0;
    int n = 0;
    if (j.is_structured())
        for (const auto& v : j)
            n += positives(v);
    return n;
}

std::vector<ReportRequest> requests() {
    std::vector<ReportRequest> out;
    const Json company = demoCompany();
    for (const auto& kind : reports::reportKinds()) {
        for (auto lang : {reports::Lang::En, reports::Lang::Zh})
            out.push_back({kind, "company", "", "", "", lang});
        // The whole year and the survey's month, whatever the kind's own period.
        for (const char* period : {"2026", "2026-10"})
            out.push_back({kind, "company", "", "", period, reports::Lang::En});
        for (const auto& o : company.at("offices"))
            out.push_back({kind, "office", o.at("id").get<std::string>(), "", "", reports::Lang::En});
        for (const auto& c : company.at("communities"))
            out.push_back({kind, "community", c.at("id").get<std::string>(), "", "", reports::Lang::En});
        for (const auto& d : company.at("departments"))
            out.push_back({kind, "company", "", d.at("id").get<std::string>(), "", reports::Lang::En});
    }
    return out;
}

std::string nameOf(const ReportRequest& r) {
    return r.kind + " " + r.scope + (r.scopeId.empty() ? "" : " " + r.scopeId) +
           (r.department.empty() ? "" : " department " + r.department) + (r.period.empty() ? "" : " " + r.period) +
           (r.lang == reports::Lang::Zh ? " zh" : "");
}

} // namespace

class ReportEnginesTest : public QObject {
    Q_OBJECT
    PostgresCluster m_cluster;
    QTemporaryDir m_dir;
    std::string m_sqlitePath;
    std::unique_ptr<SqliteStorage> m_sqlite;
    std::unique_ptr<PostgresStorage> m_postgres;
    std::string m_conninfo;

    // Every request on both engines; the number of reports compared.
    int compareAll() {
        reports::ReportService onSqlite(*m_sqlite, [] { return kNow; });
        reports::ReportService onPostgres(*m_postgres, [] { return kNow; });
        int compared = 0;
        for (const auto& request : requests()) {
            const std::string name = nameOf(request);
            auto a = onSqlite.compute(request);
            auto b = onPostgres.compute(request);
            if (!a)
                qFatal("%s on SQLite: %s", name.c_str(), a.error().message.c_str());
            if (!b) {
                QTest::qFail(("on PostgreSQL " + name + ": " + b.error().message).c_str(), __FILE__, __LINE__);
                return -1;
            }
            if (request.scope == "company" && request.department.empty() && positives((*a)["sections"]) == 0) {
                QTest::qFail(("nothing but zeros in " + name).c_str(), __FILE__, __LINE__);
                return -1;
            }
            if (auto d = firstDifference(*a, *b); !d.empty()) {
                QTest::qFail((name + " differs at " + d).c_str(), __FILE__, __LINE__);
                return -1;
            }
            ++compared;
        }
        return compared;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_cluster.start());
        m_sqlitePath = m_dir.filePath("courtyard.db").toStdString();
        auto sqlite = SqliteStorage::open(m_sqlitePath);
        QVERIFY2(sqlite, sqlite ? "" : sqlite.error().message.c_str());
        m_sqlite = std::move(*sqlite);
        m_conninfo = m_cluster.createDatabase("reports").toStdString();
        auto pg = PostgresStorage::open(m_conninfo);
        QVERIFY2(pg, pg ? "" : pg.error().message.c_str());
        m_postgres = std::move(*pg);
        for (ServerStorage* s : {static_cast<ServerStorage*>(m_sqlite.get()), static_cast<ServerStorage*>(m_postgres.get())}) {
            auto st = seed(*s);
            QVERIFY2(st, st ? "" : st.error().message.c_str());
        }
    }
    void cleanupTestCase() {
        m_postgres.reset();
        m_cluster.stop();
    }

    void everyReportHasTheSameFiguresOnBothEngines() {
        const int compared = compareAll();
        QCOMPARE(compared, int(requests().size()));
        qInfo("%d reports compared", compared);
    }

    void factsRebuiltOnPostgresGiveTheSameFigures() {
        // Mark the projection stale: the next open rebuilds every fact from the records.
        auto st = m_postgres->write([](WriteUnit& u) { return u.setMeta("report_facts", "0"); });
        QVERIFY2(st, st ? "" : st.error().message.c_str());
        m_postgres.reset();
        auto pg = PostgresStorage::open(m_conninfo);
        QVERIFY2(pg, pg ? "" : pg.error().message.c_str());
        m_postgres = std::move(*pg);
        std::optional<std::string> version;
        st = m_postgres->write([&](WriteUnit& u) -> Status {
            auto v = u.getMeta("report_facts");
            if (!v)
                return v.error();
            version = *v;
            return {};
        });
        QVERIFY(st);
        QCOMPARE(version.value_or(""), std::to_string(reports::kFactsVersion));
        QCOMPARE(compareAll(), int(requests().size()));
    }

    void aNulInTheBodiesLeavesTheFiguresAlone() {
        // A member the reports do not read, whose text has a NUL, added to every body as a
        // device's JSON writer escapes it. The statement is the same SQL on both engines.
        const char* addNul = "UPDATE records SET body = substr(body, 1, length(body) - 1) || "
                             "',\"remark\":\"before\\u0000after\"}' WHERE body LIKE '{\"%'";
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(m_sqlitePath.c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        const int rc = sqlite3_exec(db, addNul, nullptr, nullptr, &error);
        const int changed = sqlite3_changes(db);
        const std::string message = error ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        QVERIFY2(rc == SQLITE_OK, message.c_str());

        PGconn* pg = PQconnectdb(m_conninfo.c_str());
        PGresult* result = PQexec(pg, addNul);
        const bool pgOk = PQresultStatus(result) == PGRES_COMMAND_OK;
        const std::string pgMessage = PQerrorMessage(pg);
        const std::string pgChanged = pgOk ? PQcmdTuples(result) : "";
        PQclear(result);
        PQfinish(pg);
        QVERIFY2(pgOk, pgMessage.c_str());
        QVERIFY2(changed > 500, std::to_string(changed).c_str()); // every record of the history
        QCOMPARE(pgChanged, std::to_string(changed));

        QCOMPARE(compareAll(), int(requests().size()));
    }
};

QTEST_GUILESS_MAIN(ReportEnginesTest)
#include "report_engines_test.moc"
