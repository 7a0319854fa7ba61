// The working calendar as data: JSON with dates and ranges, the shipped mainland-China
// calendar for 2025–2026, make-up working days, weekends, coverage, and local time in zones
// with and without daylight saving.
#include "shared/rules/calendar.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using rules::Calendar;

namespace {
LocalDate d(const char* s) { return *parseDate(s); }
} // namespace

class CalendarTest : public QObject {
    Q_OBJECT
private slots:
    void chinaDefaultKnowsHolidaysAndMakeUpDays_data() {
        QTest::addColumn<QString>("date");
        QTest::addColumn<bool>("working");
        QTest::newRow("New Year's Day 2026") << "2026-01-01" << false;
        QTest::newRow("Saturday 3 Jan 2026, still New Year") << "2026-01-03" << false;
        QTest::newRow("Sunday 4 Jan 2026 is a make-up working day") << "2026-01-04" << true;
        QTest::newRow("Saturday 14 Feb 2026 is a make-up working day") << "2026-02-14" << true;
        QTest::newRow("Monday 16 Feb 2026 is Spring Festival") << "2026-02-16" << false;
        QTest::newRow("Monday 23 Feb 2026 is the festival's last day") << "2026-02-23" << false;
        QTest::newRow("Tuesday 24 Feb 2026 is back to work") << "2026-02-24" << true;
        QTest::newRow("Saturday 28 Feb 2026 is a make-up working day") << "2026-02-28" << true;
        QTest::newRow("an ordinary Saturday") << "2026-03-07" << false;
        QTest::newRow("an ordinary Wednesday") << "2026-03-04" << true;
        QTest::newRow("Dragon Boat Friday 19 Jun 2026") << "2026-06-19" << false;
        QTest::newRow("Sunday 20 Sep 2026 is a make-up working day") << "2026-09-20" << true;
        QTest::newRow("Mid-Autumn Friday 25 Sep 2026") << "2026-09-25" << false;
        QTest::newRow("National Day week Wednesday 7 Oct 2026") << "2026-10-07" << false;
        QTest::newRow("Thursday 8 Oct 2026 is back to work") << "2026-10-08" << true;
        QTest::newRow("Saturday 10 Oct 2026 is a make-up working day") << "2026-10-10" << true;
        QTest::newRow("Sunday 26 Jan 2025 was a make-up working day") << "2025-01-26" << true;
        QTest::newRow("Wednesday 8 Oct 2025 was a holiday") << "2025-10-08" << false;
        QTest::newRow("2027 has no data: a Friday is a working day") << "2027-01-01" << true;
        QTest::newRow("2027 has no data: a Saturday is not") << "2027-01-02" << false;
    }
    void chinaDefaultKnowsHolidaysAndMakeUpDays() {
        QFETCH(QString, date);
        QFETCH(bool, working);
        QCOMPARE(Calendar::chinaDefault().isWorkingDay(d(qPrintable(date))), working);
    }

    void coverageIsPerYear() {
        const auto& cal = Calendar::chinaDefault();
        QVERIFY(cal.coversYear(2025));
        QVERIFY(cal.coversYear(2026));
        QVERIFY(!cal.coversYear(2024));
        QVERIFY(!cal.coversYear(2027));
        QCOMPARE(cal.zoneName(), std::string("Asia/Shanghai"));
        QCOMPARE(cal.closeOfBusinessMinutes(), 18 * 60);
    }

    void nthWorkingDaySaysWhenItFellBack() {
        const auto& cal = Calendar::chinaDefault();
        auto r = cal.nthWorkingDayAfter(d("2026-12-30"), 2); // Thu 31 Dec, then Fri 1 Jan 2027
        QCOMPARE(formatDate(r.date), std::string("2027-01-01"));
        QVERIFY(r.fallback);
        r = cal.nthWorkingDayAfter(d("2026-12-29"), 2);
        QCOMPARE(formatDate(r.date), std::string("2026-12-31"));
        QVERIFY(!r.fallback);
    }

