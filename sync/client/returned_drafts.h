#pragma once
// New records the server refused, kept on this device as returned drafts until the person who
// wrote them corrects and sends them again or discards them. A draft is a record with no server
// version and nothing in the outbox; this table marks it and names its refusal (rejection_log.h),
// whose reason and field the record's page shows.

#include "shared/core/result.h"
#include "shared/store/record_store.h"
#include "sync/client/rejection_log.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace courtyard::sync {

class ReturnedDrafts {
public:
    explicit ReturnedDrafts(store::SqliteRecordStore& store)
        : m_store(store) {}

    // Marks record `recordId` as returned by the refusal of operation `seq`.
    Status mark(const std::string& recordId, std::int64_t seq);
    Status clear(const std::string& recordId);
    // The refusal that returned the record; nullopt when it is not a returned draft.
    Result<std::optional<Rejection>> find(const std::string& recordId);
    Result<bool> contains(const std::string& recordId);
    // Every returned record's id (few: read once per pull page).
    Result<std::set<std::string>> ids();
    // After a server restore the refused operations after `seq` go again: their records are no
    // longer returned (the refusals not yet seen are dropped with them).
    Status dropRequeuedAfter(std::int64_t seq);

private:
    store::SqliteRecordStore& m_store;
};

} // namespace courtyard::sync
