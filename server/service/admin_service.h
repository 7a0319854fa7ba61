#pragma once
// Administration, shared by the command line and the tests: loading a company (offices,
// communities, buildings, units, departments, staff with their PINs, calendars, policy,
// inspection templates, patrol routes), a unit roster from CSV as property offices keep them,
// enrolling and revoking devices, and recomputing deadlines on request.

#include "server/service/clock.h"
#include "server/service/rules_cache.h"
#include "server/storage/server_storage.h"
#include "sync/protocol/crypto.h"

#include <functional>
#include <string>
#include <vector>

namespace courtyard::server {

struct ImportSummary {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    std::string encoding; // a unit roster: the file's text encoding, "utf-8" or "gb18030"
};

// A company record to store (importCompany, the admin API).
struct PendingRecord {
    std::string type;
    Json body;
};
// Puts each record in its normal form unless its stored body is the same; counts what
// happened. A record whose id is taken by another type is refused (field "id").
Status upsertRecords(WriteUnit& unit, const std::vector<PendingRecord>& records, ImportSummary& summary);

// Loads the company file (docs/configuration.md). Records whose content is unchanged keep their
// version, so re-running an import only sends devices what changed. Staff given a "pin" in the
// file have it hashed (Argon2id); the plain PIN is never stored.
Result<ImportSummary> importCompany(ServerStorage& storage, const Json& companyFile, Clock clock,
                                    sync::PinHashCost cost = sync::defaultPinHashCost());

// A unit roster: CSV with a header row, English or Chinese column names (building/楼栋,
// unit/房号, floor/楼层, owner/业主, phone/电话, occupied/入住). The command line creates
// missing buildings; the admin API refuses a unit in a building the community does not have
// (field "building", with the line), and updates a unit already there (same building and
// number) in place. Either way the whole roster is stored or none of it. `inTransaction` runs
// in the same write (the admin API's audit line).
struct RosterOptions {
    bool createBuildings = true;
    std::function<Status(WriteUnit&, const ImportSummary&)> inTransaction;
};
Result<ImportSummary> importUnitRoster(ServerStorage& storage, const std::string& communityId,
                                       std::string_view csv, Clock clock, const RosterOptions& options = {});
// The id the roster gives a building of this name ("3栋" → "<community>-b-<hash>").
std::string buildingIdFor(const std::string& communityId, std::string_view name);

struct NewDevice {
    std::string id;
    std::string token; // shown once; only its hash is stored
};
// A new device checked (role, name, communities: invalid_argument naming the field) with its
// token made, nothing stored yet; storeDevice stores it in a write (its communities must exist).
struct PreparedDevice {
    DeviceRow row;
    NewDevice device;
};
Result<PreparedDevice> prepareDevice(const std::string& name, const std::string& roleName,
                                     const std::vector<std::string>& communityIds, Instant now);
Status storeDevice(WriteUnit& unit, const PreparedDevice& d);
Result<NewDevice> addDevice(ServerStorage& storage, const std::string& name, const std::string& roleName,
                            const std::vector<std::string>& communityIds, Clock clock);
Status revokeDevice(ServerStorage& storage, const std::string& id, Clock clock);
Result<std::vector<DeviceRow>> listDevices(ServerStorage& storage);

// Recomputes every open record's deadlines with today's calendar and policy (an
// administrator's explicit request: deadlines are otherwise fixed once computed).
Result<int> recomputeDeadlines(ServerStorage& storage, RulesCache& rules, Clock clock,
                               const std::string& communityId = {});

} // namespace courtyard::server
