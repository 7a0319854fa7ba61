#include "server/service/escalation_service.h"

#include "shared/domain/complaint.h"
#include "shared/rules/derive.h"
#include "shared/rules/grading.h"

#include <charconv>

namespace courtyard::server {

EscalationService::EscalationService(ServerStorage& storage, RulesCache& rules, Clock clock)
    : m_storage(storage), m_rules(rules), m_clock(std::move(clock)) {}

Status EscalationService::escalate(WriteUnit& unit, Instant now, int& moved) {
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
        // Read inside the write transaction: a level another pass already wrote is not
        // written again, so an item moves once per level whoever runs the pass.
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
}

Result<int> EscalationService::runOnce() {
    const Instant now = m_clock();
    int moved = 0;
    CY_TRY(m_storage.write([&](WriteUnit& unit) { return escalate(unit, now, moved); }));
    return moved;
}

Result<EscalationService::Pass> EscalationService::runScheduled(std::chrono::milliseconds interval) {
    const Instant now = m_clock();
    const std::int64_t width = std::max<std::int64_t>(1, interval.count());
    const std::int64_t slot = toEpochMs(now) / width;
    Pass pass;
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        pass = {};
        auto last = unit.getMeta(kPassKey);
        if (!last)
            return last.error();
        if (*last) {
            std::int64_t lastMs = 0;
            const auto& text = **last;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), lastMs);
            if (ec == std::errc() && end == text.data() + text.size() && lastMs / width >= slot)
                return {}; // this slot's pass has run (here or on another server)
        }
        CY_TRY(unit.setMeta(kPassKey, std::to_string(toEpochMs(now))));
        pass.ran = true;
        return escalate(unit, now, pass.moved);
    }));
    return pass;
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
