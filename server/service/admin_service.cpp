#include "server/service/admin_service.h"

#include "shared/auth/pin_rules.h"
#include "shared/rules/policy.h"
#include "shared/core/hash.h"
#include "shared/domain/organization.h"
#include "shared/records/community_rules.h"
#include "shared/records/record_type.h"

#include <map>
#include <set>

namespace courtyard::server {

namespace {

struct Pending {
    std::string type;
    Json body;
};

// Puts each record unless its stored body is the same; counts what happened.
Status upsertAll(WriteUnit& unit, const std::vector<Pending>& records, ImportSummary& summary) {
    for (const auto& p : records) {
        const auto* type = records::findRecordType(p.type);
        auto normal = type->normalize(p.body);
        if (!normal)
            return Error{normal.error().code, p.type + " '" + stringAt(p.body, "id") + "': " +
                                                  normal.error().message};
        const std::string id = (*normal)["id"].get<std::string>();
        auto existing = unit.get(id);
        if (!existing)
            return existing.error();
        if (*existing && (*existing)->type != p.type)
            return invalidArgument("id '" + id + "' is already a " + (*existing)->type + ", not a " + p.type);
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

// ASCII letters and digits of a name, plus a short hash when it had anything else ("3栋").
std::string idPart(std::string_view name) {
    std::string out;
    bool other = false;
    for (char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
            out.push_back(c);
        else
            other = true;
    }
    if (other || out.empty())
        out += (out.empty() ? "" : "-") + toHex64(fnv1a64(name)).substr(0, 6);
    return out;
}

std::vector<std::vector<std::string>> parseCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") // Excel's UTF-8 byte order mark
        text.remove_prefix(3);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            if (any || !field.empty()) {
                row.push_back(field);
                rows.push_back(row);
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field.push_back(c);
            any = true;
        }
    }
    if (any || !field.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

} // namespace

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

    std::vector<Pending> records;
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
        CY_TRY(upsertAll(unit, records, summary));
        for (const auto& [id, hash] : hashes)
            CY_TRY(unit.setPinHash(id, hash, now));
        for (const auto& id : withdrawn)
            CY_TRY(unit.revokeStaffCredentials(id, now));
        return {};
    }));
    return summary;
}

