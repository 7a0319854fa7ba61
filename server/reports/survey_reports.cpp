#include "server/reports/report_kinds.h"

// Satisfaction: the office's half-yearly tabulation by category and the company's annual survey.

#include "shared/domain/survey.h"
#include "shared/rules/scoring.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace courtyard::server::reports {

Status halfYearly(Ctx& c) {
    const Window w = c.window();
    auto sat = satisfaction(c.db, c.scope, w, "", c.rules.policy.satisfiedScore);
    if (!sat)
        return sat.error();
    const auto& cats = (*sat)[""];
    CategorySatisfaction all;
    int below = 0;
    for (const auto& [cat, s] : cats) {
        all.answers += s.answers, all.satisfied += s.satisfied;
        if (s.answers > 0 && 100.0 * double(s.satisfied) / double(s.answers) < c.rules.policy.qualityTarget)
            ++below;
    }
    Json belowTile{{"key", "below_target"}, {"label", c.L("col.below_target")}, {"format", "count"}, {"value", below}};
    c.tiles({c.rateTile("satisfaction", {all.satisfied, all.answers}, c.rules.policy.qualityTarget),
             Json{{"key", "answers"}, {"label", c.L("col.answers")}, {"format", "count"}, {"value", all.answers}},
             belowTile});
    satisfactionSections(c, cats);

    // The most common issues: complaints by category and dissatisfied answers, together.
    auto complaints = complaintStats(c.db, c.scope, w, "category");
    if (!complaints)
        return complaints.error();
    struct Issue {
        std::string category;
        std::int64_t complaints = 0, dissatisfied = 0;
    };
    std::vector<Issue> issues;
    for (const auto& cat : allCategories()) {
        Issue i{cat};
        if (auto it = complaints->find(cat); it != complaints->end())
            i.complaints = it->second.total;
        if (auto it = cats.find(cat); it != cats.end())
            i.dissatisfied = it->second.answers - it->second.satisfied;
        if (i.complaints + i.dissatisfied > 0)
            issues.push_back(i);
    }
    std::stable_sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
        return a.complaints + a.dissatisfied > b.complaints + b.dissatisfied;
    });
    Json& t = c.table("common_issues", Json::array({c.column("category", "text"), c.column("complaints", "count"),
                                                    c.column("dissatisfied", "count"), c.column("total", "count")}));
    for (const auto& i : issues)
        t["rows"].push_back({{"category", c.L("category." + i.category)},
                             {"complaints", i.complaints},
                             {"dissatisfied", i.dissatisfied},
                             {"total", i.complaints + i.dissatisfied}});
    return {};
}