    void readsItsOwnJsonWithRangesAndCustomWeekends() {
        auto cal = Calendar::parse(R"({"id":"gulf","time_zone":"Asia/Dubai","close_of_business":"16:00",
            "weekend":["sat","sun"],"holidays":["2026-04-01..2026-04-03"],"working_days":[]})");
        QVERIFY2(cal, cal ? "" : cal.error().message.c_str());
        QVERIFY(!cal->isWorkingDay(d("2026-04-02")));
        QVERIFY(cal->isWorkingDay(d("2026-04-06")));
        QCOMPARE(cal->closeOfBusinessMinutes(), 16 * 60);
        auto friSat = Calendar::parse(R"({"time_zone":"Asia/Riyadh","weekend":["fri","sat"]})");
        QVERIFY(friSat);
        QVERIFY(!friSat->isWorkingDay(d("2026-03-06"))); // Friday
        QVERIFY(friSat->isWorkingDay(d("2026-03-08")));  // Sunday
        // toJson → parse is the same calendar.
        auto round = Calendar::fromJson(cal->toJson());
        QVERIFY(round);
        QCOMPARE(round->toJson(), cal->toJson());
    }

    void refusesCalendarsThatDoNotMakeSense_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no time zone") << R"({"weekend":["sat"]})" << "time_zone";
        QTest::newRow("made-up zone") << R"({"time_zone":"Asia/Atlantis"})" << "time_zone";
        QTest::newRow("bad close of business") << R"({"time_zone":"UTC","close_of_business":"6pm"})"
                                               << "close_of_business";
        QTest::newRow("weekday typo") << R"({"time_zone":"UTC","weekend":["saturday"]})" << "weekend";
        QTest::newRow("backwards range") << R"({"time_zone":"UTC","holidays":["2026-05-05..2026-05-01"]})"
                                         << "holidays";
        QTest::newRow("a day both off and on")
            << R"({"time_zone":"UTC","holidays":["2026-05-01"],"working_days":["2026-05-01"]})" << "working_days";
        QTest::newRow("not JSON") << "{time_zone: UTC" << "JSON";
    }
    void refusesCalendarsThatDoNotMakeSense() {
        QFETCH(QString, json);
        QFETCH(QString, mentions);
        auto cal = Calendar::parse(json.toStdString());
        QVERIFY(!cal);
        QCOMPARE(cal.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(cal.error().message.find(mentions.toStdString()) != std::string::npos,
                 cal.error().message.c_str());
    }

    void localTimeFollowsTheZoneIncludingDaylightSaving() {
        auto ny = *Calendar::chinaDefault().withZone("America/New_York");
        // 18:00 local on the day DST starts (8 Mar 2026) is 22:00Z, the day before 23:00Z.
        QCOMPARE(formatInstant(ny.toInstant(d("2026-03-07"), 18 * 60)), std::string("2026-03-07T23:00:00Z"));
        QCOMPARE(formatInstant(ny.toInstant(d("2026-03-08"), 18 * 60)), std::string("2026-03-08T22:00:00Z"));
        // 02:30 does not exist that night: it moves forward by the gap to 03:30 EDT.
        QCOMPARE(formatInstant(ny.toInstant(d("2026-03-08"), 2 * 60 + 30)), std::string("2026-03-08T07:30:00Z"));
        // 01:30 happens twice on 1 Nov 2026: the earlier one (EDT) is taken.
        QCOMPARE(formatInstant(ny.toInstant(d("2026-11-01"), 60 + 30)), std::string("2026-11-01T05:30:00Z"));
        // 23:30Z on 6 Mar is 18:30 in New York the same day, but 07:30 on 7 Mar in Shanghai.
        const Instant t = *parseInstant("2026-03-06T23:30:00Z");
        QCOMPARE(formatDate(ny.localDate(t)), std::string("2026-03-06"));
        QCOMPARE(ny.localMinutes(t), 18 * 60 + 30);
        QCOMPARE(formatDate(Calendar::chinaDefault().localDate(t)), std::string("2026-03-07"));
        QVERIFY(!Calendar::chinaDefault().withZone("Nowhere/Special"));
    }
};

QTEST_GUILESS_MAIN(CalendarTest)
#include "calendar_test.moc"
