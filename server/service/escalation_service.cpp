#include "server/service/escalation_service.h"

#include "server/service/pass_claim.h"
#include "shared/rules/overdue.h"

#include <unordered_set>

namespace courtyard::server {

store::RecordQuery overdueRecords(Instant now) {
    store::RecordQuery q;
    q.types = rules::clockedRecordTypes();
    q.dueBefore = now;
    return q;
}

EscalationService::EscalationService(ServerStorage& storage, RulesCache& rules, Clock clock)
    : m_storage(storage), m_rules(rules), m_clock(std::move(clock)) {}

Result<std::vector<std::string>> EscalationService::toRaise(ReadUnit& unit, Instant now) {
    // Each overdue record's index and flag first, not its body: most have climbed to their rung
    // already, and decoding every one cost about 30 µs a record (bench_push_inproc). Only those
    // that may move are read whole, and raiseFlag decides.
    auto overdue = unit.overdueClocks(overdueRecords(now));
    if (!overdue)
        return overdue.error();
    std::vector<std::string> candidates;
    for (const auto& c : *overdue) {
        domain::Deadline due;
        due.dueAt = c.dueAt;
        due.rule = c.dueRule;
        auto ctx = m_rules.get(unit, c.communityId, now);
        if (ctx && rules::mayRaise(c.escalation, due, now, ctx->policy))
            candidates.push_back(c.id);
    }
    std::vector<std::string> ids;
    auto check = [&](store::StoredRecord& rec) {
        if (rec.deleted || !rec.body.is_object())
            return;
        auto ctx = m_rules.get(unit, stringAt(rec.body, "community_id"), now);
        if (ctx && rules::raiseFlag(rec.type, rec.body, now, ctx->policy))
            ids.push_back(rec.id);
    };
    // A few candidates are read one by one. Many (a first pass, a ladder given a new rung) are
    // found in one query of every overdue record, as the pass read them before: one statement
    // instead of a round trip each on PostgreSQL.
    constexpr std::size_t kReadOneByOne = 256;
    if (candidates.size() <= kReadOneByOne) {
        for (const auto& id : candidates) {
            auto rec = unit.get(id);
            if (!rec)
                return rec.error();
            if (*rec)
                check(**rec);
        }
        return ids;
    }
    auto all = unit.query(overdueRecords(now));
    if (!all)
        return all.error();
    const std::unordered_set<std::string> wanted(candidates.begin(), candidates.end());
    for (auto& rec : *all)
        if (wanted.count(rec.id))
            check(rec);
    return ids;
}

Status EscalationService::escalate(WriteUnit& unit, Instant now, const std::vector<std::string>& ids, Pass& pass) {
    int& moved = pass.moved;
    moved = 0;
    for (const auto& id : ids) {
        auto found = unit.get(id);
        if (!found)
            return found.error();
        if (!*found || (*found)->deleted || !(*found)->body.is_object())
            continue;
        auto& rec = **found;
        auto ctx = m_rules.get(unit, stringAt(rec.body, "community_id"), now);
        if (!ctx)
            continue;
        // Read again inside the write transaction: a rung another pass already wrote for this
        // deadline is not written again, so a record moves once per rung whoever runs the pass;
        // a record handled since it was read has no rung to climb. A body that does not decode
        // (a record missing fields) is left alone.
        if (!rules::raiseFlag(rec.type, rec.body, now, ctx->policy))
            continue;
        rec.index.reset();
        rec.encodedBody.reset();
        rec.rawBody.clear();
        auto v = unit.put(rec);
        if (!v)
            return v.error();
        ++moved;
    }
    auto patrols = schedulePatrols(unit, m_rules, now);
    if (!patrols)
        return patrols.error();
    pass.patrols = *patrols;
    return {};
}

Result<int> EscalationService::runOnce() {
    auto pass = runNow();
    if (!pass)
        return pass.error();
    return pass->moved;
}

Result<EscalationService::Pass> EscalationService::runNow() {
    const Instant now = m_clock();
    std::vector<std::string> ids;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        auto found = toRaise(unit, now);
        if (!found)
            return found.error();
        ids = std::move(*found);
        return {};
    }));
    Pass pass;
    CY_TRY(m_storage.write([&](WriteUnit& unit) {
        pass = {};
        pass.ran = true;
        return escalate(unit, now, ids, pass);
    }));
    return pass;
}

Result<EscalationService::Pass> EscalationService::runScheduled(std::chrono::milliseconds interval) {
    const Instant now = m_clock();
    // Most ticks of a group's servers find the slot's pass claimed: a read says so. Otherwise the
    // same read finds the records to move.
    bool claimed = false;
    std::vector<std::string> ids;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        auto done = passSlotClaimed(unit, kPassKey, now, interval.count());
        if (!done)
            return done.error();
        claimed = *done;
        if (claimed)
            return {};
        auto found = toRaise(unit, now);
        if (!found)
            return found.error();
        ids = std::move(*found);
        return {};
    }));
    Pass pass;
    if (claimed)
        return pass;
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        pass = {};
        auto claim = claimPassSlot(unit, kPassKey, now, interval.count());
        if (!claim)
            return claim.error();
        if (!*claim)
            return {}; // this slot's pass has run (here or on another server)
        pass.ran = true;
        return escalate(unit, now, ids, pass);
    }));
    return pass;
}

Result<std::int64_t> EscalationService::pendingCount() {
    std::int64_t n = 0;
    CY_TRY(m_storage.read([&](ReadUnit& u) -> Status {
        auto c = u.count(overdueRecords(m_clock()));
        if (!c)
            return c.error();
        n = *c;
        return {};
    }));
    return n;
}

} // namespace courtyard::server
