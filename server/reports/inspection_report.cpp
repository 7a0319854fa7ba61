#include "server/reports/report_kinds.h"

// Inspections, patrols and rectification: pass rates per checklist item and per staff member,
// checkpoint visits per route, missed checkpoints, scheduled rounds missed or left incomplete,
// findings and their rectification.

#include <algorithm>

namespace courtyard::server::reports {

Status inspections(Ctx& c) {
    const Window w = c.window();
    const std::string range = " >= " + kFrom + " AND {col} < " + kTo;
    auto between = [&](const std::string& col) {
        std::string r = range;
        r.replace(r.find("{col}"), 5, col);
        return col + r;
    };
    const Filter fi = filterFor(c.scope, "community_id", inspectionDepartment(c.db.dialect()));
    const Filter fp = filterFor(c.scope, "community_id", patrolDepartment(c.db.dialect()));

    std::int64_t graded = 0, passed = 0;
    Json& items = c.table("items", Json::array({c.column("template", "text"), c.column("item", "text"),
                                                c.column("graded", "count"), c.column("passed", "count"),
                                                c.column("pass_rate", "percent"), c.column("findings", "count")}));
    CY_TRY(each(c.db,
                "SELECT template_id, item_id, max(item_title) AS title, count(*) AS graded, sum(pass) AS passed, "
                "sum(finding) AS findings FROM fact_inspection_items WHERE " +
                    between("submitted_at") + fi.sql + " GROUP BY template_id, item_id ORDER BY template_id, item_id",
                w.params() + fi.params, [&](const Row& r) {
                    graded += r.int64("graded"), passed += r.int64("passed");
                    const std::string title = r.text("title");
                    items["rows"].push_back({{"template", c.org.name(r.text("template_id"))},
                                             {"item", title.empty() ? r.text("item_id") : title},
                                             {"graded", r.int64("graded")},
                                             {"passed", r.int64("passed")},
                                             {"pass_rate", percentOf(r.int64("passed"), r.int64("graded"))},
                                             {"findings", r.int64("findings")}});
                }));
    Json& staff = c.table("by_staff", Json::array({c.column("staff", "text"), c.column("inspections", "count"),
                                                   c.column("graded", "count"), c.column("passed", "count"),
                                                   c.column("pass_rate", "percent")}));
    CY_TRY(each(c.db,
                "SELECT subject_staff, count(DISTINCT inspection_id) AS inspections, count(*) AS graded, "
                "sum(pass) AS passed FROM fact_inspection_items WHERE subject_staff <> '' AND " +
                    between("submitted_at") + fi.sql + " GROUP BY subject_staff ORDER BY subject_staff",
                w.params() + fi.params, [&](const Row& r) {
                    staff["rows"].push_back({{"staff", c.org.name(r.text("subject_staff"))},
                                             {"inspections", r.int64("inspections")},
                                             {"graded", r.int64("graded")},
                                             {"passed", r.int64("passed")},
                                             {"pass_rate", percentOf(r.int64("passed"), r.int64("graded"))}});
                }));

    std::int64_t due = 0, onTime = 0, missed = 0;
    Json& routes = c.table("patrols", Json::array({c.column("route", "text"), c.column("rounds", "count"),
                                                   c.column("checkpoints", "count"), c.column("on_time", "count"),
                                                   c.column("late", "count"), c.column("missed", "count")}));
    CY_TRY(each(c.db,
                "SELECT route_id, count(DISTINCT round_id) AS rounds, count(*) AS checkpoints, " +
                    cnt("status = 'on_time'") + " AS on_time, " + cnt("status = 'late'") + " AS late, " +
                    cnt("status = 'missed'") + " AS missed FROM fact_patrol_checkpoints WHERE " +
                    between("started_at") + fp.sql + " GROUP BY route_id ORDER BY route_id",
                w.params() + fp.params, [&](const Row& r) {
                    due += r.int64("checkpoints"), onTime += r.int64("on_time"), missed += r.int64("missed");
                    routes["rows"].push_back({{"route", c.org.name(r.text("route_id"))},
                                              {"rounds", r.int64("rounds")},
                                              {"checkpoints", r.int64("checkpoints")},
                                              {"on_time", r.int64("on_time")},
                                              {"late", r.int64("late")},
                                              {"missed", r.int64("missed")}});
                }));
    Json& miss = c.table("missed", Json::array({c.column("route", "text"), c.column("checkpoint", "text"),
                                                c.column("missed", "count")}));
    CY_TRY(each(c.db,
                "SELECT route_id, checkpoint_id, max(checkpoint_name) AS checkpoint, count(*) AS missed FROM "
                "fact_patrol_checkpoints WHERE status = 'missed' AND " +
                    between("started_at") + fp.sql +
                    " GROUP BY route_id, checkpoint_id ORDER BY count(*) DESC, route_id, checkpoint_id",
                w.params() + fp.params, [&](const Row& r) {
                    miss["rows"].push_back({{"route", c.org.name(r.text("route_id"))},
                                            {"checkpoint", r.text("checkpoint")},
                                            {"missed", r.int64("missed")}});
                }));

    // Scheduled rounds (rules/patrol_schedule.h): the server's expected rounds due in the period
    // and by now, as it last judged them. Their department is the route's.
    std::int64_t missedRounds = 0;
    const Dialect d = c.db.dialect();
    const Filter fs = filterFor(c.scope, "community_id", "department_id");
    Json& scheduled = c.table("scheduled_rounds",
                              Json::array({c.column("route", "text"), c.column("scheduled", "count"),
                                           c.column("completed", "count"), c.column("in_progress", "count"),
                                           c.column("missed_rounds", "count"), c.column("incomplete", "count")}));
    CY_TRY(each(c.db,
                "SELECT " + jsonText("body", "route_id", d) + " AS route_id, count(*) AS scheduled, " +
                    cnt("state = 'completed'") + " AS completed, " + cnt("state IN ('expected', 'started')") +
                    " AS in_progress, " + cnt("state = 'missed'") + " AS missed, " + cnt("state = 'incomplete'") +
                    " AS incomplete FROM records WHERE type = 'patrol_slot' AND NOT deleted AND " +
                    between("happened_at") + " AND happened_at <= " + kAsOf + fs.sql + " GROUP BY " +
                    jsonText("body", "route_id", d) + " ORDER BY 1",
                w.params() + fs.params, [&](const Row& r) {
                    missedRounds += r.int64("missed");
                    scheduled["rows"].push_back({{"route", c.org.name(r.text("route_id"))},
                                                 {"scheduled", r.int64("scheduled")},
                                                 {"completed", r.int64("completed")},
                                                 {"in_progress", r.int64("in_progress")},
                                                 {"missed_rounds", r.int64("missed")},
                                                 {"incomplete", r.int64("incomplete")}});
                }));

    auto rect = rectificationStats(c.db, c.scope, w, "");
    if (!rect)
        return rect.error();
    const auto r = (*rect)[""];
    Json& states = c.table("rectification_states", Json::array({c.column("state", "text"), c.column("count", "count")}));
    const Filter rf = filterFor(c.scope, "community_id", rectificationDepartment(c.db.dialect()));
    CY_TRY(each(c.db,
                "SELECT state, count(*) AS items FROM fact_rectifications WHERE " + between("reported_at") + rf.sql +
                    " GROUP BY state ORDER BY state",
                w.params() + rf.params, [&](const Row& row) {
                    states["rows"].push_back({{"state", c.L("rect." + row.text("state"))}, {"count", row.int64("items")}});
                }));

    Json headline = Json::array({Json{{"key", "pass_rate"},
                                      {"label", c.L("col.pass_rate")},
                                      {"format", "percent"},
                                      {"value", percentOf(passed, graded)},
                                      {"numerator", passed},
                                      {"denominator", graded}},
                                 Json{{"key", "on_time"},
                                      {"label", c.L("col.on_time")},
                                      {"format", "percent"},
                                      {"value", percentOf(onTime, due)},
                                      {"numerator", onTime},
                                      {"denominator", due}},
                                 Json{{"key", "missed"}, {"label", c.L("col.missed")}, {"format", "count"}, {"value", missed}},
                                 c.countTile("missed_rounds", missedRounds),
                                 c.countTile("raised", r.raised), c.countTile("developer", r.developer),
                                 c.countTile("second_round", r.secondRound), c.countTile("signed", r.signedByResident),
                                 c.rateTile("rectification_closure", r.closure())});
    c.tiles(std::move(headline));
    std::rotate(c.sections.begin(), c.sections.end() - 1, c.sections.end());
    return {};
}

} // namespace courtyard::server::reports
