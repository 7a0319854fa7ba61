#pragma once
// Fair use: how much each device may ask of the server, as token buckets per device and kind
// (pushes, pulls, attachment bytes). A bucket holds one minute's worth and refills at the
// policy's rate, so a device that was offline may catch up in a burst but not hammer the
// server for long. Beyond it the answer is 429 with the seconds until enough has refilled.
// In memory, per server process; one bucket per enrolled device and kind (only authenticated
// requests reach it), idle full buckets forgotten.

#include "shared/core/time.h"

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace courtyard::server {

class RateLimiter {
public:
    enum class Kind { Push, Pull, BlobBytes };

    // Takes `amount` from the device's bucket of `kind`, which refills at `perMinute`. Returns
    // zero when allowed, otherwise how long until it would be (nothing is taken then). An
    // amount larger than a whole bucket is allowed from a full one, leaving it in debt.
    std::chrono::seconds take(const std::string& deviceId, Kind kind, double amount, double perMinute, Instant now);
    std::size_t size();

private:
    struct Bucket {
        double tokens = 0;
        Instant at{};
    };
    std::mutex m_mutex;
    std::map<std::pair<std::string, Kind>, Bucket> m_buckets;
    std::size_t m_sinceSweep = 0;
};

} // namespace courtyard::server
