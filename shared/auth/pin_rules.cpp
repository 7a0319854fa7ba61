#include "shared/auth/pin_rules.h"

#include <algorithm>

namespace courtyard::auth {

Status checkNewPin(std::string_view pin, const rules::Policy& policy) {
    for (char c : pin)
        if (c < '0' || c > '9')
            return invalidField("pin", "pin: digits only");
    const int min = std::clamp(policy.pinMinLength, 4, 12);
    if (int(pin.size()) < min || pin.size() > 12)
        return invalidField("pin", "pin: " + std::to_string(min) + " to 12 digits");
    bool same = true, up = true, down = true;
    for (std::size_t i = 1; i < pin.size(); ++i) {
        same = same && pin[i] == pin[0];
        up = up && pin[i] == pin[i - 1] + 1;
        down = down && pin[i] == pin[i - 1] - 1;
    }
    if (same || up || down)
        return invalidField("pin", "pin: too easy to guess (one digit repeated, or a run like 123456)");
    return {};
}

int pinRetryDelaySeconds(int failures, const rules::Policy& policy) {
    const int over = failures - std::max(1, policy.pinFreeAttempts);
    if (over < 0)
        return 0;
    long long delay = std::max(1, policy.pinDelaySeconds);
    for (int i = 0; i < over && delay < policy.pinDelayMaxSeconds; ++i)
        delay *= 2;
    return int(std::min<long long>(delay, std::max(1, policy.pinDelayMaxSeconds)));
}

bool offlineAttemptsExhausted(int failures, const rules::Policy& policy) {
    return failures >= std::max(1, policy.pinOfflineAttempts);
}

} // namespace courtyard::auth
