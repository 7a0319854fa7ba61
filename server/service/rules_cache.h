#pragma once
// The calendar and policy each community's deadlines are computed with, read from the stored
// company data (calendar, policy and community records) and kept for a short while. Several
// server instances may run over one database, so nothing here is authoritative: entries expire
// after `ttl` and are dropped whenever this instance writes company data.

#include "server/storage/server_storage.h"
#include "shared/rules/derive.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>

namespace courtyard::server {

class RulesCache {
public:
    explicit RulesCache(std::chrono::seconds ttl = std::chrono::seconds{60}) : m_ttl(ttl) {}

    // The rules for a community, loaded through `unit` when missing or stale. The pointer stays
    // valid until the next invalidate() (entries are never freed while in use: shared_ptr).
    std::shared_ptr<const rules::RuleContext> get(ReadUnit& unit, const std::string& communityId, Instant now);
    void invalidate();

private:
    struct Entry {
        std::shared_ptr<const rules::RuleContext> ctx;
        Instant loadedAt{};
    };
    std::chrono::seconds m_ttl;
    std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
};

} // namespace courtyard::server
