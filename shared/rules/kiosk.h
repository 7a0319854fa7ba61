#pragma once
// The kiosk abuse guard, one definition for every face: a lobby kiosk is open to anyone, so
// one flat may file only so many complaints and suggestions an hour (the company's
// "kiosk_submissions_per_unit_per_hour"), and one kiosk only so many in all
// ("kiosk_submissions_per_device_per_hour"). Submissions that name no flat are not exempt:
// they count together, per kiosk, as if they came from one flat. The counts are of arrivals
// in the last hour by the server's clock, so a back-dated submission counts like any other.

#include "shared/core/json_util.h"
#include "shared/core/result.h"
#include "shared/rules/policy.h"

#include <string>
#include <string_view>

namespace courtyard::rules {

struct KioskRecentSubmissions {
    int forFlat = 0;        // this flat's kiosk submissions (or this kiosk's with no flat named)
    int fromDevice = 0;     // everything this kiosk took
    bool flatNamed = true;  // false: the submission names no flat
};

// Which limit one more submission would pass: none, the kiosk's in all, or the flat's (or, with
// no flat named, this kiosk's without a flat). The kiosk's own limit is checked first.
enum class KioskLimit { None, Kiosk, Flat };
KioskLimit kioskLimitReached(const KioskRecentSubmissions& recent, const Policy& policy);

// Whether one more submission is allowed; ResourceExhausted with a message for the resident.
Status checkKioskSubmission(const KioskRecentSubmissions& recent, const Policy& policy);

// The record types the guard counts: complaints (repair requests among them) and suggestions.
// Survey answers are not counted: one per household per survey already (householdAnswered).
bool countsTowardsKioskGuard(std::string_view recordType);

// A fingerprint of what a resident wrote (flat, kind, category, text; white space ignored), so
// an exact duplicate is recognised without keeping the text: kiosk receipts carry it instead
// of the content.
std::string submissionFingerprint(const std::string& unitId, const std::string& kind, const std::string& category,
                                  const std::string& content);

// One answer per household per survey: whether this stored survey response (or a kiosk's
// receipt of one) is the household's answer to `campaignId`. Attempts ("not at home",
// "refused") are not answers; a record that names no outcome is an answer, as the domain reads it.
bool isHouseholdAnswer(const Json& response, std::string_view campaignId);

} // namespace courtyard::rules
