// Satisfaction scores: per category and overall, the return rate, the penalty of 1 point for
// each full 5 points of return rate below 50%, and the quality target (82).
#include "shared/rules/scoring.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::rules;
using domain::Category;

namespace {
domain::SurveyCampaign campaignOf(int households) {
    domain::SurveyCampaign c;
    c.id = "sc";
    c.categories = {Category::Cleaning, Category::Security};
    for (int i = 0; i < households; ++i)
        c.sample.push_back({"u" + std::to_string(i), false});
    return c;
}
domain::SurveyResponse answer(const std::string& unit, int cleaning, int security, int minute = 0) {
    domain::SurveyResponse r;
    r.id = "r-" + unit + "-" + std::to_string(minute);
    r.campaignId = "sc";
    r.unitId = unit;
    r.scores = {{Category::Cleaning, cleaning}, {Category::Security, security}};
    r.answeredAt = *parseInstant("2026-03-05T02:00:00Z") + std::chrono::minutes{minute};
    return r;
}
} // namespace

class ScoringTest : public QObject {
    Q_OBJECT
private slots:
    void penaltyEdges_data() {
        QTest::addColumn<int>("returned");
        QTest::addColumn<int>("sampled");
        QTest::addColumn<int>("penalty");
        QTest::newRow("50%: at the floor, no penalty") << 50 << 100 << 0;
        QTest::newRow("above the floor") << 73 << 100 << 0;
        QTest::newRow("45.1%: 4.9 points short, not a full 5") << 451 << 1000 << 0;
        QTest::newRow("45%: exactly 5 points short") << 45 << 100 << 1;
        QTest::newRow("44.9%: one full step") << 449 << 1000 << 1;
        QTest::newRow("40%: two steps") << 40 << 100 << 2;
        QTest::newRow("39.9%: still two") << 399 << 1000 << 2;
        QTest::newRow("10%: eight steps") << 10 << 100 << 8;
        QTest::newRow("nothing returned: ten steps") << 0 << 100 << 10;
        QTest::newRow("one of three (33.3%)") << 1 << 3 << 3;
        QTest::newRow("no sample, no penalty") << 0 << 0 << 0;
    }
    void penaltyEdges() {
        QFETCH(int, returned);
        QFETCH(int, sampled);
        QFETCH(int, penalty);
        QCOMPARE(returnRatePenalty(returned, sampled, Policy::defaults()), penalty);
    }

    void penaltyFollowsPolicy() {
        auto p = *Policy::fromJson({{"return_rate_floor_percent", 60}, {"penalty_step_percent", 10},
                                    {"penalty_points", 2}});
        QCOMPARE(returnRatePenalty(40, 100, p), 4); // 20 short → two steps of two points
        QCOMPARE(returnRatePenalty(51, 100, p), 0); // 9 short, not a full step
    }

    void scoresPerCategoryAndOverallWithThePenalty() {
        // 10 households sampled, 4 answer (40% → 2 points off).
        auto c = campaignOf(10);
        std::vector<domain::SurveyResponse> rs{answer("u0", 5, 4), answer("u1", 4, 4), answer("u2", 3, 5),
                                               answer("u3", 5, 2)};
        const auto s = scoreSurvey(c, rs, Policy::defaults());
        QCOMPARE(s.sampled, 10);
        QCOMPARE(s.returned, 4);
        QCOMPARE(s.returnRatePercent, 40.0);
        QCOMPARE(s.penaltyPoints, 2);
        QCOMPARE(s.categories.size(), std::size_t(2));
        QCOMPARE(s.categories[0].category, Category::Cleaning);
        QCOMPARE(s.categories[0].answers, 4);
        QCOMPARE(s.categories[0].satisfied, 3); // 5, 4, 5
        QCOMPARE(s.categories[0].ratePercent, 75.0);
        QCOMPARE(s.categories[0].meanScore, 17.0 / 4);
        QCOMPARE(s.categories[1].satisfied, 3); // 4, 4, 5
        QCOMPARE(s.answers, 8);
        QCOMPARE(s.satisfied, 6);
        QCOMPARE(s.overallPercent, 75.0);
        QCOMPARE(s.adjustedPercent, 73.0);
        QCOMPARE(s.target, 82);
        QVERIFY(!s.meetsTarget);
    }

    void meetingTheTargetAfterThePenalty() {
        // 10 sampled, 5 answer (50%: no penalty), 9 of 10 answers satisfied = 90%.
        auto c = campaignOf(10);
        std::vector<domain::SurveyResponse> rs{answer("u0", 5, 4), answer("u1", 4, 4), answer("u2", 5, 5),
                                               answer("u3", 4, 5), answer("u4", 5, 1)};
        auto s = scoreSurvey(c, rs, Policy::defaults());
        QCOMPARE(s.penaltyPoints, 0);
        QCOMPARE(s.overallPercent, 90.0);
        QVERIFY(s.meetsTarget);
        // The same answers at 45% return (11 sampled would not be 45%; use 20 sampled → 25%).
        auto wide = campaignOf(20);
        s = scoreSurvey(wide, rs, Policy::defaults());
        QCOMPARE(s.returnRatePercent, 25.0);
        QCOMPARE(s.penaltyPoints, 5);
        QCOMPARE(s.adjustedPercent, 85.0);
        QVERIFY(s.meetsTarget);
        auto strict = *Policy::fromJson({{"quality_target", 86}});
        QVERIFY(!scoreSurvey(wide, rs, strict).meetsTarget);
    }

    void oneAnswerPerHouseholdAndOnlyFromTheSample() {
        auto c = campaignOf(4);
        std::vector<domain::SurveyResponse> rs{answer("u0", 1, 1, 0), answer("u0", 5, 5, 10), // re-answered
                                               answer("stranger", 1, 1)};
        domain::SurveyResponse notHome;
        notHome.campaignId = "sc";
        notHome.unitId = "u1";
        notHome.outcome = domain::ResponseOutcome::NotAtHome;
        rs.push_back(notHome);
        const auto s = scoreSurvey(c, rs, Policy::defaults());
        QCOMPARE(s.returned, 1);
        QCOMPARE(s.answers, 2);
        QCOMPARE(s.satisfied, 2); // the later answer, 5 and 5
        QCOMPARE(s.penaltyPoints, 5); // 25%
    }
};

QTEST_GUILESS_MAIN(ScoringTest)
#include "scoring_test.moc"
