#pragma once
// The inbox a tablet predicts offline for the person signed in: the shared rule
// (shared/rules/inbox.h) over the open records the device holds, with the person's seen marks —
// those synced from their other tablets and those made here. Deadlines in it are the device's
// provisional figures until the server's arrive; the server's GET /v1/inbox is authoritative.
// Scheduled patrol rounds, which the server judges, are judged here again as the server would
// now (rules/patrol_schedule.h), and predicted after a long time without signal (device_inbox.cpp).

#include "sync/client/device_store.h"
#include "shared/rules/inbox.h"

namespace courtyard::sync {

// The person's inbox, sorted as rules::sortInbox reads. Records of communities the person does
// not serve (per their synced staff record) are left out.
Result<std::vector<rules::InboxItem>> deviceInbox(DeviceStore& store, const domain::Actor& person, Instant now);

// Marks an item seen for the person: a new inbox_seen record (an operation in the outbox like
// any edit, so it reaches the server and the person's other tablets). Returns its id.
Result<std::string> markSeen(DeviceStore& store, const rules::InboxItem& item, const domain::Actor& person,
                             Instant now);

} // namespace courtyard::sync
