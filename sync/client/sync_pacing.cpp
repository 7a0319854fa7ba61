#include "sync/client/sync_pacing.h"

#include <algorithm>

namespace courtyard::sync {

SyncPacing::SyncPacing(std::uint64_t seed, SyncPacingOptions options)
    : m_options(options), m_rng(seed), m_batch(std::max(1, options.maxPushBatch)) {}

void SyncPacing::refused(Instant now, std::chrono::seconds retryAfter, std::string reason, bool byServer) {
    ++m_failures;
    // 2 s, 4 s, 8 s … up to the cap; the wait is drawn between half of that and all of it.
    const auto first = std::chrono::duration_cast<Milliseconds>(m_options.firstDelay);
    const auto cap = std::chrono::duration_cast<Milliseconds>(m_options.maxDelay);
    Milliseconds ceiling = first;
    for (int i = 1; i < m_failures && ceiling < cap; ++i)
        ceiling *= 2;
    ceiling = std::min(ceiling, cap);
    std::uniform_int_distribution<std::int64_t> jitter(ceiling.count() / 2, ceiling.count());
    const Milliseconds wait = std::max<Milliseconds>(Milliseconds{jitter(m_rng)}, retryAfter);
    m_notBefore = now + wait;
    m_reason = std::move(reason);
    m_byServer = byServer;
}

void SyncPacing::succeeded() {
    m_failures = 0;
    m_notBefore.reset();
    m_reason.clear();
    m_byServer = false;
}

void SyncPacing::forgetNetworkFailures() {
    if (!m_byServer)
        succeeded();
}

std::size_t SyncPacing::pushBytes() const {
    constexpr std::size_t kFull = 8u << 20;
    return std::max<std::size_t>(64u << 10, kFull * std::size_t(m_batch) / std::size_t(std::max(1, m_options.maxPushBatch)));
}

void SyncPacing::pushTooLarge(int sent) {
    m_batch = std::max(1, std::min(m_batch, sent) / 2);
    m_timeoutsInARow = m_throughInARow = 0;
}

void SyncPacing::pushTimedOut(int sent) {
    m_throughInARow = 0;
    if (++m_timeoutsInARow >= 2) {
        m_batch = std::max(1, std::min(m_batch, sent) / 2);
        m_timeoutsInARow = 0;
    }
}

// Grown back slowly (after eight pushes in a row), so a link that only takes small batches is
// not made to time out again every other push.
void SyncPacing::pushWentThrough() {
    m_timeoutsInARow = 0;
    if (++m_throughInARow >= 8) {
        m_throughInARow = 0;
        m_batch = std::min(std::max(1, m_options.maxPushBatch), m_batch * 2);
    }
}

} // namespace courtyard::sync
