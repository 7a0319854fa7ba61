#pragma once
// The calendar and policy a community's deadlines are computed with, resolved from stored
// company data the same way on the server and on every device: the community names its
// calendar and time zone; the calendar record is "calendar:<id>", the policy "policy:default";
// missing records fall back to the built-in mainland-China calendar and the default policy.

#include "shared/rules/calendar.h"
#include "shared/rules/policy.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace courtyard::records {

inline std::string calendarRecordId(std::string_view calendarId) { return "calendar:" + std::string(calendarId); }
inline constexpr std::string_view kPolicyRecordId = "policy:default";

struct CommunityRules {
    rules::Calendar calendar;
    rules::Policy policy;
};

// `lookup(id, type)` returns the body of the record with that id if it exists and has that type.
using RecordLookup = std::function<std::optional<Json>(const std::string& id, std::string_view type)>;
CommunityRules loadCommunityRules(const std::string& communityId, const RecordLookup& lookup);

// loadCommunityRules in its two parts, for a server that keeps the company's part for every
// community: what the community's record names (its time zone, "" for the calendar's own, and
// its calendar), and the company's calendar of that id with the policy.
struct CommunitySettings {
    std::string zone;
    std::string calendarId = "default";
};
CommunitySettings communitySettings(const std::string& communityId, const RecordLookup& lookup);
CommunityRules companyRules(const std::string& calendarId, const RecordLookup& lookup);
// The company's rules in the community's time zone.
CommunityRules inCommunity(const CommunityRules& company, const CommunitySettings& community);

} // namespace courtyard::records
