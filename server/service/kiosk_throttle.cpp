#include "server/service/kiosk_throttle.h"

namespace courtyard::server {

int KioskThrottle::countSince(Arrivals& a, Instant since) {
    while (!a.empty() && a.front() < since)
        a.pop_front();
    return int(a.size());
}

void KioskThrottle::dropEmpty(std::map<std::string, Arrivals>& m, Instant since) {
    for (auto it = m.begin(); it != m.end();)
        it = countSince(it->second, since) == 0 ? m.erase(it) : std::next(it);
}

Status KioskThrottle::admit(const std::string& deviceId, const std::string& flat, Instant now,
                            const rules::Policy& policy) {
    const Instant since = now - std::chrono::hours{1};
    const std::string flatKey = flat.empty() ? "kiosk:" + deviceId : flat;
    std::lock_guard lock(m_mutex);
    // Flats no longer submitting are forgotten now and then, so the maps hold the last hour only.
    if (++m_sinceSweep >= 1000) {
        m_sinceSweep = 0;
        dropEmpty(m_byFlat, since);
        dropEmpty(m_byDevice, since);
    }
    auto& forFlat = m_byFlat[flatKey];
    auto& fromDevice = m_byDevice[deviceId];
    const rules::KioskRecentSubmissions recent{countSince(forFlat, since), countSince(fromDevice, since), !flat.empty()};
    CY_TRY(rules::checkKioskSubmission(recent, policy));
    // Counted when admitted, before the push commits: a push that then fails leaves one count
    // too many for an hour, never one too few.
    forFlat.push_back(now);
    fromDevice.push_back(now);
    return {};
}

} // namespace courtyard::server
