#include "shared/records/community_rules.h"

namespace courtyard::records {

CommunitySettings communitySettings(const std::string& communityId, const RecordLookup& lookup) {
    CommunitySettings settings;
    if (auto c = lookup(communityId, "community")) {
        settings.zone = stringAt(*c, "time_zone");
        settings.calendarId = stringAt(*c, "calendar_id", "default");
    }
    return settings;
}

CommunityRules companyRules(const std::string& calendarId, const RecordLookup& lookup) {
    std::optional<rules::Calendar> cal;
    if (auto body = lookup(calendarRecordId(calendarId), "calendar"))
        if (auto parsed = rules::Calendar::fromJson(*body))
            cal = std::move(*parsed);
    if (!cal)
        cal = rules::Calendar::chinaDefault();
    rules::Policy policy = rules::Policy::defaults();
    if (auto body = lookup(std::string(kPolicyRecordId), "policy"))
        if (auto parsed = rules::Policy::fromJson(*body))
            policy = *parsed;
    return CommunityRules{std::move(*cal), policy};
}

CommunityRules inCommunity(const CommunityRules& company, const CommunitySettings& community) {
    if (!community.zone.empty())
        if (auto zoned = company.calendar.withZone(community.zone))
            return CommunityRules{std::move(*zoned), company.policy};
    return company;
}

CommunityRules loadCommunityRules(const std::string& communityId, const RecordLookup& lookup) {
    const CommunitySettings settings = communitySettings(communityId, lookup);
    return inCommunity(companyRules(settings.calendarId, lookup), settings);
}

} // namespace courtyard::records
