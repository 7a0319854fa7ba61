#pragma once
// `courtyard-server rules deadline`: answers "when is this due?" for support staff and scripts,
// with exactly the rules the server and the tablets use.

#include "server/cli/cli_support.h"

#include "shared/core/json_util.h"
#include "shared/rules/calendar.h"
#include "shared/rules/policy.h"

namespace courtyard::server {

// Request: {"rule": "complaint_reply" | "complaint_invalid_explanation" | "suggestion_reply" |
// "complaint_visit", "at": RFC 3339 (when the clock starts), "urgent": bool, "serious": bool,
// "requested_by": RFC 3339 or null, "agreed_by": RFC 3339 or null (suggestions)}.
// Response: {"due_at", "due_at_local", "rule", "description", "started_at", "time_zone",
// "calendar_fallback"}.
Result<Json> computeDeadline(const Json& request, const rules::Calendar& cal, const rules::Policy& policy);

// Adds `rules deadline [--calendar FILE] [--policy FILE]`: reads the request on standard
// input, writes the answer; exit 0 ok, 1 bad input, 2 usage.
void addRulesCommand(CLI::App& app, CliContext& ctx);

} // namespace courtyard::server
