#pragma once
// The operations a device sent and the server answered, kept for `kKeepDays` after the answer.
// The outbox forgets an operation once answered; this remembers it, because a server restored
// from a backup has forgotten the operations it acknowledged after that backup, and the device
// is then the only place they still exist (DeviceStore::resendAfterRestore puts them back).

#include "shared/core/time.h"
#include "shared/store/record_store.h"

#include <cstdint>

namespace courtyard::sync {

class SentJournal {
public:
    // A restore from a backup older than this loses what devices did before it.
    static constexpr int kKeepDays = 30;

    explicit SentJournal(store::SqliteRecordStore& store) : m_store(store) {}

    // Keeps the outbox's operation `seq` (call before removing it from the outbox, in the same
    // transaction).
    Status keep(std::int64_t seq, Instant answeredAt);
    // Drops what was answered more than kKeepDays before `now`.
    Status prune(Instant now);
    // The highest sequence the server has answered; 0 when none is kept.
    Result<std::int64_t> lastAnswered();
    // Moves every operation after `seq` back into the outbox; returns how many.
    Result<int> requeueAfter(std::int64_t seq);

private:
    store::SqliteRecordStore& m_store;
};

} // namespace courtyard::sync
