// Staff, devices, communities, buildings and unit rosters (admin_api.h); the policy and the
// calendars are in admin_api_rules.cpp.
#include "server/service/admin_api.h"

#include "server/service/admin_api_support.h"
#include "shared/auth/pin_rules.h"
#include "shared/domain/organization.h"
#include "shared/records/community_rules.h"
#include "shared/records/record_type.h"
#include "sync/protocol/crypto.h"

#include <algorithm>
#include <set>

namespace courtyard::server {

using admin_detail::checkKeys;
using admin_detail::decodeField;
using admin_detail::member;
using admin_detail::normalForm;

AdminApi::AdminApi(ServerStorage& storage, RulesCache& rules, AuthService& auth, Clock clock, sync::PinHashCost cost)
    : m_storage(storage), m_rules(rules), m_auth(auth), m_clock(std::move(clock)), m_cost(cost) {}

AuditEntry AdminApi::audit(const AdminActor& by, const char* kind, const char* recordType,
                           const std::string& recordId) const {
    AuditEntry e;
    e.at = m_clock();
    e.deviceId = by.deviceId;
    e.kind = kind;
    e.recordType = recordType;
    e.recordId = recordId;
    e.actor = by.staffId;
    e.credentialId = by.credentialId;
    e.outcome = "applied";
    return e;
}

Result<ImportSummary> AdminApi::write(const std::vector<PendingRecord>& records, AuditEntry audit,
                                      const std::function<Status(WriteUnit&)>& check) {
    ImportSummary summary;
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        summary = {};
        if (check)
            CY_TRY(check(unit));
        CY_TRY(upsertRecords(unit, records, summary));
        AuditEntry line = audit;
        line.detail["created"] = summary.created;
        line.detail["updated"] = summary.updated;
        return unit.addAudit(line);
    }));
    return summary;
}

Result<std::optional<store::StoredRecord>> storedOfType(ReadUnit& unit, const std::string& id, std::string_view type) {
    auto existing = unit.get(id);
    if (!existing)
        return existing.error();
    if (!*existing || (*existing)->deleted)
        return std::optional<store::StoredRecord>();
    if ((*existing)->type != type) {
        Error e(ErrorCode::AlreadyExists, "id: '" + id + "' is already a " + (*existing)->type);
        e.field = "id";
        return e;
    }
    return existing;
}

Status checkCommunity(const domain::Company& company, const std::string& id, const char* field) {
    for (const auto& c : company.communities)
        if (c.id == id)
            return {};
    return invalidField(field, std::string(field) + ": '" + id + "' is not a community");
}

Status checkDepartment(const domain::Company& company, const std::string& id, const char* field) {
    for (const auto& d : company.departments)
        if (d.id == id)
            return {};
    return invalidField(field, std::string(field) + ": '" + id + "' is not a department");
}

Result<domain::Company> loadCompany(ReadUnit& unit, bool withUnits) {
    store::RecordQuery q;
    q.types = {"office", "community", "building", "department", "staff"};
    if (withUnits)
        q.types.push_back("unit");
    auto records = unit.query(q);
    if (!records)
        return records.error();
    domain::Company c;
    try {
        for (const auto& r : *records) {
            if (r.type == "office")
                c.offices.push_back(r.body.get<domain::ManagementOffice>());
            else if (r.type == "community")
                c.communities.push_back(r.body.get<domain::Community>());
            else if (r.type == "building")
                c.buildings.push_back(r.body.get<domain::Building>());
            else if (r.type == "department")
                c.departments.push_back(r.body.get<domain::Department>());
            else if (r.type == "staff")
                c.staff.push_back(r.body.get<domain::Staff>());
            else
                c.units.push_back(r.body.get<domain::Unit>());
        }
    } catch (const std::exception& e) {
        return internalError(std::string("a stored company record does not decode: ") + e.what());
    }
    return c;
}

// ---- staff

Result<Json> AdminApi::listed(const char* type, const char* key) {
    Json out = Json::array();
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        store::RecordQuery q;
        q.types = {type};
        auto records = unit.query(q);
        if (!records)
            return records.error();
        for (auto& r : *records)
            out.push_back(std::move(r.body));
        return {};
    }));
    return Json{{key, std::move(out)}};
}

Result<Json> AdminApi::staff() { return listed("staff", "staff"); }

