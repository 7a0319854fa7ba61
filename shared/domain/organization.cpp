#include "shared/domain/organization.h"

#include <algorithm>
#include <map>
#include <set>

namespace courtyard::domain {

namespace {
void requireNonEmpty(const std::string& v, const char* what) {
    if (v.empty())
        throw DecodeError(std::string(what) + ": must not be empty");
}
} // namespace

void to_json(Json& j, const ManagementOffice& v) { j = Json{{"id", v.id}, {"name", v.name}}; }
void from_json(const Json& j, ManagementOffice& v) {
    v.id = required<std::string>(j, "id");
    requireNonEmpty(v.id, "id");
    v.name = required<std::string>(j, "name");
}

void to_json(Json& j, const Community& v) {
    j = Json{{"id", v.id},
             {"office_id", v.officeId},
             {"name", v.name},
             {"time_zone", v.timeZone},
             {"calendar_id", v.calendarId}};
}
void from_json(const Json& j, Community& v) {
    v.id = required<std::string>(j, "id");
    requireNonEmpty(v.id, "id");
    v.officeId = required<std::string>(j, "office_id");
    v.name = required<std::string>(j, "name");
    optionalInto(j, "time_zone", v.timeZone);
    optionalInto(j, "calendar_id", v.calendarId);
}

void to_json(Json& j, const Building& v) {
    j = Json{{"id", v.id}, {"community_id", v.communityId}, {"name", v.name}};
}
void from_json(const Json& j, Building& v) {
    v.id = required<std::string>(j, "id");
    requireNonEmpty(v.id, "id");
    v.communityId = required<std::string>(j, "community_id");
    v.name = required<std::string>(j, "name");
}

void to_json(Json& j, const Unit& v) {
    j = Json{{"id", v.id},         {"community_id", v.communityId}, {"building_id", v.buildingId},
             {"number", v.number}, {"floor", v.floor},              {"occupied", v.occupied}};
    putIfNotEmpty(j, "owner_name", v.ownerName);
    putIfNotEmpty(j, "owner_phone", v.ownerPhone);
}
void from_json(const Json& j, Unit& v) {
    v.id = required<std::string>(j, "id");
    requireNonEmpty(v.id, "id");
    v.communityId = required<std::string>(j, "community_id");
    v.buildingId = required<std::string>(j, "building_id");
    v.number = required<std::string>(j, "number");
    optionalInto(j, "floor", v.floor);
    optionalInto(j, "occupied", v.occupied);
    optionalInto(j, "owner_name", v.ownerName);
    optionalInto(j, "owner_phone", v.ownerPhone);
}

void to_json(Json& j, const Department& v) {
    j = Json{{"id", v.id}, {"name", v.name}, {"kind", v.kind}, {"office_id", v.officeId}};
}
void from_json(const Json& j, Department& v) {
    v.id = required<std::string>(j, "id");
    requireNonEmpty(v.id, "id");
    v.name = required<std::string>(j, "name");
    v.kind = required<DepartmentKind>(j, "kind");
    optionalInto(j, "office_id", v.officeId);
}

void to_json(Json& j, const Staff& v) {
    j = Json{{"id", v.id},
             {"number", v.number},
             {"name", v.name},
             {"role", v.role},
             {"position", v.position},
             {"department_id", v.departmentId},
             {"community_ids", v.communityIds},
             {"active", v.active},
             {"credential_epoch", v.credentialEpoch}};
}
void from_json(const Json& j, Staff& v) {
    v.id = required<std::string>(j, "id");
    requireNonEmpty(v.id, "id");
    v.number = required<std::string>(j, "number");
    requireNonEmpty(v.number, "number");
    v.name = required<std::string>(j, "name");
    v.role = required<Role>(j, "role");
    if (v.role == Role::Resident)
        throw DecodeError("role: a staff member cannot have the resident role");
    optionalInto(j, "position", v.position);
    optionalInto(j, "department_id", v.departmentId);
    optionalInto(j, "community_ids", v.communityIds);
    optionalInto(j, "active", v.active);
    optionalInto(j, "credential_epoch", v.credentialEpoch);
    if (v.credentialEpoch < 0)
        throw DecodeError("credential_epoch: must not be negative");
}

bool servesCommunity(const Staff& s, const std::string& communityId) {
    return s.communityIds.empty() ||
           std::find(s.communityIds.begin(), s.communityIds.end(), communityId) !=
               s.communityIds.end();
}

void to_json(Json& j, const Device& v) {
    j = Json{{"id", v.id}, {"name", v.name}, {"role", v.role}, {"community_ids", v.communityIds}};
}
void from_json(const Json& j, Device& v) {
    v.id = required<std::string>(j, "id");
    v.name = required<std::string>(j, "name");
    v.role = required<Role>(j, "role");
    optionalInto(j, "community_ids", v.communityIds);
}

void to_json(Json& j, const Company& v) {
    j = Json{{"id", v.id},
             {"name", v.name},
             {"offices", v.offices},
             {"communities", v.communities},
             {"buildings", v.buildings},
             {"units", v.units},
             {"departments", v.departments},
             {"staff", v.staff}};
}
void from_json(const Json& j, Company& v) {
    v.id = required<std::string>(j, "id");
    v.name = required<std::string>(j, "name");
    optionalInto(j, "offices", v.offices);
    optionalInto(j, "communities", v.communities);
    optionalInto(j, "buildings", v.buildings);
    optionalInto(j, "units", v.units);
    optionalInto(j, "departments", v.departments);
    optionalInto(j, "staff", v.staff);
}

Status validateCompany(const Company& c) {
    // Each refusal names the field it is about (an admin form shows it there).
    std::set<std::string> ids;
    auto unique = [&](const std::string& id, const char* what) -> Status {
        if (id.empty())
            return invalidField("id", std::string(what) + ": an id is required");
        if (!ids.insert(id).second)
            return invalidField("id", std::string(what) + " id '" + id + "' is used twice");
        return {};
    };
    std::set<std::string> offices, communities, buildings, departments, numbers;
    std::map<std::string, std::string> buildingCommunity;
    for (const auto& o : c.offices) {
        CY_TRY(unique(o.id, "office"));
        offices.insert(o.id);
    }
    for (const auto& cm : c.communities) {
        CY_TRY(unique(cm.id, "community"));
        if (!offices.count(cm.officeId))
            return invalidField("office_id", "community '" + cm.id + "' names unknown office '" + cm.officeId + "'");
        communities.insert(cm.id);
    }
    for (const auto& b : c.buildings) {
        CY_TRY(unique(b.id, "building"));
        if (!communities.count(b.communityId))
            return invalidField("community_id",
                                "building '" + b.id + "' names unknown community '" + b.communityId + "'");
        buildings.insert(b.id);
        buildingCommunity[b.id] = b.communityId;
    }
    for (const auto& u : c.units) {
        CY_TRY(unique(u.id, "unit"));
        if (!buildings.count(u.buildingId))
            return invalidField("building_id", "unit '" + u.id + "' names unknown building '" + u.buildingId + "'");
        if (!communities.count(u.communityId))
            return invalidField("community_id",
                                "unit '" + u.id + "' names unknown community '" + u.communityId + "'");
        if (buildingCommunity[u.buildingId] != u.communityId)
            return invalidField("building_id", "unit '" + u.id + "' names building '" + u.buildingId +
                                                   "' of another community");
    }
    for (const auto& d : c.departments) {
        CY_TRY(unique(d.id, "department"));
        if (!d.officeId.empty() && !offices.count(d.officeId))
            return invalidField("office_id", "department '" + d.id + "' names unknown office '" + d.officeId + "'");
        departments.insert(d.id);
    }
    for (const auto& s : c.staff) {
        CY_TRY(unique(s.id, "staff"));
        if (s.number.empty())
            return invalidField("number", "staff '" + s.id + "': a staff number is required (it signs in with it)");
        if (s.name.empty())
            return invalidField("name", "staff '" + s.id + "': a name is required");
        if (!numbers.insert(s.number).second)
            return invalidField("number", "staff number '" + s.number + "' is used twice");
        if (!s.departmentId.empty() && !departments.count(s.departmentId))
            return invalidField("department_id",
                                "staff '" + s.id + "' names unknown department '" + s.departmentId + "'");
        for (const auto& cid : s.communityIds)
            if (!communities.count(cid))
                return invalidField("community_ids", "staff '" + s.id + "' names unknown community '" + cid + "'");
    }
    return {};
}

} // namespace courtyard::domain
