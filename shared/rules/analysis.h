#pragma once
// Analysis: Pareto analysis of any counted dimension (排列图: sorted counts,
// cumulative percentages, the "vital few" up to 80%) and the KPI formulas the targets are
// stated in (on-time reply, visit rate, suggestion reply rate).

#include "shared/domain/complaint.h"
#include "shared/domain/suggestion.h"

#include <string>
#include <utility>
#include <vector>

namespace courtyard::rules {

struct ParetoRow {
    std::string label;
    long long count = 0;
    double percent = 0;
    double cumulativePercent = 0;
    bool vitalFew = false; // rows up to and including the one that reaches the cut
};

// Sorted by count descending, then label. The vital few are the rows up to and including the
// first whose cumulative share reaches `cutPercent` (default 80). Zero counts are dropped.
std::vector<ParetoRow> pareto(std::vector<std::pair<std::string, long long>> counts,
                              int cutPercent = 80);

// numerator / denominator, with the denominator's definition in the function's comment.
struct Rate {
    long long numerator = 0;
    long long denominator = 0;
    double percent() const { return denominator > 0 ? 100.0 * double(numerator) / double(denominator) : 100.0; }
};

// Valid complaints whose reply was due by `asOf` or that were replied: on time when the first
// reply came at or before the reply deadline.
Rate onTimeReplyRate(const std::vector<domain::Complaint>& complaints, Instant asOf);
// Valid complaints whose handling is complete and whose visit was due by `asOf` or done: a
// visit counts when the first visit after the reply came at or before the visit deadline.
Rate visitRate(const std::vector<domain::Complaint>& complaints, Instant asOf);
// Suggestions (not cancelled) whose reply was due by `asOf` or that were replied: replied at or
// before the reply deadline.
Rate suggestionReplyRate(const std::vector<domain::Suggestion>& suggestions, Instant asOf);

} // namespace courtyard::rules
