#include "server/reports/report_sql.h"

#include "shared/domain/suggestion.h"
#include "shared/rules/grading.h"
#include "shared/rules/review.h"

namespace courtyard::server::reports {

namespace {

// A row of a SQLite statement.
class SqliteRow final : public Row {
public:
    explicit SqliteRow(store::Statement& s) : m_s(s) {}
    std::string text(std::string_view column) const override { return m_s.text(index(column)); }
    std::int64_t int64(std::string_view column) const override { return m_s.int64(index(column)); }
    std::optional<std::int64_t> optInt64(std::string_view column) const override {
        return m_s.optInt64(index(column));
    }

private:
    int index(std::string_view column) const {
        const int i = m_s.columnIndex(column);
        if (i < 0)
            throw MissingColumn("report query has no column '" + std::string(column) + "'");
        return i;
    }
    store::Statement& m_s;
};

} // namespace

Params operator+(Params a, const Params& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Status SqliteReportDb::each(const std::string& sql, const Params& params,
                            const std::function<void(const Row&)>& row) {
    auto s = m_db.prepare(sql);
    if (!s)
        return s.error();
    for (const auto& [name, value] : params)
        if (const int index = s->parameterIndex(name); index > 0)
            std::visit([&](const auto& v) { s->bind(index, v); }, value);
    const SqliteRow r(*s);
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

std::string jsonText(std::string_view column, std::string_view key, Dialect d) {
    // records.body is text on PostgreSQL. Replacing the escape keeps the body valid JSON, also
    // after an escaped backslash; a text that itself reads \u0000 (a backslash, then u0000)
    // then reads \ufffd, unlike on SQLite.
    if (d == Dialect::Postgres)
        return "(replace(" + std::string(column) + ", '\\u0000', '\\ufffd')::jsonb ->> '" + std::string(key) + "')";
    return "json_extract(" + std::string(column) + ", '$." + std::string(key) + "')";
}

std::string departmentOf(const std::string& staffColumn, Dialect d) {
    return "(SELECT " + jsonText("body", "department_id", d) + " FROM records WHERE id = " + staffColumn + ")";
}

std::string inspectionDepartment(Dialect d) {
    return departmentOf("coalesce(nullif(subject_staff, ''), inspector_id)", d);
}
std::string patrolDepartment(Dialect d) { return departmentOf("guard_id", d); }
std::string rectificationDepartment(Dialect d) {
    return "CASE WHEN found_by_department_id <> '' THEN found_by_department_id ELSE " + departmentOf("recorded_by", d) +
           " END";
}

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
