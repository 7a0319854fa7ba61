#pragma once
// Satisfaction scoring. Each answer is a face on a five-point scale; an answer at or
// above the policy's "satisfied" face (default 4) counts as satisfied. The satisfaction rate of
// a category is satisfied answers / answers × 100; the overall rate pools every answer. When the
// return rate is below the floor (50%), the rate is lowered by 1 point for each *full* 5 points
// below — computed in exact integers so 45% costs one point and 45.1% none.

#include "shared/domain/survey.h"
#include "shared/rules/policy.h"

#include <set>
#include <string>
#include <vector>

namespace courtyard::rules {

struct CategoryScore {
    domain::Category category{};
    int answers = 0;
    int satisfied = 0;
    double meanScore = 0;   // 1..5
    double ratePercent = 0; // 0..100
};

struct SurveyScore {
    int sampled = 0;  // households in the sample (0: an open campaign with no sample)
    int returned = 0; // sampled households with an answered response
    double returnRatePercent = 0;
    int penaltyPoints = 0;
    int answers = 0;
    int satisfied = 0;
    double overallPercent = 0;  // before the penalty
    double adjustedPercent = 0; // after the penalty, floored at 0
    int target = 0;
    bool meetsTarget = false;
    std::vector<CategoryScore> categories;
};

// Points to subtract for a return rate of returned/sampled.
int returnRatePenalty(int returned, int sampled, const Policy& policy);

// Scores the answered responses of a campaign. Responses from households outside a non-empty
// sample are ignored, as are all but the last answer of a household (there should be one).
SurveyScore scoreSurvey(const domain::SurveyCampaign& campaign,
                        const std::vector<domain::SurveyResponse>& responses, const Policy& policy);

} // namespace courtyard::rules
