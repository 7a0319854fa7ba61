#pragma once
// A history of service records for a loaded company: complaints, suggestions, an annual survey,
// inspections, patrol rounds and rectification items over the last months, as staff would have
// made them — so the demo's reports have something to show, and so the report benchmark has a
// company of realistic size. Deterministic for a seed. Records are written through the
// server's storage (with their report facts), deadlines computed by the shared rules. Part of
// the courtyard_demo library, not of the production server library.

#include "server/service/clock.h"
#include "server/storage/server_storage.h"

#include <cstdint>
#include <map>

namespace courtyard::server {

struct HistoryOptions {
    int months = 6;                 // the current month and the months before it
    int complaintsPerMonth = 12;    // per community; suggestions, inspections … scale with it
    std::uint64_t seed = 20261123;
    int recordsPerTransaction = 2000;
};

// Record counts by type.
Result<std::map<std::string, std::int64_t>> seedHistory(ServerStorage& storage, const HistoryOptions& options,
                                                        Clock clock);

} // namespace courtyard::server
