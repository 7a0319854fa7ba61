#include "shared/rules/sampling.h"

#include "shared/core/hash.h"

#include <algorithm>
#include <set>

namespace courtyard::rules {

int quotaFor(int population, int rateBp) {
    if (population <= 0 || rateBp <= 0)
        return 0;
    const long long num = static_cast<long long>(population) * rateBp;
    return int((num + 9999) / 10000);
}

std::vector<std::string> rankHouseholds(std::vector<std::string> unitIds, std::uint64_t seed) {
    std::vector<std::pair<std::uint64_t, std::string>> keyed;
    keyed.reserve(unitIds.size());
    for (auto& id : unitIds)
        keyed.emplace_back(mix64(fnv1a64(id) ^ mix64(seed)), std::move(id));
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::string> out;
    out.reserve(keyed.size());
    for (auto& [key, id] : keyed)
        out.push_back(std::move(id));
    return out;
}

namespace {

Status checkUnique(const std::vector<Household>& households) {
    std::set<std::string> seen;
    for (const auto& h : households) {
        if (h.unitId.empty())
            return invalidArgument("a household without a unit id");
        if (!seen.insert(h.unitId).second)
            return invalidArgument("household '" + h.unitId + "' is listed twice in the roster");
    }
    return {};
}

} // namespace

Result<SamplePlan> planMonthlySample(const std::vector<Household>& households, std::uint64_t seed,
                                     const Policy& policy) {
    CY_TRY(checkUnique(households));
    std::vector<std::string> occupied;
    for (const auto& h : households)
        if (h.occupied)
            occupied.push_back(h.unitId);
    SamplePlan plan;
    plan.population = int(occupied.size());
    plan.quota = quotaFor(plan.population, policy.monthlySampleBp);
    auto ranked = rankHouseholds(std::move(occupied), seed);
    ranked.resize(std::size_t(plan.quota));
    for (auto& id : ranked)
        plan.entries.push_back({std::move(id), false});
    plan.randomCount = plan.quota;
    return plan;
}

Result<SamplePlan> planAnnualSample(const std::vector<Household>& households, std::uint64_t seed,
                                    const Policy& policy) {
    CY_TRY(checkUnique(households));
    std::vector<std::string> pool, focused;
    int population = 0;
    for (const auto& h : households) {
        if (h.occupied)
            ++population;
        // Focused households are in the sample whatever the roster says about occupancy:
        // someone there complained.
        if (h.focused)
            focused.push_back(h.unitId);
        else if (h.occupied)
            pool.push_back(h.unitId);
    }
    SamplePlan plan;
    plan.population = population;
    const int randomWanted = quotaFor(population, policy.annualSampleBp);
    auto ranked = rankHouseholds(std::move(pool), seed);
    if (int(ranked.size()) > randomWanted)
        ranked.resize(std::size_t(randomWanted));
    for (auto& id : ranked)
        plan.entries.push_back({std::move(id), false});
    plan.randomCount = int(plan.entries.size());
    std::sort(focused.begin(), focused.end());
    for (auto& id : focused)
        plan.entries.push_back({std::move(id), true});
    plan.focusedCount = int(focused.size());
    plan.quota = int(plan.entries.size());
    return plan;
}

} // namespace courtyard::rules
