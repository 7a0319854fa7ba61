#include "server/service/escalation_service.h"

#include "shared/domain/complaint.h"
#include "shared/rules/derive.h"
#include "shared/rules/grading.h"

namespace courtyard::server {

EscalationService::EscalationService(ServerStorage& storage, RulesCache& rules, Clock clock)
    : m_storage(storage), m_rules(rules), m_clock(std::move(clock)) {}

Result<int> EscalationService::runOnce() {
    const Instant now = m_clock();
    int moved = 0;
    auto st = m_storage.write([&](WriteUnit& unit) -> Status {
        moved = 0;
        store::RecordQuery q;
        q.types = {"complaint"};
        q.dueBefore = now;
        auto overdue = unit.query(q);
        if (!overdue)
            return overdue.error();
        for (auto& rec : *overdue) {
            auto c = decodeJson<domain::Complaint>(rec.body);
            if (!c)
                continue;
            const auto due = rules::activeDeadline(*c);
            if (!due)
                continue;
            auto ctx = m_rules.get(unit, c->communityId, now);
            const auto esc = rules::escalationFor(*due, now, ctx->policy);
            if (!esc || (c->escalation && c->escalation->level >= esc->level))
                continue;
            c->escalation = esc;
            Json body;
            to_json(body, *c);
            rec.body = std::move(body);
            auto v = unit.put(rec);
            if (!v)
                return v.error();
            ++moved;
        }
        return {};
    });
    if (!st)
        return st.error();
    return moved;
}

Result<std::int64_t> EscalationService::pendingCount() {
    std::int64_t n = 0;
    CY_TRY(m_storage.read([&](ReadUnit& u) -> Status {
        auto c = u.overdueCount(m_clock());
        if (!c)
            return c.error();
        n = *c;
        return {};
    }));
    return n;
}

} // namespace courtyard::server
