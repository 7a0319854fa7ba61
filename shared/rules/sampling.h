#pragma once
// Survey sample planning. The monthly opinion solicitation reaches at least 5% of
// occupied households; the annual survey draws 50% of occupied households at random plus every
// household that complained or was dissatisfied (focused resampling). Draws are deterministic
// for a seed and identical on every platform (a keyed hash ranks households; no std::shuffle,
// whose results differ between standard libraries), and never list a household twice.

#include "shared/domain/survey.h"
#include "shared/rules/policy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace courtyard::rules {

struct Household {
    std::string unitId;
    bool occupied = true;
    bool focused = false; // complained or was dissatisfied in the last survey or daily service
};

struct SamplePlan {
    std::vector<domain::SampleEntry> entries; // random draws in rank order, then focused ones
    int population = 0;   // occupied households considered
    int quota = 0;        // households that must be reached
    int randomCount = 0;
    int focusedCount = 0;
};

// The number of households for a rate in basis points: ceil(population × bp / 10000).
int quotaFor(int population, int rateBp);

Result<SamplePlan> planMonthlySample(const std::vector<Household>& households, std::uint64_t seed,
                                     const Policy& policy);
Result<SamplePlan> planAnnualSample(const std::vector<Household>& households, std::uint64_t seed,
                                    const Policy& policy);

// The first `count` households of the deterministic rank order for `seed` (used for draws and
// for reserves when a drawn household cannot be reached).
std::vector<std::string> rankHouseholds(std::vector<std::string> unitIds, std::uint64_t seed);

} // namespace courtyard::rules
