#include "shared/rules/kiosk.h"

#include "shared/core/hash.h"
#include "shared/domain/survey.h"

namespace courtyard::rules {

KioskLimit kioskLimitReached(const KioskRecentSubmissions& recent, const Policy& policy) {
    if (recent.fromDevice >= policy.kioskSubmissionsPerDevicePerHour)
        return KioskLimit::Kiosk;
    if (recent.forFlat >= policy.kioskSubmissionsPerUnitPerHour)
        return KioskLimit::Flat;
    return KioskLimit::None;
}

Status checkKioskSubmission(const KioskRecentSubmissions& recent, const Policy& policy) {
    switch (kioskLimitReached(recent, policy)) {
    case KioskLimit::None:
        return {};
    case KioskLimit::Kiosk:
        return resourceExhausted("this kiosk has taken " + std::to_string(recent.fromDevice) +
                                 " messages in the last hour; please call the management office");
    case KioskLimit::Flat:
        return resourceExhausted(
            (recent.flatNamed ? "this flat has sent " : "this kiosk has taken ") + std::to_string(recent.forFlat) +
            (recent.flatNamed ? " messages from the kiosk" : " messages without a flat") +
            " in the last hour; please call the management office");
    }
    return {};
}

bool countsTowardsKioskGuard(std::string_view recordType) {
    return recordType == "complaint" || recordType == "suggestion";
}

std::string submissionFingerprint(const std::string& unitId, const std::string& kind, const std::string& category,
                                  const std::string& content) {
    std::string text;
    for (char c : content)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            text.push_back(c);
    return toHex64(fnv1a64(unitId + "|" + kind + "|" + category + "|" + text));
}

bool isHouseholdAnswer(const Json& response, std::string_view campaignId) {
    static const std::string answered(enumName(domain::ResponseOutcome::Answered));
    return !campaignId.empty() && stringAt(response, "campaign_id") == campaignId &&
           stringAt(response, "outcome", answered) == answered;
}

} // namespace courtyard::rules
