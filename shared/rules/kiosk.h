#pragma once
// The kiosk abuse guard, one definition for every face: a lobby kiosk is open to anyone, so
// one flat may file only so many complaints and suggestions an hour (the company's
// "kiosk_submissions_per_unit_per_hour"), and one kiosk only so many in all
// ("kiosk_submissions_per_device_per_hour"). Submissions that name no flat are not exempt:
// they count together, per kiosk, as if they came from one flat. The counts are of arrivals
// in the last hour by the server's clock, so a back-dated submission counts like any other.

#include "shared/core/result.h"
#include "shared/rules/policy.h"

namespace courtyard::rules {

struct KioskRecentSubmissions {
    int forFlat = 0;        // this flat's kiosk submissions (or this kiosk's with no flat named)
    int fromDevice = 0;     // everything this kiosk took
    bool flatNamed = true;  // false: the submission names no flat
};

// Whether one more submission is allowed; ResourceExhausted with a message for the resident.
Status checkKioskSubmission(const KioskRecentSubmissions& recent, const Policy& policy);

} // namespace courtyard::rules
