#pragma once
// The aggregate queries the reports are built from, over the report facts (facts.h): complaint
// counts and rates, suggestion replies, satisfaction per category, rectification, each grouped
// by a SQL expression ("" for one group). The rates are the shared rules' (rules/analysis.h)
// written as SQL, with the rules' constants bound (report_sql.h).

#include "server/reports/report_sql.h"
#include "shared/rules/analysis.h"

#include <map>
#include <string>

namespace courtyard::server::reports {

struct ComplaintStats {
    std::int64_t total = 0, valid = 0, invalid = 0, undecided = 0, open = 0, overdue = 0, repliedLate = 0,
                 escalated = 0, serious = 0;
    rules::Rate onTime, visit;
    void add(const ComplaintStats& o);
};

// Complaints (rules::countsAsComplaint) received in the window, grouped by `groupExpr`. The
// on-time and visit rates are rules::onTimeReplyRate and rules::visitRate as of the window's
// asOf; serious is rules::isSerious.
Result<std::map<std::string, ComplaintStats>> complaintStats(ReportDb& db, const Scope& scope,
                                                             const Window& w, const std::string& groupExpr);
Result<ComplaintStats> complaintTotals(ReportDb& db, const Scope& scope, const Window& w);

struct SuggestionStats {
    std::int64_t total = 0, replied = 0, adopted = 0, notAdopted = 0;
    rules::Rate reply;
};

// rules::suggestionReplyRate as SQL. A department's suggestions are those its staff handle.
Result<std::map<std::string, SuggestionStats>> suggestionStats(ReportDb& db, const Scope& scope,
                                                               const Window& w, const std::string& groupExpr);

struct CategorySatisfaction {
    std::int64_t answers = 0, satisfied = 0, scoreSum = 0;
};

// Answers of the questionnaires answered in the window, the latest per household and survey
// (as rules::scoreSurvey counts them), per group and category. No return-rate penalty here:
// that belongs to one survey's sample (the annual report applies it).
Result<std::map<std::string, std::map<std::string, CategorySatisfaction>>>
satisfaction(ReportDb& db, const Scope& scope, const Window& w, const std::string& groupExpr,
             int satisfiedScore);

struct RectificationStats {
    std::int64_t raised = 0, accepted = 0, signedByResident = 0, developer = 0, secondRound = 0, open = 0,
                 notCancelled = 0;
    rules::Rate closure() const { return {accepted, notCancelled}; }
};

Result<std::map<std::string, RectificationStats>> rectificationStats(ReportDb& db, const Scope& scope,
                                                                     const Window& w, const std::string& groupExpr);

} // namespace courtyard::server::reports
