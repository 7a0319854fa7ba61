#pragma once
// How long a finished record is kept, and which of its fields are a resident's personal data.
// The procedures keep complaint records, transfer sheets and replies two years; the policy's
// retention_*_days say how long after the record ended (closed, replied or cancelled). The
// server's daily retention pass (server/service/retention_service.h) archives a record past its
// time and then purges it: the record becomes a tombstone (purgedBody) that reaches every device
// through sync. Residents' names and phone numbers may go earlier (redact_residents_after_days).
// Open records are never touched, however old.

#include "shared/core/json_util.h"
#include "shared/core/time.h"
#include "shared/rules/policy.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::rules {

// The record types retention applies to: complaint, suggestion, transfer_sheet.
const std::vector<std::string>& retainedRecordTypes();

// When the record ended: a complaint or transfer sheet closed (closed_at), a suggestion replied
// (replied_at), either cancelled (its last timeline event). None while it is open, or when the
// type is not retained.
std::optional<Instant> endedAt(std::string_view type, const Json& body);

// How many days the policy keeps a record of `type` after it ended (0: not retained).
int retentionDays(std::string_view type, const Policy& policy);

// The fewest days after a record of `type` ended that the pass has anything to do with it:
// its purge, or blanking the residents' data when the policy does that sooner. None when it
// does neither to the type. A record ends after it happened (was received, created), so the
// pass reads only records that happened longer ago than that, in the order they happened: not
// every finished record every day. (A record whose dates say it ended before it happened is
// read from when it happened that long ago.)
std::optional<int> firstDueDays(std::string_view type, const Policy& policy);

// When the record is due to be archived and purged; none while it is open.
std::optional<Instant> purgeDueAt(std::string_view type, const Json& body, const Policy& policy);

// When the residents' personal data in it is due to be blanked; none while it is open, or when
// the policy does not blank it before the record goes.
std::optional<Instant> redactDueAt(std::string_view type, const Json& body, const Policy& policy);

// Blanks the residents' names and phone numbers in `body` (a complaint's complainant, a
// suggestion's resident_name and resident_phone) and in the history entries that recorded a
// change of them (their from/to become "redacted"). Returns false, changing nothing, when there
// was nothing left to blank.
bool redactResidents(std::string_view type, Json& body, Json& history);

// What a purged record leaves: its community (so the devices that had it learn it is gone) and
// when it was purged; nothing of what it said.
Json purgedBody(const Json& body, Instant at);

} // namespace courtyard::rules
