#pragma once
// Escalation of overdue complaints, computed centrally on a timer: a complaint past its active
// deadline climbs the policy's ladder (department head, then the deputy GM by default), and the
// change reaches every device that sees it through the ordinary sync feed. Idempotent, and
// safe with several server instances: a record is written only when its level changes.

#include "server/service/clock.h"
#include "server/service/rules_cache.h"
#include "server/storage/server_storage.h"

namespace courtyard::server {

class EscalationService {
public:
    EscalationService(ServerStorage& storage, RulesCache& rules, Clock clock);
    // Returns how many complaints moved up the ladder.
    Result<int> runOnce();
    Result<std::int64_t> pendingCount();

private:
    ServerStorage& m_storage;
    RulesCache& m_rules;
    Clock m_clock;
};

} // namespace courtyard::server
