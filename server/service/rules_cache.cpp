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
    const records::RecordLookup lookup = [&](const std::string& id, std::string_view type) {
        auto r = unit.get(id);
        return r && *r && (*r)->type == type ? std::optional<Json>((*r)->body) : std::nullopt;
    };
    std::uint64_t generation;
    {
        std::lock_guard lock(m_mutex);
        generation = m_generation;
    }
    const records::CommunitySettings settings = records::communitySettings(communityId, lookup);
    const CompanyEntry companyPart = company(settings.calendarId, lookup, now, generation);
    auto owned = std::make_shared<Owned>(records::inCommunity(*companyPart.rules, settings));
    Entry e;
    e.ctx = std::shared_ptr<const rules::RuleContext>(owned, &owned->ctx);
    e.loadedAt = companyPart.loadedAt; // as old as the oldest record it was built from
    std::lock_guard lock(m_mutex);
    if (m_generation != generation)
        return e.ctx; // read before an invalidate(): used for this request only
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

RulesCache::CompanyEntry RulesCache::company(const std::string& calendarId, const records::RecordLookup& lookup,
                                             Instant now, std::uint64_t generation) {
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_company.find(calendarId); it != m_company.end() && now - it->second.loadedAt < m_ttl)
            return it->second;
    }
    CompanyEntry e{std::make_shared<const records::CommunityRules>(records::companyRules(calendarId, lookup)), now};
    std::lock_guard lock(m_mutex);
    if (m_generation != generation)
        return e;
    if (!m_company.count(calendarId) && m_company.size() >= m_capacity) // ids from company data: a few
        m_company.clear();
    m_company[calendarId] = e;
    return e;
}

std::size_t RulesCache::size() {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void RulesCache::invalidate() {
    std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_company.clear();
    ++m_generation;
}

} // namespace courtyard::server
