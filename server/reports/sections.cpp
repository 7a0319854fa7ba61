#include "server/reports/sections.h"

#include "shared/domain/common.h"

#include <algorithm>
#include <cmath>

namespace courtyard::server::reports {

double round1(double v) { return std::round(v * 10.0) / 10.0; }
Json percentOf(const rules::Rate& r) { return r.denominator > 0 ? Json(round1(r.percent())) : Json(nullptr); }
Json percentOf(std::int64_t num, std::int64_t den) { return percentOf(rules::Rate{num, den}); }
Json timeOf(std::optional<std::int64_t> ms) { return ms ? Json(formatInstant(fromEpochMs(*ms))) : Json(nullptr); }

std::string Ctx::departmentName(const std::string& id) const {
    if (id.empty())
        return L("value.none");
    auto it = org.departments.find(id);
    return it == org.departments.end() ? id : it->second;
}

std::string Ctx::communityName(const std::string& id) const {
    const auto* c = org.community(id);
    return c ? c->name : id;
}

Json Ctx::column(const std::string& key, std::string_view format) const {
    return {{"key", key}, {"label", L("col." + key)}, {"format", format}};
}

Json& Ctx::add(const std::string& id, std::string_view kind) {
    sections.push_back({{"id", id}, {"kind", kind}, {"title", L("section." + id)}});
    return sections.back();
}

Json Ctx::countTile(const std::string& key, std::int64_t v) const {
    return {{"key", key}, {"label", L("tile." + key)}, {"format", "count"}, {"value", v}};
}

Json Ctx::rateTile(const std::string& key, const rules::Rate& r, std::optional<int> target) const {
    Json t{{"key", key},
           {"label", L("tile." + key)},
           {"format", "percent"},
           {"value", percentOf(r)},
           {"numerator", r.numerator},
           {"denominator", r.denominator}};
    if (target)
        t["target"] = *target;
    return t;
}

void Ctx::tiles(Json list) { add("headline", "tiles")["tiles"] = std::move(list); }

Json& Ctx::table(const std::string& id, Json columns) {
    Json& t = add(id, "table");
    t["columns"] = std::move(columns);
    t["rows"] = Json::array();
    return t;
}

void Ctx::pareto(const std::string& id, std::vector<std::pair<std::string, long long>> counts) {
    Json& p = add(id, "pareto");
    constexpr int kCut = 80;
    p["cut"] = kCut;
    long long total = 0;
    for (const auto& c : counts)
        total += c.second;
    p["total"] = total;
    p["rows"] = Json::array();
    for (const auto& row : rules::pareto(std::move(counts), kCut))
        p["rows"].push_back({{"label", row.label},
                             {"count", row.count},
                             {"percent", round1(row.percent)},
                             {"cumulative_percent", round1(row.cumulativePercent)},
                             {"vital_few", row.vitalFew}});
}

std::vector<std::string> allCategories() {
    std::vector<std::string> out;
    for (const auto& [c, name] : domain::kNamesOfCategory)
        out.emplace_back(name);
    return out;
}

Status complaintBreakdown(Ctx& c, const std::string& id, const std::string& expr, const std::string& labelGroup,
                          const std::string& keyColumn, std::vector<std::pair<std::string, long long>>* pareto,
                          const std::vector<std::string>& order) {
    auto stats = complaintStats(c.db, c.scope, c.window(), expr);
    if (!stats)
        return stats.error();
    Json& t = c.table(id, Json::array({c.column(keyColumn, "text"), c.column("total", "count"),
                                       c.column("valid", "count"), c.column("invalid", "count"),
                                       c.column("undecided", "count")}));
    std::vector<std::string> keys = order;
    for (const auto& [k, v] : *stats)
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
            keys.push_back(k);
    ComplaintStats sum;
    for (const auto& k : keys) {
        const ComplaintStats st = stats->count(k) ? stats->at(k) : ComplaintStats{};
        if (st.total == 0 && order.empty())
            continue;
        const std::string name = c.L(labelGroup + "." + k);
        t["rows"].push_back({{keyColumn, name},
                             {"total", st.total},
                             {"valid", st.valid},
                             {"invalid", st.invalid},
                             {"undecided", st.undecided}});
        sum.add(st);
        if (pareto)
            pareto->emplace_back(name, st.total);
    }
    t["total"] = {{keyColumn, c.L("col.total")},
                  {"total", sum.total},
                  {"valid", sum.valid},
                  {"invalid", sum.invalid},
                  {"undecided", sum.undecided}};
    return {};
}

Json complaintColumns(const Ctx& c) {
    return Json::array({c.column("id", "text"), c.column("received_at", "time"), c.column("category", "text"),
                        c.column("state", "text"), c.column("handler", "text"), c.column("department", "text"),
                        c.column("due", "time"), c.column("replied_at", "time"), c.column("replied_late", "bool"),
                        c.column("overdue", "bool")});
}

std::string complaintListSql() {
    return "SELECT id, category, state, handler_id, department_id, received_at, reply_due, first_replied_at, "
           "active_due, open FROM fact_complaints WHERE " +
           kCountedComplaints;
}

Json complaintRow(const Ctx& c, const Row& r) {
    const auto due = r.optInt64("active_due");
    const auto replied = r.optInt64("first_replied_at");
    const auto replyDue = r.optInt64("reply_due");
    const std::string handler = r.text("handler_id");
    return {{"id", r.text("id")},
            {"category", c.L("category." + r.text("category"))},
            {"state", c.L("state." + r.text("state"))},
            {"handler", handler.empty() ? c.L("value.none") : c.org.name(handler)},
            {"department", c.departmentName(r.text("department_id"))},
            {"received_at", timeOf(r.optInt64("received_at"))},
            {"due", timeOf(due)},
            {"replied_at", timeOf(replied)},
            {"replied_late", replied && replyDue && *replied > *replyDue},
            {"overdue", r.int64("open") == 1 && due && *due < toEpochMs(c.asOf)}};
}

std::vector<rules::Period> lastPeriods(const Ctx& c, std::size_t n) {
    std::vector<rules::Period> out{c.period};
    while (out.size() < n)
        out.insert(out.begin(), rules::previousPeriod(out.front(), c.rules.calendar));
    return out;
}

Status periodTable(Ctx& c, const std::string& id, const std::vector<rules::Period>& periods) {
    Json& t = c.table(id, Json::array({c.column("period", "text"), c.column("total", "count"),
                                       c.column("valid", "count"), c.column("invalid", "count"),
                                       c.column("on_time_reply", "percent"), c.column("visit_rate", "percent")}));
    for (const auto& p : periods) {
        auto st = complaintTotals(c.db, c.scope, {p.from, p.to, c.asOf});
        if (!st)
            return st.error();
        t["rows"].push_back({{"period", p.label},
                             {"total", st->total},
                             {"valid", st->valid},
                             {"invalid", st->invalid},
                             {"on_time_reply", percentOf(st->onTime)},
                             {"visit_rate", percentOf(st->visit)}});
    }
    return {};
}

void causePareto(Ctx& c, std::vector<std::pair<std::string, long long>> causes) {
    const std::string undecided = c.L("cause.undecided");
    std::erase_if(causes, [&](const auto& p) { return p.first == undecided; });
    c.pareto("pareto_cause", std::move(causes));
}

void satisfactionSections(Ctx& c, const std::map<std::string, CategorySatisfaction>& cats) {
    const int target = c.rules.policy.qualityTarget;
    Json& bars = c.add("satisfaction", "bars");
    bars["format"] = "percent";
    bars["target"] = target;
    bars["bars"] = Json::array();
    Json& t = c.table("categories", Json::array({c.column("category", "text"), c.column("answers", "count"),
                                                 c.column("satisfied", "count"), c.column("rate", "percent"),
                                                 c.column("mean", "text"), c.column("below_target", "bool")}));
    for (const auto& cat : allCategories()) {
        auto it = cats.find(cat);
        if (it == cats.end() || it->second.answers == 0)
            continue;
        const auto& s = it->second;
        const double rate = 100.0 * double(s.satisfied) / double(s.answers);
        const bool below = rate < target;
        char mean[16];
        std::snprintf(mean, sizeof mean, "%.2f", double(s.scoreSum) / double(s.answers));
        bars["bars"].push_back({{"label", c.L("category." + cat)}, {"value", round1(rate)}, {"below_target", below}});
        t["rows"].push_back({{"category", c.L("category." + cat)},
                             {"answers", s.answers},
                             {"satisfied", s.satisfied},
                             {"rate", round1(rate)},
                             {"mean", mean},
                             {"below_target", below}});
    }
}

} // namespace courtyard::server::reports
