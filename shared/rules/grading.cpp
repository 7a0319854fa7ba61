#include "shared/rules/grading.h"

#include "shared/rules/deadlines.h"

namespace courtyard::rules {

std::optional<int> complaintGrade(domain::Validity validity, domain::Controllability c,
                                  domain::Reach r, const Policy& policy) {
    if (validity == domain::Validity::Undecided)
        return std::nullopt;
    const int v = validity == domain::Validity::Valid ? 0 : 1;
    const int ci = c == domain::Controllability::High ? 0 : 1;
    const int ri = r == domain::Reach::Community ? 0 : 1;
    return policy.grades.level[std::size_t(v)][std::size_t(ci)][std::size_t(ri)];
}

const std::vector<Position>& whoMustBeTold(int grade, const Policy& policy) {
    const int clamped = grade < 1 ? 1 : (grade > 4 ? 4 : grade);
    return policy.gradeNotify[std::size_t(clamped - 1)];
}

std::optional<domain::Escalation> escalationFor(const domain::Deadline& due, Instant now,
                                                const Policy& policy) {
    if (!isOverdue(due, now) || policy.escalation.empty())
        return std::nullopt;
    const auto overdue = std::chrono::duration_cast<std::chrono::minutes>(now - due.dueAt);
    std::optional<domain::Escalation> out;
    for (std::size_t i = 0; i < policy.escalation.size(); ++i) {
        const auto& step = policy.escalation[i];
        if (overdue.count() < step.afterMinutes)
            break;
        domain::Escalation e;
        e.level = int(i) + 1;
        e.notify = step.notify;
        e.since = due.dueAt + std::chrono::minutes{step.afterMinutes};
        e.rule = due.rule;
        e.dueAt = due.dueAt;
        out = e;
    }
    return out;
}

bool isSerious(const domain::Complaint& c) { return c.grade && *c.grade >= kSeriousGrade; }

} // namespace courtyard::rules
