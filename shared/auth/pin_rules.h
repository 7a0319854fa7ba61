#pragma once
// The rules of PINs, the same on the server and on a tablet: what a PIN must look like, and
// how long to wait after wrong ones. Numbers come from the policy (shared/rules/policy.h).

#include "shared/core/result.h"
#include "shared/rules/policy.h"

#include <string_view>

namespace courtyard::auth {

// Digits only, at least the policy's length, at most 12, and not a pattern anyone guesses
// first (one digit repeated, a run up or down such as 123456 or 987654).
Status checkNewPin(std::string_view pin, const rules::Policy& policy);

// Seconds to wait before the next attempt after `failures` wrong PINs in a row: nothing while
// fewer than pinFreeAttempts have failed, then pinDelaySeconds, doubling with each further
// failure, up to pinDelayMaxSeconds.
int pinRetryDelaySeconds(int failures, const rules::Policy& policy);

// A tablet forgets the person's credential after this many wrong PINs offline.
bool offlineAttemptsExhausted(int failures, const rules::Policy& policy);

} // namespace courtyard::auth
