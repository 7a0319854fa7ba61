// Patrol routes through the admin API (docs/sync-protocol.md, "Administration"): the office
// draws a route — its checkpoints in walking order and, for rounds that must be walked at set
// times, its schedule — and prints the checkpoints' QR sheet. The QR code on a wall must keep
// working when the route is edited: a checkpoint keeps its code for as long as it keeps its id,
// and a new checkpoint gets a code the server makes ("courtyard:cp:<route>-<n>:<secret>").
#include "server/service/admin_api.h"
#include "server/service/admin_api_support.h"
#include "shared/domain/patrol.h"
#include "sync/protocol/crypto.h"

#include <map>
#include <set>

namespace courtyard::server {

using admin_detail::checkKeys;
using admin_detail::decodeField;
using admin_detail::isRecordId;
using admin_detail::member;
using admin_detail::normalForm;

namespace {

// 48 random bits as 12 hex digits: a code nobody guesses from the route and checkpoint ids, so
// a guard cannot "scan" a checkpoint without being at it.
std::string secret() {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : sync::randomBytes(6)) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
    return out;
}

} // namespace

Result<Json> AdminApi::patrolRoutes() { return listed("patrol_route", "routes"); }

Result<Json> AdminApi::saveRoute(const std::string& id, const Json& request, const AdminActor& by) {
    if (!isRecordId(id))
        return invalidField("id", "id: a route id is 1 to 64 letters, digits, '-' or '_'");
    auto body = member(request, "route");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, {"id", "community_id", "name", "department_id", "active", "schedule", "checkpoints"},
                     "a patrol route"));
    Json record = *body;
    record["id"] = id;
    if (stringAt(record, "name").empty())
        return invalidField("name", "name: a route needs a name (\"夜间巡逻\")");
    if (stringAt(record, "community_id").empty())
        return invalidField("community_id", "community_id: the community the route is in is required");
    CY_TRY(admin_detail::checkEntries(record, "checkpoints", "checkpoint",
                                      {"id", "name", "location", "code", "due_after_minutes", "tolerance_minutes"}, "name"));
    for (std::size_t i = 0; i < record["checkpoints"].size(); ++i) {
        const Json& cp = record["checkpoints"][i];
        for (const char* key : {"due_after_minutes", "tolerance_minutes"})
            if (auto v = cp.find(key); v != cp.end() && (!v->is_number_integer() || *v < 0 || *v > 24 * 60))
                return invalidField("checkpoints", "checkpoints: checkpoint " + std::to_string(i + 1) + ": " + key +
                                                       " is a whole number of minutes from 0 to 1440");
    }
    Json normal;
    Json before;
    AuditEntry line = audit(by, "admin_route_save", "patrol_route", id);
    line.communityId = stringAt(record, "community_id");
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        auto company = loadCompany(unit, false);
        if (!company)
            return company.error();
        CY_TRY(checkCommunity(*company, stringAt(record, "community_id")));
        if (const std::string department = stringAt(record, "department_id"); !department.empty())
            CY_TRY(checkDepartment(*company, department));
        auto existing = storedOfType(unit, id, "patrol_route");
        if (!existing)
            return existing.error();
        std::map<std::string, std::string> codes; // the stored route's checkpoint codes, by id
        std::set<std::string> usedIds;
        if (*existing) {
            before = (*existing)->body;
            for (const auto& cp : before.value("checkpoints", Json::array())) {
                codes[stringAt(cp, "id")] = stringAt(cp, "code");
                usedIds.insert(stringAt(cp, "id"));
            }
        }
        // Checkpoints keep their id and code; new ones get both. A code is never taken from the
        // request: the QR sheets on the walls are the server's.
        admin_detail::nameNewEntries(record["checkpoints"], id, usedIds);
        for (auto& cp : record["checkpoints"]) {
            const std::string cid = stringAt(cp, "id");
            auto code = codes.find(cid);
            cp["code"] = code != codes.end() && !code->second.empty() ? code->second
                                                                       : "courtyard:cp:" + cid + ":" + secret();
        }
        auto route = decodeField<domain::PatrolRoute>(record);
        if (!route)
            return route.error();
        if (auto st = domain::validateRoute(*route); !st) {
            Error e = st.error();
            e.field = admin_detail::fieldOf(e.message);
            if (e.field.empty())
                e.field = "checkpoints";
            return e;
        }
        normal = normalForm("patrol_route", *route);
        ImportSummary s;
        CY_TRY(upsertRecords(unit, {{"patrol_route", normal}}, s));
        line.detail = Json{{"created", before.is_null()}, {"checkpoints", route->checkpoints.size()},
                           {"schedule", normal.value("schedule", Json())}};
        return unit.addAudit(line);
    }));
    return Json{{"route", normal}};
}

} // namespace courtyard::server
