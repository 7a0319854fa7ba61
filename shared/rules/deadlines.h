#pragma once
// Deadlines. Each runs from the moment the event happened on the device, and
// each result names the rule that produced it so a screen can say why ("due in 1 h 20 m —
// urgent complaint, 2-hour rule"). "N working days" from t ends at the close of business of the
// N-th working day after the local day of t (a receipt on a non-working day therefore counts
// from the next working day); "N hours" and "N days" are wall-clock.

#include "shared/domain/common.h"
#include "shared/rules/calendar.h"
#include "shared/rules/policy.h"

#include <optional>
#include <string>

namespace courtyard::rules {

using domain::Deadline;

struct DueTime {
    Instant at{};
    bool fallback = false; // a year without calendar data was used as weekends-only
};

DueTime addWorkingDays(Instant t, int n, const Calendar& cal);
Instant addHours(Instant t, int n);
// Same local wall time n days later (DST-aware: "3 days" after 10:00 is 10:00).
Instant addCalendarDays(Instant t, int n, const Calendar& cal);

namespace rule {
inline constexpr std::string_view ComplaintRequested = "complaint_reply.requested";
inline constexpr std::string_view ComplaintUrgent = "complaint_reply.urgent";
inline constexpr std::string_view ComplaintWorkingDays = "complaint_reply.working_days";
inline constexpr std::string_view ComplaintRoundUrgent = "complaint_reply.round_urgent";
inline constexpr std::string_view ComplaintRoundWorkingDays = "complaint_reply.round_working_days";
inline constexpr std::string_view InvalidExplanation = "complaint_invalid_explanation";
inline constexpr std::string_view ComplaintVisit = "complaint_visit";
inline constexpr std::string_view SuggestionAgreed = "suggestion_reply.agreed";
inline constexpr std::string_view SuggestionDefault = "suggestion_reply.default";
inline constexpr std::string_view RectificationAgreed = "rectification.agreed";
inline constexpr std::string_view ArrangementAgreed = "arrangement.agreed";
inline constexpr std::string_view SheetArrange = "transfer_sheet.arrange";
inline constexpr std::string_view RectificationAcceptance = "rectification.acceptance";
inline constexpr std::string_view SurveyPeriodEnd = "survey.period_end";
inline constexpr std::string_view PatrolCheckpoint = "patrol.checkpoint";
} // namespace rule

// A valid complaint's reply: the complainant's requested time when given (even if earlier than
// the rule); otherwise urgent → N hours, not urgent → N working days. Seriousness does not
// change the deadline, it is recorded for grading and reports.
Deadline complaintReplyDeadline(Instant receivedAt, bool urgent, std::optional<Instant> requestedBy,
                                const Calendar& cal, const Policy& policy);
// A reopened round (an unsatisfied visit sent the complaint back to handling): the reply to the
// round runs from the visit by the same rule as the first reply — urgent → N hours, otherwise N
// working days. The complainant's requested time was for the first reply and does not carry over.
Deadline roundReplyDeadline(Instant reopenedAt, bool urgent, int round, const Calendar& cal,
                            const Policy& policy);
// An invalid complaint: the reason explained within N working days of the validity decision.
Deadline invalidExplanationDeadline(Instant decidedAt, const Calendar& cal, const Policy& policy);
// A suggestion: the agreed reply time when given, else N days.
Deadline suggestionReplyDeadline(Instant receivedAt, std::optional<Instant> agreedBy,
                                 const Calendar& cal, const Policy& policy);
// The follow-up visit: N days after handling is complete.
Deadline visitDeadline(Instant handlingCompletedAt, const Calendar& cal, const Policy& policy);
// A transfer sheet: its addressee names the responsible department within N working days of
// the sheet reaching their level.
Deadline sheetArrangeDeadline(Instant levelSince, const Calendar& cal, const Policy& policy);
// A rectification round's work done: accepted (signed) within N days.
Deadline acceptanceDeadline(Instant workCompletedAt, const Calendar& cal, const Policy& policy);
// A date agreed or set by someone (rectification completion, arrangement notice, survey end).
Deadline agreedDeadline(std::string_view ruleId, Instant startedAt, Instant dueAt);
// A patrol checkpoint: the round start + the checkpoint's due minutes + tolerance.
Deadline checkpointDeadline(Instant roundStartedAt, int dueAfterMinutes, int toleranceMinutes);

bool isOverdue(const Deadline& d, Instant now);
// Met when done at or before the due time (a reply at 18:00:00 for an 18:00 deadline is on time).
bool metBy(const Deadline& d, Instant doneAt);

// One line of English for logs and the CLI: "not urgent complaint: 2 working days, by 18:00".
std::string describeRule(std::string_view ruleId, const Policy& policy, const Calendar& cal);

} // namespace courtyard::rules
