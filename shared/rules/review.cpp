#include "shared/rules/review.h"

namespace courtyard::rules {

bool countsAsComplaint(const domain::Complaint& c) {
    return c.kind == kReviewedComplaintKind && c.state != kUnreviewedComplaintState;
}

bool belongsToDepartment(const domain::Complaint& c, std::string_view departmentId) {
    return c.departmentId == departmentId;
}

bool belongsToDepartment(const domain::TransferSheet& s, std::string_view departmentId) {
    return s.fromDepartmentId == departmentId || s.assignedDepartmentId == departmentId;
}

WeeklyReviewCounts weeklyReviewCounts(const std::vector<domain::Complaint>& complaints,
                                      const std::vector<domain::TransferSheet>& sheets,
                                      std::string_view departmentId, Instant from, Instant to) {
    WeeklyReviewCounts out;
    for (const auto& c : complaints)
        out.complaints += countsAsComplaint(c) && belongsToDepartment(c, departmentId) && c.receivedAt >= from &&
                          c.receivedAt < to;
    for (const auto& s : sheets)
        out.transferSheets += belongsToDepartment(s, departmentId) && s.createdAt >= from && s.createdAt < to;
    return out;
}

} // namespace courtyard::rules
