#include "shared/rules/scoring.h"

#include <algorithm>
#include <map>

namespace courtyard::rules {

int returnRatePenalty(int returned, int sampled, const Policy& policy) {
    if (sampled <= 0)
        return 0;
    const long long floorScaled = static_cast<long long>(policy.returnFloorBp) * sampled;
    const long long got = static_cast<long long>(returned) * 10000;
    if (got >= floorScaled)
        return 0;
    const long long steps = (floorScaled - got) / (static_cast<long long>(policy.penaltyStepBp) * sampled);
    return int(steps) * policy.penaltyPoints;
}

SurveyScore scoreSurvey(const domain::SurveyCampaign& campaign,
                        const std::vector<domain::SurveyResponse>& responses, const Policy& policy) {
    SurveyScore out;
    out.target = policy.qualityTarget;
    std::set<std::string> sample;
    for (const auto& e : campaign.sample)
        sample.insert(e.unitId);
    out.sampled = int(sample.size());

    // One answer per household: the latest answered response wins.
    std::map<std::string, const domain::SurveyResponse*> byUnit;
    for (const auto& r : responses) {
        if (r.campaignId != campaign.id || r.outcome != domain::ResponseOutcome::Answered)
            continue;
        if (!sample.empty() && !sample.count(r.unitId))
            continue;
        auto& slot = byUnit[r.unitId];
        if (!slot || slot->answeredAt < r.answeredAt)
            slot = &r;
    }
    out.returned = int(byUnit.size());
    out.returnRatePercent = out.sampled > 0 ? 100.0 * out.returned / out.sampled : 0.0;
    out.penaltyPoints = returnRatePenalty(out.returned, out.sampled, policy);

    std::map<domain::Category, CategoryScore> cats;
    std::map<domain::Category, long long> sums;
    for (auto c : campaign.categories)
        cats[c].category = c;
    for (const auto& [unit, r] : byUnit) {
        for (const auto& [cat, score] : r->scores) {
            auto& cs = cats[cat];
            cs.category = cat;
            cs.answers += 1;
            sums[cat] += score;
            if (score >= policy.satisfiedScore)
                cs.satisfied += 1;
        }
    }
    for (auto& [cat, cs] : cats) {
        if (cs.answers > 0) {
            cs.meanScore = double(sums[cat]) / cs.answers;
            cs.ratePercent = 100.0 * cs.satisfied / cs.answers;
        }
        out.answers += cs.answers;
        out.satisfied += cs.satisfied;
    }
    // Campaign order first, then any extra category a response scored.
    for (auto c : campaign.categories)
        out.categories.push_back(cats[c]);
    for (const auto& [cat, cs] : cats)
        if (std::find(campaign.categories.begin(), campaign.categories.end(), cat) ==
            campaign.categories.end())
            out.categories.push_back(cs);

    out.overallPercent = out.answers > 0 ? 100.0 * out.satisfied / out.answers : 0.0;
    out.adjustedPercent = std::max(0.0, out.overallPercent - out.penaltyPoints);
    out.meetsTarget = out.answers > 0 && out.adjustedPercent >= out.target;
    return out;
}

} // namespace courtyard::rules
