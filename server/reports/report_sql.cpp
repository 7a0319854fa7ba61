#include "server/reports/report_sql.h"

#include "shared/domain/suggestion.h"
#include "shared/rules/grading.h"
#include "shared/rules/review.h"

#include <stdexcept>

namespace courtyard::server::reports {

namespace {
// Thrown by Row for a column the query does not select; each() turns it into Internal.
struct MissingColumn : std::logic_error {
    using std::logic_error::logic_error;
};
} // namespace

Params operator+(Params a, const Params& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

int Row::index(std::string_view column) const {
    const int i = m_s.columnIndex(column);
    if (i < 0)
        throw MissingColumn("report query has no column '" + std::string(column) + "'");
    return i;
}

std::string Row::text(std::string_view column) const { return m_s.text(index(column)); }
std::int64_t Row::int64(std::string_view column) const { return m_s.int64(index(column)); }
std::optional<std::int64_t> Row::optInt64(std::string_view column) const { return m_s.optInt64(index(column)); }

Status each(store::Database& db, const std::string& sql, const Params& params,
            const std::function<void(const Row&)>& row) {
    auto s = db.prepare(sql);
    if (!s)
        return s.error();
    for (const auto& [name, value] : params)
        if (const int index = s->parameterIndex(name); index > 0)
            std::visit([&](const auto& v) { s->bind(index, v); }, value);
    const Row r(*s);
    while (true) {
        auto more = s->step();
        if (!more)
            return more.error();
        if (!*more)
            return {};
        try {
            row(r);
        } catch (const MissingColumn& e) {
            return internalError(e.what());
        }
    }
}

Filter filterFor(const Scope& s, std::string_view communityColumn, std::string_view departmentExpr) {
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

std::string departmentOf(const std::string& staffColumn) {
    return "(SELECT json_extract(body, '$.department_id') FROM records WHERE id = " + staffColumn + ")";
}

const std::string kInspectionDepartment = departmentOf("coalesce(nullif(subject_staff, ''), inspector_id)");
const std::string kPatrolDepartment = departmentOf("guard_id");
const std::string kRectificationDepartment =
    "CASE WHEN found_by_department_id <> '' THEN found_by_department_id ELSE " + departmentOf("recorded_by") + " END";

std::string cnt(const std::string& cond) { return "sum(CASE WHEN " + cond + " THEN 1 ELSE 0 END)"; }

Params Window::params() const {
    return {{":from", toEpochMs(from)},
            {":to", toEpochMs(to)},
            {":as_of", toEpochMs(asOf)},
            {":reviewed_kind", std::string(enumName(rules::kReviewedComplaintKind))},
            {":unreviewed_state", std::string(enumName(rules::kUnreviewedComplaintState))},
            {":valid", std::string(enumName(domain::Validity::Valid))},
            {":serious_grade", std::int64_t{rules::kSeriousGrade}},
            {":cancelled_suggestion", std::string(enumName(domain::SuggestionState::Cancelled))}};
}

} // namespace courtyard::server::reports
