#pragma once
// The server's refusals of this device's operations, kept until the user has seen them: which
// record, the operation as sent, the error code, message and field, when. The outbox forgets a
// refused operation; this remembers it for the tablet's sync page.

#include "shared/core/result.h"
#include "shared/core/time.h"
#include "shared/store/record_store.h"
#include "sync/protocol/messages.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace courtyard::sync {

struct Rejection {
    std::int64_t seq = 0;
    std::string recordId;
    Operation op;
    Error error;
    Instant at{};
    bool acknowledged = false;
};

class RejectionLog {
public:
    explicit RejectionLog(store::SqliteRecordStore& store) : m_store(store) {}

    // Keeps the refusal of operation `seq` (its wire text `opText`) of record `recordId`.
    Status add(std::int64_t seq, const std::string& recordId, const std::string& opText, const Error& error,
               Instant at);
    // The refusals in operation order; those the user has acknowledged only when asked.
    Result<std::vector<Rejection>> list(bool includeAcknowledged);
    // The refusal of operation `seq`, acknowledged or not.
    Result<std::optional<Rejection>> get(std::int64_t seq);
    // NotFound when there is no refusal `seq`.
    Status acknowledge(std::int64_t seq);
    // Drops the refusals after `seq` the user has not seen (the operations go again).
    Status dropUnseenAfter(std::int64_t seq);

private:
    store::SqliteRecordStore& m_store;
};

} // namespace courtyard::sync
