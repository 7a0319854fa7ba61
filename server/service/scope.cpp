#include "server/service/scope.h"

#include "shared/auth/access.h"
#include "shared/core/hash.h"
#include "shared/domain/organization.h"
#include "shared/records/record_type.h"
#include "sync/protocol/roles.h"

#include <algorithm>

namespace courtyard::server {

using records::Visibility;

bool deviceServes(const DeviceRow& device, const std::string& communityId) {
    return std::find(device.communityIds.begin(), device.communityIds.end(), communityId) !=
           device.communityIds.end();
}

Result<domain::Actor> resolveActor(ReadUnit& unit, const DeviceRow& device, const std::string& staffId) {
    domain::Actor actor;
    if (sync::isKiosk(device.role)) {
        if (!staffId.empty())
            return permissionDenied("a kiosk acts for residents: operations from it carry no staff member");
        actor.role = domain::Role::Resident;
        actor.position = domain::Position::Staff;
        return actor;
    }
    if (staffId.empty())
        return unauthenticated("nobody is signed in: every operation from a staff device names its staff member");
    auto rec = unit.get(staffId);
    if (!rec)
        return rec.error();
    if (!*rec || (*rec)->type != "staff")
        return permissionDenied("staff member '" + staffId + "' is not known to the server");
    auto staff = decodeJson<domain::Staff>((*rec)->body);
    if (!staff)
        return internalError("staff record " + staffId + " does not decode: " + staff.error().message);
    if (!staff->active)
        return permissionDenied("staff member " + staff->name + " is no longer active");
    bool serves = staff->communityIds.empty();
    for (const auto& c : device.communityIds)
        serves = serves || domain::servesCommunity(*staff, c);
    if (!serves)
        return permissionDenied("staff member " + staff->name + " does not serve this device's communities");
    actor.staffId = staff->id;
    actor.name = staff->name;
    actor.position = staff->position;
    actor.departmentId = staff->departmentId;
    actor.role = sync::effectiveRole(staff->role, device.role);
    return actor;
}

Status checkCommunity(const DeviceRow& device, const domain::Actor& actor, const std::string& communityId,
                      const store::StoredRecord* staffRecord) {
    if (communityId.empty())
        return permissionDenied("this record belongs to no community; devices cannot change it");
    if (!deviceServes(device, communityId))
        return permissionDenied("community '" + communityId + "' is not one of this device's communities");
    if (staffRecord && !actor.staffId.empty()) {
        auto staff = decodeJson<domain::Staff>(staffRecord->body);
        if (staff && !domain::servesCommunity(*staff, communityId))
            return permissionDenied(staff->name + " does not serve community '" + communityId + "'");
    }
    return {};
}

Status checkBlobAccess(ReadUnit& unit, const DeviceRow& device, const std::string& sha256, bool write) {
    auto referrers = unit.blobReferrers(sha256);
    if (!referrers)
        return referrers.error();
    const bool kiosk = sync::isKiosk(device.role);
    for (const auto& id : *referrers) {
        auto rec = unit.get(id);
        if (!rec)
            return rec.error();
        if (!*rec || (*rec)->deleted)
            continue;
        const auto& r = **rec;
        if (kiosk && r.originDevice == device.id)
            return {}; // the kiosk's own submission
        const std::string community = stringAt(r.body, "community_id");
        const bool inScope = community.empty() || deviceServes(device, community);
        if (!inScope || !auth::mayReadRecord(r.type, device.role, r.body))
            continue;
        if (kiosk && write)
            continue; // a kiosk uploads only for what it submitted
        return {};
    }
    if (referrers->empty() && !write)
        return notFound("no record refers to this attachment");
    return permissionDenied(write ? "no record this device may write refers to this attachment: send the record first"
                                  : "no record this device may read refers to this attachment");
}

ChangeFilter changeFilterFor(const DeviceRow& device) {
    ChangeFilter f;
    f.communityIds = device.communityIds;
    f.companyWide = true;
    const bool kiosk = sync::isKiosk(device.role);
    for (const auto* t : records::allRecordTypes()) {
        if (t->name() == "receipt")
            continue;
        if (auth::mayRead(t->name(), device.role))
            f.types.emplace_back(t->name());
        // A kiosk's own submissions come back to it as receipts.
        if (kiosk && t->visibility() == Visibility::Submitter)
            f.originTypes.emplace_back(t->name());
    }
    if (kiosk)
        f.originDevice = device.id;
    return f;
}

std::optional<sync::Change> projectChange(const DeviceRow& device, store::StoredRecord r) {
    const auto* type = records::findRecordType(r.type);
    if (!type)
        return std::nullopt;
    sync::Change c;
    c.type = r.type;
    c.id = r.id;
    c.version = r.version;
    c.deleted = r.deleted;
    const bool kiosk = sync::isKiosk(device.role);
    // Some roles see only some records of a type (the developer's customer service): those
    // records are read before they are passed on.
    const auto* access = auth::accessFor(r.type);
    const bool needsBody = kiosk || (access && access->readsRecord && device.role == domain::Role::DeveloperCs);
    if (!needsBody && !r.rawBody.empty()) {
        c.rawRecord = std::move(r.rawBody); // passed on as stored: nothing to hide from this device
        c.stamps = std::move(r.stamps);
        c.index = std::move(r.index);
        c.history = std::move(r.history);
        return c;
    }
    if (r.body.is_null() && !r.rawBody.empty()) {
        auto parsed = parseJson(r.rawBody);
        if (!parsed)
            return std::nullopt;
        c.record = std::move(*parsed);
    } else {
        c.record = std::move(r.body);
    }
    if (kiosk) {
        if (type->visibility() == Visibility::Submitter) {
            if (r.originDevice != device.id)
                return std::nullopt; // never another device's submission
            c.type = "receipt";
            c.record = type->receiptView(c.record);
            return c;
        }
        if (r.type == "unit") {
            // Unit numbers for the "which flat?" picker; the owner stays private.
            c.record.erase("owner_name");
            c.record.erase("owner_phone");
        } else if (r.type == "survey_campaign") {
            c.record.erase("sample");
            c.record.erase("comments");
            c.record.erase("timeline");
        } else if (type->visibility() != Visibility::Kiosk) {
            return std::nullopt;
        }
        return c;
    }
    // A purged record's tombstone says nothing but its community and when it went: every device
    // of the community may learn it, so one that held the record deletes it.
    const bool purged = r.deleted && c.record.is_object() && c.record.contains("purged_at");
    if (!purged && !auth::mayReadRecord(r.type, device.role, c.record))
        return std::nullopt;
    c.stamps = std::move(r.stamps);
    c.index = std::move(r.index);
    c.history = std::move(r.history);
    return c;
}

std::string scopeFingerprint(const DeviceRow& device) {
    auto communities = device.communityIds;
    std::sort(communities.begin(), communities.end());
    std::string key = device.roleName;
    for (const auto& c : communities)
        key += "|" + c;
    return toHex64(fnv1a64(key)).substr(0, 8);
}

} // namespace courtyard::server
