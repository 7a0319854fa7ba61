#pragma once
// Everything a request handler may use. Handlers are pure functions of the request and this
// context: no sockets, so they are tested directly.

#include "server/observability/metrics.h"
#include "server/service/auth_service.h"
#include "server/service/blob_service.h"
#include "server/service/clock.h"
#include "server/service/escalation_service.h"
#include "server/service/rate_limiter.h"
#include "server/service/retention_service.h"
#include "server/service/sync_service.h"
#include "server/storage/server_storage.h"

#include "courtyard/version.h"

#include <atomic>
#include <functional>

namespace courtyard::server {

struct ServerContext {
    ServerStorage& storage;
    SyncService& sync;
    BlobService& blobs;
    EscalationService& escalations;
    AuthService& auth;
    Metrics& metrics;
    Clock clock;
    std::atomic<int> openConnections{0};
    std::atomic<bool> stopping{false};
    std::function<std::size_t()> writeQueueDepth = [] { return std::size_t(0); };
    std::string version = COURTYARD_VERSION; // what /healthz reports
    RateLimiter rateLimits{}; // fair use per device (policy numbers)
    // The daily retention pass and where it writes its archives; none: it does not run here.
    RetentionService* retention = nullptr;
    std::filesystem::path archiveDir{};
};

} // namespace courtyard::server
