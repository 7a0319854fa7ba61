// Deadlines, table-driven, every expectation worked out by hand from the procedures' complaint,
// suggestion and working-day rules and the 2026 State Council calendar. Times are written in the community's local time.
#include "shared/rules/deadlines.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::rules;

namespace {
Instant at(const QString& s) { return *parseInstant(s.toStdString()); }

// Weekends-only calendars with explicit 2026 coverage, for zones other than Shanghai.
Calendar weekendsOnly(const char* zone, const char* cob) {
    return *Calendar::parse(std::string(R"({"time_zone":")") + zone + R"(","close_of_business":")" + cob +
                            R"(","years":[2026]})");
}
} // namespace

class DeadlinesTest : public QObject {
    Q_OBJECT
private slots:
    void complaintReply_data() {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("received");
        QTest::addColumn<bool>("urgent");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("due");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("fallback");
        const QString cn = "cn";
        QTest::newRow("received late on a Friday: Monday and Tuesday count")
            << cn << "2026-03-06T21:30:00+08:00" << false << "" << "2026-03-10T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("received on a holiday: counting starts after Labour Day")
            << cn << "2026-05-02T10:00:00+08:00" << false << "" << "2026-05-07T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("Friday before Spring Festival: make-up Saturday, then the 24th")
            << cn << "2026-02-13T16:00:00+08:00" << false << "" << "2026-02-24T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("Thursday before Spring Festival: due on the make-up Saturday")
            << cn << "2026-02-12T10:00:00+08:00" << false << "" << "2026-02-14T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("last day of Spring Festival counts from the 24th")
            << cn << "2026-02-23T11:00:00+08:00" << false << "" << "2026-02-25T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("Friday 27 Feb: make-up Saturday 28th, then Monday")
            << cn << "2026-02-27T09:00:00+08:00" << false << "" << "2026-03-02T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("make-up Sunday 20 Sep counts as a working day")
            << cn << "2026-09-18T09:00:00+08:00" << false << "" << "2026-09-21T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("holiday Saturday 3 Jan: make-up Sunday, then Monday")
            << cn << "2026-01-03T15:00:00+08:00" << false << "" << "2026-01-05T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("received 17:59 Thursday") << cn << "2026-03-05T17:59:00+08:00" << false << ""
                                                 << "2026-03-09T18:00:00+08:00" << "complaint_reply.working_days" << false;
        QTest::newRow("received 18:00 Thursday: the day, not the hour, counts")
            << cn << "2026-03-05T18:00:00+08:00" << false << "" << "2026-03-09T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("received 18:01 Thursday") << cn << "2026-03-05T18:01:00+08:00" << false << ""
                                                 << "2026-03-09T18:00:00+08:00" << "complaint_reply.working_days" << false;
        QTest::newRow("received just after midnight UTC is still the same Shanghai day")
            << cn << "2026-03-05T00:30:00Z" << false << "" << "2026-03-09T18:00:00+08:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("urgent: two wall-clock hours, holiday or not")
            << cn << "2026-02-15T23:30:00+08:00" << true << "" << "2026-02-16T01:30:00+08:00"
            << "complaint_reply.urgent" << false;
        QTest::newRow("requested time earlier than the rule wins")
            << cn << "2026-03-05T09:00:00+08:00" << false << "2026-03-05T12:00:00+08:00"
            << "2026-03-05T12:00:00+08:00" << "complaint_reply.requested" << false;
        QTest::newRow("requested time later than the rule wins too")
            << cn << "2026-03-05T09:00:00+08:00" << true << "2026-03-12T09:00:00+08:00"
            << "2026-03-12T09:00:00+08:00" << "complaint_reply.requested" << false;
        QTest::newRow("a year with no calendar data falls back to weekends only")
            << cn << "2027-03-05T10:00:00+08:00" << false << "" << "2027-03-09T18:00:00+08:00"
            << "complaint_reply.working_days" << true;
        QTest::newRow("New Year's Eve 2026 runs into 2027, which has no data")
            << cn << "2026-12-31T10:00:00+08:00" << false << "" << "2027-01-04T18:00:00+08:00"
            << "complaint_reply.working_days" << true;
        QTest::newRow("New York across the start of daylight saving")
            << "America/New_York" << "2026-03-06T10:00:00-05:00" << false << "" << "2026-03-10T17:00:00-04:00"
            << "complaint_reply.working_days" << false;
        QTest::newRow("London across the end of summer time")
            << "Europe/London" << "2026-10-23T09:00:00+01:00" << false << "" << "2026-10-27T17:00:00Z"
            << "complaint_reply.working_days" << false;
        QTest::newRow("Kolkata, a half-hour zone")
            << "Asia/Kolkata" << "2026-03-05T10:00:00+05:30" << false << "" << "2026-03-09T17:00:00+05:30"
            << "complaint_reply.working_days" << false;
    }
    void complaintReply() {
        QFETCH(QString, zone);
        QFETCH(QString, received);
        QFETCH(bool, urgent);
        QFETCH(QString, requested);
        QFETCH(QString, due);
        QFETCH(QString, rule);
        QFETCH(bool, fallback);
        const Calendar cal = zone == "cn" ? Calendar::chinaDefault() : weekendsOnly(qPrintable(zone), "17:00");
        std::optional<Instant> req;
        if (!requested.isEmpty())
            req = at(requested);
        const auto d = complaintReplyDeadline(at(received), urgent, req, cal, Policy::defaults());
        QCOMPARE(QString::fromStdString(formatInstant(d.dueAt)), QString::fromStdString(formatInstant(at(due))));
        QCOMPARE(QString::fromStdString(d.rule), rule);
        QCOMPARE(d.calendarFallback, fallback);
        QCOMPARE(d.startedAt, at(received));
        QVERIFY(d.provisional);
    }

