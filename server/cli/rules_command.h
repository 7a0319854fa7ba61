#pragma once
// `courtyard-server rules deadline`: answers "when is this due?" for support staff and scripts,
// with exactly the rules the server and the tablets use.

#include "shared/core/json_util.h"
#include "shared/rules/calendar.h"
#include "shared/rules/policy.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace courtyard::server {

// Request: {"rule": "complaint_reply" | "complaint_invalid_explanation" | "suggestion_reply" |
// "complaint_visit", "at": RFC 3339 (when the clock starts), "urgent": bool, "serious": bool,
// "requested_by": RFC 3339 or null, "agreed_by": RFC 3339 or null (suggestions)}.
// Response: {"due_at", "due_at_local", "rule", "description", "started_at", "time_zone",
// "calendar_fallback"}.
Result<Json> computeDeadline(const Json& request, const rules::Calendar& cal, const rules::Policy& policy);

// Runs the subcommand: args after "rules"; reads the request from `in`, writes the answer to
// `out` and problems to `err`. Returns the process exit code (0 ok, 1 bad input, 2 usage).
int runRulesCommand(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                    std::ostream& err);

} // namespace courtyard::server
