#pragma once
// The server's half of patrol schedules (rules/patrol_schedule.h): run inside the escalation
// pass's write unit, so exactly one server does it per pass and a server that dies mid-pass
// leaves nothing half done. For every active route with a schedule it creates the expected
// rounds (patrol_slot records) whose start window has not closed, up to rules::kSlotsAhead
// ahead; judges every expected round of the last rules::kJudgedFor against the rounds devices
// have synced (missed, started, completed, incomplete); and withdraws (deletes) expected rounds
// still in the future that the route's schedule no longer has. Records reach devices through the
// ordinary sync feed like any record the server changes.

#include "server/service/rules_cache.h"
#include "server/storage/server_storage.h"

namespace courtyard::server {

struct PatrolSlotPass {
    int created = 0;   // expected rounds created
    int judged = 0;    // expected rounds whose status (or round) changed
    int withdrawn = 0; // future expected rounds no longer scheduled
};

Result<PatrolSlotPass> schedulePatrols(WriteUnit& unit, RulesCache& rules, Instant now);

} // namespace courtyard::server