Result<Json> AdminApi::createStaff(const Json& request, const AdminActor& by) {
    auto body = member(request, "staff");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, {"id", "number", "name", "role", "position", "department_id", "community_ids", "pin"},
                     "a new staff member"));
    Json record = *body;
    record.erase("pin");
    if (stringAt(record, "id").empty()) {
        const auto rnd = sync::randomBytes(6);
        record["id"] = "s-" + sync::base64UrlEncode(std::string_view(reinterpret_cast<const char*>(rnd.data()), rnd.size()));
    }
    record["active"] = true;
    record["credential_epoch"] = 0;
    auto staff = decodeField<domain::Staff>(record);
    if (!staff)
        return staff.error();
    // The PIN: checked against the policy and hashed before the write (Argon2 is slow on purpose).
    std::optional<std::string> hash;
    if (body->contains("pin")) {
        if (!(*body)["pin"].is_string())
            return invalidField("pin", "pin: a string of digits");
        std::shared_ptr<const rules::RuleContext> rules;
        CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
            rules = m_rules.get(unit, "", m_clock());
            return {};
        }));
        CY_TRY(auth::checkNewPin((*body)["pin"].get<std::string>(), rules->policy));
        auto h = sync::hashPin((*body)["pin"].get<std::string>(), m_cost);
        if (!h)
            return h.error();
        hash = *h;
    }
    const Json normal = normalForm("staff", *staff);
    AuditEntry line = audit(by, "admin_staff_create", "staff", staff->id);
    line.detail = Json{{"staff", normal}, {"pin_set", hash.has_value()}};
    auto written = write({{"staff", normal}}, line, [&](WriteUnit& unit) -> Status {
        auto existing = unit.get(staff->id);
        if (!existing)
            return existing.error();
        if (*existing) {
            Error e(ErrorCode::AlreadyExists, "id: '" + staff->id + "' is already a " + (*existing)->type);
            e.field = "id";
            return e;
        }
        auto company = loadCompany(unit, false);
        if (!company)
            return company.error();
        company->staff.push_back(*staff);
        CY_TRY(domain::validateCompany(*company));
        if (hash)
            CY_TRY(unit.setPinHash(staff->id, *hash, m_clock()));
        return {};
    });
    if (!written)
        return written.error();
    return Json{{"staff", normal}};
}

Result<Json> AdminApi::updateStaff(const std::string& id, const Json& request, const AdminActor& by) {
    auto body = member(request, "staff");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, {"number", "name", "role", "position", "department_id", "community_ids"},
                     "a staff member's change (active and the PIN have their own calls)"));
    Json normal;
    Json before = Json::object();
    AuditEntry line = audit(by, "admin_staff_update", "staff", id);
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        auto existing = unit.get(id);
        if (!existing)
            return existing.error();
        if (!*existing || (*existing)->type != "staff")
            return notFound("no staff member '" + id + "'");
        Json record = (*existing)->body;
        for (const auto& [key, value] : body->items()) {
            before[key] = record.contains(key) ? record[key] : Json();
            record[key] = value;
        }
        auto staff = decodeField<domain::Staff>(record);
        if (!staff)
            return staff.error();
        auto company = loadCompany(unit, false);
        if (!company)
            return company.error();
        for (auto& s : company->staff)
            if (s.id == id)
                s = *staff;
        CY_TRY(domain::validateCompany(*company));
        normal = normalForm("staff", *staff);
        ImportSummary summary;
        CY_TRY(upsertRecords(unit, {{"staff", normal}}, summary));
        line.detail = Json{{"before", before}, {"after", *body}};
        return unit.addAudit(line);
    }));
    return Json{{"staff", normal}};
}

Result<Json> AdminApi::setStaffActive(const std::string& id, bool active, const AdminActor& by) {
    CY_TRY(m_auth.setActive(id, active, {by.staffId, by.deviceId, by.credentialId}));
    return Json{{"staff_id", id}, {"active", active}};
}

Result<Json> AdminApi::resetPin(const std::string& id, const Json& request, const AdminActor& by) {
    if (!request.contains("pin") || !request["pin"].is_string())
        return invalidField("pin", "pin: is required (a string of digits)");
    CY_TRY(m_auth.setPin(id, request["pin"].get<std::string>(), {by.staffId, by.deviceId, by.credentialId}));
    // Nothing of the PIN comes back: only that it was set.
    return Json{{"staff_id", id}, {"pin_set", true}};
}

// ---- devices

Result<Json> AdminApi::devices() {
    auto rows = listDevices(m_storage);
    if (!rows)
        return rows.error();
    Json out = Json::array();
    for (const auto& d : *rows) {
        Json j{{"id", d.id},
               {"name", d.name},
               {"role", d.roleName},
               {"community_ids", d.communityIds},
               {"created_at", formatInstant(d.createdAt)},
               {"last_seq", d.lastSeq}};
        j["last_seen_at"] = d.lastSeenAt ? Json(formatInstant(*d.lastSeenAt)) : Json(nullptr);
        j["revoked_at"] = d.revokedAt ? Json(formatInstant(*d.revokedAt)) : Json(nullptr);
        j["sync_state"] = d.revokedAt ? "revoked" : d.lastSeenAt ? "synced" : "never_synced";
        out.push_back(std::move(j));
    }
    return Json{{"devices", std::move(out)}};
}

