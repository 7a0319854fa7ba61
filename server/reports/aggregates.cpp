#include "server/reports/aggregates.h"

namespace courtyard::server::reports {

namespace {
std::string group(const std::string& groupExpr) {
    return (groupExpr.empty() ? std::string("''") : groupExpr) + " AS grp";
}
} // namespace

void ComplaintStats::add(const ComplaintStats& o) {
    total += o.total, valid += o.valid, invalid += o.invalid, undecided += o.undecided, open += o.open;
    overdue += o.overdue, repliedLate += o.repliedLate, escalated += o.escalated, serious += o.serious;
    onTime.numerator += o.onTime.numerator, onTime.denominator += o.onTime.denominator;
    visit.numerator += o.visit.numerator, visit.denominator += o.visit.denominator;
}

Result<std::map<std::string, ComplaintStats>> complaintStats(ReportDb& db, const Scope& scope,
                                                             const Window& w, const std::string& groupExpr) {
    const std::string& a = kAsOf;
    const Filter f = filterFor(scope, "community_id", "department_id");
    const std::string sql =
        "SELECT " + group(groupExpr) + ", count(*) AS total, " + cnt(kValid) + " AS valid, " +
        cnt("validity = 'invalid'") + " AS invalid, " + cnt("validity = 'undecided'") + " AS undecided, " +
        cnt("open = 1") + " AS open_count, " + cnt("open = 1 AND active_due < " + a) + " AS overdue, " +
        cnt("first_replied_at > reply_due") + " AS replied_late, " + cnt("escalated = 1") + " AS escalated_count, " +
        cnt("grade >= :serious_grade") + " AS serious, " +
        cnt(kValid + " AND reply_due IS NOT NULL AND (first_replied_at <= " + a + " OR " + a + " > reply_due)") +
        " AS reply_counted, " +
        cnt(kValid + " AND reply_due IS NOT NULL AND first_replied_at <= " + a +
            " AND first_replied_at <= reply_due") +
        " AS reply_on_time, " +
        cnt(kValid + " AND visit_due IS NOT NULL AND replied_at IS NOT NULL AND (first_visit_at <= " + a + " OR " +
            a + " > visit_due)") +
        " AS visit_counted, " +
        cnt(kValid + " AND visit_due IS NOT NULL AND replied_at IS NOT NULL AND first_visit_at <= " + a +
            " AND first_visit_at <= visit_due") +
        " AS visit_on_time FROM fact_complaints WHERE " + kCountedComplaints + " AND received_at >= " + kFrom +
        " AND received_at < " + kTo + f.sql + " GROUP BY 1";
    std::map<std::string, ComplaintStats> out;
    CY_TRY(each(db, sql, w.params() + f.params, [&](const Row& r) {
        auto& st = out[r.text("grp")];
        st.total = r.int64("total"), st.valid = r.int64("valid"), st.invalid = r.int64("invalid");
        st.undecided = r.int64("undecided"), st.open = r.int64("open_count"), st.overdue = r.int64("overdue");
        st.repliedLate = r.int64("replied_late"), st.escalated = r.int64("escalated_count"), st.serious = r.int64("serious");
        st.onTime = {r.int64("reply_on_time"), r.int64("reply_counted")};
        st.visit = {r.int64("visit_on_time"), r.int64("visit_counted")};
    }));
    return out;
}

Result<ComplaintStats> complaintTotals(ReportDb& db, const Scope& scope, const Window& w) {
    auto m = complaintStats(db, scope, w, "");
    if (!m)
        return m.error();
    return (*m)[""];
}

Result<std::map<std::string, SuggestionStats>> suggestionStats(ReportDb& db, const Scope& scope,
                                                               const Window& w, const std::string& groupExpr) {
    const std::string& a = kAsOf;
    const Filter f = filterFor(scope, "community_id", departmentOf("handler_id", db.dialect()));
    const std::string sql =
        "SELECT " + group(groupExpr) + ", count(*) AS total, " + cnt("replied_at IS NOT NULL") + " AS replied, " +
        cnt("adopted = 1") + " AS adopted_count, " + cnt("adopted = 0") + " AS not_adopted, " +
        cnt("reply_due IS NOT NULL AND (replied_at <= " + a + " OR " + a + " > reply_due)") + " AS reply_counted, " +
        cnt("reply_due IS NOT NULL AND replied_at <= " + a + " AND replied_at <= reply_due") +
        " AS reply_on_time FROM fact_suggestions WHERE state <> :cancelled_suggestion AND received_at >= " + kFrom +
        " AND received_at < " + kTo + f.sql + " GROUP BY 1";
    std::map<std::string, SuggestionStats> out;
    CY_TRY(each(db, sql, w.params() + f.params, [&](const Row& r) {
        auto& st = out[r.text("grp")];
        st.total = r.int64("total"), st.replied = r.int64("replied"), st.adopted = r.int64("adopted_count");
        st.notAdopted = r.int64("not_adopted");
        st.reply = {r.int64("reply_on_time"), r.int64("reply_counted")};
    }));
    return out;
}

Result<std::map<std::string, std::map<std::string, CategorySatisfaction>>>
satisfaction(ReportDb& db, const Scope& scope, const Window& w, const std::string& groupExpr,
             int satisfiedScore) {
    const Filter f = filterFor(scope, "r.community_id");
    const std::string sql =
        "SELECT " + group(groupExpr) + ", s.category AS category, count(*) AS answers, " +
        cnt("s.score >= :satisfied") +
        " AS satisfied, sum(s.score) AS score_sum FROM fact_survey_responses r "
        "JOIN fact_survey_scores s ON s.response_id = r.id WHERE r.answered = 1 AND r.answered_at >= " +
        kFrom + " AND r.answered_at < " + kTo + f.sql +
        " AND NOT EXISTS (SELECT 1 FROM fact_survey_responses l WHERE l.campaign_id = r.campaign_id AND "
        "l.unit_id = r.unit_id AND l.answered = 1 AND (l.answered_at > r.answered_at OR "
        "(l.answered_at = r.answered_at AND l.id > r.id))) GROUP BY 1, 2";
    std::map<std::string, std::map<std::string, CategorySatisfaction>> out;
    CY_TRY(each(db, sql, w.params() + f.params + Params{{":satisfied", std::int64_t{satisfiedScore}}},
                [&](const Row& r) {
                    out[r.text("grp")][r.text("category")] = {r.int64("answers"), r.int64("satisfied"),
                                                              r.int64("score_sum")};
                }));
    return out;
}

Result<std::map<std::string, RectificationStats>> rectificationStats(ReportDb& db, const Scope& scope,
                                                                     const Window& w, const std::string& groupExpr) {
    const Filter f = filterFor(scope, "community_id", rectificationDepartment(db.dialect()));
    const std::string sql =
        "SELECT " + group(groupExpr) + ", count(*) AS raised, " + cnt("state = 'accepted'") + " AS accepted_count, " +
        cnt("signed = 1") + " AS signed_count, " + cnt("developer = 1") + " AS developer_count, " + cnt("rounds >= 2") +
        " AS second_round, " + cnt("state NOT IN ('accepted', 'cancelled')") + " AS open_count, " +
        cnt("state <> 'cancelled'") + " AS not_cancelled FROM fact_rectifications WHERE reported_at >= " + kFrom +
        " AND reported_at < " + kTo + f.sql + " GROUP BY 1";
    std::map<std::string, RectificationStats> out;
    CY_TRY(each(db, sql, w.params() + f.params, [&](const Row& r) {
        auto& st = out[r.text("grp")];
        st.raised = r.int64("raised"), st.accepted = r.int64("accepted_count"), st.signedByResident = r.int64("signed_count");
        st.developer = r.int64("developer_count"), st.secondRound = r.int64("second_round"), st.open = r.int64("open_count");
        st.notCancelled = r.int64("not_cancelled");
    }));
    return out;
}

} // namespace courtyard::server::reports
