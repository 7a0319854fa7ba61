#pragma once
// Every clock of every record in one place: which deadline of a record is running now, whether
// it is overdue or due soon, and the rung of the escalation ladder it has reached. The server's
// escalation pass (raiseFlag) and a person's inbox (rules/inbox.h) both read it, so a record the
// pass flags is the record the inbox shows as overdue.
//
// The clocks, by record type (rules/deadlines.h has the rules, rules/derive.h sets them):
//   complaint       reply (first round), reply to a reopened round, invalid-complaint
//                   explanation, follow-up visit after every round's reply
//   suggestion      reply (agreed time, else the policy's days)
//   transfer_sheet  while submitted: its addressee names the responsible department
//   arrangement_notice  the date on the notice (a notice without one has no clock)
//   rectification   the round's agreed completion date; then the acceptance
//   survey_campaign while open: the end of its fieldwork period
// One ladder (the policy's `escalation`) serves every type. The flag the pass writes is the
// record's `escalation` field; it names the deadline it is about, and derive() drops it when
// that deadline stops being the active one.

#include "shared/domain/complaint.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/rules/policy.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::rules {

struct RecordClock {
    domain::Deadline due;                   // the active deadline
    bool overdue = false;                   // past due at `now`
    bool dueSoon = false;                   // not overdue, within the policy's inbox warning window
    std::optional<domain::Escalation> rung; // the ladder rung reached at `now` (overdue only)
    std::optional<domain::Escalation> flag; // the rung the record carries for this deadline
};

// nullopt when the record has no running deadline (done, cancelled, or no clock defined).
std::optional<RecordClock> clockOf(const domain::Complaint& c, Instant now, const Policy& policy);
std::optional<RecordClock> clockOf(const domain::Suggestion& s, Instant now, const Policy& policy);
std::optional<RecordClock> clockOf(const domain::TransferSheet& s, Instant now, const Policy& policy);
std::optional<RecordClock> clockOf(const domain::ArrangementNotice& n, Instant now, const Policy& policy);
std::optional<RecordClock> clockOf(const domain::RectificationItem& r, Instant now, const Policy& policy);
std::optional<RecordClock> clockOf(const domain::SurveyCampaign& c, Instant now, const Policy& policy);
// A stored record as JSON; nullopt also for other types and bodies that do not decode.
std::optional<RecordClock> clockOf(std::string_view type, const Json& body, Instant now, const Policy& policy);

// The record types that have clocks (what the escalation pass reads).
const std::vector<std::string>& clockedRecordTypes();

// Whether a stored flag is about this deadline. A flag from before flags named their deadline
// counts as about the deadline it rose after (its `since` is not before the due time).
bool flagApplies(const domain::Escalation& flag, const domain::Deadline& due);
// Drops a flag that is not about the active deadline (none running: no flag).
void dropStaleFlag(std::optional<domain::Escalation>& flag, const std::optional<domain::Deadline>& active);

// The escalation pass over one stored record: when its active deadline has reached a rung higher
// than the flag it carries for that deadline, sets the flag in `body` and returns it. nullopt,
// with `body` untouched, for everything else: a type without clocks, a body that does not decode
// (a record missing fields is skipped, never an error), no running deadline, not overdue, or the
// rung already recorded — so running the pass twice writes nothing the second time.
std::optional<domain::Escalation> raiseFlag(std::string_view type, Json& body, Instant now, const Policy& policy);

// The same question asked of a stored record's index and flag alone, so the pass decodes only
// the records it may move: `due` is the active deadline the record is indexed under (its due
// time and rule) and `flagText` its `escalation` member as JSON ("" or "null": none). False only
// where raiseFlag would find nothing to raise: no rung reached yet, or the flag already at the
// rung for this deadline. A flag that does not decode reads as true (the record is then read
// whole and raiseFlag decides).
bool mayRaise(std::string_view flagText, const domain::Deadline& due, Instant now, const Policy& policy);

} // namespace courtyard::rules