    void closeOfBusinessIsTheLastOnTimeMoment() {
        const auto d = complaintReplyDeadline(at("2026-03-05T10:00:00+08:00"), false, std::nullopt,
                                              Calendar::chinaDefault(), Policy::defaults());
        QVERIFY(!isOverdue(d, at("2026-03-09T17:59:00+08:00")));
        QVERIFY(!isOverdue(d, at("2026-03-09T18:00:00+08:00")));
        QVERIFY(isOverdue(d, at("2026-03-09T18:01:00+08:00")));
        QVERIFY(isOverdue(d, at("2026-03-09T18:00:00.001+08:00")));
        QVERIFY(metBy(d, at("2026-03-09T18:00:00+08:00")));
        QVERIFY(!metBy(d, at("2026-03-09T18:00:01+08:00")));
    }

    void theOtherDeadlines() {
        const auto& cal = Calendar::chinaDefault();
        const auto& p = Policy::defaults();
        // Decided invalid on the Friday before Qingming (4–6 Apr): explain by Tuesday.
        auto d = invalidExplanationDeadline(at("2026-04-03T15:00:00+08:00"), cal, p);
        QCOMPARE(formatInstant(d.dueAt), formatInstant(at("2026-04-07T18:00:00+08:00")));
        QCOMPARE(d.rule, std::string("complaint_invalid_explanation"));
        // Suggestion: three wall-clock days, or the agreed time.
        d = suggestionReplyDeadline(at("2026-03-02T10:00:00+08:00"), std::nullopt, cal, p);
        QCOMPARE(formatInstant(d.dueAt), formatInstant(at("2026-03-05T10:00:00+08:00")));
        QCOMPARE(d.rule, std::string("suggestion_reply.default"));
        d = suggestionReplyDeadline(at("2026-03-02T10:00:00+08:00"), at("2026-03-10T10:00:00+08:00"), cal, p);
        QCOMPARE(formatInstant(d.dueAt), formatInstant(at("2026-03-10T10:00:00+08:00")));
        QCOMPARE(d.rule, std::string("suggestion_reply.agreed"));
        // Follow-up visit: three days after handling is complete, same local time of day.
        d = visitDeadline(at("2026-03-06T17:00:00+08:00"), cal, p);
        QCOMPARE(formatInstant(d.dueAt), formatInstant(at("2026-03-09T17:00:00+08:00")));
        // … and across daylight saving the wall-clock time is kept, not 72 hours.
        auto ny = weekendsOnly("America/New_York", "17:00");
        d = visitDeadline(at("2026-03-07T10:00:00-05:00"), ny, p);
        QCOMPARE(formatInstant(d.dueAt), formatInstant(at("2026-03-10T10:00:00-04:00")));
        // Agreed dates and checkpoint windows.
        d = agreedDeadline(rule::RectificationAgreed, at("2026-03-02T10:00:00Z"), at("2026-03-20T10:00:00Z"));
        QCOMPARE(formatInstant(d.dueAt), std::string("2026-03-20T10:00:00Z"));
        d = checkpointDeadline(at("2026-03-02T22:00:00+08:00"), 40, 10);
        QCOMPARE(formatInstant(d.dueAt), formatInstant(at("2026-03-02T22:50:00+08:00")));
        QCOMPARE(d.rule, std::string("patrol.checkpoint"));
    }

    void policyChangesTheNumbers() {
        auto p = *Policy::fromJson({{"urgent_reply_hours", 4}, {"reply_working_days", 3}});
        const auto& cal = Calendar::chinaDefault();
        auto d = complaintReplyDeadline(at("2026-03-05T10:00:00+08:00"), true, std::nullopt, cal, p);
        QCOMPARE(formatInstant(d.dueAt), formatInstant(at("2026-03-05T14:00:00+08:00")));
        d = complaintReplyDeadline(at("2026-03-05T10:00:00+08:00"), false, std::nullopt, cal, p);
        QCOMPARE(formatInstant(d.dueAt), formatInstant(at("2026-03-10T18:00:00+08:00")));
        QVERIFY(describeRule(d.rule, p, cal).find("3 working days") != std::string::npos);
    }

    void theBasisChangesOnlyWithTheInputs() {
        const auto& cal = Calendar::chinaDefault();
        const auto& p = Policy::defaults();
        const auto a = complaintReplyDeadline(at("2026-03-05T10:00:00+08:00"), false, std::nullopt, cal, p);
        const auto b = complaintReplyDeadline(at("2026-03-05T10:00:00+08:00"), false, std::nullopt,
                                              *cal.withZone("Asia/Tokyo"), p);
        QCOMPARE(a.basis, b.basis); // same inputs; only the calendar differs
        QVERIFY(a.dueAt != b.dueAt);
        const auto c = complaintReplyDeadline(at("2026-03-05T10:00:00+08:00"), true, std::nullopt, cal, p);
        QVERIFY(a.basis != c.basis);
    }
};

QTEST_GUILESS_MAIN(DeadlinesTest)
#include "deadlines_test.moc"
