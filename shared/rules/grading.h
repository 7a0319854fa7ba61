#pragma once
// Complaint grading and escalation of overdue items. The grade comes from the
// premise (valid or not) and two dimensions — controllability and reach — through a
// configurable matrix; the grade decides who must be told. An overdue item climbs the
// escalation ladder: handler → department head → deputy GM by default.

#include "shared/domain/complaint.h"
#include "shared/rules/policy.h"

#include <optional>
#include <vector>

namespace courtyard::rules {

// 1 general (一般), 2 important (重要), 3 serious (严重), 4 major (重大). Undecided validity has
// no grade yet.
std::optional<int> complaintGrade(domain::Validity validity, domain::Controllability c,
                                  domain::Reach r, const Policy& policy);

// A complaint of this grade or above is serious (严重 and 重大): the reports count them.
inline constexpr int kSeriousGrade = 3;
bool isSerious(const domain::Complaint& c);

// Positions that must be told of a complaint of this grade (1..4).
const std::vector<Position>& whoMustBeTold(int grade, const Policy& policy);

// Where an item overdue at `now` has escalated to, naming the deadline (its rule and due time);
// nullopt while it is not overdue. Every record type climbs the same ladder (rules/overdue.h).
std::optional<domain::Escalation> escalationFor(const domain::Deadline& due, Instant now,
                                                const Policy& policy);

} // namespace courtyard::rules
