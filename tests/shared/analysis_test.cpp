// Pareto analysis (排列图) and the KPI formulas: on-time reply, visit rate, suggestion reply.
#include "shared/rules/analysis.h"
#include "shared/rules/deadlines.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::rules;

namespace {
Instant at(const char* s) { return *parseInstant(s); }
domain::Deadline due(const char* s) {
    domain::Deadline d;
    d.dueAt = at(s);
    return d;
}
domain::Complaint valid(const char* replyDue, std::optional<const char*> replied) {
    domain::Complaint c;
    c.validity = domain::Validity::Valid;
    c.replyDue = due(replyDue);
    if (replied) {
        c.firstRepliedAt = at(*replied);
        c.repliedAt = c.firstRepliedAt;
    }
    return c;
}
} // namespace

class AnalysisTest : public QObject {
    Q_OBJECT
private slots:
    void paretoSortsAccumulatesAndCutsAt80() {
        auto rows = pareto({{"security", 10}, {"cleaning", 45}, {"vehicles", 10}, {"repairs", 30}, {"housing", 5},
                            {"activities", 0}});
        QCOMPARE(rows.size(), std::size_t(5)); // the zero row is dropped
        QCOMPARE(rows[0].label, std::string("cleaning"));
        QCOMPARE(rows[0].percent, 45.0);
        QCOMPARE(rows[1].label, std::string("repairs"));
        QCOMPARE(rows[1].cumulativePercent, 75.0);
        QCOMPARE(rows[2].label, std::string("security")); // ties by label
        QCOMPARE(rows[2].cumulativePercent, 85.0);
        QCOMPARE(rows[3].label, std::string("vehicles"));
        QCOMPARE(rows[4].cumulativePercent, 100.0);
        QVERIFY(rows[0].vitalFew && rows[1].vitalFew && rows[2].vitalFew);
        QVERIFY(!rows[3].vitalFew && !rows[4].vitalFew);
    }

    void aRowThatReachesExactly80IsTheLastVitalOne() {
        auto rows = pareto({{"a", 50}, {"b", 30}, {"c", 20}});
        QVERIFY(rows[0].vitalFew);
        QVERIFY(rows[1].vitalFew);
        QCOMPARE(rows[1].cumulativePercent, 80.0);
        QVERIFY(!rows[2].vitalFew);
        rows = pareto({{"only", 3}});
        QVERIFY(rows[0].vitalFew);
        QVERIFY(pareto({}).empty());
        rows = pareto({{"a", 50}, {"b", 30}, {"c", 20}}, 50);
        QVERIFY(rows[0].vitalFew && !rows[1].vitalFew);
    }

    void onTimeReplyRate() {
        const Instant asOf = at("2026-03-10T00:00:00Z");
        std::vector<domain::Complaint> cs{
            valid("2026-03-05T10:00:00Z", "2026-03-05T10:00:00Z"), // exactly on time
            valid("2026-03-05T10:00:00Z", "2026-03-05T10:00:01Z"), // one second late
            valid("2026-03-06T10:00:00Z", std::nullopt),           // overdue, not replied
            valid("2026-03-12T10:00:00Z", std::nullopt),           // still within time: not counted
            valid("2026-03-12T10:00:00Z", "2026-03-09T10:00:00Z"), // replied early
        };
        domain::Complaint invalid;
        invalid.validity = domain::Validity::Invalid;
        invalid.replyDue = due("2026-03-01T00:00:00Z");
        cs.push_back(invalid); // invalid complaints are not in the reply KPI
        const auto r = rules::onTimeReplyRate(cs, asOf);
        QCOMPARE(r.denominator, 4);
        QCOMPARE(r.numerator, 2);
        QCOMPARE(r.percent(), 50.0);
    }

    void visitRate() {
        const Instant asOf = at("2026-03-20T00:00:00Z");
        auto visited = valid("2026-03-05T10:00:00Z", "2026-03-05T09:00:00Z");
        visited.visitDue = due("2026-03-08T09:00:00Z");
        visited.visits.push_back({"v", at("2026-03-07T09:00:00Z"), "s", domain::VisitMethod::Phone, "ok", true});
        auto late = visited;
        late.visits[0].at = at("2026-03-09T09:00:00Z");
        auto never = visited;
        never.visits.clear();
        auto notYetDue = visited;
        notYetDue.visitDue = due("2026-03-25T09:00:00Z");
        notYetDue.visits.clear();
        const auto r = rules::visitRate({visited, late, never, notYetDue}, asOf);
        QCOMPARE(r.denominator, 3);
        QCOMPARE(r.numerator, 1);
    }

    void suggestionReplyRate() {
        const Instant asOf = at("2026-03-20T00:00:00Z");
        domain::Suggestion a;
        a.replyDue = due("2026-03-05T00:00:00Z");
        a.repliedAt = at("2026-03-04T00:00:00Z");
        domain::Suggestion b = a;
        b.repliedAt.reset();
        domain::Suggestion cancelled = b;
        cancelled.state = domain::SuggestionState::Cancelled;
        const auto r = rules::suggestionReplyRate({a, b, cancelled}, asOf);
        QCOMPARE(r.denominator, 2);
        QCOMPARE(r.numerator, 1);
        QCOMPARE(Rate{}.percent(), 100.0); // nothing due: nothing missed
    }
};

QTEST_GUILESS_MAIN(AnalysisTest)
#include "analysis_test.moc"
