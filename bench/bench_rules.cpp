// Rules benchmarks (issue 3): deadlines computed per second over a year-long calendar, and the
// cost of planning a 100k-household annual sample. Prints figures; asserts nothing.
#include "shared/rules/deadlines.h"
#include "shared/rules/sampling.h"

#include <chrono>
#include <cstdio>
#include <vector>

using namespace courtyard;
using namespace courtyard::rules;
using Clock = std::chrono::steady_clock;

int main() {
    const auto& cal = Calendar::chinaDefault();
    const auto& policy = Policy::defaults();
    // Receipt times spread over 2026: every 7 minutes 13 seconds, so every weekday, holiday and
    // make-up day and every hour of the day is hit.
    const Instant start = *parseInstant("2026-01-01T00:00:00+08:00");
    constexpr int kDistinct = 72'000;
    std::vector<Instant> receipts;
    receipts.reserve(kDistinct);
    for (int i = 0; i < kDistinct; ++i)
        receipts.push_back(start + std::chrono::seconds{i * 433});

    long long sink = 0;
    auto run = [&](const char* label, int rounds, auto&& compute) {
        const auto t0 = Clock::now();
        for (int r = 0; r < rounds; ++r)
            for (const auto& t : receipts)
                sink += compute(t);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        const double n = double(rounds) * kDistinct;
        std::printf("  %-44s %10.0f deadlines/s  (%.0f ns each)\n", label, n / s, s / n * 1e9);
    };
    std::printf("deadlines over 2026 (one core, %d distinct receipt times)\n", kDistinct);
    run("complaint reply, not urgent (2 working days)", 20,
        [&](Instant t) { return toEpochMs(complaintReplyDeadline(t, false, std::nullopt, cal, policy).dueAt); });
    run("complaint reply, urgent (2 hours)", 20,
        [&](Instant t) { return toEpochMs(complaintReplyDeadline(t, true, std::nullopt, cal, policy).dueAt); });
    run("invalid complaint explanation (1 working day)", 20,
        [&](Instant t) { return toEpochMs(invalidExplanationDeadline(t, cal, policy).dueAt); });
    run("follow-up visit (3 days, DST-aware)", 20,
        [&](Instant t) { return toEpochMs(visitDeadline(t, cal, policy).dueAt); });
    const auto ny = *cal.withZone("America/New_York");
    run("complaint reply in New York (DST zone)", 20,
        [&](Instant t) { return toEpochMs(complaintReplyDeadline(t, false, std::nullopt, ny, policy).dueAt); });

    std::printf("\nannual sample plan (50%% random + focused resampling)\n");
    for (int households : {10'000, 100'000}) {
        std::vector<Household> roster;
        roster.reserve(std::size_t(households));
        for (int i = 0; i < households; ++i)
            roster.push_back({"unit-" + std::to_string(i), i % 12 != 0, i % 37 == 0});
        const int reps = households >= 100'000 ? 5 : 20;
        const auto t0 = Clock::now();
        std::size_t size = 0;
        for (int r = 0; r < reps; ++r)
            size = planAnnualSample(roster, std::uint64_t(r), policy)->entries.size();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / reps;
        std::printf("  %6d households: %8.1f ms per plan (%zu in the sample)\n", households, ms, size);
    }
    return sink == 42 ? 1 : 0;
}