// The annual survey: every annual campaign that started in the period and reaches the scope,
// its sample and answers restricted to the scope's households, scored by rules::scoreSurvey
// (one answer per household, households outside the sample ignored). Several campaigns are
// pooled; the return-rate penalty applies to the pooled return rate.
Status annualSurvey(Ctx& c) {
    std::vector<domain::SurveyCampaign> campaigns;
    CY_TRY(each(c.db, "SELECT body FROM records WHERE type = 'survey_campaign' AND NOT deleted ORDER BY id", {},
                [&](const Row& r) {
                    auto j = parseJson(r.text("body"));
                    if (!j)
                        return;
                    auto camp = decodeJson<domain::SurveyCampaign>(*j);
                    // A draft has not gone out yet, a cancelled one never will: neither has returns.
                    if (!camp || camp->kind != domain::SurveyKind::Annual ||
                        camp->state == domain::CampaignState::Cancelled ||
                        camp->state == domain::CampaignState::Draft || camp->periodStart < c.period.from ||
                        camp->periodStart >= c.period.to)
                        return;
                    // A campaign planned on a tablet names only its own community.
                    if (camp->communityIds.empty())
                        camp->communityIds = {camp->communityId};
                    bool reaches = c.scope.company;
                    for (const auto& id : camp->communityIds)
                        reaches = reaches ||
                                  std::find(c.scope.communities.begin(), c.scope.communities.end(), id) !=
                                      c.scope.communities.end();
                    if (reaches)
                        campaigns.push_back(std::move(*camp));
                }));
    std::set<std::string> scopeUnits;
    if (!c.scope.company) {
        const Filter f = filterFor(c.scope, "community_id");
        CY_TRY(each(c.db, "SELECT id FROM records WHERE type = 'unit' AND NOT deleted" + f.sql, f.params,
                    [&](const Row& r) { scopeUnits.insert(r.text("id")); }));
    }
    auto inScope = [&](const std::string& unit) { return c.scope.company || scopeUnits.count(unit) > 0; };

    const auto& policy = c.rules.policy;
    int sampled = 0, randomCount = 0, focused = 0, returned = 0;
    std::map<std::string, CategorySatisfaction> cats;
    Json& list = c.table("campaigns", Json::array({c.column("campaign", "text"), c.column("sampled", "count"),
                                                   c.column("returned", "count"), c.column("return_rate", "percent"),
                                                   c.column("satisfaction", "percent")}));
    for (auto& camp : campaigns) {
        // A sampled campaign none of whose households are in the scope has nothing to say here
        // (an empty sample would mean "everyone who answered" to scoreSurvey).
        const bool sampledCampaign = !camp.sample.empty();
        std::erase_if(camp.sample, [&](const domain::SampleEntry& e) { return !inScope(e.unitId); });
        if (sampledCampaign && camp.sample.empty())
            continue;
        for (const auto& e : camp.sample)
            ++(e.focused ? focused : randomCount);
        std::map<std::string, domain::SurveyResponse> responses;
        CY_TRY(each(c.db,
                    "SELECT r.id AS id, r.unit_id AS unit_id, r.answered_at AS answered_at, s.category AS category, "
                    "s.score AS score FROM fact_survey_responses r JOIN fact_survey_scores s ON s.response_id = r.id "
                    "WHERE r.campaign_id = :campaign AND r.answered = 1",
                    {{":campaign", camp.id}}, [&](const Row& row) {
                        if (!inScope(row.text("unit_id")))
                            return;
                        auto& r = responses[row.text("id")];
                        r.id = row.text("id");
                        r.campaignId = camp.id;
                        r.unitId = row.text("unit_id");
                        r.answeredAt = fromEpochMs(row.int64("answered_at"));
                        domain::Category cat{};
                        if (fromString(row.text("category"), cat))
                            r.scores[cat] = int(row.int64("score"));
                    }));
        std::vector<domain::SurveyResponse> flat;
        for (auto& [id, r] : responses)
            flat.push_back(std::move(r));
        const rules::SurveyScore score = rules::scoreSurvey(camp, flat, policy);
        sampled += score.sampled;
        returned += score.returned;
        for (const auto& cs : score.categories) {
            auto& agg = cats[std::string(enumName(cs.category))];
            agg.answers += cs.answers;
            agg.satisfied += cs.satisfied;
            agg.scoreSum += std::llround(cs.meanScore * cs.answers);
        }
        list["rows"].push_back({{"campaign", camp.title},
                                {"sampled", score.sampled},
                                {"returned", score.returned},
                                {"return_rate", percentOf(score.returned, score.sampled)},
                                {"satisfaction", score.answers > 0 ? Json(round1(score.overallPercent)) : Json()}});
    }
    CategorySatisfaction all;
    for (const auto& [k, s] : cats)
        all.answers += s.answers, all.satisfied += s.satisfied;
    const int penalty = rules::returnRatePenalty(returned, sampled, policy);
    const double overall = all.answers > 0 ? 100.0 * double(all.satisfied) / double(all.answers) : 0.0;
    const double adjusted = std::max(0.0, overall - penalty);
    Json adjustedTile{{"key", "adjusted"},
                      {"label", c.L("tile.adjusted")},
                      {"format", "percent"},
                      {"value", all.answers > 0 ? Json(round1(adjusted)) : Json()},
                      {"target", policy.qualityTarget},
                      {"meets_target", all.answers > 0 && adjusted >= policy.qualityTarget}};
    Json penaltyTile = c.countTile("penalty", penalty);
    c.tiles({c.countTile("sampled", sampled), c.countTile("random", randomCount), c.countTile("focused", focused),
             c.countTile("returned", returned),
             c.rateTile("return_rate", {returned, sampled}, policy.returnFloorBp / 100), penaltyTile,
             c.rateTile("overall", {all.satisfied, all.answers}, policy.qualityTarget), adjustedTile});
    // The headline section goes first although it is computed last.
    std::rotate(c.sections.begin(), c.sections.end() - 1, c.sections.end());

    satisfactionSections(c, cats);
    std::vector<std::pair<std::string, long long>> dissatisfied;
    for (const auto& cat : allCategories())
        if (auto it = cats.find(cat); it != cats.end())
            dissatisfied.emplace_back(c.L("category." + cat), it->second.answers - it->second.satisfied);
    c.pareto("pareto_dissatisfaction", std::move(dissatisfied));
    return {};
}

} // namespace courtyard::server::reports
