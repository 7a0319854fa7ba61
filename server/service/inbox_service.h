#pragma once
// GET /v1/inbox: the inbox of the person proven by the request (docs/sync-protocol.md), computed
// by the shared rule (shared/rules/inbox.h) over the open records of the communities both the
// device and the person serve, with the person's seen marks. Authoritative; a tablet predicts
// the same list from its synced records.

#include "server/service/clock.h"
#include "server/storage/server_storage.h"
#include "shared/rules/policy.h"

namespace courtyard::server {

// The reads of an inbox: the open work of `communities`, and a person's seen marks in them
// (by records_assignee, which the server keeps for them).
store::RecordQuery inboxOpenWork(const std::vector<std::string>& communities);
store::RecordQuery inboxSeenMarks(const std::vector<std::string>& communities, const std::string& staffId);

class InboxService {
public:
    InboxService(ServerStorage& storage, Clock clock) : m_storage(storage), m_clock(std::move(clock)) {}
    // `staffId` is proven already (AuthService::verifyRequest); the person must still be active
    // and serve one of the device's communities.
    Result<Json> inboxFor(const DeviceRow& device, const std::string& staffId, const rules::Policy& policy);

private:
    ServerStorage& m_storage;
    Clock m_clock;
};

} // namespace courtyard::server
