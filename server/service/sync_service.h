#pragma once
// Push and pull, server side. A push applies each operation exactly once: the device's last
// applied sequence and each operation's result are stored in the same transaction as its
// effects, so a retried push gets the stored results back and changes nothing. A pull returns
// the changes this device may see after its cursor, in commit order, a page at a time.

#include "server/service/clock.h"
#include "server/service/disposer.h"
#include "server/service/kiosk_throttle.h"
#include "server/service/rules_cache.h"
#include "server/storage/server_storage.h"
#include "sync/protocol/messages.h"

#include <atomic>

namespace courtyard::server {

// A flat's survey answers, read before another is taken (one household answer a campaign).
store::RecordQuery surveyResponsesOf(const std::string& unitId);

struct SyncCounters {
    std::atomic<long long> applied{0};
    std::atomic<long long> noop{0};
    std::atomic<long long> rejected{0};
    std::atomic<long long> replayed{0};
};

class SyncService {
public:
    SyncService(ServerStorage& storage, RulesCache& rules, Clock clock);

    // Takes the parsed request (its records are moved, not copied).
    Result<sync::PushResponse> push(const DeviceRow& device, Json request);
    // With `count`, the answer says how many changes remain after its cursor (a device showing
    // progress asks on its first page).
    Result<sync::PullResponse> pull(const DeviceRow& device, std::string_view cursor, int limit,
                                    bool count = false);
    sync::DeviceInfo whoami(const DeviceRow& device) const;
    // The company's calendar and policy (fair-use limits, clock skew), from the cache.
    Result<std::shared_ptr<const rules::RuleContext>> companyRules();

    // The cache of calendars and policy; administrators' changes drop it (admin_api.h).
    RulesCache& rules() { return m_rules; }

    const SyncCounters& counters() const { return m_counters; }
    static constexpr int kMaxOpsPerPush = 5000;
    static constexpr int kMaxPullPage = 1000;

private:
    struct ActorCache;  // who each staff id is, resolved once per push
    struct PreparedOp;  // a create validated, derived and encoded before the write transaction
    sync::OpResult applyOne(WriteUnit& unit, const DeviceRow& device, const sync::Operation& op,
                            PreparedOp& prepared, const Status& proof, Instant now, ActorCache& actors,
                            AuditEntry& audit, std::vector<store::StoredRecord>& written);

    ServerStorage& m_storage;
    RulesCache& m_rules;
    Clock m_clock;
    SyncCounters m_counters;
    KioskThrottle m_kiosk;
    Disposer m_disposer; // frees a push's operations and records while its answer goes out
};

} // namespace courtyard::server
