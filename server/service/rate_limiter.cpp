#include "server/service/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace courtyard::server {

std::chrono::seconds RateLimiter::take(const std::string& deviceId, Kind kind, double amount, double perMinute,
                                       Instant now) {
    const double capacity = perMinute;
    const double perMs = perMinute / 60000.0;
    std::lock_guard lock(m_mutex);
    if (++m_sinceSweep >= 10000) {
        // A bucket untouched for two minutes is full again: the same as having none.
        m_sinceSweep = 0;
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = now - it->second.at > std::chrono::minutes{2} ? m_buckets.erase(it) : std::next(it);
    }
    auto [it, fresh] = m_buckets.try_emplace({deviceId, kind}, Bucket{capacity, now});
    Bucket& b = it->second;
    if (!fresh) {
        const auto elapsed = double(std::max<std::int64_t>(0, (now - b.at).count()));
        b.tokens = std::min(capacity, b.tokens + elapsed * perMs);
        b.at = std::max(b.at, now);
    }
    const double needed = std::min(amount, capacity);
    if (b.tokens >= needed) {
        b.tokens -= amount;
        return std::chrono::seconds{0};
    }
    const double waitMs = (needed - b.tokens) / perMs;
    return std::chrono::seconds{std::max<std::int64_t>(1, std::int64_t(std::ceil(waitMs / 1000.0)))};
}

std::size_t RateLimiter::size() {
    std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

} // namespace courtyard::server