Result<Json> AdminApi::enrolDevice(const Json& request, const AdminActor& by) {
    auto body = member(request, "device");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, {"name", "role", "community_ids"}, "a new device"));
    std::vector<std::string> communities;
    try {
        optionalInto(*body, "community_ids", communities);
    } catch (const DecodeError& e) {
        return invalidField("community_ids", std::string("community_ids: ") + e.what());
    }
    auto prepared = prepareDevice(stringAt(*body, "name"), stringAt(*body, "role"), communities, m_clock());
    if (!prepared)
        return prepared.error();
    AuditEntry line = audit(by, "admin_device_enrol", "device", prepared->row.id);
    line.detail = Json{{"name", prepared->row.name}, {"role", prepared->row.roleName}, {"community_ids", communities}};
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        CY_TRY(storeDevice(unit, *prepared));
        return unit.addAudit(line);
    }));
    return Json{{"device_id", prepared->device.id}, {"token", prepared->device.token}};
}

Result<Json> AdminApi::revokeDevice(const std::string& id, const AdminActor& by) {
    if (id == by.deviceId)
        return failedPrecondition("this is the device you are using: revoke it from another administrator's device");
    AuditEntry line = audit(by, "admin_device_revoke", "device", id);
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        // Its token and every sign-in on it: a lost tablet can act for nobody.
        CY_TRY(unit.revokeDevice(id, line.at));
        CY_TRY(unit.revokeDeviceCredentials(id, line.at));
        return unit.addAudit(line);
    }));
    return Json{{"device_id", id}, {"revoked", true}};
}

// ---- communities, buildings, units

Result<Json> AdminApi::communities() {
    // Departments too: a staff form picks one, and the places and the organisation are read together.
    Json out{{"offices", Json::array()},
             {"communities", Json::array()},
             {"buildings", Json::array()},
             {"departments", Json::array()},
             {"unit_counts", Json::object()}};
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        store::RecordQuery q;
        q.types = {"office", "community", "building", "department"};
        auto records = unit.query(q);
        if (!records)
            return records.error();
        for (auto& r : *records)
            out[r.type == "community" ? std::string("communities") : r.type + "s"].push_back(std::move(r.body));
        // Units are counted, not listed (a roster runs to thousands): per community, all and occupied.
        store::RecordQuery units;
        units.types = {"unit"};
        auto rows = unit.query(units);
        if (!rows)
            return rows.error();
        Json& counts = out["unit_counts"];
        for (const auto& r : *rows) {
            const auto community = r.body.value("community_id", std::string());
            if (community.empty())
                continue;
            if (!counts.contains(community))
                counts[community] = Json{{"units", 0}, {"occupied", 0}};
            counts[community]["units"] = counts[community]["units"].get<int>() + 1;
            if (r.body.value("occupied", true))
                counts[community]["occupied"] = counts[community]["occupied"].get<int>() + 1;
        }
        return {};
    }));
    return out;
}

Result<Json> AdminApi::createCommunity(const Json& request, const AdminActor& by) {
    auto body = member(request, "community");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, {"id", "office_id", "name", "time_zone", "calendar_id"}, "a new community"));
    auto community = decodeField<domain::Community>(*body);
    if (!community)
        return community.error();
    if (community->name.empty())
        return invalidField("name", "name: a community needs a name");
    if (auto zone = rules::Calendar::chinaDefault().withZone(community->timeZone); !zone)
        return invalidField("time_zone", zone.error().message);
    const Json normal = normalForm("community", *community);
    std::vector<PendingRecord> records{{"community", normal}};
    AuditEntry line = audit(by, "admin_community_create", "community", community->id);
    line.communityId = community->id;
    line.detail = Json{{"community", normal}};
    auto written = write(records, line, [&](WriteUnit& unit) -> Status {
        auto existing = unit.get(community->id);
        if (!existing)
            return existing.error();
        if (*existing) {
            Error e(ErrorCode::AlreadyExists, "id: '" + community->id + "' is already a " + (*existing)->type);
            e.field = "id";
            return e;
        }
        auto company = loadCompany(unit, false);
        if (!company)
            return company.error();
        company->communities.push_back(*community);
        CY_TRY(domain::validateCompany(*company));
        // As `init` does: a calendar the company has not defined is the built-in one.
        auto cal = unit.get(records::calendarRecordId(community->calendarId));
        if (!cal)
            return cal.error();
        if (!*cal) {
            Json builtIn = Json::parse(rules::Calendar::chinaDefaultJson());
            builtIn["id"] = records::calendarRecordId(community->calendarId);
            ImportSummary s;
            CY_TRY(upsertRecords(unit, {{"calendar", builtIn}}, s));
        }
        return {};
    });
    if (!written)
        return written.error();
    m_rules.invalidate();
    return Json{{"community", normal}};
}

