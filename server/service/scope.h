#pragma once
// What a device may see and do: its communities, the record types its role allows, the person
// acting on it (checked against their role and communities), and what is redacted on the way
// out (a kiosk gets unit numbers but no owners; a kiosk's own submissions come back as
// receipts, nothing more). Which device roles receive which records is the authorization
// table's (shared/auth/access.h).

#include "server/storage/server_storage.h"
#include "sync/protocol/messages.h"

#include <optional>
#include <string>

namespace courtyard::server {

bool deviceServes(const DeviceRow& device, const std::string& communityId);

// The person acting on the device: a kiosk acts as a resident (no staff id allowed); a staff
// device needs a signed-in, active staff member who serves at least one of its communities.
// The role is the person's, capped by the device's.
Result<domain::Actor> resolveActor(ReadUnit& unit, const DeviceRow& device, const std::string& staffId);
// May this actor touch a record of this community?
Status checkCommunity(const DeviceRow& device, const domain::Actor& actor, const std::string& communityId,
                      const store::StoredRecord* staffRecord);

// May this device read (download) or write (upload) the attachment? Only when a record it may
// read refers to it — a kiosk: a record it submitted, or a notice of its community it shows.
Status checkBlobAccess(ReadUnit& unit, const DeviceRow& device, const std::string& sha256, bool write);

ChangeFilter changeFilterFor(const DeviceRow& device);
// The change as this device may see it; nullopt: not at all.
std::optional<sync::Change> projectChange(const DeviceRow& device, store::StoredRecord r);
// A short fingerprint of the device's scope, carried in its cursor: when an administrator
// changes the scope the cursor no longer matches and the device resyncs from the start.
std::string scopeFingerprint(const DeviceRow& device);

} // namespace courtyard::server
