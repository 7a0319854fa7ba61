#include "shared/rules/analysis.h"

#include "shared/rules/deadlines.h"

#include <algorithm>

namespace courtyard::rules {

std::vector<ParetoRow> pareto(std::vector<std::pair<std::string, long long>> counts, int cutPercent) {
    counts.erase(std::remove_if(counts.begin(), counts.end(),
                                [](const auto& c) { return c.second <= 0; }),
                 counts.end());
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    long long total = 0;
    for (const auto& c : counts)
        total += c.second;
    std::vector<ParetoRow> rows;
    long long running = 0;
    bool cutReached = false;
    for (auto& [label, count] : counts) {
        running += count;
        ParetoRow row;
        row.label = std::move(label);
        row.count = count;
        row.percent = 100.0 * double(count) / double(total);
        row.cumulativePercent = 100.0 * double(running) / double(total);
        row.vitalFew = !cutReached;
        // Exact integer test of running/total >= cut/100.
        if (running * 100 >= static_cast<long long>(cutPercent) * total)
            cutReached = true;
        rows.push_back(std::move(row));
    }
    return rows;
}

Rate onTimeReplyRate(const std::vector<domain::Complaint>& complaints, Instant asOf) {
    Rate r;
    for (const auto& c : complaints) {
        if (c.validity != domain::Validity::Valid || !c.replyDue)
            continue;
        const bool replied = c.firstRepliedAt && *c.firstRepliedAt <= asOf;
        if (!replied && !isOverdue(*c.replyDue, asOf))
            continue; // still within time: not yet counted either way
        ++r.denominator;
        if (replied && metBy(*c.replyDue, *c.firstRepliedAt))
            ++r.numerator;
    }
    return r;
}

Rate visitRate(const std::vector<domain::Complaint>& complaints, Instant asOf) {
    Rate r;
    for (const auto& c : complaints) {
        if (c.validity != domain::Validity::Valid || !c.visitDue || !c.repliedAt)
            continue;
        std::optional<Instant> firstVisit;
        for (const auto& v : c.visits)
            if (v.at >= *c.repliedAt && v.at <= asOf && (!firstVisit || v.at < *firstVisit))
                firstVisit = v.at;
        if (!firstVisit && !isOverdue(*c.visitDue, asOf))
            continue;
        ++r.denominator;
        if (firstVisit && metBy(*c.visitDue, *firstVisit))
            ++r.numerator;
    }
    return r;
}

Rate suggestionReplyRate(const std::vector<domain::Suggestion>& suggestions, Instant asOf) {
    Rate r;
    for (const auto& s : suggestions) {
        if (s.state == domain::SuggestionState::Cancelled || !s.replyDue)
            continue;
        const bool replied = s.repliedAt && *s.repliedAt <= asOf;
        if (!replied && !isOverdue(*s.replyDue, asOf))
            continue;
        ++r.denominator;
        if (replied && metBy(*s.replyDue, *s.repliedAt))
            ++r.numerator;
    }
    return r;
}

} // namespace courtyard::rules
