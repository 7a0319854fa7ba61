#include "shared/rules/deadlines.h"

namespace courtyard::rules {

namespace {

Deadline make(std::string_view ruleId, Instant start, Instant due, bool fallback,
              std::string extraBasis = {}) {
    Deadline d;
    d.dueAt = due;
    d.rule = std::string(ruleId);
    d.provisional = true; // the server's derive() marks its own figures authoritative
    d.calendarFallback = fallback;
    d.startedAt = start;
    d.basis = std::string(ruleId) + "|" + formatInstant(start) + extraBasis;
    return d;
}

} // namespace

DueTime addWorkingDays(Instant t, int n, const Calendar& cal) {
    // Only the days counted matter: the status of t's own day never changes the result.
    const auto day = cal.nthWorkingDayAfter(cal.localDate(t), n);
    return {cal.toInstant(day.date, cal.closeOfBusinessMinutes()), day.fallback};
}

Instant addHours(Instant t, int n) { return t + std::chrono::hours{n}; }

Instant addCalendarDays(Instant t, int n, const Calendar& cal) {
    const LocalDate d = cal.localDate(t);
    const Instant base = cal.toInstant(d + date::days{n}, cal.localMinutes(t));
    // Zone offsets are whole minutes, so t's seconds and milliseconds carry over unchanged.
    return base + (t - date::floor<std::chrono::minutes>(t));
}

Deadline complaintReplyDeadline(Instant receivedAt, bool urgent, std::optional<Instant> requestedBy,
                                const Calendar& cal, const Policy& policy) {
    if (requestedBy)
        return make(rule::ComplaintRequested, receivedAt, *requestedBy, false,
                    "|" + formatInstant(*requestedBy));
    if (urgent)
        return make(rule::ComplaintUrgent, receivedAt, addHours(receivedAt, policy.urgentReplyHours),
                    false);
    const auto due = addWorkingDays(receivedAt, policy.replyWorkingDays, cal);
    return make(rule::ComplaintWorkingDays, receivedAt, due.at, due.fallback);
}

Deadline roundReplyDeadline(Instant reopenedAt, bool urgent, int round, const Calendar& cal,
                            const Policy& policy) {
    const std::string extra = "|round " + std::to_string(round);
    if (urgent)
        return make(rule::ComplaintRoundUrgent, reopenedAt, addHours(reopenedAt, policy.urgentReplyHours), false,
                    extra);
    const auto due = addWorkingDays(reopenedAt, policy.replyWorkingDays, cal);
    return make(rule::ComplaintRoundWorkingDays, reopenedAt, due.at, due.fallback, extra);
}

Deadline sheetArrangeDeadline(Instant levelSince, const Calendar& cal, const Policy& policy) {
    const auto due = addWorkingDays(levelSince, policy.sheetArrangeWorkingDays, cal);
    return make(rule::SheetArrange, levelSince, due.at, due.fallback);
}

Deadline acceptanceDeadline(Instant workCompletedAt, const Calendar& cal, const Policy& policy) {
    return make(rule::RectificationAcceptance, workCompletedAt,
                addCalendarDays(workCompletedAt, policy.acceptanceDays, cal), false);
}

Deadline invalidExplanationDeadline(Instant decidedAt, const Calendar& cal, const Policy& policy) {
    const auto due = addWorkingDays(decidedAt, policy.invalidExplanationWorkingDays, cal);
    return make(rule::InvalidExplanation, decidedAt, due.at, due.fallback);
}

Deadline suggestionReplyDeadline(Instant receivedAt, std::optional<Instant> agreedBy,
                                 const Calendar& cal, const Policy& policy) {
    if (agreedBy)
        return make(rule::SuggestionAgreed, receivedAt, *agreedBy, false,
                    "|" + formatInstant(*agreedBy));
    return make(rule::SuggestionDefault, receivedAt,
                addCalendarDays(receivedAt, policy.suggestionReplyDays, cal), false);
}

Deadline visitDeadline(Instant handlingCompletedAt, const Calendar& cal, const Policy& policy) {
    return make(rule::ComplaintVisit, handlingCompletedAt,
                addCalendarDays(handlingCompletedAt, policy.visitDays, cal), false);
}

Deadline agreedDeadline(std::string_view ruleId, Instant startedAt, Instant dueAt) {
    return make(ruleId, startedAt, dueAt, false, "|" + formatInstant(dueAt));
}

Deadline checkpointDeadline(Instant roundStartedAt, int dueAfterMinutes, int toleranceMinutes) {
    const Instant due = roundStartedAt + std::chrono::minutes{dueAfterMinutes + toleranceMinutes};
    return make(rule::PatrolCheckpoint, roundStartedAt, due, false,
                "|" + std::to_string(dueAfterMinutes) + "+" + std::to_string(toleranceMinutes));
}

bool isOverdue(const Deadline& d, Instant now) { return now > d.dueAt; }
bool metBy(const Deadline& d, Instant doneAt) { return doneAt <= d.dueAt; }

std::string describeRule(std::string_view ruleId, const Policy& p, const Calendar& cal) {
    const std::string cob = formatClockTime(cal.closeOfBusinessMinutes());
    if (ruleId == rule::ComplaintRequested)
        return "complaint: the reply time the complainant asked for";
    if (ruleId == rule::ComplaintUrgent)
        return "urgent complaint: " + std::to_string(p.urgentReplyHours) + "-hour rule";
    if (ruleId == rule::ComplaintWorkingDays)
        return "not urgent complaint: " + std::to_string(p.replyWorkingDays) +
               " working days, by close of business " + cob;
    if (ruleId == rule::ComplaintRoundUrgent)
        return "reopened round, urgent complaint: " + std::to_string(p.urgentReplyHours) +
               "-hour rule from the unsatisfied visit";
    if (ruleId == rule::ComplaintRoundWorkingDays)
        return "reopened round: " + std::to_string(p.replyWorkingDays) +
               " working days from the unsatisfied visit, by close of business " + cob;
    if (ruleId == rule::SheetArrange)
        return "transfer sheet: name the responsible department within " +
               std::to_string(p.sheetArrangeWorkingDays) + " working day(s) of reaching the level, by " + cob;
    if (ruleId == rule::RectificationAcceptance)
        return "rectification: accepted within " + std::to_string(p.acceptanceDays) +
               " days after the work is done";
    if (ruleId == rule::InvalidExplanation)
        return "invalid complaint: explain the reason within " +
               std::to_string(p.invalidExplanationWorkingDays) + " working day(s), by " + cob;
    if (ruleId == rule::ComplaintVisit)
        return "follow-up visit: within " + std::to_string(p.visitDays) +
               " days after handling is complete";
    if (ruleId == rule::SuggestionAgreed)
        return "suggestion: the reply time agreed with the resident";
    if (ruleId == rule::SuggestionDefault)
        return "suggestion: reply within " + std::to_string(p.suggestionReplyDays) + " days";
    if (ruleId == rule::RectificationAgreed)
        return "rectification: the agreed completion date";
    if (ruleId == rule::ArrangementAgreed)
        return "work arrangement notice: the date set by the supervisor";
    if (ruleId == rule::SurveyPeriodEnd)
        return "survey: the end of the campaign's period";
    if (ruleId == rule::PatrolCheckpoint)
        return "patrol checkpoint: its window after the round starts";
    return std::string(ruleId);
}

} // namespace courtyard::rules
