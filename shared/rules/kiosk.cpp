#include "shared/rules/kiosk.h"

#include <string>

namespace courtyard::rules {

Status checkKioskSubmission(const KioskRecentSubmissions& recent, const Policy& policy) {
    if (recent.fromDevice >= policy.kioskSubmissionsPerDevicePerHour)
        return resourceExhausted("this kiosk has taken " + std::to_string(recent.fromDevice) +
                                 " messages in the last hour; please call the management office");
    if (recent.forFlat >= policy.kioskSubmissionsPerUnitPerHour)
        return resourceExhausted(
            (recent.flatNamed ? "this flat has sent " : "this kiosk has taken ") + std::to_string(recent.forFlat) +
            (recent.flatNamed ? " messages from the kiosk" : " messages without a flat") +
            " in the last hour; please call the management office");
    return {};
}

} // namespace courtyard::rules
