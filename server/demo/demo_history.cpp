#include "server/demo/demo_history.h"

#include "server/demo/history_generator.h"
#include "server/service/rules_cache.h"
#include "shared/domain/survey.h"
#include "shared/rules/sampling.h"

#include <algorithm>

namespace courtyard::server {

namespace {

using namespace domain;
using demo::header;
using demo::idOf;
using std::chrono::days;

Result<demo::CompanyRoster> loadCompany(ReadUnit& u) {
    demo::CompanyRoster c;
    store::RecordQuery q;
    q.types = {"community", "unit", "staff", "inspection_template", "patrol_route"};
    auto rows = u.query(q);
    if (!rows)
        return rows.error();
    for (const auto& r : *rows) {
        if (r.deleted)
            continue;
        if (r.type == "community") {
            c.communities.push_back(r.id);
            c.officeOf[r.id] = r.body.value("office_id", "");
        } else if (r.type == "unit") {
            if (r.body.value("occupied", true))
                c.units[r.body.value("community_id", "")].push_back(r.id);
        } else if (r.type == "staff") {
            c.staffOf[r.body.value("department_id", "")].push_back(r.id);
        } else if (r.type == "inspection_template") {
            if (auto t = decodeJson<domain::InspectionTemplate>(r.body); t && !t->items.empty() && !t->scale.empty())
                c.templates.push_back(std::move(*t));
        } else if (auto route = decodeJson<domain::PatrolRoute>(r.body); route && !route->checkpoints.empty()) {
            c.routes.emplace(route->communityId, std::move(*route));
        }
    }
    std::sort(c.communities.begin(), c.communities.end());
    for (auto& [k, v] : c.units)
        std::sort(v.begin(), v.end());
    for (auto& [k, v] : c.staffOf)
        std::sort(v.begin(), v.end());
    return c;
}

// Buffers records and writes them in transactions of `batch`.
class Writer {
public:
    Writer(ServerStorage& s, int batch) : m_storage(s), m_batch(std::size_t(std::max(1, batch))) {}
    template <typename T>
    Status add(const T& record) {
        store::StoredRecord r;
        r.id = record.id;
        r.type = std::string(T::kType);
        r.body = record;
        m_pending.push_back(std::move(r));
        ++counts[std::string(T::kType)];
        return m_pending.size() >= m_batch ? flush() : Status{};
    }
    Status flush() {
        if (m_pending.empty())
            return {};
        auto st = m_storage.write([&](WriteUnit& u) -> Status {
            for (auto& r : m_pending)
                if (auto v = u.put(r); !v)
                    return v.error();
            return {};
        });
        m_pending.clear();
        return st;
    }
    std::map<std::string, std::int64_t> counts;

private:
    ServerStorage& m_storage;
    std::size_t m_batch;
    std::vector<store::StoredRecord> m_pending;
};

} // namespace

Result<std::map<std::string, std::int64_t>> seedHistory(ServerStorage& storage, const HistoryOptions& options,
                                                        Clock clock) {
    const Instant now = clock();
    demo::CompanyRoster company;
    std::shared_ptr<const rules::RuleContext> rules;
    RulesCache cache;
    CY_TRY(storage.read([&](ReadUnit& u) -> Status {
        auto c = loadCompany(u);
        if (!c)
            return c.error();
        company = std::move(*c);
        rules = cache.get(u, company.communities.empty() ? std::string() : company.communities.front(), now);
        return {};
    }));
    if (company.communities.empty())
        return failedPrecondition("load a company first: there are no communities to give a history to");
    for (const auto& id : company.communities)
        company.units[id]; // every community has a (possibly empty) roster

    demo::Generator g{company, *rules, demo::Dice(options.seed), now};
    Writer out(storage, options.recordsPerTransaction);
    const auto& cal = rules->calendar;
    const date::year_month thisMonth{date::year_month_day{cal.localDate(now)}.year(),
                                     date::year_month_day{cal.localDate(now)}.month()};
    const int perMonth = std::max(1, options.complaintsPerMonth);
    for (int back = options.months - 1; back >= 0; --back) {
        const date::year_month ym = thisMonth - date::months{back};
        const Instant from = cal.toInstant(LocalDate{ym / 1}, 0);
        const Instant to = cal.toInstant(LocalDate{(ym + date::months{1}) / 1}, 0);
        if (from >= now)
            continue;
        for (const auto& community : company.communities) {
            for (int i = 0; i < perMonth; ++i)
                CY_TRY(out.add(g.complaint(community, g.randomIn(from, to))));
            for (int i = 0; i < std::max(1, perMonth / 4); ++i)
                CY_TRY(out.add(g.suggestion(community, g.randomIn(from, to))));
            for (int i = 0; i < std::max(1, perMonth / 3); ++i)
                if (auto in = g.inspection(community, g.randomIn(from, to)))
                    CY_TRY(out.add(*in));
            for (int i = 0; i < std::max(1, perMonth / 2); ++i)
                if (auto p = g.patrol(community, g.randomIn(from, to)))
                    CY_TRY(out.add(*p));
            for (int i = 0; i < std::max(1, perMonth / 6); ++i)
                CY_TRY(out.add(g.rectification(community, g.randomIn(from, to))));
        }
    }

    // This year's annual survey: half the occupied households at random plus focused ones,
    // about seven in ten answering, some categories below the target.
    const auto year = date::year_month_day{cal.localDate(now)}.year();
    const Instant start = cal.toInstant(LocalDate{year / date::October / 1}, 0);
    if (start < now) {
        std::vector<rules::Household> households;
        for (const auto& [community, units] : company.units)
            for (const auto& u : units)
                households.push_back({u, true, g.dice.chance(3)});
        auto plan = rules::planAnnualSample(households, options.seed, rules->policy);
        if (!plan)
            return plan.error();
        SurveyCampaign camp;
        header(camp, idOf("survey", ++g.serial), company.communities.front(), start, g.staff("d-cs"));
        camp.kind = SurveyKind::Annual;
        camp.method = SurveyMethod::Questionnaire;
        camp.title = std::to_string(int(year)) + " 年度满意度调查 annual survey";
        camp.officeId = company.officeOf[company.communities.front()];
        camp.communityIds = company.communities;
        for (const auto& [c, name] : kNamesOfCategory)
            camp.categories.push_back(c);
        camp.periodStart = start;
        camp.periodEnd = start + days{30};
        camp.seed = options.seed;
        camp.quota = plan->quota;
        camp.sample = plan->entries;
        camp.state = camp.periodEnd < now ? CampaignState::Closed : CampaignState::Open;
        rules::derive(camp, *rules, {true, false});
        CY_TRY(out.add(camp));
        std::map<std::string, std::string> communityOf;
        for (const auto& [community, units] : company.units)
            for (const auto& u : units)
                communityOf[u] = community;
        // Satisfaction leans by category: the chance of a 4 or 5.
        const std::map<Category, int> leaning{{Category::Housing, 88},    {Category::Security, 84},
                                              {Category::Vehicles, 72},   {Category::Cleaning, 80},
                                              {Category::Landscaping, 90}, {Category::Repairs, 76},
                                              {Category::Activities, 92},  {Category::Convenience, 86}};
        for (const auto& entry : camp.sample) {
            const Instant at = g.randomIn(start, camp.periodEnd);
            if (at >= now || !g.dice.chance(70))
                continue;
            SurveyResponse r;
            header(r, idOf("response", ++g.serial), communityOf[entry.unitId], at, "");
            r.campaignId = camp.id;
            r.unitId = entry.unitId;
            r.method = SurveyMethod::Questionnaire;
            r.answeredAt = at;
            for (const auto& [cat, p] : leaning)
                r.scores[cat] = g.dice.chance(p) ? 4 + int(g.dice.below(2)) : 1 + int(g.dice.below(3));
            CY_TRY(out.add(r));
        }
    }
    CY_TRY(out.flush());
    return out.counts;
}

} // namespace courtyard::server
