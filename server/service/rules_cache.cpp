#include "server/service/rules_cache.h"

#include "shared/records/community_rules.h"

namespace courtyard::server {

std::shared_ptr<const rules::RuleContext> RulesCache::cached(const std::string& communityId, Instant now) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(communityId);
    if (it == m_entries.end() || now - it->second.loadedAt >= m_ttl)
        return nullptr;
    it->second.lastUse = ++m_uses;
    return it->second.ctx;
}

std::shared_ptr<const rules::RuleContext> RulesCache::get(ReadUnit& unit, const std::string& communityId,
                                                          Instant now) {
    if (auto hit = cached(communityId, now))
        return hit;
    // The context refers to the calendar and policy: one allocation owns all three.
    struct Owned {
        records::CommunityRules data;
        rules::RuleContext ctx;
        explicit Owned(records::CommunityRules r) : data(std::move(r)), ctx{data.calendar, data.policy} {}
    };
    auto owned = std::make_shared<Owned>(records::loadCommunityRules(
        communityId, [&](const std::string& id, std::string_view type) {
            auto r = unit.get(id);
            return r && *r && (*r)->type == type ? std::optional<Json>((*r)->body) : std::nullopt;
        }));
    Entry e;
    e.ctx = std::shared_ptr<const rules::RuleContext>(owned, &owned->ctx);
    e.loadedAt = now;
    std::lock_guard lock(m_mutex);
    e.lastUse = ++m_uses;
    if (!m_entries.count(communityId) && m_entries.size() >= m_capacity) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->second.lastUse < oldest->second.lastUse)
                oldest = it;
        m_entries.erase(oldest);
    }
    m_entries[communityId] = e;
    return e.ctx;
}

std::size_t RulesCache::size() {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void RulesCache::invalidate() {
    std::lock_guard lock(m_mutex);
    m_entries.clear();
}

} // namespace courtyard::server
