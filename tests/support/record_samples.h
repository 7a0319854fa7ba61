#pragma once
// Valid examples of every record type a device writes (shared/auth/access.h's table), and of
// each plain field, list item and transition's details, for tests that drive the table end to
// end through the real server: when a role may do something, the example is accepted, so the
// answer shows the table and nothing else. Times are relative to `now`.

#include "shared/core/json_util.h"

#include <string>
#include <string_view>

namespace courtyard::test {

// The open kiosk survey a sample survey response answers (a test creates and opens it).
std::string openCampaignId(const std::string& community);
// A new record of `type` in `community`; `n` keeps examples apart (unit numbers, ids).
Json sampleBody(std::string_view type, const std::string& community, int n, Instant now);
// A value each plain field may take on the sample record.
Json sampleFieldValue(std::string_view type, std::string_view field, const std::string& community, Instant now);
// An item of each list (`n` makes its id unique).
Json sampleItem(std::string_view type, std::string_view list, int n, Instant now);
// The details `action` takes (its shared form), with sample values.
Json sampleParams(std::string_view type, std::string_view action, Instant now);

// Operations as a device sends them (no seq, no proof: SignedDevice adds both).
Json createOp(std::string_view type, const std::string& id, const std::string& actor, Json body, Instant at);
Json updateOp(std::string_view type, const std::string& id, const std::string& actor, Json fields, Instant at);
Json transitionOp(std::string_view type, const std::string& id, const std::string& actor, std::string_view action,
                  Json params, Instant at);
Json appendOp(std::string_view type, const std::string& id, const std::string& actor, std::string_view list,
              Json item, Instant at);

} // namespace courtyard::test