Result<ImportSummary> importUnitRoster(ServerStorage& storage, const std::string& communityId, std::string_view csv,
                                       Clock clock) {
    (void)clock;
    const auto rows = parseCsv(csv);
    if (rows.size() < 2)
        return invalidArgument("unit roster: a header row and at least one unit are needed");
    const std::map<std::string, std::string> aliases{
        {"building", "building"}, {"楼栋", "building"}, {"楼号", "building"}, {"栋", "building"},
        {"unit", "unit"},         {"房号", "unit"},     {"单元房号", "unit"}, {"room", "unit"},
        {"floor", "floor"},       {"楼层", "floor"},
        {"owner", "owner"},       {"owner_name", "owner"}, {"业主", "owner"}, {"业主姓名", "owner"},
        {"phone", "phone"},       {"owner_phone", "phone"}, {"电话", "phone"}, {"联系电话", "phone"},
        {"occupied", "occupied"}, {"入住", "occupied"}, {"入住状态", "occupied"}};
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < rows[0].size(); ++i) {
        std::string h = trim(rows[0][i]);
        for (auto& ch : h)
            if (ch >= 'A' && ch <= 'Z')
                ch = char(ch - 'A' + 'a');
        if (auto it = aliases.find(h); it != aliases.end())
            col[it->second] = i;
    }
    if (!col.count("building") || !col.count("unit"))
        return invalidArgument("unit roster: the header needs a building (楼栋) and a unit (房号) column");
    auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
        auto it = col.find(name);
        return it != col.end() && it->second < row.size() ? trim(row[it->second]) : std::string();
    };
    std::vector<Pending> records;
    std::set<std::string> buildings, units;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const std::string line = "unit roster line " + std::to_string(r + 1) + ": ";
        const std::string building = cell(row, "building"), number = cell(row, "unit");
        if (building.empty() && number.empty())
            continue;
        if (building.empty() || number.empty())
            return invalidArgument(line + "building and unit are both required");
        const std::string bid = communityId + "-b-" + idPart(building);
        if (buildings.insert(bid).second)
            records.push_back({"building", Json{{"id", bid}, {"community_id", communityId}, {"name", building}}});
        const std::string uid = communityId + "-" + idPart(building) + "-" + idPart(number);
        if (!units.insert(uid).second)
            return invalidArgument(line + building + " " + number + " is listed twice");
        Json u{{"id", uid}, {"community_id", communityId}, {"building_id", bid}, {"number", number}};
        if (auto f = cell(row, "floor"); !f.empty()) {
            try {
                u["floor"] = std::stoi(f);
            } catch (...) {
                return invalidArgument(line + "floor '" + f + "' is not a number");
            }
        }
        if (auto o = cell(row, "owner"); !o.empty())
            u["owner_name"] = o;
        if (auto p = cell(row, "phone"); !p.empty())
            u["owner_phone"] = p;
        const std::string occ = cell(row, "occupied");
        static const std::set<std::string> yes{"", "是", "yes", "y", "1", "true", "已入住", "入住", "Y", "YES", "Yes"};
        static const std::set<std::string> no{"否", "no", "n", "0", "false", "未入住", "空置", "N", "NO", "No"};
        if (yes.count(occ))
            u["occupied"] = true;
        else if (no.count(occ))
            u["occupied"] = false;
        else
            return invalidArgument(line + "occupied '" + occ + "' is not yes/no (是/否)");
        records.push_back({"unit", u});
    }
    ImportSummary summary;
    CY_TRY(storage.write([&](WriteUnit& unit) -> Status {
        summary = {};
        auto community = unit.get(communityId);
        if (!community)
            return community.error();
        if (!*community || (*community)->type != "community")
            return notFound("community '" + communityId + "' does not exist: load the company first");
        return upsertAll(unit, records, summary);
    }));
    return summary;
}

Result<NewDevice> addDevice(ServerStorage& storage, const std::string& name, const std::string& roleName,
                            const std::vector<std::string>& communityIds, Clock clock) {
    static const std::set<std::string> roles{"staff", "supervisor", "manager", "developer_cs", "admin", "kiosk"};
    if (!roles.count(roleName))
        return invalidArgument("role: '" + roleName +
                               "' is not one of staff, supervisor, manager, developer_cs, admin, kiosk");
    if (name.empty())
        return invalidArgument("name: a device needs a name staff will recognise");
    if (communityIds.empty())
        return invalidArgument("community: a device serves at least one community");
    if (roleName == "kiosk" && communityIds.size() != 1)
        return invalidArgument("community: a kiosk stands in the lobby of exactly one community");
    NewDevice out;
    const auto rnd = sync::randomBytes(6);
    out.id = "dev-" + sync::base64UrlEncode(std::string_view(reinterpret_cast<const char*>(rnd.data()), rnd.size()));
    out.token = sync::newDeviceToken();
    DeviceRow row;
    row.id = out.id;
    row.name = name;
    row.roleName = roleName;
    row.communityIds = communityIds;
    row.createdAt = clock();
    CY_TRY(storage.write([&](WriteUnit& unit) -> Status {
        for (const auto& c : communityIds) {
            auto rec = unit.get(c);
            if (!rec)
                return rec.error();
            if (!*rec || (*rec)->type != "community")
                return notFound("community '" + c + "' does not exist");
        }
        return unit.addDevice(row, sync::tokenHash(out.token));
    }));
    return out;
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
        q.types = {"complaint", "suggestion", "arrangement_notice", "rectification", "survey_campaign"};
        if (!communityId.empty())
            q.communityIds = {communityId};
        auto recs = unit.query(q);
        if (!recs)
            return recs.error();
        for (auto& r : *recs) {
            const auto* type = records::findRecordType(r.type);
            if (!type->index(r.body).dueAt)
                continue; // closed or waiting on nobody: its deadlines are history
            auto ctx = rules.get(unit, type->index(r.body).communityId, now);
            Json body = r.body;
            type->derive(body, *ctx, {true, true});
            if (body == r.body)
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
