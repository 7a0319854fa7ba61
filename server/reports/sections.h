#pragma once
// The section builder every report uses (Ctx: tiles, tables, Pareto and bar sections of
// docs/reports.md, with the report's language), and the sections several reports share: a
// breakdown of complaints by one dimension, the complaint list, a table per period, the Pareto
// of causes and satisfaction against the target.

#include "server/reports/aggregates.h"
#include "server/reports/labels.h"
#include "shared/rules/period.h"
#include "shared/rules/derive.h"

#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace courtyard::server::reports {

double round1(double v);
// A rate as a percentage with one decimal; null when nothing was counted.
Json percentOf(const rules::Rate& r);
Json percentOf(std::int64_t num, std::int64_t den);
// An instant (milliseconds) as RFC 3339; null when absent.
Json timeOf(std::optional<std::int64_t> ms);

// One report being built: what it reads and the sections it has so far.
struct Ctx {
    ReportDb& db;
    const Org& org;
    const Scope& scope;
    const rules::Period& period;
    const rules::RuleContext& rules;
    Instant asOf;
    Lang lang;
    // A deque: a reference to a section stays valid while later sections are added.
    std::deque<Json> sections;

    std::string L(std::string_view key) const { return label(key, lang); }
    Window window() const { return {period.from, period.to, asOf}; }
    std::string departmentName(const std::string& id) const;
    std::string communityName(const std::string& id) const;

    Json column(const std::string& key, std::string_view format) const;
    Json& add(const std::string& id, std::string_view kind);
    Json countTile(const std::string& key, std::int64_t v) const;
    Json rateTile(const std::string& key, const rules::Rate& r, std::optional<int> target = {}) const;
    void tiles(Json list);
    Json& table(const std::string& id, Json columns);
    void pareto(const std::string& id, std::vector<std::pair<std::string, long long>> counts);
};

// The eight categories in the domain's order.
std::vector<std::string> allCategories();

// Counts by one dimension of the complaints, as a table (total, valid, invalid) and as
// label/count pairs for a Pareto chart.
Status complaintBreakdown(Ctx& c, const std::string& id, const std::string& expr, const std::string& labelGroup,
                          const std::string& keyColumn, std::vector<std::pair<std::string, long long>>* pareto,
                          const std::vector<std::string>& order = {});
inline const std::string kCauseExpr = "CASE WHEN cause = '' THEN 'undecided' ELSE cause END";
inline const std::string kGradeExpr = "CAST(coalesce(grade, 0) AS TEXT)";

// The complaint list: its columns, its SELECT (the counted complaints; callers add conditions)
// and one row.
Json complaintColumns(const Ctx& c);
std::string complaintListSql();
Json complaintRow(const Ctx& c, const Row& r);
inline constexpr int kListLimit = 500;

// The report's period and the n - 1 before it, oldest first.
std::vector<rules::Period> lastPeriods(const Ctx& c, std::size_t n);
// One row per period (oldest first), each counted as of now.
Status periodTable(Ctx& c, const std::string& id, const std::vector<rules::Period>& periods);
// Causes of decided complaints only: "not decided" is not a cause.
void causePareto(Ctx& c, std::vector<std::pair<std::string, long long>> causes);
// Satisfaction per category against the target, as bars and as a table.
void satisfactionSections(Ctx& c, const std::map<std::string, CategorySatisfaction>& cats);

} // namespace courtyard::server::reports
