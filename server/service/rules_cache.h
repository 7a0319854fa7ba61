#pragma once
// The calendar and policy each community's deadlines are computed with, read from the stored
// company data (calendar, policy and community records) and kept for a short while. Several
// server instances may run over one database, so nothing here is authoritative: entries expire
// after `ttl` and are dropped whenever this instance writes company data. At most `capacity`
// communities are kept (the least recently used goes first); callers ask only for communities
// a device is authorized for, so made-up ids never reach it. The company's part (a calendar
// and the policy) is read once for every community that names the calendar; an entry expires
// when the oldest record it was built from was read `ttl` ago.

#include "server/storage/server_storage.h"
#include "shared/records/community_rules.h"
#include "shared/rules/derive.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

namespace courtyard::server {

class RulesCache {
public:
    explicit RulesCache(std::chrono::seconds ttl = std::chrono::seconds{60}, std::size_t capacity = 1024)
        : m_ttl(ttl), m_capacity(capacity) {}

    // The rules for a community, loaded through `unit` when missing or stale. The pointer stays
    // valid as long as it is held (entries are never freed while in use: shared_ptr).
    std::shared_ptr<const rules::RuleContext> get(ReadUnit& unit, const std::string& communityId, Instant now);
    // The rules when cached and fresh; nullptr otherwise.
    std::shared_ptr<const rules::RuleContext> cached(const std::string& communityId, Instant now);
    void invalidate();
    std::size_t size();

private:
    struct Entry {
        std::shared_ptr<const rules::RuleContext> ctx;
        Instant loadedAt{};
        std::uint64_t lastUse = 0;
    };
    // The company's rules for a calendar id, read through `lookup` when missing or stale.
    struct CompanyEntry {
        std::shared_ptr<const records::CommunityRules> rules;
        Instant loadedAt{};
    };
    // Kept only when no invalidate() came after `generation` was taken (before the reads): an
    // admin write racing with the reads must not leave what was read before it cached.
    CompanyEntry company(const std::string& calendarId, const records::RecordLookup& lookup, Instant now,
                         std::uint64_t generation);

    std::chrono::seconds m_ttl;
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
    std::map<std::string, CompanyEntry> m_company; // by calendar id
    std::uint64_t m_uses = 0;
    std::uint64_t m_generation = 0; // invalidate() calls so far
};

} // namespace courtyard::server
