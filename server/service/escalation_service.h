#pragma once
// Escalation of overdue records, computed centrally on a timer: a record of any type with a clock
// (rules/overdue.h: complaints, suggestions, transfer sheets, arrangement notices, rectification
// items, survey campaigns) past its active deadline climbs the policy's ladder (department head,
// then the deputy GM by default). The rung is written to the record's `escalation` field, naming
// the deadline it is about, and reaches every device that sees the record through the ordinary
// sync feed; the people it names find the record in their inbox (rules/inbox.h).
//
// Several servers share one database (PostgreSQL, or several `serve` over one SQLite file), and
// each has its own timer; exactly one of them runs each pass. Time is cut into slots of the
// escalation interval (slot = epoch milliseconds / interval); a server claims a slot by writing
// it to the `escalation_pass` meta row inside the same write transaction as the pass's records.
// The records to move are found by a read before it (most overdue records have climbed already)
// and each is read again and checked inside it, so the writer is held only for what moves.
// Write transactions are serialised on both engines (PostgreSQL's write advisory lock, SQLite's
// single writer), so the second server to tick in a slot reads the claim and does nothing. A
// server that dies mid-pass never commits: its record writes and its claim roll back together,
// and the next server to tick in that slot (or the next slot) runs the pass whole.
//
// The same pass keeps scheduled patrol rounds (patrol_slots.h): it creates the expected rounds of
// routes with a schedule and flags those nobody started in time (missed) or left open
// (incomplete), with the same one-server-per-pass guarantee.

#include "server/service/clock.h"
#include "server/service/patrol_slots.h"
#include "server/service/rules_cache.h"
#include "server/storage/server_storage.h"

#include <chrono>
#include <string>
#include <vector>

namespace courtyard::server {

// The records whose active deadline passed before `now`: what the pass looks at, and what
// pendingCount counts. Only the clocked types have a deadline, and naming them lets the
// type-and-deadline index serve the read (the server keeps no index of deadlines alone:
// migrateServerSchema).
store::RecordQuery overdueRecords(Instant now);

class EscalationService {
public:
    EscalationService(ServerStorage& storage, RulesCache& rules, Clock clock);

    struct Pass {
        bool ran = false; // false: another server already ran this slot's pass
        int moved = 0;    // records that moved up the ladder
        PatrolSlotPass patrols;
    };
    // The timer's pass: runs unless a server (this one or another) already ran the pass of the
    // current slot of `interval`.
    Result<Pass> runScheduled(std::chrono::milliseconds interval);
    // A pass now, whatever ran before (tests, tools). Returns how many records moved.
    Result<int> runOnce();
    // The same, with what the pass did to scheduled patrol rounds.
    Result<Pass> runNow();
    // How many records' active deadline has passed (/metrics).
    Result<std::int64_t> pendingCount();

    // The meta row that holds the last claimed pass (its instant, epoch milliseconds).
    static constexpr const char* kPassKey = "escalation_pass";

private:
    // The overdue records whose rung the pass would raise now, read outside the write
    // transaction: most overdue records have climbed already, and reading them all under the
    // writer held up every device's push meanwhile (a second for 29,000 overdue records). Each
    // one's index and flag are looked at first; only those that may move are decoded.
    Result<std::vector<std::string>> toRaise(ReadUnit& unit, Instant now);
    // Raises those of `ids` that still have a rung to climb, each read again in the unit; then
    // the scheduled patrol rounds.
    Status escalate(WriteUnit& unit, Instant now, const std::vector<std::string>& ids, Pass& pass);

    ServerStorage& m_storage;
    RulesCache& m_rules;
    Clock m_clock;
};

} // namespace courtyard::server