Result<Json> AdminApi::createBuilding(const std::string& communityId, const Json& request, const AdminActor& by) {
    auto body = member(request, "building");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, {"id", "name"}, "a new building"));
    Json record = *body;
    const std::string name = stringAt(record, "name");
    if (name.empty())
        return invalidField("name", "name: a building needs a name (\"3栋\")");
    if (stringAt(record, "id").empty())
        record["id"] = buildingIdFor(communityId, name);
    record["community_id"] = communityId;
    auto building = decodeField<domain::Building>(record);
    if (!building)
        return building.error();
    const Json normal = normalForm("building", *building);
    AuditEntry line = audit(by, "admin_building_create", "building", building->id);
    line.communityId = communityId;
    line.detail = Json{{"building", normal}};
    auto written = write({{"building", normal}}, line, [&](WriteUnit& unit) -> Status {
        auto company = loadCompany(unit, false);
        if (!company)
            return company.error();
        bool known = false;
        for (const auto& c : company->communities)
            known = known || c.id == communityId;
        if (!known)
            return notFound("community '" + communityId + "' does not exist");
        for (const auto& b : company->buildings)
            if (b.communityId == communityId && b.name == name)
                return invalidField("name", "name: " + communityId + " has a building '" + name + "' already (" + b.id + ")");
        auto existing = unit.get(building->id);
        if (!existing)
            return existing.error();
        if (*existing) {
            Error e(ErrorCode::AlreadyExists, "id: '" + building->id + "' is already a " + (*existing)->type);
            e.field = "id";
            return e;
        }
        company->buildings.push_back(*building);
        return domain::validateCompany(*company);
    });
    if (!written)
        return written.error();
    return Json{{"building", normal}};
}

// ---- offices and departments: created, or renamed and moved, under the id in the path

template <typename T>
Result<Json> AdminApi::saveOrganisation(const std::string& id, const Json& request, const AdminActor& by,
                                        const char* type, const char* noun,
                                        std::initializer_list<std::string_view> keys,
                                        std::vector<T> domain::Company::*list) {
    if (!admin_detail::isRecordId(id))
        return invalidField("id", "id: " + std::string(noun) + "'s id is 1 to 64 letters, digits, '-' or '_'");
    auto body = member(request, type);
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, keys, noun));
    Json record = *body;
    record["id"] = id;
    if (stringAt(record, "name").empty())
        return invalidField("name", "name: " + std::string(noun) + " needs a name");
    auto value = decodeField<T>(record);
    if (!value)
        return value.error();
    const Json normal = normalForm(type, *value);
    const std::string kind = std::string("admin_") + type + "_save";
    AuditEntry line = audit(by, kind.c_str(), type, id);
    line.detail = Json{{type, normal}};
    auto written = write({{type, normal}}, line, [&](WriteUnit& unit) -> Status {
        auto existing = storedOfType(unit, id, type); // an id of another type is refused
        if (!existing)
            return existing.error();
        auto company = loadCompany(unit, false);
        if (!company)
            return company.error();
        // In place of the stored one of that id, or added; then the company checked whole (a
        // department's office must be one of the company's).
        auto& entries = (*company).*list;
        auto it = std::find_if(entries.begin(), entries.end(), [&](const T& e) { return e.id == id; });
        if (it != entries.end())
            *it = *value;
        else
            entries.push_back(*value);
        return domain::validateCompany(*company);
    });
    if (!written)
        return written.error();
    return Json{{type, normal}};
}

Result<Json> AdminApi::saveOffice(const std::string& id, const Json& request, const AdminActor& by) {
    return saveOrganisation(id, request, by, "office", "an office", {"id", "name"}, &domain::Company::offices);
}

Result<Json> AdminApi::saveDepartment(const std::string& id, const Json& request, const AdminActor& by) {
    return saveOrganisation(id, request, by, "department", "a department", {"id", "name", "kind", "office_id"},
                            &domain::Company::departments);
}

Result<Json> AdminApi::importUnits(const std::string& communityId, std::string_view csv, const AdminActor& by) {
    RosterOptions options;
    options.createBuildings = false;
    options.inTransaction = [&](WriteUnit& unit, const ImportSummary& s) -> Status {
        AuditEntry line = audit(by, "admin_units_import", "unit", "");
        line.communityId = communityId;
        line.detail = Json{{"created", s.created}, {"updated", s.updated}, {"unchanged", s.unchanged},
                           {"encoding", s.encoding}};
        return unit.addAudit(line);
    };
    auto s = importUnitRoster(m_storage, communityId, csv, m_clock, options);
    if (!s)
        return s.error();
    return Json{{"community_id", communityId}, {"created", s->created}, {"updated", s->updated},
                {"unchanged", s->unchanged}, {"encoding", s->encoding}};
}

} // namespace courtyard::server
