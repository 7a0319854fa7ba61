#include "server/service/admin_service.h"

#include "shared/auth/pin_rules.h"
#include "shared/rules/policy.h"
#include "shared/core/hash.h"
#include "shared/domain/organization.h"
#include "shared/records/community_rules.h"
#include "shared/records/record_type.h"
#include "shared/rules/overdue.h"

#include <map>
#include <set>

namespace courtyard::server {

Status upsertRecords(WriteUnit& unit, const std::vector<PendingRecord>& records, ImportSummary& summary) {
    for (const auto& p : records) {
        const auto* type = records::findRecordType(p.type);
        auto normal = type->normalize(p.body);
        if (!normal) {
            Error e = normal.error();
            e.message = p.type + " '" + stringAt(p.body, "id") + "': " + e.message;
            return e;
        }
        const std::string id = (*normal)["id"].get<std::string>();
        auto existing = unit.get(id);
        if (!existing)
            return existing.error();
        if (*existing && (*existing)->type != p.type)
            return invalidField("id", "id '" + id + "' is already a " + (*existing)->type + ", not a " + p.type);
        if (*existing && (*existing)->body == *normal) {
            ++summary.unchanged;
            continue;
        }
        store::StoredRecord rec;
        rec.id = id;
        rec.type = p.type;
        rec.body = std::move(*normal);
        if (auto v = unit.put(std::move(rec)); !v)
            return v.error();
        ++(*existing ? summary.updated : summary.created);
    }
    return {};
}

Result<ImportSummary> importCompany(ServerStorage& storage, const Json& file, Clock clock, sync::PinHashCost cost) {
    auto company = decodeJson<domain::Company>(file);
    if (!company)
        return Error{company.error().code, "company file: " + company.error().message};
    CY_TRY(domain::validateCompany(*company));

    // PINs: hash outside the write transaction (Argon2 is slow on purpose). A PIN that still
    // matches the stored hash keeps it, so re-importing changes nothing. The hashes go to the
    // server's own table, never into the staff records devices receive.
    auto filePolicy = rules::Policy::fromJson(objectAt(file, "policy"));
    if (!filePolicy)
        return Error{filePolicy.error().code, "company file: " + filePolicy.error().message};
    std::map<std::string, std::string> pins;
    for (const auto& s : arrayAt(file, "staff"))
        if (s.is_object() && s.contains("pin")) {
            if (!s["pin"].is_string())
                return invalidArgument("staff '" + stringAt(s, "id") + "': pin must be a string of digits");
            if (auto st = auth::checkNewPin(s["pin"].get<std::string>(), *filePolicy); !st)
                return invalidArgument("staff '" + stringAt(s, "id") + "': " + st.error().message);
            pins[stringAt(s, "id")] = s["pin"].get<std::string>();
        }
    std::map<std::string, std::string> hashes;  // new hashes to store
    std::map<std::string, Json> existingStaff;  // staff records as stored now
    CY_TRY(storage.read([&](ReadUnit& unit) -> Status {
        for (const auto& st : company->staff) {
            auto existing = unit.get(st.id);
            if (!existing)
                return existing.error();
            if (*existing && (*existing)->type == "staff")
                existingStaff[st.id] = (*existing)->body;
        }
        for (const auto& [id, pin] : pins) {
            auto old = unit.pinHash(id);
            if (!old)
                return old.error();
            if (*old && sync::verifyPin(pin, **old))
                continue;
            hashes[id] = std::string();
        }
        return {};
    }));
    for (auto& [id, hash] : hashes) {
        auto h = sync::hashPin(pins[id], cost);
        if (!h)
            return h.error();
        hash = *h;
    }

    std::vector<PendingRecord> records;
    auto add = [&](const char* type, Json body) { records.push_back({type, std::move(body)}); };
    for (const auto& o : company->offices)
        add("office", o);
    std::set<std::string> calendarIds;
    for (const auto& c : company->communities) {
        add("community", c);
        calendarIds.insert(c.calendarId);
    }
    for (const auto& b : company->buildings)
        add("building", b);
    for (const auto& u : company->units)
        add("unit", u);
    for (const auto& d : company->departments)
        add("department", d);
    // A person whose PIN the file changes, or whom it deactivates, loses their sign-ins on
    // every device (a newer credential epoch); otherwise the epoch carries over.
    std::vector<std::string> withdrawn;
    for (auto s : company->staff) {
        if (auto it = existingStaff.find(s.id); it != existingStaff.end()) {
            s.credentialEpoch = it->second.value("credential_epoch", std::int64_t{0});
            const bool deactivated = it->second.value("active", true) && !s.active;
            if (deactivated || hashes.count(s.id)) {
                s.credentialEpoch += 1;
                withdrawn.push_back(s.id);
            }
        }
        add("staff", s);
    }
    // Calendars by id; a community naming one the file does not define gets the built-in one.
    std::set<std::string> defined;
    for (auto cal : arrayAt(file, "calendars")) {
        const std::string id = stringAt(cal, "id", "default");
        cal["id"] = records::calendarRecordId(id);
        defined.insert(id);
        add("calendar", cal);
    }
    for (const auto& id : calendarIds)
        if (!defined.count(id)) {
            Json cal = Json::parse(rules::Calendar::chinaDefaultJson());
            cal["id"] = records::calendarRecordId(id);
            add("calendar", cal);
        }
    Json policy = objectAt(file, "policy");
    policy["id"] = std::string(records::kPolicyRecordId);
    add("policy", policy);
    for (const auto& t : arrayAt(file, "inspection_templates"))
        add("inspection_template", t);
    for (const auto& r : arrayAt(file, "patrol_routes"))
        add("patrol_route", r);

    ImportSummary summary;
    const Instant now = clock();
    CY_TRY(storage.write([&](WriteUnit& unit) -> Status {
        summary = {};
        CY_TRY(upsertRecords(unit, records, summary));
        for (const auto& [id, hash] : hashes)
            CY_TRY(unit.setPinHash(id, hash, now));
        for (const auto& id : withdrawn)
            CY_TRY(unit.revokeStaffCredentials(id, now));
        return {};
    }));
    return summary;
}

Result<PreparedDevice> prepareDevice(const std::string& name, const std::string& roleName,
                                     const std::vector<std::string>& communityIds, Instant now) {
    static const std::set<std::string> roles{"staff", "supervisor", "manager", "developer_cs", "admin", "kiosk"};
    if (!roles.count(roleName))
        return invalidField("role", "role: '" + roleName +
                                        "' is not one of staff, supervisor, manager, developer_cs, admin, kiosk");
    if (name.empty() || name.size() > 200)
        return invalidField("name", "name: a device needs a name staff will recognise (at most 200 bytes)");
    if (communityIds.empty())
        return invalidField("community_ids", "community_ids: a device serves at least one community");
    if (roleName == "kiosk" && communityIds.size() != 1)
        return invalidField("community_ids", "community_ids: a kiosk stands in the lobby of exactly one community");
    PreparedDevice out;
    const auto rnd = sync::randomBytes(6);
    out.device.id = "dev-" + sync::base64UrlEncode(std::string_view(reinterpret_cast<const char*>(rnd.data()), rnd.size()));
    out.device.token = sync::newDeviceToken();
    out.row.id = out.device.id;
    out.row.name = name;
    out.row.roleName = roleName;
    out.row.communityIds = communityIds;
    out.row.createdAt = now;
    return out;
}

Status storeDevice(WriteUnit& unit, const PreparedDevice& d) {
    for (const auto& c : d.row.communityIds) {
        auto rec = unit.get(c);
        if (!rec)
            return rec.error();
        if (!*rec || (*rec)->type != "community") {
            Error e(ErrorCode::NotFound, "community '" + c + "' does not exist");
            e.field = "community_ids";
            return e;
        }
    }
    return unit.addDevice(d.row, sync::tokenHash(d.device.token));
}

Result<NewDevice> addDevice(ServerStorage& storage, const std::string& name, const std::string& roleName,
                            const std::vector<std::string>& communityIds, Clock clock) {
    auto prepared = prepareDevice(name, roleName, communityIds, clock());
    if (!prepared)
        return prepared.error();
    CY_TRY(storage.write([&](WriteUnit& unit) -> Status { return storeDevice(unit, *prepared); }));
    return prepared->device;
}

Status revokeDevice(ServerStorage& storage, const std::string& id, Clock clock) {
    // Its token and every sign-in on it: a lost tablet can act for nobody.
    return storage.write([&](WriteUnit& unit) -> Status {
        CY_TRY(unit.revokeDevice(id, clock()));
        return unit.revokeDeviceCredentials(id, clock());
    });
}

Result<std::vector<DeviceRow>> listDevices(ServerStorage& storage) {
    std::vector<DeviceRow> out;
    CY_TRY(storage.read([&](ReadUnit& unit) -> Status {
        auto d = unit.devices();
        if (!d)
            return d.error();
        out = std::move(*d);
        return {};
    }));
    return out;
}

Result<int> recomputeDeadlines(ServerStorage& storage, RulesCache& rules, Clock clock, const std::string& communityId) {
    rules.invalidate();
    const Instant now = clock();
    int changed = 0;
    CY_TRY(storage.write([&](WriteUnit& unit) -> Status {
        changed = 0;
        store::RecordQuery q;
        q.types = courtyard::rules::clockedRecordTypes(); // `rules` here is the cache
        if (!communityId.empty())
            q.communityIds = {communityId};
        auto recs = unit.query(q);
        if (!recs)
            return recs.error();
        for (auto& r : *recs) {
            const auto* type = records::findRecordType(r.type);
            auto ctx = rules.get(unit, type->index(r.body).communityId, now);
            Json body = r.body;
            type->derive(body, *ctx, {true, true});
            // Closed or waiting on nobody: its deadlines are history. (Judged after deriving, so
            // an open record stored before its clock existed — a submitted transfer sheet, a
            // reopened complaint round — gets it now.)
            if (!type->index(body).dueAt || body == r.body)
                continue;
            r.body = std::move(body);
            auto v = unit.put(r);
            if (!v)
                return v.error();
            ++changed;
        }
        return {};
    }));
    return changed;
}

} // namespace courtyard::server
