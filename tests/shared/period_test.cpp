// Report periods (shared/rules/period.h): labels, ISO weeks around New Year, stepping, and
// placing a period in a community's zone — the one rule the server's reports, the tablet's
// report screen and the supervisor's weekly review all use.
#include "shared/rules/period.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::rules;

namespace {
Instant at(const char* s) { return *parseInstant(s); }
LocalDate day(const char* s) { return *parseDate(s); }
} // namespace

class PeriodTest : public QObject {
    Q_OBJECT
private slots:
    void labelsReadBack_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("end");
        QTest::newRow("a year") << "2026" << "2026-01-01" << "2027-01-01";
        QTest::newRow("the second half") << "2026-H2" << "2026-07-01" << "2027-01-01";
        QTest::newRow("the last quarter") << "2026-Q4" << "2026-10-01" << "2027-01-01";
        QTest::newRow("a month") << "2026-11" << "2026-11-01" << "2026-12-01";
        QTest::newRow("an ISO week starts on Monday") << "2026-W47" << "2026-11-16" << "2026-11-23";
        QTest::newRow("week 1 of 2027 starts in 2027") << "2027-W01" << "2027-01-04" << "2027-01-11";
        QTest::newRow("week 53 of 2026 ends in 2027") << "2026-W53" << "2026-12-28" << "2027-01-04";
    }
    void labelsReadBack() {
        QFETCH(QString, label);
        QFETCH(QString, first);
        QFETCH(QString, end);
        auto p = parsePeriodDays(label.toStdString());
        QVERIFY2(p, p ? "" : p.error().message.c_str());
        QCOMPARE(QString::fromStdString(formatDate(p->first)), first);
        QCOMPARE(QString::fromStdString(formatDate(p->end)), end);
        QCOMPARE(QString::fromStdString(p->label), label);
        QCOMPARE(periodOfDay(p->granularity, p->first).label, p->label);
    }

    void notPeriodsAreRefused_data() {
        QTest::addColumn<QString>("label");
        QTest::newRow("month 13") << "2026-13";
        QTest::newRow("a fifth quarter") << "2026-Q5";
        QTest::newRow("a 53rd week in a year of 52") << "2027-W53";
        QTest::newRow("words") << "last month";
    }
    void notPeriodsAreRefused() {
        QFETCH(QString, label);
        auto p = parsePeriodDays(label.toStdString());
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::InvalidArgument);
    }

    void stepping_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("steps");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a month into the next year") << "2026-12" << 1 << "2027-01";
        QTest::newRow("a quarter back a year") << "2026-Q1" << -1 << "2025-Q4";
        QTest::newRow("a week across New Year") << "2026-W53" << 1 << "2027-W01";
        QTest::newRow("a half year") << "2026-H1" << 1 << "2026-H2";
        QTest::newRow("a year back") << "2026" << -1 << "2025";
    }
    void stepping() {
        QFETCH(QString, label);
        QFETCH(int, steps);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(shiftPeriod(*parsePeriodDays(label.toStdString()), steps).label), expected);
    }

    // Sunday 20:00 UTC is already Monday in Shanghai: the community's week, not the device's.
    void theWeekIsTheCommunitysWeek() {
        const Calendar& shanghai = Calendar::chinaDefault();
        const Period w = periodContaining(Granularity::Week, at("2026-11-22T20:00:00Z"), shanghai);
        QCOMPARE(w.label, std::string("2026-W48"));
        QCOMPARE(formatInstant(w.from), std::string("2026-11-22T16:00:00Z")); // Monday 00:00 +08:00
        QCOMPARE(formatInstant(w.to), std::string("2026-11-29T16:00:00Z"));
        QCOMPARE(previousPeriod(w, shanghai).label, std::string("2026-W47"));
        QCOMPARE(periodOfDay(Granularity::Week, day("2026-11-22")).label, std::string("2026-W47"));
    }

    void reportKindsCoverTheirNaturalPeriod() {
        QCOMPARE(naturalGranularity("weekly"), Granularity::Week);
        QCOMPARE(naturalGranularity("quarterly"), Granularity::Quarter);
        QCOMPARE(naturalGranularity("half_yearly"), Granularity::Half);
        QCOMPARE(naturalGranularity("annual_survey"), Granularity::Year);
        QCOMPARE(naturalGranularity("kpi"), Granularity::Month);
        for (auto g : {Granularity::Week, Granularity::Month, Granularity::Quarter, Granularity::Half, Granularity::Year})
            QCOMPARE(granularityNamed(granularityName(g)), std::optional(g));
        QVERIFY(!granularityNamed("fortnight"));
    }
};

QTEST_GUILESS_MAIN(PeriodTest)
#include "period_test.moc"
