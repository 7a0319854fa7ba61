// Complaint grades, who must be told, and the escalation ladder for overdue items.
#include "shared/rules/deadlines.h"
#include "shared/rules/grading.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::rules;
using domain::Controllability;
using domain::Reach;
using domain::Validity;

class GradingTest : public QObject {
    Q_OBJECT
private slots:
    void defaultMatrix_data() {
        QTest::addColumn<int>("validity");
        QTest::addColumn<int>("controllability");
        QTest::addColumn<int>("reach");
        QTest::addColumn<int>("grade");
        QTest::newRow("valid, under control, inside the community: general") << 0 << 0 << 0 << 1;
        QTest::newRow("valid, emotions out of hand, inside the community: important") << 0 << 1 << 0 << 2;
        QTest::newRow("valid, under control, in the media: serious") << 0 << 0 << 1 << 3;
        QTest::newRow("valid, out of hand, in the media: major") << 0 << 1 << 1 << 4;
        QTest::newRow("invalid, inside the community: general") << 1 << 1 << 0 << 1;
        QTest::newRow("invalid, out of hand, in the media: serious") << 1 << 1 << 1 << 3;
    }
    void defaultMatrix() {
        QFETCH(int, validity);
        QFETCH(int, controllability);
        QFETCH(int, reach);
        QFETCH(int, grade);
        const auto g = complaintGrade(validity == 0 ? Validity::Valid : Validity::Invalid,
                                      controllability == 0 ? Controllability::High : Controllability::Low,
                                      reach == 0 ? Reach::Community : Reach::Media, Policy::defaults());
        QCOMPARE(g, std::optional<int>(grade));
    }

    void undecidedHasNoGradeYet() {
        QVERIFY(!complaintGrade(Validity::Undecided, Controllability::Low, Reach::Media, Policy::defaults()));
    }

    void theMatrixIsConfigurable() {
        auto p = Policy::fromJson({{"grade_matrix", {{"valid", {{"high/community", 2}}}}}});
        QVERIFY(p);
        QCOMPARE(complaintGrade(Validity::Valid, Controllability::High, Reach::Community, *p), std::optional<int>(2));
        QCOMPARE(complaintGrade(Validity::Valid, Controllability::Low, Reach::Media, *p), std::optional<int>(4));
        QVERIFY(!Policy::fromJson({{"grade_matrix", {{"valid", {{"high/community", 5}}}}}}));
    }

    void higherGradesTellMorePeople() {
        const auto& p = Policy::defaults();
        QCOMPARE(whoMustBeTold(1, p), std::vector<Position>{Position::DepartmentHead});
        const auto& four = whoMustBeTold(4, p);
        QVERIFY(std::find(four.begin(), four.end(), Position::Gm) != four.end());
        QVERIFY(std::find(four.begin(), four.end(), Position::DeputyGm) != four.end());
        const auto& two = whoMustBeTold(2, p);
        QVERIFY(std::find(two.begin(), two.end(), Position::OfficeDirector) != two.end());
        QVERIFY(std::find(two.begin(), two.end(), Position::Gm) == two.end());
    }

    void overdueItemsClimbTheLadder() {
        domain::Deadline due;
        due.dueAt = *parseInstant("2026-03-09T10:00:00Z");
        const auto& p = Policy::defaults();
        using std::chrono::minutes;
        QVERIFY(!escalationFor(due, due.dueAt - minutes{1}, p));
        QVERIFY(!escalationFor(due, due.dueAt, p)); // due at 18:00 is still on time at 18:00
        auto e = escalationFor(due, due.dueAt + minutes{1}, p);
        QVERIFY(e);
        QCOMPARE(e->level, 1);
        QCOMPARE(e->notify, Position::DepartmentHead);
        QCOMPARE(e->since, due.dueAt);
        e = escalationFor(due, due.dueAt + minutes{24 * 60 - 1}, p);
        QCOMPARE(e->level, 1);
        e = escalationFor(due, due.dueAt + minutes{24 * 60}, p);
        QCOMPARE(e->level, 2);
        QCOMPARE(e->notify, Position::DeputyGm);
        QCOMPARE(e->since, due.dueAt + minutes{24 * 60});
    }

    void aLadderFromConfiguration() {
        auto p = Policy::fromJson({{"escalation", {{{"after_minutes", 0}, {"notify", "department_head"}},
                                                   {{"after_minutes", 120}, {"notify", "office_director"}},
                                                   {{"after_minutes", 480}, {"notify", "gm"}}}}});
        QVERIFY(p);
        domain::Deadline due;
        due.dueAt = *parseInstant("2026-03-09T10:00:00Z");
        auto e = escalationFor(due, due.dueAt + std::chrono::hours{3}, *p);
        QCOMPARE(e->notify, Position::OfficeDirector);
        e = escalationFor(due, due.dueAt + std::chrono::hours{9}, *p);
        QCOMPARE(e->notify, Position::Gm);
        QCOMPARE(e->level, 3);
        // Steps must climb.
        QVERIFY(!Policy::fromJson({{"escalation", {{{"after_minutes", 60}, {"notify", "gm"}},
                                                   {{"after_minutes", 60}, {"notify", "gm"}}}}}));
    }
};

QTEST_GUILESS_MAIN(GradingTest)
#include "grading_test.moc"
