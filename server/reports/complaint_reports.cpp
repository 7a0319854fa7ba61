#include "server/reports/report_kinds.h"

// The complaint reviews: the department head's week, the department's month, the company's
// quarter and the deputy GM's year.

namespace courtyard::server::reports {

using rules::Granularity;
using rules::Period;

Status weekly(Ctx& c) {
    const Window w = c.window();
    auto totals = complaintTotals(c.db, c.scope, w);
    if (!totals)
        return totals.error();
    const Filter f = filterFor(c.scope, "community_id", "department_id");
    const std::string& a = kAsOf;
    std::int64_t openNow = 0, overdueNow = 0;
    CY_TRY(each(c.db,
                "SELECT count(*) AS open_now, " + cnt("active_due < " + a) +
                    " AS overdue_now FROM fact_complaints WHERE " + kCountedComplaints + " AND open = 1" + f.sql,
                w.params() + f.params, [&](const Row& r) {
                    openNow = r.int64("open_now"), overdueNow = r.int64("overdue_now");
                }));
    c.tiles({c.countTile("received", totals->total), c.countTile("open", openNow), c.countTile("overdue", overdueNow),
             c.countTile("replied_late", totals->repliedLate), c.countTile("escalated", totals->escalated)});

    Json& week = c.table("complaints", complaintColumns(c));
    CY_TRY(each(c.db,
                complaintListSql() + " AND received_at >= " + kFrom +
                    " AND received_at < " + kTo + f.sql + " ORDER BY received_at, id LIMIT " +
                    std::to_string(kListLimit),
                w.params() + f.params, [&](const Row& r) { week["rows"].push_back(complaintRow(c, r)); }));

    Json& sheets = c.table("transfer_sheets",
                           Json::array({c.column("id", "text"), c.column("created_at", "time"),
                                        c.column("subject", "text"), c.column("level", "text"),
                                        c.column("department", "text"), c.column("state", "text")}));
    Filter sf = filterFor(c.scope, "community_id");
    if (!c.scope.department.empty()) {
        sf.sql += " AND (from_department_id = :department OR assigned_department_id = :department)";
        sf.params.emplace_back(":department", c.scope.department);
    }
    CY_TRY(each(c.db,
                "SELECT id, created_at, subject, level, assigned_department_id, state FROM fact_transfer_sheets "
                "WHERE created_at >= " +
                    kFrom + " AND created_at < " + kTo + sf.sql +
                    " ORDER BY created_at, id LIMIT " + std::to_string(kListLimit),
                w.params() + sf.params, [&](const Row& r) {
                    sheets["rows"].push_back({{"id", r.text("id")},
                                              {"created_at", timeOf(r.optInt64("created_at"))},
                                              {"subject", r.text("subject")},
                                              {"level", c.L("level." + r.text("level"))},
                                              {"department", c.departmentName(r.text("assigned_department_id"))},
                                              {"state", c.L("sheet." + r.text("state"))}});
                }));

    Json& open = c.table("open_now", complaintColumns(c));
    return each(c.db,
                complaintListSql() + " AND open = 1" + f.sql +
                    " ORDER BY active_due IS NULL, active_due, id LIMIT " + std::to_string(kListLimit),
                w.params() + f.params, [&](const Row& r) { open["rows"].push_back(complaintRow(c, r)); });
}

Status monthly(Ctx& c) {
    const Window w = c.window();
    auto totals = complaintTotals(c.db, c.scope, w);
    if (!totals)
        return totals.error();
    auto sugg = suggestionStats(c.db, c.scope, w, "");
    if (!sugg)
        return sugg.error();
    const auto s = (*sugg)[""];
    c.tiles({c.countTile("received", totals->total), c.countTile("valid", totals->valid),
             c.countTile("invalid", totals->invalid), c.countTile("undecided", totals->undecided),
             c.rateTile("on_time_reply", totals->onTime, 100), c.rateTile("visit_rate", totals->visit, 100),
             c.countTile("open", totals->open), c.countTile("overdue", totals->overdue),
             c.countTile("suggestions", s.total), c.rateTile("suggestion_reply", s.reply, 100)});

    std::vector<std::pair<std::string, long long>> byCategory;
    CY_TRY(complaintBreakdown(c, "by_category", "category", "category", "category", &byCategory, allCategories()));
    CY_TRY(complaintBreakdown(c, "by_cause", kCauseExpr, "cause", "cause", nullptr));
    CY_TRY(complaintBreakdown(c, "by_grade", kGradeExpr, "grade", "grade", nullptr));
    CY_TRY(complaintBreakdown(c, "by_channel", "channel", "channel", "channel", nullptr));
    c.pareto("pareto_category", std::move(byCategory));

    const Filter f = filterFor(c.scope, "community_id", "department_id");
    Json& open = c.table("open_items", complaintColumns(c));
    CY_TRY(each(c.db,
                complaintListSql() + " AND open = 1 AND received_at >= " + kFrom +
                    " AND received_at < " + kTo + f.sql +
                    " ORDER BY active_due IS NULL, active_due, id LIMIT " + std::to_string(kListLimit),
                w.params() + f.params, [&](const Row& r) { open["rows"].push_back(complaintRow(c, r)); }));

    Json& t = c.table("suggestions", Json::array({c.column("received", "count"), c.column("replied", "count"),
                                                  c.column("adopted", "count"), c.column("not_adopted", "count"),
                                                  c.column("suggestion_reply", "percent")}));
    t["rows"].push_back({{"received", s.total},
                         {"replied", s.replied},
                         {"adopted", s.adopted},
                         {"not_adopted", s.notAdopted},
                         {"suggestion_reply", percentOf(s.reply)}});
    return {};
}

Status quarterly(Ctx& c) {
    const Window w = c.window();
    auto byDept = complaintStats(c.db, c.scope, w, "department_id");
    if (!byDept)
        return byDept.error();
    ComplaintStats all;
    for (const auto& [d, st] : *byDept)
        all.add(st);
    c.tiles({c.countTile("received", all.total), c.countTile("valid", all.valid), c.countTile("invalid", all.invalid),
             c.rateTile("on_time_reply", all.onTime, 100), c.rateTile("visit_rate", all.visit, 100),
             c.countTile("serious", all.serious)});

    Json& d = c.table("departments",
                      Json::array({c.column("department", "text"), c.column("total", "count"),
                                   c.column("valid", "count"), c.column("invalid", "count"),
                                   c.column("on_time_reply", "percent"), c.column("visit_rate", "percent"),
                                   c.column("open", "count"), c.column("overdue", "count")}));
    std::vector<std::pair<std::string, const ComplaintStats*>> depts;
    for (const auto& [id, st] : *byDept)
        depts.emplace_back(c.departmentName(id), &st);
    std::sort(depts.begin(), depts.end());
    for (const auto& [name, st] : depts)
        d["rows"].push_back({{"department", name},
                             {"total", st->total},
                             {"valid", st->valid},
                             {"invalid", st->invalid},
                             {"on_time_reply", percentOf(st->onTime)},
                             {"visit_rate", percentOf(st->visit)},
                             {"open", st->open},
                             {"overdue", st->overdue}});

    CY_TRY(periodTable(c, "trend", lastPeriods(c, 4)));

    std::vector<std::pair<std::string, long long>> cats, causes;
    CY_TRY(complaintBreakdown(c, "by_category", "category", "category", "category", &cats, allCategories()));
    CY_TRY(complaintBreakdown(c, "by_cause", kCauseExpr, "cause", "cause", &causes));
    c.pareto("pareto_category", std::move(cats));
    causePareto(c, std::move(causes));
    return {};
}

Status annualComplaints(Ctx& c) {
    const Window w = c.window();
    auto totals = complaintTotals(c.db, c.scope, w);
    if (!totals)
        return totals.error();
    auto sugg = suggestionStats(c.db, c.scope, w, "");
    if (!sugg)
        return sugg.error();
    const Filter f = filterFor(c.scope, "community_id", "department_id");
    const std::string outsideWhere = kCountedComplaints +
                                 " AND channel IN ('company', 'group', 'media', 'government') AND received_at >= " +
                                 kFrom + " AND received_at < " + kTo;
    std::int64_t outsideCount = 0;
    CY_TRY(each(c.db, "SELECT count(*) AS n FROM fact_complaints WHERE " + outsideWhere + f.sql, w.params() + f.params,
                [&](const Row& r) { outsideCount = r.int64("n"); }));
    c.tiles({c.countTile("received", totals->total), c.countTile("valid", totals->valid),
             c.countTile("invalid", totals->invalid), c.rateTile("on_time_reply", totals->onTime, 100),
             c.rateTile("visit_rate", totals->visit, 100), c.countTile("escalated", totals->escalated),
             c.countTile("serious", totals->serious), c.countTile("outside", outsideCount),
             c.countTile("open", totals->open),
             c.countTile("suggestions", (*sugg)[""].total),
             c.rateTile("suggestion_reply", (*sugg)[""].reply, 100)});

    std::vector<Period> months;
    for (Period m = rules::periodContaining(Granularity::Month, c.period.from, c.rules.calendar); m.from < c.period.to;
         m = rules::periodContaining(Granularity::Month, m.to, c.rules.calendar))
        months.push_back(m);
    CY_TRY(periodTable(c, "by_month", months));
    std::vector<std::pair<std::string, long long>> cats, causes;
    CY_TRY(complaintBreakdown(c, "by_category", "category", "category", "category", &cats, allCategories()));
    CY_TRY(complaintBreakdown(c, "by_grade", kGradeExpr, "grade", "grade", nullptr));
    CY_TRY(complaintBreakdown(c, "by_cause", kCauseExpr, "cause", "cause", &causes));
    c.pareto("pareto_category", std::move(cats));
    causePareto(c, std::move(causes));

    // Complaints that reached the company, the group, the media or the government, each with
    // the leader who follows it to the end (domain/complaint.h), and where it stands now.
    Json& outside = c.table("outside_complaints",
                            Json::array({c.column("id", "text"), c.column("received_at", "time"),
                                         c.column("channel", "text"), c.column("community", "text"),
                                         c.column("leader", "text"), c.column("state", "text")}));
    CY_TRY(each(c.db,
                "SELECT id, received_at, channel, community_id, state, (SELECT " +
                    jsonText("body", "leader_id", c.db.dialect()) +
                    " FROM records WHERE records.id = fact_complaints.id) AS leader_id FROM fact_complaints WHERE " +
                    outsideWhere + f.sql + " ORDER BY received_at, id LIMIT " + std::to_string(kListLimit),
                w.params() + f.params, [&](const Row& r) {
                    const std::string leader = r.text("leader_id");
                    outside["rows"].push_back({{"id", r.text("id")},
                                               {"received_at", timeOf(r.optInt64("received_at"))},
                                               {"channel", c.L("channel." + r.text("channel"))},
                                               {"community", c.org.name(r.text("community_id"))},
                                               {"leader", leader.empty() ? c.L("value.none") : c.org.name(leader)},
                                               {"state", c.L("state." + r.text("state"))}});
                }));
    return {};
}

} // namespace courtyard::server::reports
