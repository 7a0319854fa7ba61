#include "server/reports/report_kinds.h"

// The KPI board: the five rates the targets are stated in, per community, office and company,
// with the trend of the last four periods.

namespace courtyard::server::reports {

using rules::Period;

namespace {

struct Kpis {
    rules::Rate onTime, visit, suggestionReply, satisfaction, closure;
    void add(const Kpis& o) {
        for (auto [a, b] : {std::pair{&onTime, &o.onTime}, std::pair{&visit, &o.visit},
                            std::pair{&suggestionReply, &o.suggestionReply},
                            std::pair{&satisfaction, &o.satisfaction}, std::pair{&closure, &o.closure}}) {
            a->numerator += b->numerator;
            a->denominator += b->denominator;
        }
    }
};

// The KPIs per community in a window (rates compose by adding numerators and denominators,
// so offices and the company are sums of their communities).
Result<std::map<std::string, Kpis>> kpisByCommunity(Ctx& c, const Window& w) {
    std::map<std::string, Kpis> out;
    auto comp = complaintStats(c.db, c.scope, w, "community_id");
    if (!comp)
        return comp.error();
    for (const auto& [id, s] : *comp)
        out[id].onTime = s.onTime, out[id].visit = s.visit;
    auto sugg = suggestionStats(c.db, c.scope, w, "community_id");
    if (!sugg)
        return sugg.error();
    for (const auto& [id, s] : *sugg)
        out[id].suggestionReply = s.reply;
    auto sat = satisfaction(c.db, c.scope, w, "r.community_id", c.rules.policy.satisfiedScore);
    if (!sat)
        return sat.error();
    for (const auto& [id, cats] : *sat)
        for (const auto& [cat, s] : cats) {
            out[id].satisfaction.numerator += s.satisfied;
            out[id].satisfaction.denominator += s.answers;
        }
    auto rect = rectificationStats(c.db, c.scope, w, "community_id");
    if (!rect)
        return rect.error();
    for (const auto& [id, s] : *rect)
        out[id].closure = s.closure();
    return out;
}

} // namespace

Status kpi(Ctx& c) {
    const int target = c.rules.policy.qualityTarget;
    const std::vector<Period> periods = lastPeriods(c, 4);
    std::vector<Kpis> totals;
    std::map<std::string, Kpis> current;
    for (const auto& p : periods) {
        auto by = kpisByCommunity(c, {p.from, p.to, c.asOf});
        if (!by)
            return by.error();
        // The scope's total is the sum of its communities' rows (facts of a community no longer
        // in the organisation are not anyone's).
        Kpis sum;
        for (const auto& id : c.scope.communities)
            if (auto it = by->find(id); it != by->end())
                sum.add(it->second);
        totals.push_back(sum);
        current = std::move(*by);
    }
    auto tile = [&](const std::string& key, rules::Rate Kpis::*field, int tileTarget) {
        Json t = c.rateTile(key, totals.back().*field, tileTarget);
        t["trend"] = Json::array();
        for (std::size_t i = 0; i < periods.size(); ++i)
            t["trend"].push_back({{"period", periods[i].label}, {"value", percentOf(totals[i].*field)}});
        return t;
    };
    c.tiles({tile("on_time_reply", &Kpis::onTime, 100), tile("visit_rate", &Kpis::visit, 100),
             tile("suggestion_reply", &Kpis::suggestionReply, 100), tile("satisfaction", &Kpis::satisfaction, target),
             tile("rectification_closure", &Kpis::closure, 100)});

    auto columns = [&](const std::string& first) {
        return Json::array({c.column(first, "text"), c.column("on_time_reply", "percent"),
                            c.column("visit_rate", "percent"), c.column("suggestion_reply", "percent"),
                            c.column("satisfaction", "percent"), c.column("rectification_closure", "percent")});
    };
    auto row = [&](const std::string& key, const std::string& name, const Kpis& k) {
        return Json{{key, name},
                    {"on_time_reply", percentOf(k.onTime)},
                    {"visit_rate", percentOf(k.visit)},
                    {"suggestion_reply", percentOf(k.suggestionReply)},
                    {"satisfaction", percentOf(k.satisfaction)},
                    {"rectification_closure", percentOf(k.closure)}};
    };
    Json& communities = c.table("communities", columns("community"));
    std::map<std::string, Kpis> offices;
    for (const auto& id : c.scope.communities) {
        const Kpis k = current.count(id) ? current.at(id) : Kpis{};
        communities["rows"].push_back(row("community", c.communityName(id), k));
        if (const auto* com = c.org.community(id))
            offices[com->officeId].add(k);
    }
    // Offices side by side only where the scope holds whole offices (one community's figures
    // under its office's name would mislead).
    Json& officeTable = c.table("offices", columns("scope"));
    if (c.scope.kind != "community")
        for (const auto& [id, k] : offices) {
            auto it = c.org.offices.find(id);
            officeTable["rows"].push_back(row("scope", it == c.org.offices.end() ? id : it->second, k));
        }
    officeTable["total"] = row("scope", c.scope.name, totals.back());
    return {};
}

} // namespace courtyard::server::reports
