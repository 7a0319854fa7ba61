#pragma once
// Administration, shared by the command line and the tests: loading a company (offices,
// communities, buildings, units, departments, staff with their PINs, calendars, policy,
// inspection templates, patrol routes), a unit roster from CSV as property offices keep them,
// enrolling and revoking devices, and recomputing deadlines on request.

#include "server/service/clock.h"
#include "server/service/rules_cache.h"
#include "server/storage/server_storage.h"
#include "sync/protocol/crypto.h"

#include <string>
#include <vector>

namespace courtyard::server {

struct ImportSummary {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
};

// Loads the company file (docs/configuration.md). Records whose content is unchanged keep their
// version, so re-running an import only sends devices what changed. Staff given a "pin" in the
// file have it hashed (Argon2id); the plain PIN is never stored.
Result<ImportSummary> importCompany(ServerStorage& storage, const Json& companyFile, Clock clock,
                                    sync::PinHashCost cost = sync::defaultPinHashCost());

// A unit roster: CSV with a header row, English or Chinese column names (building/楼栋,
// unit/房号, floor/楼层, owner/业主, phone/电话, occupied/入住). Creates missing buildings.
Result<ImportSummary> importUnitRoster(ServerStorage& storage, const std::string& communityId,
                                       std::string_view csv, Clock clock);

struct NewDevice {
    std::string id;
    std::string token; // shown once; only its hash is stored
};
Result<NewDevice> addDevice(ServerStorage& storage, const std::string& name, const std::string& roleName,
                            const std::vector<std::string>& communityIds, Clock clock);
Status revokeDevice(ServerStorage& storage, const std::string& id, Clock clock);
Result<std::vector<DeviceRow>> listDevices(ServerStorage& storage);

// Recomputes every open record's deadlines with today's calendar and policy (an
// administrator's explicit request: deadlines are otherwise fixed once computed).
Result<int> recomputeDeadlines(ServerStorage& storage, RulesCache& rules, Clock clock,
                               const std::string& communityId = {});

} // namespace courtyard::server
