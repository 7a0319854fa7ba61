#pragma once
// What the complaint reviews count, one definition for the department head's weekly review on
// the tablet and the server's reports (weekly, monthly, quarterly, annual).
//
// The reviews read complaint records (顾客投诉处理记录表) and transfer sheets. Two kinds of record
// share the complaint form but are not complaints to review:
//  - repair requests: a resident asking for a repair is asking for a service, not reporting a
//    failure of the company; the request is engineering's work order and is followed there
//    (the satisfaction survey's "repairs" category measures it), so it does not swell a
//    department's complaint count or its on-time figures;
//  - cancelled records: withdrawn by the resident or entered twice or in error; there is nothing
//    left to handle, reply to or visit, so nothing to review.

#include "shared/domain/complaint.h"
#include "shared/domain/transfer_sheet.h"

#include <string_view>
#include <vector>

namespace courtyard::rules {

// The report SQL binds these (fact_complaints.kind, .state); countsAsComplaint() is the rule.
inline constexpr domain::ComplaintKind kReviewedComplaintKind = domain::ComplaintKind::Complaint;
inline constexpr domain::ComplaintState kUnreviewedComplaintState = domain::ComplaintState::Cancelled;

// A complaint proper that was not cancelled.
bool countsAsComplaint(const domain::Complaint& c);

// A department reviews the complaints it handles and the transfer sheets it sent or was
// assigned.
bool belongsToDepartment(const domain::Complaint& c, std::string_view departmentId);
bool belongsToDepartment(const domain::TransferSheet& s, std::string_view departmentId);

// What a department head's weekly review read: the department's counted complaints received
// and its transfer sheets written in [from, to) (the week of rules::periodContaining).
struct WeeklyReviewCounts {
    int complaints = 0;
    int transferSheets = 0;
};
WeeklyReviewCounts weeklyReviewCounts(const std::vector<domain::Complaint>& complaints,
                                      const std::vector<domain::TransferSheet>& sheets,
                                      std::string_view departmentId, Instant from, Instant to);

} // namespace courtyard::rules
