// The counting rules every face shares: which complaint records the reviews count
// (rules/review.h), which are serious (rules/grading.h), and the kiosk's rules
// (rules/kiosk.h): what the guard counts, the duplicate fingerprint, one answer per household.
#include "shared/rules/grading.h"
#include "shared/rules/kiosk.h"
#include "shared/rules/review.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::rules;
using domain::ComplaintKind;
using domain::ComplaintState;

namespace {
Instant at(const char* s) { return *parseInstant(s); }
domain::Complaint complaint(ComplaintKind kind, ComplaintState state, const char* dept, const char* received) {
    domain::Complaint c;
    c.kind = kind;
    c.state = state;
    c.departmentId = dept;
    c.receivedAt = at(received);
    return c;
}
domain::TransferSheet sheet(const char* from, const char* assigned, const char* created) {
    domain::TransferSheet s;
    s.fromDepartmentId = from;
    s.assignedDepartmentId = assigned;
    s.createdAt = at(created);
    return s;
}
} // namespace

class ReviewTest : public QObject {
    Q_OBJECT
private slots:
    void countedComplaints_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("counted");
        QTest::newRow("a complaint being handled counts") << int(ComplaintKind::Complaint) << int(ComplaintState::Handling) << true;
        QTest::newRow("a closed complaint counts") << int(ComplaintKind::Complaint) << int(ComplaintState::Closed) << true;
        QTest::newRow("a cancelled complaint does not") << int(ComplaintKind::Complaint) << int(ComplaintState::Cancelled) << false;
        QTest::newRow("a repair request does not") << int(ComplaintKind::Repair) << int(ComplaintState::Received) << false;
    }
    void countedComplaints() {
        QFETCH(int, kind);
        QFETCH(int, state);
        QFETCH(bool, counted);
        QCOMPARE(countsAsComplaint(complaint(ComplaintKind(kind), ComplaintState(state), "d-cs", "2026-11-17T02:00:00Z")),
                 counted);
    }

    void theWeeklyReviewCountsTheDepartmentsWeek() {
        const Instant from = at("2026-11-15T16:00:00Z"), to = at("2026-11-22T16:00:00Z");
        const std::vector<domain::Complaint> complaints{
            complaint(ComplaintKind::Complaint, ComplaintState::Received, "d-cs", "2026-11-15T16:00:00Z"), // first instant
            complaint(ComplaintKind::Complaint, ComplaintState::Replied, "d-cs", "2026-11-20T09:00:00Z"),
            complaint(ComplaintKind::Complaint, ComplaintState::Received, "d-cs", "2026-11-22T16:00:00Z"), // next week
            complaint(ComplaintKind::Complaint, ComplaintState::Received, "d-eng", "2026-11-18T09:00:00Z"), // another dept
            complaint(ComplaintKind::Repair, ComplaintState::Received, "d-cs", "2026-11-18T09:00:00Z"),
            complaint(ComplaintKind::Complaint, ComplaintState::Cancelled, "d-cs", "2026-11-18T09:00:00Z"),
        };
        const std::vector<domain::TransferSheet> sheets{
            sheet("d-cs", "", "2026-11-17T01:00:00Z"),         // sent
            sheet("d-eng", "d-cs", "2026-11-18T01:00:00Z"),    // assigned to us
            sheet("d-eng", "d-sec", "2026-11-18T01:00:00Z"),   // not ours
            sheet("d-cs", "", "2026-11-14T01:00:00Z"),         // the week before
        };
        const auto counts = weeklyReviewCounts(complaints, sheets, "d-cs", from, to);
        QCOMPARE(counts.complaints, 2);
        QCOMPARE(counts.transferSheets, 2);
    }

    void seriousIsGradeThreeAndAbove() {
        domain::Complaint c;
        QVERIFY(!isSerious(c)); // not graded yet
        for (int g = 1; g <= 4; ++g) {
            c.grade = g;
            QCOMPARE(isSerious(c), g >= kSeriousGrade);
        }
        QCOMPARE(kSeriousGrade, 3);
    }

    void theKioskGuardCountsComplaintsAndSuggestions() {
        QVERIFY(countsTowardsKioskGuard("complaint"));
        QVERIFY(countsTowardsKioskGuard("suggestion"));
        QVERIFY(!countsTowardsKioskGuard("survey_response"));
        QVERIFY(!countsTowardsKioskGuard("receipt"));
        // Which limit: the kiosk's in all before the flat's, so the resident is told the right one.
        Policy policy;
        policy.kioskSubmissionsPerUnitPerHour = 5;
        policy.kioskSubmissionsPerDevicePerHour = 30;
        QCOMPARE(kioskLimitReached({4, 29}, policy), KioskLimit::None);
        QCOMPARE(kioskLimitReached({5, 6}, policy), KioskLimit::Flat);
        QCOMPARE(kioskLimitReached({0, 30}, policy), KioskLimit::Kiosk);
        QCOMPARE(kioskLimitReached({5, 30}, policy), KioskLimit::Kiosk);
        QVERIFY(checkKioskSubmission({4, 29}, policy));
        const auto flat = checkKioskSubmission({5, 6}, policy);
        QVERIFY(!flat && flat.error().message.find("this flat") != std::string::npos);
        const auto kiosk = checkKioskSubmission({0, 30}, policy);
        QVERIFY(!kiosk && kiosk.error().message.find("this kiosk") != std::string::npos);
    }

    void aFingerprintIgnoresWhiteSpaceOnly() {
        const auto a = submissionFingerprint("u-1", "complaint", "cleaning", "楼道 很脏\n");
        QCOMPARE(submissionFingerprint("u-1", "complaint", "cleaning", "楼道很脏"), a);
        QVERIFY(submissionFingerprint("u-2", "complaint", "cleaning", "楼道很脏") != a);
        QVERIFY(submissionFingerprint("u-1", "suggestion", "cleaning", "楼道很脏") != a);
    }

    void oneAnswerPerHousehold_data() {
        QTest::addColumn<QString>("response");
        QTest::addColumn<bool>("answer");
        QTest::newRow("an answer") << R"({"campaign_id": "sv-1", "outcome": "answered"})" << true;
        QTest::newRow("a kiosk receipt naming no outcome is an answer") << R"({"campaign_id": "sv-1"})" << true;
        QTest::newRow("not at home is an attempt") << R"({"campaign_id": "sv-1", "outcome": "not_at_home"})" << false;
        QTest::newRow("refused is an attempt") << R"({"campaign_id": "sv-1", "outcome": "refused"})" << false;
        QTest::newRow("another survey's answer") << R"({"campaign_id": "sv-2", "outcome": "answered"})" << false;
    }
    void oneAnswerPerHousehold() {
        QFETCH(QString, response);
        QFETCH(bool, answer);
        QCOMPARE(isHouseholdAnswer(Json::parse(response.toStdString()), "sv-1"), answer);
        QVERIFY(!isHouseholdAnswer(Json::parse(response.toStdString()), ""));
    }
};

QTEST_GUILESS_MAIN(ReviewTest)
#include "review_test.moc"
