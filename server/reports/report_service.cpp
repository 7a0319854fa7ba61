#include "server/reports/report_service.h"

#include "shared/auth/access.h"

#include "server/service/rules_cache.h"
#include "server/service/scope.h"
#include "shared/domain/organization.h"
#include "shared/domain/survey.h"
#include "shared/rules/analysis.h"
#include "shared/rules/grading.h"
#include "shared/rules/period.h"
#include "shared/rules/review.h"
#include "shared/rules/scoring.h"
#include "shared/store/database.h"
#include "shared/store/record_store.h"
#include "sync/protocol/roles.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <variant>

namespace courtyard::server::reports {

namespace {

using rules::Granularity;
using rules::Period;
using store::Database;
using store::Statement;

// ---------------------------------------------------------------- organisation and scope

struct Org {
    struct Community {
        std::string id, name, officeId, zone;
    };
    std::vector<Community> communities; // ordered by id
    std::map<std::string, std::string> offices;
    std::map<std::string, std::string> departments;
    std::map<std::string, std::string> names; // staff, checklists, routes: id -> name

    const Community* community(const std::string& id) const {
        for (const auto& c : communities)
            if (c.id == id)
                return &c;
        return nullptr;
    }
    std::string name(const std::string& id) const {
        auto it = names.find(id);
        return it == names.end() ? id : it->second;
    }
};

// Named parameters (":from", ":c0", …). The SQL text of a report never holds a value, so the
// connection's statement cache keeps one entry per query shape, not one per request. A
// parameter the statement does not use is skipped.
using Params = std::vector<std::pair<std::string, std::variant<std::string, std::int64_t>>>;

Params operator+(Params a, const Params& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Status each(Database& db, const std::string& sql, const Params& params, const std::function<void(Statement&)>& row) {
    auto s = db.prepare(sql);
    if (!s)
        return s.error();
    for (const auto& [name, value] : params)
        if (const int index = s->parameterIndex(name); index > 0)
            std::visit([&](const auto& v) { s->bind(index, v); }, value);
    while (true) {
        auto r = s->step();
        if (!r)
            return r.error();
        if (!*r)
            return {};
        row(*s);
    }
}

Result<Org> loadOrg(Database& db) {
    Org org;
    CY_TRY(each(db,
                "SELECT id, type, coalesce(json_extract(body, '$.name'), ''), "
                "coalesce(json_extract(body, '$.office_id'), ''), coalesce(json_extract(body, '$.time_zone'), '') "
                "FROM records WHERE deleted = 0 AND type IN ('office', 'community', 'department', 'staff', "
                "'inspection_template', 'patrol_route') ORDER BY id",
                {}, [&](Statement& s) {
                    const std::string type = s.text(1);
                    if (type == "community")
                        org.communities.push_back({s.text(0), s.text(2), s.text(3), s.text(4)});
                    else if (type == "office")
                        org.offices[s.text(0)] = s.text(2);
                    else if (type == "department")
                        org.departments[s.text(0)] = s.text(2);
                    else
                        org.names[s.text(0)] = s.text(2);
                }));
    return org;
}

struct Scope {
    std::string kind, id, name;
    bool company = false;
    std::vector<std::string> communities;
    std::string department, departmentName;
};

Result<Scope> resolveScope(const Org& org, const ReportRequest& r) {
    Scope s;
    s.kind = r.scope.empty() ? "company" : r.scope;
    if (s.kind == "company") {
        if (!r.scopeId.empty())
            return invalidArgument("id: a company-wide report takes no id");
        s.company = true;
        s.name = label("scope.company", r.lang);
        for (const auto& c : org.communities)
            s.communities.push_back(c.id);
    } else if (s.kind == "community") {
        const auto* c = org.community(r.scopeId);
        if (!c)
            return invalidArgument("id: there is no community '" + r.scopeId + "'");
        s.id = c->id;
        s.name = c->name;
        s.communities = {c->id};
    } else if (s.kind == "office") {
        auto it = org.offices.find(r.scopeId);
        if (it == org.offices.end())
            return invalidArgument("id: there is no management office '" + r.scopeId + "'");
        s.id = it->first;
        s.name = it->second;
        for (const auto& c : org.communities)
            if (c.officeId == s.id)
                s.communities.push_back(c.id);
    } else {
        return invalidArgument("scope: '" + s.kind + "' is not community, office or company");
    }
    if (!r.department.empty()) {
        auto it = org.departments.find(r.department);
        if (it == org.departments.end())
            return invalidArgument("department: there is no department '" + r.department + "'");
        s.department = it->first;
        s.departmentName = it->second;
    }
    return s;
}

// " AND <column> IN (:c0, …)" for the scope's communities (nothing for the whole company), and
// " AND <department expression> = :department" when the report is one department's.
struct Filter {
    std::string sql;
    Params params;
};

Filter filterFor(const Scope& s, std::string_view communityColumn, std::string_view departmentExpr = {}) {
    Filter f;
    if (!s.company) {
        f.sql += " AND " + std::string(communityColumn) + " IN (";
        for (std::size_t i = 0; i < s.communities.size(); ++i) {
            const std::string name = ":c" + std::to_string(i);
            f.sql += (i ? ", " : "") + name;
            f.params.emplace_back(name, s.communities[i]);
        }
        if (s.communities.empty())
            f.sql += "NULL"; // an office without communities: nothing matches
        f.sql += ")";
    }
    if (!s.department.empty() && !departmentExpr.empty()) {
        f.sql += " AND " + std::string(departmentExpr) + " = :department";
        f.params.emplace_back(":department", s.department);
    }
    return f;
}

// ---------------------------------------------------------------- aggregates

// The department a row belongs to, where the facts name a person rather than a department:
// that person's department today (staff records carry it).
std::string departmentOf(const std::string& staffColumn) {
    return "(SELECT json_extract(body, '$.department_id') FROM records WHERE id = " + staffColumn + ")";
}
// An inspection is the checked staff member's department's, or for an area check the
// inspector's; a patrol the guard's; a rectification item the department that found it, or for
// an item a resident found, the department of whoever recorded it (customer service).
const std::string kInspectionDepartment = departmentOf("coalesce(nullif(subject_staff, ''), inspector_id)");
const std::string kPatrolDepartment = departmentOf("guard_id");
const std::string kRectificationDepartment =
    "CASE WHEN found_by_department_id <> '' THEN found_by_department_id ELSE " + departmentOf("recorded_by") + " END";

std::string n(std::int64_t v) { return std::to_string(v); }
// "sum of rows where cond", 0 for no rows (SQL sum() of nothing is NULL).
std::string cnt(const std::string& cond) { return "sum(CASE WHEN " + cond + " THEN 1 ELSE 0 END)"; }

// The window's parameters in report SQL.
const std::string kFrom = ":from", kTo = ":to", kAsOf = ":as_of";

// The SQL restates definitions of the shared rules; their values come from there, bound as
// parameters beside the window's: which complaint records count (rules/review.h), which are
// valid, which serious (rules/grading.h). sqlAgreesWithTheSharedRulesOnGeneratedHistory compares
// the SQL with the rules on generated data.
const std::string kCountedComplaints = "kind = :reviewed_kind AND state <> :unreviewed_state";
const std::string kValid = "validity = :valid";

struct Window {
    Instant from, to, asOf;
    Params params() const {
        return {{":from", toEpochMs(from)},
                {":to", toEpochMs(to)},
                {":as_of", toEpochMs(asOf)},
                {":reviewed_kind", std::string(enumName(rules::kReviewedComplaintKind))},
                {":unreviewed_state", std::string(enumName(rules::kUnreviewedComplaintState))},
                {":valid", std::string(enumName(domain::Validity::Valid))},
                {":serious_grade", std::int64_t{rules::kSeriousGrade}},
                {":cancelled_suggestion", std::string(enumName(domain::SuggestionState::Cancelled))}};
    }
};

struct ComplaintStats {
    std::int64_t total = 0, valid = 0, invalid = 0, undecided = 0, open = 0, overdue = 0, repliedLate = 0,
                 escalated = 0, serious = 0;
    rules::Rate onTime, visit;
    void add(const ComplaintStats& o) {
        total += o.total, valid += o.valid, invalid += o.invalid, undecided += o.undecided, open += o.open;
        overdue += o.overdue, repliedLate += o.repliedLate, escalated += o.escalated, serious += o.serious;
        onTime.numerator += o.onTime.numerator, onTime.denominator += o.onTime.denominator;
        visit.numerator += o.visit.numerator, visit.denominator += o.visit.denominator;
    }
};

// Complaints (rules::countsAsComplaint) received in the window, grouped by `groupExpr`
// ("" for one group). The on-time and visit rates are rules::onTimeReplyRate and
// rules::visitRate, as of the window's asOf, written as SQL over the facts.
Result<std::map<std::string, ComplaintStats>> complaintStats(Database& db, const Scope& scope, const Window& w,
                                                             const std::string& groupExpr) {
    const std::string& a = kAsOf;
    const Filter f = filterFor(scope, "community_id", "department_id");
    const std::string sql =
        "SELECT " + (groupExpr.empty() ? std::string("''") : groupExpr) + ", count(*), " + cnt(kValid) +
        ", " + cnt("validity = 'invalid'") + ", " + cnt("validity = 'undecided'") + ", " + cnt("open = 1") + ", " +
        cnt("open = 1 AND active_due < " + a) + ", " + cnt("first_replied_at > reply_due") + ", " +
        cnt("escalated = 1") + ", " + cnt("grade >= :serious_grade") + ", " +
        cnt(kValid + " AND reply_due IS NOT NULL AND (first_replied_at <= " + a + " OR " + a +
            " > reply_due)") +
        ", " +
        cnt(kValid + " AND reply_due IS NOT NULL AND first_replied_at <= " + a +
            " AND first_replied_at <= reply_due") +
        ", " +
        cnt(kValid + " AND visit_due IS NOT NULL AND replied_at IS NOT NULL AND (first_visit_at <= " + a +
            " OR " + a + " > visit_due)") +
        ", " +
        cnt(kValid + " AND visit_due IS NOT NULL AND replied_at IS NOT NULL AND first_visit_at <= " + a +
            " AND first_visit_at <= visit_due") +
        " FROM fact_complaints WHERE " + kCountedComplaints + " AND received_at >= " +
        kFrom + " AND received_at < " + kTo + f.sql + " GROUP BY 1";
    std::map<std::string, ComplaintStats> out;
    CY_TRY(each(db, sql, w.params() + f.params, [&](Statement& s) {
        auto& st = out[s.text(0)];
        st.total = s.int64(1), st.valid = s.int64(2), st.invalid = s.int64(3), st.undecided = s.int64(4);
        st.open = s.int64(5), st.overdue = s.int64(6), st.repliedLate = s.int64(7), st.escalated = s.int64(8);
        st.serious = s.int64(9);
        st.onTime = {s.int64(11), s.int64(10)};
        st.visit = {s.int64(13), s.int64(12)};
    }));
    return out;
}

Result<ComplaintStats> complaintTotals(Database& db, const Scope& scope, const Window& w) {
    auto m = complaintStats(db, scope, w, "");
    if (!m)
        return m.error();
    return (*m)[""];
}

struct SuggestionStats {
    std::int64_t total = 0, replied = 0, adopted = 0, notAdopted = 0;
    rules::Rate reply;
};

// rules::suggestionReplyRate as SQL. A department's suggestions are those its staff handle.
Result<std::map<std::string, SuggestionStats>> suggestionStats(Database& db, const Scope& scope, const Window& w,
                                                               const std::string& groupExpr) {
    const std::string& a = kAsOf;
    const Filter f = filterFor(scope, "community_id", departmentOf("handler_id"));
    const std::string sql = "SELECT " + (groupExpr.empty() ? std::string("''") : groupExpr) + ", count(*), " +
                            cnt("replied_at IS NOT NULL") + ", " + cnt("adopted = 1") + ", " + cnt("adopted = 0") +
                            ", " + cnt("reply_due IS NOT NULL AND (replied_at <= " + a + " OR " + a + " > reply_due)") +
                            ", " + cnt("reply_due IS NOT NULL AND replied_at <= " + a + " AND replied_at <= reply_due") +
                            " FROM fact_suggestions WHERE state <> :cancelled_suggestion AND received_at >= " +
                            kFrom + " AND received_at < " + kTo + f.sql + " GROUP BY 1";
    std::map<std::string, SuggestionStats> out;
    CY_TRY(each(db, sql, w.params() + f.params, [&](Statement& s) {
        auto& st = out[s.text(0)];
        st.total = s.int64(1), st.replied = s.int64(2), st.adopted = s.int64(3), st.notAdopted = s.int64(4);
        st.reply = {s.int64(6), s.int64(5)};
    }));
    return out;
}

struct CategorySatisfaction {
    std::int64_t answers = 0, satisfied = 0, scoreSum = 0;
};

// Answers of the questionnaires answered in the window, the latest per household and survey
// (as rules::scoreSurvey counts them), per group and category. No return-rate penalty here:
// that belongs to one survey's sample (the annual report applies it).
Result<std::map<std::string, std::map<std::string, CategorySatisfaction>>>
satisfaction(Database& db, const Scope& scope, const Window& w, const std::string& groupExpr, int satisfiedScore) {
    const Filter f = filterFor(scope, "r.community_id");
    const std::string sql =
        "SELECT " + (groupExpr.empty() ? std::string("''") : groupExpr) + ", s.category, count(*), " +
        cnt("s.score >= :satisfied") +
        ", sum(s.score) FROM fact_survey_responses r JOIN fact_survey_scores s ON s.response_id = r.id "
        "WHERE r.answered = 1 AND r.answered_at >= " +
        kFrom + " AND r.answered_at < " + kTo + f.sql +
        " AND NOT EXISTS (SELECT 1 FROM fact_survey_responses l WHERE l.campaign_id = r.campaign_id AND "
        "l.unit_id = r.unit_id AND l.answered = 1 AND (l.answered_at > r.answered_at OR "
        "(l.answered_at = r.answered_at AND l.id > r.id))) GROUP BY 1, 2";
    std::map<std::string, std::map<std::string, CategorySatisfaction>> out;
    CY_TRY(each(db, sql, w.params() + f.params + Params{{":satisfied", std::int64_t{satisfiedScore}}}, [&](Statement& s) {
        out[s.text(0)][s.text(1)] = {s.int64(2), s.int64(3), s.int64(4)};
    }));
    return out;
}

struct RectificationStats {
    std::int64_t raised = 0, accepted = 0, signedByResident = 0, developer = 0, secondRound = 0, open = 0,
                 notCancelled = 0;
    rules::Rate closure() const { return {accepted, notCancelled}; }
};

Result<std::map<std::string, RectificationStats>> rectificationStats(Database& db, const Scope& scope,
                                                                     const Window& w, const std::string& groupExpr) {
    const Filter f = filterFor(scope, "community_id", kRectificationDepartment);
    const std::string sql = "SELECT " + (groupExpr.empty() ? std::string("''") : groupExpr) + ", count(*), " +
                            cnt("state = 'accepted'") + ", " + cnt("signed = 1") + ", " + cnt("developer = 1") + ", " +
                            cnt("rounds >= 2") + ", " + cnt("state NOT IN ('accepted', 'cancelled')") + ", " +
                            cnt("state <> 'cancelled'") + " FROM fact_rectifications WHERE reported_at >= " +
                            kFrom + " AND reported_at < " + kTo + f.sql + " GROUP BY 1";
    std::map<std::string, RectificationStats> out;
    CY_TRY(each(db, sql, w.params() + f.params, [&](Statement& s) {
        auto& st = out[s.text(0)];
        st.raised = s.int64(1), st.accepted = s.int64(2), st.signedByResident = s.int64(3);
        st.developer = s.int64(4), st.secondRound = s.int64(5), st.open = s.int64(6), st.notCancelled = s.int64(7);
    }));
    return out;
}

// ---------------------------------------------------------------- sections

double round1(double v) { return std::round(v * 10.0) / 10.0; }
Json percentOf(const rules::Rate& r) { return r.denominator > 0 ? Json(round1(r.percent())) : Json(nullptr); }
Json percentOf(std::int64_t num, std::int64_t den) { return percentOf(rules::Rate{num, den}); }
Json time(std::optional<std::int64_t> ms) { return ms ? Json(formatInstant(fromEpochMs(*ms))) : Json(nullptr); }

struct Ctx {
    Database& db;
    const Org& org;
    const Scope& scope;
    const Period& period;
    const rules::RuleContext& rules;
    Instant asOf;
    Lang lang;
    // A deque: a reference to a section stays valid while later sections are added.
    std::deque<Json> sections;

    std::string L(std::string_view key) const { return label(key, lang); }
    Window window() const { return {period.from, period.to, asOf}; }
    std::string departmentName(const std::string& id) const {
        if (id.empty())
            return L("value.none");
        auto it = org.departments.find(id);
        return it == org.departments.end() ? id : it->second;
    }
    std::string communityName(const std::string& id) const {
        const auto* c = org.community(id);
        return c ? c->name : id;
    }

    Json column(const std::string& key, std::string_view format) const {
        return {{"key", key}, {"label", L("col." + key)}, {"format", format}};
    }
    Json& add(const std::string& id, std::string_view kind) {
        sections.push_back({{"id", id}, {"kind", kind}, {"title", L("section." + id)}});
        return sections.back();
    }
    Json countTile(const std::string& key, std::int64_t v) const {
        return {{"key", key}, {"label", L("tile." + key)}, {"format", "count"}, {"value", v}};
    }
    Json rateTile(const std::string& key, const rules::Rate& r, std::optional<int> target = {}) const {
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
    void tiles(Json list) { add("headline", "tiles")["tiles"] = std::move(list); }
    Json& table(const std::string& id, Json columns) {
        Json& t = add(id, "table");
        t["columns"] = std::move(columns);
        t["rows"] = Json::array();
        return t;
    }
    void pareto(const std::string& id, std::vector<std::pair<std::string, long long>> counts) {
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
};

std::vector<std::string> allCategories() {
    std::vector<std::string> out;
    for (const auto& [c, name] : domain::kNamesOfCategory)
        out.emplace_back(name);
    return out;
}

// Counts by one dimension of the complaints, as a table (total, valid, invalid) and as
// label/count pairs for a Pareto chart.
Status complaintBreakdown(Ctx& c, const std::string& id, const std::string& expr, const std::string& labelGroup,
                          const std::string& keyColumn, std::vector<std::pair<std::string, long long>>* pareto,
                          const std::vector<std::string>& order = {}) {
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

const std::string kCauseExpr = "CASE WHEN cause = '' THEN 'undecided' ELSE cause END";
const std::string kGradeExpr = "CAST(coalesce(grade, 0) AS TEXT)";

Json complaintRow(const Ctx& c, Statement& s, Instant asOf) {
    // id, category, state, handler, department, received, reply due, first reply, active due, open
    const auto due = s.optInt64(8);
    return {{"id", s.text(0)},
            {"category", c.L("category." + s.text(1))},
            {"state", c.L("state." + s.text(2))},
            {"handler", s.text(3).empty() ? c.L("value.none") : c.org.name(s.text(3))},
            {"department", c.departmentName(s.text(4))},
            {"received_at", time(s.optInt64(5))},
            {"due", time(due)},
            {"replied_at", time(s.optInt64(7))},
            {"replied_late", s.optInt64(7) && s.optInt64(6) && *s.optInt64(7) > *s.optInt64(6)},
            {"overdue", s.int64(9) == 1 && due && *due < toEpochMs(asOf)}};
}

Json complaintColumns(const Ctx& c) {
    return Json::array({c.column("id", "text"), c.column("received_at", "time"), c.column("category", "text"),
                        c.column("state", "text"), c.column("handler", "text"), c.column("department", "text"),
                        c.column("due", "time"), c.column("replied_at", "time"), c.column("replied_late", "bool"),
                        c.column("overdue", "bool")});
}

const std::string kComplaintListColumns =
    "SELECT id, category, state, handler_id, department_id, received_at, reply_due, first_replied_at, active_due, "
    "open FROM fact_complaints WHERE " + kCountedComplaints;
constexpr int kListLimit = 500;

// ---------------------------------------------------------------- the reports

Status weekly(Ctx& c) {
    const Window w = c.window();
    auto totals = complaintTotals(c.db, c.scope, w);
    if (!totals)
        return totals.error();
    const Filter f = filterFor(c.scope, "community_id", "department_id");
    const std::string& a = kAsOf;
    std::int64_t openNow = 0, overdueNow = 0;
    CY_TRY(each(c.db,
                "SELECT count(*), " + cnt("active_due < " + a) +
                    " FROM fact_complaints WHERE " + kCountedComplaints + " AND open = 1" + f.sql,
                w.params() + f.params, [&](Statement& s) { openNow = s.int64(0), overdueNow = s.int64(1); }));
    c.tiles({c.countTile("received", totals->total), c.countTile("open", openNow), c.countTile("overdue", overdueNow),
             c.countTile("replied_late", totals->repliedLate), c.countTile("escalated", totals->escalated)});

    Json& week = c.table("complaints", complaintColumns(c));
    CY_TRY(each(c.db,
                kComplaintListColumns + " AND received_at >= " + kFrom +
                    " AND received_at < " + kTo + f.sql + " ORDER BY received_at, id LIMIT " +
                    n(kListLimit),
                w.params() + f.params, [&](Statement& s) { week["rows"].push_back(complaintRow(c, s, c.asOf)); }));

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
                    " ORDER BY created_at, id LIMIT " + n(kListLimit),
                w.params() + sf.params, [&](Statement& s) {
                    sheets["rows"].push_back({{"id", s.text(0)},
                                              {"created_at", time(s.optInt64(1))},
                                              {"subject", s.text(2)},
                                              {"level", c.L("level." + s.text(3))},
                                              {"department", c.departmentName(s.text(4))},
                                              {"state", c.L("sheet." + s.text(5))}});
                }));

    Json& open = c.table("open_now", complaintColumns(c));
    return each(c.db,
                kComplaintListColumns + " AND open = 1" + f.sql +
                    " ORDER BY active_due IS NULL, active_due, id LIMIT " + n(kListLimit),
                w.params() + f.params, [&](Statement& s) { open["rows"].push_back(complaintRow(c, s, c.asOf)); });
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
                kComplaintListColumns + " AND open = 1 AND received_at >= " + kFrom +
                    " AND received_at < " + kTo + f.sql +
                    " ORDER BY active_due IS NULL, active_due, id LIMIT " + n(kListLimit),
                w.params() + f.params, [&](Statement& st) { open["rows"].push_back(complaintRow(c, st, c.asOf)); }));

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

// The report's period and the n - 1 before it, oldest first.
std::vector<Period> lastPeriods(const Ctx& c, std::size_t n) {
    std::vector<Period> out{c.period};
    while (out.size() < n)
        out.insert(out.begin(), rules::previousPeriod(out.front(), c.rules.calendar));
    return out;
}

// One row per period (oldest first), each counted as of now.
Status periodTable(Ctx& c, const std::string& id, const std::vector<Period>& periods) {
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

// Causes of decided complaints only: "not decided" is not a cause.
void causePareto(Ctx& c, std::vector<std::pair<std::string, long long>> causes) {
    const std::string undecided = c.L("cause.undecided");
    std::erase_if(causes, [&](const auto& p) { return p.first == undecided; });
    c.pareto("pareto_cause", std::move(causes));
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

// Satisfaction per category against the target, as bars and as a table.
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

Status annualComplaints(Ctx& c) {
    const Window w = c.window();
    auto totals = complaintTotals(c.db, c.scope, w);
    if (!totals)
        return totals.error();
    auto sugg = suggestionStats(c.db, c.scope, w, "");
    if (!sugg)
        return sugg.error();
    c.tiles({c.countTile("received", totals->total), c.countTile("valid", totals->valid),
             c.countTile("invalid", totals->invalid), c.rateTile("on_time_reply", totals->onTime, 100),
             c.rateTile("visit_rate", totals->visit, 100), c.countTile("escalated", totals->escalated),
             c.countTile("serious", totals->serious), c.countTile("open", totals->open),
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
    return {};
}

// The annual survey: every annual campaign that started in the period and reaches the scope,
// its sample and answers restricted to the scope's households, scored by rules::scoreSurvey
// (one answer per household, households outside the sample ignored). Several campaigns are
// pooled; the return-rate penalty applies to the pooled return rate.
Status annualSurvey(Ctx& c) {
    std::vector<domain::SurveyCampaign> campaigns;
    CY_TRY(each(c.db, "SELECT body FROM records WHERE type = 'survey_campaign' AND deleted = 0 ORDER BY id", {},
                [&](Statement& s) {
                    auto j = parseJson(s.text(0));
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
        CY_TRY(each(c.db, "SELECT id FROM records WHERE type = 'unit' AND deleted = 0" + f.sql, f.params,
                    [&](Statement& s) { scopeUnits.insert(s.text(0)); }));
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
                    "SELECT r.id, r.unit_id, r.answered_at, s.category, s.score FROM fact_survey_responses r "
                    "JOIN fact_survey_scores s ON s.response_id = r.id WHERE r.campaign_id = :campaign AND r.answered = 1",
                    {{":campaign", camp.id}}, [&](Statement& s) {
                        if (!inScope(s.text(1)))
                            return;
                        auto& r = responses[s.text(0)];
                        r.id = s.text(0);
                        r.campaignId = camp.id;
                        r.unitId = s.text(1);
                        r.answeredAt = fromEpochMs(s.int64(2));
                        domain::Category cat{};
                        if (fromString(s.text(3), cat))
                            r.scores[cat] = int(s.int64(4));
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

Status inspections(Ctx& c) {
    const Window w = c.window();
    const std::string range = " >= " + kFrom + " AND {col} < " + kTo;
    auto between = [&](const std::string& col) {
        std::string r = range;
        r.replace(r.find("{col}"), 5, col);
        return col + r;
    };
    const Filter fi = filterFor(c.scope, "community_id", kInspectionDepartment);
    const Filter fp = filterFor(c.scope, "community_id", kPatrolDepartment);

    std::int64_t graded = 0, passed = 0;
    Json& items = c.table("items", Json::array({c.column("template", "text"), c.column("item", "text"),
                                                c.column("graded", "count"), c.column("passed", "count"),
                                                c.column("pass_rate", "percent"), c.column("findings", "count")}));
    CY_TRY(each(c.db,
                "SELECT template_id, item_id, max(item_title), count(*), sum(pass), sum(finding) FROM "
                "fact_inspection_items WHERE " +
                    between("submitted_at") + fi.sql + " GROUP BY template_id, item_id ORDER BY template_id, item_id",
                w.params() + fi.params, [&](Statement& s) {
                    graded += s.int64(3), passed += s.int64(4);
                    items["rows"].push_back({{"template", c.org.name(s.text(0))},
                                             {"item", s.text(2).empty() ? s.text(1) : s.text(2)},
                                             {"graded", s.int64(3)},
                                             {"passed", s.int64(4)},
                                             {"pass_rate", percentOf(s.int64(4), s.int64(3))},
                                             {"findings", s.int64(5)}});
                }));
    Json& staff = c.table("by_staff", Json::array({c.column("staff", "text"), c.column("inspections", "count"),
                                                   c.column("graded", "count"), c.column("passed", "count"),
                                                   c.column("pass_rate", "percent")}));
    CY_TRY(each(c.db,
                "SELECT subject_staff, count(DISTINCT inspection_id), count(*), sum(pass) FROM fact_inspection_items "
                "WHERE subject_staff <> '' AND " +
                    between("submitted_at") + fi.sql + " GROUP BY subject_staff ORDER BY subject_staff",
                w.params() + fi.params, [&](Statement& s) {
                    staff["rows"].push_back({{"staff", c.org.name(s.text(0))},
                                             {"inspections", s.int64(1)},
                                             {"graded", s.int64(2)},
                                             {"passed", s.int64(3)},
                                             {"pass_rate", percentOf(s.int64(3), s.int64(2))}});
                }));

    std::int64_t due = 0, onTime = 0, missed = 0;
    Json& routes = c.table("patrols", Json::array({c.column("route", "text"), c.column("rounds", "count"),
                                                   c.column("checkpoints", "count"), c.column("on_time", "count"),
                                                   c.column("late", "count"), c.column("missed", "count")}));
    CY_TRY(each(c.db,
                "SELECT route_id, count(DISTINCT round_id), count(*), " + cnt("status = 'on_time'") + ", " +
                    cnt("status = 'late'") + ", " + cnt("status = 'missed'") +
                    " FROM fact_patrol_checkpoints WHERE " + between("started_at") + fp.sql +
                    " GROUP BY route_id ORDER BY route_id",
                w.params() + fp.params, [&](Statement& s) {
                    due += s.int64(2), onTime += s.int64(3), missed += s.int64(5);
                    routes["rows"].push_back({{"route", c.org.name(s.text(0))},
                                              {"rounds", s.int64(1)},
                                              {"checkpoints", s.int64(2)},
                                              {"on_time", s.int64(3)},
                                              {"late", s.int64(4)},
                                              {"missed", s.int64(5)}});
                }));
    Json& miss = c.table("missed", Json::array({c.column("route", "text"), c.column("checkpoint", "text"),
                                                c.column("missed", "count")}));
    CY_TRY(each(c.db,
                "SELECT route_id, checkpoint_id, max(checkpoint_name), count(*) FROM fact_patrol_checkpoints WHERE "
                "status = 'missed' AND " +
                    between("started_at") + fp.sql +
                    " GROUP BY route_id, checkpoint_id ORDER BY count(*) DESC, route_id, checkpoint_id",
                w.params() + fp.params, [&](Statement& s) {
                    miss["rows"].push_back({{"route", c.org.name(s.text(0))},
                                            {"checkpoint", s.text(2)},
                                            {"missed", s.int64(3)}});
                }));

    auto rect = rectificationStats(c.db, c.scope, w, "");
    if (!rect)
        return rect.error();
    const auto r = (*rect)[""];
    Json& states = c.table("rectification_states", Json::array({c.column("state", "text"), c.column("count", "count")}));
    const Filter rf = filterFor(c.scope, "community_id", kRectificationDepartment);
    CY_TRY(each(c.db,
                "SELECT state, count(*) FROM fact_rectifications WHERE " + between("reported_at") + rf.sql +
                    " GROUP BY state ORDER BY state",
                w.params() + rf.params, [&](Statement& s) {
                    states["rows"].push_back({{"state", c.L("rect." + s.text(0))}, {"count", s.int64(1)}});
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
                                 c.countTile("raised", r.raised), c.countTile("developer", r.developer),
                                 c.countTile("second_round", r.secondRound), c.countTile("signed", r.signedByResident),
                                 c.rateTile("rectification_closure", r.closure())});
    c.tiles(std::move(headline));
    std::rotate(c.sections.begin(), c.sections.end() - 1, c.sections.end());
    return {};
}

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

using Builder = Status (*)(Ctx&);

struct Kind {
    std::string_view name;
    Builder build;
    // The period the kind covers by nature (rules::naturalGranularity, shared with the tablet).
    Granularity natural() const { return rules::naturalGranularity(name); }
};

constexpr Kind kKinds[] = {
    {"weekly", weekly},
    {"monthly", monthly},
    {"quarterly", quarterly},
    {"half_yearly", halfYearly},
    {"annual_complaints", annualComplaints},
    {"annual_survey", annualSurvey},
    {"inspections", inspections},
    {"kpi", kpi},
};

const Kind* findKind(std::string_view name) {
    for (const auto& k : kKinds)
        if (k.name == name)
            return &k;
    return nullptr;
}

store::SqliteRecordStore& sqlite(ReadUnit& u) { return *static_cast<store::SqliteRecordStore*>(u.nativeHandle()); }

// What the data is as of: the devices serving the scope, and the one that synced least recently.
Json freshness(ReadUnit& u, const Scope& scope) {
    Json out{{"devices", 0}, {"least_recent_sync", nullptr}};
    auto devices = u.devices();
    if (!devices)
        return out;
    int count = 0;
    const DeviceRow* oldest = nullptr;
    for (const auto& d : *devices) {
        if (d.revokedAt)
            continue;
        bool serves = scope.company;
        for (const auto& id : scope.communities)
            serves = serves || deviceServes(d, id);
        if (!serves)
            continue;
        ++count;
        auto seen = [](const DeviceRow& r) { return r.lastSeenAt.value_or(Instant{}); };
        if (!oldest || seen(d) < seen(*oldest))
            oldest = &d;
    }
    out["devices"] = count;
    if (oldest)
        out["least_recent_sync"] = {{"device", oldest->name},
                                    {"at", oldest->lastSeenAt ? Json(formatInstant(*oldest->lastSeenAt)) : Json()}};
    return out;
}

// Who may read which reports: managers everything, supervisors their department in the
// communities both they and their device serve.
struct Audience {
    bool everything = false;
    std::string department;
    std::vector<std::string> communities;
};

Result<Audience> audienceOf(ReadUnit& u, const DeviceRow& device, const std::string& staffId) {
    if (sync::isKiosk(device.role))
        return permissionDenied("a kiosk does not read reports");
    auto actor = resolveActor(u, device, staffId);
    if (!actor)
        return actor.error();
    Audience a;
    switch (auth::reportReach(*actor)) {
    case auth::ReportReach::Everything:
        a.everything = true;
        return a;
    case auth::ReportReach::None:
        if (actor->role == domain::Role::Supervisor)
            return permissionDenied(actor->name + " heads no department, so there is no report to read");
        return permissionDenied("reports are for supervisors and managers; " + actor->name + " is " +
                                std::string(enumName(actor->role)));
    case auth::ReportReach::OwnDepartment:
        break;
    }
    auto rec = u.get(actor->staffId);
    if (!rec)
        return rec.error();
    auto staff = decodeJson<domain::Staff>((*rec)->body);
    if (!staff)
        return staff.error();
    a.department = actor->departmentId;
    for (const auto& c : device.communityIds)
        if (domain::servesCommunity(*staff, c))
            a.communities.push_back(c);
    return a;
}


// Whether the audience may read the report of this scope (their department was settled before).
Status mayRead(const Audience& audience, const Scope& scope) {
    if (audience.everything)
        return {};
    const auto& mine = audience.communities;
    const bool allMine =
        !scope.company && std::all_of(scope.communities.begin(), scope.communities.end(), [&](const std::string& id) {
            return std::find(mine.begin(), mine.end(), id) != mine.end();
        });
    if (allMine)
        return {};
    return permissionDenied("a supervisor reads reports of the communities they serve; " +
                            (scope.company ? std::string("the whole company") : scope.kind + " '" + scope.id + "'") +
                            " is not one of them");
}

// The report; with an audience, only if they may read its scope.
Result<Json> build(ReadUnit& u, const ReportRequest& request, Instant now, const Audience* audience) {
    const Kind* kind = findKind(request.kind);
    if (!kind)
        return notFound("no such report '" + request.kind + "'; reports: weekly, monthly, quarterly, half_yearly, "
                        "annual_complaints, annual_survey, inspections, kpi");
    auto& db = sqlite(u).database();
    auto org = loadOrg(db);
    if (!org)
        return org.error();
    auto scope = resolveScope(*org, request);
    if (!scope)
        return scope.error();
    if (audience)
        CY_TRY(mayRead(*audience, *scope));
    // Periods are calendar periods of the scope's (first community's) zone and calendar.
    RulesCache cache;
    const auto communityRules = cache.get(u, scope->communities.empty() ? std::string() : scope->communities.front(), now);
    Period period;
    if (request.period.empty()) {
        period = rules::periodContaining(kind->natural(), now, communityRules->calendar);
    } else {
        auto p = rules::parsePeriod(request.period, communityRules->calendar);
        if (!p)
            return p.error();
        period = *p;
    }
    Ctx c{db, *org, *scope, period, *communityRules, now, request.lang, {}};
    CY_TRY(kind->build(c));

    Json scopeJson{{"kind", scope->kind}, {"id", scope->id}, {"name", scope->name}};
    if (!scope->department.empty()) {
        scopeJson["department_id"] = scope->department;
        scopeJson["department_name"] = scope->departmentName;
    }
    return Json{{"kind", kind->name},
                {"title", label("title." + std::string(kind->name), request.lang)},
                {"scope", scopeJson},
                {"period",
                 {{"label", period.label},
                  {"from", formatInstant(period.from)},
                  {"to", formatInstant(period.to)},
                  {"time_zone", communityRules->calendar.zoneName()}}},
                {"as_of", formatInstant(now)},
                {"lang", request.lang == Lang::Zh ? "zh" : "en"},
                {"data", freshness(u, *scope)},
                {"target", communityRules->policy.qualityTarget},
                {"sections", Json(std::vector<Json>(std::make_move_iterator(c.sections.begin()),
                                                    std::make_move_iterator(c.sections.end())))}};
}

} // namespace

const std::vector<std::string>& reportKinds() {
    static const std::vector<std::string> kinds = [] {
        std::vector<std::string> out;
        for (const auto& k : kKinds)
            out.emplace_back(k.name);
        return out;
    }();
    return kinds;
}

Result<Json> ReportService::compute(const ReportRequest& request) {
    const Instant now = m_clock();
    Json out;
    CY_TRY(m_storage.read([&](ReadUnit& u) -> Status {
        auto r = build(u, request, now, nullptr);
        if (!r)
            return r.error();
        out = std::move(*r);
        return {};
    }));
    return out;
}

Result<Json> ReportService::report(const DeviceRow& device, const std::string& staffId, ReportRequest request) {
    const Instant now = m_clock();
    Json out;
    CY_TRY(m_storage.read([&](ReadUnit& u) -> Status {
        auto audience = audienceOf(u, device, staffId);
        if (!audience)
            return audience.error();
        if (!audience->everything) {
            if (request.department.empty())
                request.department = audience->department;
            if (request.department != audience->department)
                return permissionDenied("a supervisor reads the reports of their own department (" +
                                        audience->department + "), not of '" + request.department + "'");
        }
        auto r = build(u, request, now, &*audience);
        if (!r)
            return r.error();
        out = std::move(*r);
        return {};
    }));
    return out;
}

Result<Json> ReportService::catalogue(const DeviceRow& device, const std::string& staffId, Lang lang) {
    Json out;
    CY_TRY(m_storage.read([&](ReadUnit& u) -> Status {
        auto audience = audienceOf(u, device, staffId);
        if (!audience)
            return audience.error();
        auto org = loadOrg(sqlite(u).database());
        if (!org)
            return org.error();
        Json kinds = Json::array();
        for (const auto& k : kKinds) {
            kinds.push_back({{"kind", k.name},
                             {"title", label("title." + std::string(k.name), lang)},
                             {"natural_period", rules::granularityName(k.natural())}});
        }
        auto mine = [&](const std::string& id) {
            return audience->everything ||
                   std::find(audience->communities.begin(), audience->communities.end(), id) !=
                       audience->communities.end();
        };
        Json communities = Json::array(), offices = Json::array(), departments = Json::array();
        std::map<std::string, bool> officeWhole;
        for (const auto& c : org->communities) {
            if (mine(c.id))
                communities.push_back({{"id", c.id}, {"name", c.name}, {"office_id", c.officeId}});
            auto [it, fresh] = officeWhole.emplace(c.officeId, true);
            it->second = it->second && mine(c.id);
        }
        for (const auto& [id, name] : org->offices)
            if (officeWhole.count(id) ? officeWhole[id] : audience->everything)
                offices.push_back({{"id", id}, {"name", name}});
        for (const auto& [id, name] : org->departments)
            if (audience->everything || id == audience->department)
                departments.push_back({{"id", id}, {"name", name}});
        out = {{"kinds", kinds},
               {"communities", communities},
               {"offices", offices},
               {"departments", departments},
               {"company", audience->everything},
               {"department_fixed", !audience->everything}};
        return {};
    }));
    return out;
}

// ---------------------------------------------------------------- CSV

namespace {

std::string csvField(const Json& v) {
    std::string s;
    if (v.is_null())
        s = "";
    else if (v.is_string())
        s = v.get<std::string>();
    else if (v.is_boolean())
        s = v.get<bool>() ? "1" : "0";
    else if (v.is_number_float()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v.get<double>());
        s = buf;
    } else
        s = v.dump();
    // A name typed on a device must not become a spreadsheet formula.
    if (v.is_string() && !s.empty() && std::string_view("=+-@").find(s.front()) != std::string_view::npos)
        s.insert(s.begin(), '\'');
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char ch : s) {
        if (ch == '"')
            q += '"';
        q += ch;
    }
    return q + "\"";
}

void csvLine(std::string& out, const std::vector<Json>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        out += csvField(fields[i]);
    }
    out += "\r\n";
}

} // namespace

std::string toCsv(const Json& report) {
    const Lang lang = report.value("lang", "en") == "zh" ? Lang::Zh : Lang::En;
    auto L = [&](std::string_view key) { return Json(label(key, lang)); };
    std::string out = "\xEF\xBB\xBF";
    csvLine(out, {report.value("title", ""), report["scope"].value("name", ""), report["period"].value("label", ""),
                  report.value("as_of", "")});
    out += "\r\n";
    for (const auto& s : report["sections"]) {
        const std::string kind = s.value("kind", "");
        csvLine(out, {s.value("title", "")});
        if (kind == "tiles") {
            for (const auto& t : s["tiles"])
                csvLine(out, {t.value("label", ""), t["value"]});
        } else if (kind == "table") {
            std::vector<Json> header;
            for (const auto& col : s["columns"])
                header.push_back(col["label"]);
            csvLine(out, header);
            auto row = [&](const Json& r) {
                std::vector<Json> fields;
                for (const auto& col : s["columns"])
                    fields.push_back(r.value(col.value("key", ""), Json()));
                csvLine(out, fields);
            };
            for (const auto& r : s["rows"])
                row(r);
            if (s.contains("total"))
                row(s["total"]);
        } else if (kind == "pareto") {
            csvLine(out, {L("col.entry"), L("col.count"), L("col.percent"), L("col.cumulative_percent"),
                          L("col.vital_few")});
            for (const auto& r : s["rows"])
                csvLine(out, {r["label"], r["count"], r["percent"], r["cumulative_percent"], r["vital_few"]});
        } else if (kind == "bars") {
            csvLine(out, {L("col.entry"), L("col.value"), L("col.target"), L("col.below_target")});
            for (const auto& b : s["bars"])
                csvLine(out, {b["label"], b["value"], s["target"], b["below_target"]});
        }
        out += "\r\n";
    }
    return out;
}

} // namespace courtyard::server::reports
