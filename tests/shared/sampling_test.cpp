// Survey samples: the 5% monthly quota of occupied households, the annual 50% random draw plus
// focused resampling, determinism for a seed, and never the same household twice.
#include "shared/rules/sampling.h"

#include "test_support.h"

#include <QtTest>
#include <algorithm>
#include <set>

using namespace courtyard;
using namespace courtyard::rules;

namespace {
// 400 households: every 20th vacant (20 vacant, 380 occupied); the first 30 of them focused,
// including vacant ones u-0000 and u-0020.
std::vector<Household> roster() {
    std::vector<Household> out;
    for (int i = 0; i < 400; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "u-%04d", i);
        out.push_back({id, i % 20 != 0, i < 30});
    }
    return out;
}
std::set<std::string> ids(const SamplePlan& p) {
    std::set<std::string> out;
    for (const auto& e : p.entries)
        out.insert(e.unitId);
    return out;
}
} // namespace

class SamplingTest : public QObject {
    Q_OBJECT
private slots:
    void quotasRoundUp() {
        QCOMPARE(quotaFor(380, 500), 19); // 5% of 380 = 19 exactly
        QCOMPARE(quotaFor(381, 500), 20); // 19.05 → 20: "at least 5%"
        QCOMPARE(quotaFor(1, 500), 1);
        QCOMPARE(quotaFor(0, 500), 0);
        QCOMPARE(quotaFor(901, 5000), 451);
    }

    void monthlyReachesFivePercentOfOccupiedHouseholds() {
        auto h = roster();
        auto plan = planMonthlySample(h, 42, Policy::defaults());
        QVERIFY(plan);
        QCOMPARE(plan->population, 380);
        QCOMPARE(plan->quota, 19);
        QCOMPARE(plan->entries.size(), std::size_t(19));
        QCOMPARE(ids(*plan).size(), std::size_t(19)); // no repeats
        for (const auto& e : plan->entries) {
            const int n = std::stoi(e.unitId.substr(2));
            QVERIFY2(n % 20 != 0, "a vacant household was drawn");
            QVERIFY(!e.focused);
        }
    }

    void annualIsHalfAtRandomPlusEveryFocusedHousehold() {
        auto h = roster();
        auto plan = planAnnualSample(h, 7, Policy::defaults());
        QVERIFY(plan);
        QCOMPARE(plan->population, 380);
        QCOMPARE(plan->randomCount, 190);
        QCOMPARE(plan->focusedCount, 30);
        QCOMPARE(plan->entries.size(), std::size_t(220));
        const auto all = ids(*plan);
        QCOMPARE(all.size(), std::size_t(220)); // no household twice
        for (int i = 0; i < 30; ++i) {
            char id[16];
            std::snprintf(id, sizeof id, "u-%04d", i);
            QVERIFY2(all.count(id), id); // every focused household, vacant or not
        }
        int focusedFlags = 0;
        for (const auto& e : plan->entries) {
            focusedFlags += e.focused;
            const int n = std::stoi(e.unitId.substr(2));
            if (!e.focused)
                QVERIFY(n >= 30 && n % 20 != 0); // random draws: occupied, not focused
        }
        QCOMPARE(focusedFlags, 30);
    }

    void theSameSeedGivesTheSameSampleWhateverTheRosterOrder() {
        auto h = roster();
        auto a = planAnnualSample(h, 2026, Policy::defaults());
        std::reverse(h.begin(), h.end());
        std::rotate(h.begin(), h.begin() + 137, h.end());
        auto b = planAnnualSample(h, 2026, Policy::defaults());
        QCOMPARE(ids(*a), ids(*b));
        QCOMPARE(a->entries.size(), b->entries.size());
        for (std::size_t i = 0; i < a->entries.size(); ++i)
            QCOMPARE(a->entries[i].unitId, b->entries[i].unitId);
        auto c = planAnnualSample(h, 2027, Policy::defaults());
        QVERIFY(ids(*a) != ids(*c));
    }

    void theDrawIsRoughlyUniform() {
        // Over many seeds each occupied household is drawn about 5% of the time.
        auto h = roster();
        std::map<std::string, int> hits;
        const int seeds = 2000;
        for (int s = 0; s < seeds; ++s) {
            const auto plan = planMonthlySample(h, std::uint64_t(s), Policy::defaults());
            for (const auto& e : plan->entries)
                hits[e.unitId]++;
        }
        QVERIFY(hits.size() > 370);
        for (const auto& [id, n] : hits)
            QVERIFY2(n > 40 && n < 170, qPrintable(QString("%1 drawn %2 times").arg(id.c_str()).arg(n)));
    }

    void whenFocusedHouseholdsLeaveTooFewTheWholePoolIsDrawn() {
        std::vector<Household> h;
        for (int i = 0; i < 10; ++i)
            h.push_back({"u" + std::to_string(i), true, i < 8});
        auto plan = planAnnualSample(h, 1, Policy::defaults());
        QCOMPARE(plan->randomCount, 2); // wanted 5, only 2 are not focused
        QCOMPARE(plan->focusedCount, 8);
        QCOMPARE(ids(*plan).size(), std::size_t(10));
    }

    void aRosterListingAHouseholdTwiceIsRefused() {
        std::vector<Household> h{{"u1", true, false}, {"u1", true, true}};
        auto plan = planAnnualSample(h, 1, Policy::defaults());
        QVERIFY(!plan);
        QCOMPARE(plan.error().code, ErrorCode::InvalidArgument);
        QVERIFY(plan.error().message.find("u1") != std::string::npos);
    }

    void ratesComeFromPolicy() {
        auto p = Policy::fromJson({{"monthly_sample_percent", 10}});
        auto plan = planMonthlySample(roster(), 1, *p);
        QCOMPARE(plan->quota, 38);
    }
};

QTEST_GUILESS_MAIN(SamplingTest)
#include "sampling_test.moc"
