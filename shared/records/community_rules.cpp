#include "shared/records/community_rules.h"

namespace courtyard::records {

CommunityRules loadCommunityRules(const std::string& communityId, const RecordLookup& lookup) {
    std::string zone, calendarId = "default";
    if (auto c = lookup(communityId, "community")) {
        zone = stringAt(*c, "time_zone");
        calendarId = stringAt(*c, "calendar_id", "default");
    }
    std::optional<rules::Calendar> cal;
    if (auto body = lookup(calendarRecordId(calendarId), "calendar"))
        if (auto parsed = rules::Calendar::fromJson(*body))
            cal = std::move(*parsed);
    if (!cal)
        cal = rules::Calendar::chinaDefault();
    if (!zone.empty())
        if (auto zoned = cal->withZone(zone))
            cal = std::move(*zoned);
    rules::Policy policy = rules::Policy::defaults();
    if (auto body = lookup(std::string(kPolicyRecordId), "policy"))
        if (auto parsed = rules::Policy::fromJson(*body))
            policy = *parsed;
    return CommunityRules{std::move(*cal), policy};
}

} // namespace courtyard::records
