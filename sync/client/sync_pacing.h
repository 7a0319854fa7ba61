#pragma once
// How hard this device presses the server, kept across sync cycles by whoever runs them. After
// a refusal (429, 503) or a failed connection the device waits: at least the server's
// Retry-After, and exponentially longer while refusals continue, with random jitter so a fleet
// of tablets that lost the server together does not return in step. And how many operations a
// push carries: halved when a push is too large (413) or times out twice in a row, doubled
// again, up to the full batch, after eight pushes in a row that go through.

#include "shared/core/time.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>

namespace courtyard::sync {

struct SyncPacingOptions {
    std::chrono::seconds firstDelay{2};
    std::chrono::seconds maxDelay{15 * 60};
    int maxPushBatch = 2000;
};

class SyncPacing {
public:
    explicit SyncPacing(std::uint64_t seed = std::random_device{}(), SyncPacingOptions options = {});

    // ---- waiting after refusals
    bool mayTry(Instant now) const { return !m_notBefore || now >= *m_notBefore; }
    std::optional<Instant> notBefore() const { return m_notBefore; }
    // Why the device is waiting (the server's message, or why it could not be reached).
    const std::string& reason() const { return m_reason; }
    bool refusedByServer() const { return m_byServer; }
    int failures() const { return m_failures; }
    // A 429 or 503 (`byServer`, with its Retry-After), or a connection that failed.
    void refused(Instant now, std::chrono::seconds retryAfter, std::string reason, bool byServer);
    // A cycle went through: the next one may come at its usual time.
    void succeeded();
    // The user asked to sync now: a wait of our own making (the network was down) is dropped;
    // a wait the server asked for is kept.
    void forgetNetworkFailures();

    // ---- push batch size
    int pushBatch() const { return m_batch; }
    // Bytes a push may carry, in proportion to its operations (8 MiB for a full batch).
    std::size_t pushBytes() const;
    // A push of `sent` operations was refused as too large / did not get through in time.
    void pushTooLarge(int sent);
    void pushTimedOut(int sent);
    void pushWentThrough();

private:
    SyncPacingOptions m_options;
    std::mt19937_64 m_rng;
    std::optional<Instant> m_notBefore;
    std::string m_reason;
    bool m_byServer = false;
    int m_failures = 0;
    int m_batch;
    int m_timeoutsInARow = 0;
    int m_throughInARow = 0;
};

} // namespace courtyard::sync
