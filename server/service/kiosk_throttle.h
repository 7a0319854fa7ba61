#pragma once
// The kiosk submissions of the last hour, by the server's clock of arrival, per flat and per
// kiosk: what rules::checkKioskSubmission counts. Kept in memory (each server process counts
// what it received; a restart starts afresh), because no stored time is the server's own:
// a record's times are the device's, and a back-dated one must count all the same. Bounded:
// only arrivals of the last hour are kept, and each kiosk adds at most its hourly allowance.

#include "shared/core/time.h"
#include "shared/rules/kiosk.h"

#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace courtyard::server {

class KioskThrottle {
public:
    // Checks one more submission from `deviceId` for `flat` ("" when it names none) arriving
    // at `now`, and counts it when allowed.
    Status admit(const std::string& deviceId, const std::string& flat, Instant now, const rules::Policy& policy);

private:
    using Arrivals = std::deque<Instant>;
    static int countSince(Arrivals& a, Instant since);
    void dropEmpty(std::map<std::string, Arrivals>& m, Instant since);

    std::mutex m_mutex;
    std::map<std::string, Arrivals> m_byFlat;   // a unit id, or "kiosk:<device>" for none named
    std::map<std::string, Arrivals> m_byDevice;
    std::size_t m_sinceSweep = 0;
};

} // namespace courtyard::server
