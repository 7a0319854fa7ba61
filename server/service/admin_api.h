#pragma once
// What an administrator changes through the admin API (docs/sync-protocol.md, "Administration"):
// staff, devices, offices, communities and buildings, departments, unit rosters, the policy, the
// calendars, patrol routes, inspection templates and notices. Every change is checked with the
// rules `init` uses (the company as a whole by domain::validateCompany, the policy by
// Policy::fromJson, calendars by Calendar::fromJson and a year's plausibility by
// rules::replaceYear, a notice by its record type) and refused as a whole — invalid_argument
// naming the field, nothing written — or written in one transaction together with its audit
// line naming the proven administrator. Company records written here reach devices through the
// ordinary change feed, like `init`'s. Who may call it is the router's business (admin_routes).

#include "server/service/admin_service.h"
#include "server/service/auth_service.h"
#include "shared/domain/organization.h"

namespace courtyard::server {

// Who made the change: the staff member proven by the request's X-Courtyard-Actor, on which
// device, with which credential.
struct AdminActor {
    std::string staffId;
    std::string deviceId;
    std::string credentialId;
};

class AdminApi {
public:
    AdminApi(ServerStorage& storage, RulesCache& rules, AuthService& auth, Clock clock,
             sync::PinHashCost cost = sync::defaultPinHashCost());

    // ---- staff. Answers carry staff records as devices receive them: never a PIN or its hash.
    Result<Json> staff();
    // {"staff": {id?, number, name, role, position, department_id, community_ids, pin?}}
    Result<Json> createStaff(const Json& request, const AdminActor& by);
    // {"staff": {number?, name?, role?, position?, department_id?, community_ids?}}: moves and
    // renames; `active` and the PIN change only through their own calls.
    Result<Json> updateStaff(const std::string& id, const Json& request, const AdminActor& by);
    Result<Json> setStaffActive(const std::string& id, bool active, const AdminActor& by);
    // {"pin": "…"}: every sign-in of the person withdrawn on every device.
    Result<Json> resetPin(const std::string& id, const Json& request, const AdminActor& by);

    // ---- devices
    Result<Json> devices();
    // {"device": {name, role, community_ids}} → its id and token (shown this once).
    Result<Json> enrolDevice(const Json& request, const AdminActor& by);
    Result<Json> revokeDevice(const std::string& id, const AdminActor& by);

    // ---- communities, buildings, units
    Result<Json> communities();
    // {"community": {id, office_id, name, time_zone?, calendar_id?}}
    Result<Json> createCommunity(const Json& request, const AdminActor& by);
    // {"building": {id?, name}}
    Result<Json> createBuilding(const std::string& communityId, const Json& request, const AdminActor& by);
    // The roster as CSV (admin_service.h): a unit in a building the community lacks is refused.
    Result<Json> importUnits(const std::string& communityId, std::string_view csv, const AdminActor& by);
    // {"office": {name}}: creates the management office `id` or renames it.
    Result<Json> saveOffice(const std::string& id, const Json& request, const AdminActor& by);
    // {"department": {name, kind, office_id? (none: company-level)}}: creates department `id` or
    // changes it. Listed with the communities (communities()).
    Result<Json> saveDepartment(const std::string& id, const Json& request, const AdminActor& by);

    // ---- notices for residents (admin_api_notices.cpp), made and changed as a device's
    // operations would be (sync/protocol/merge.h): the same checks, history and timeline.
    // Every notice whose validity ends at or after `endedSince` (none: 90 days before now), and
    // how many ended before it: {"notices": […], "ended_since", "older"}. Company-wide notices
    // are one record per community, so years of them are tens of thousands.
    Result<Json> notices(std::optional<Instant> endedSince = std::nullopt);
    static constexpr int kNoticesListedDays = 90;
    // {"notice": {community_ids: […] | company_wide: true, kind, title, body, valid_from,
    // valid_until, urgent?, location?}}: one notice per community, in one transaction.
    Result<Json> publishNotice(const Json& request, const AdminActor& by);
    // {"notice": {title?, body?, valid_from?, valid_until?, urgent?, location?}}
    Result<Json> changeNotice(const std::string& id, const Json& request, const AdminActor& by);
    // {"reason": "…"}: the kiosks stop showing it at their next sync.
    Result<Json> withdrawNotice(const std::string& id, const Json& request, const AdminActor& by);

    // ---- rules (admin_api_rules.cpp)
    Result<Json> policy();
    // {"policy": {key: value, …}}: the keys given change, the others keep their values.
    Result<Json> changePolicy(const Json& request, const AdminActor& by);
    Result<Json> calendars();
    // {"holidays": […], "working_days": […]}: the year's entries of calendar `id` replaced.
    Result<Json> replaceCalendarYear(const std::string& id, int year, const Json& request, const AdminActor& by);

    // ---- patrol routes (admin_api_patrol.cpp)
    Result<Json> patrolRoutes();
    // {"route": {community_id, name, department_id?, active?, schedule?, checkpoints: [{id?, name,
    // location?, due_after_minutes?, tolerance_minutes?}]}}: creates the route or replaces it.
    // Checkpoints keep their codes; new ones get an id and a code from the server.
    Result<Json> saveRoute(const std::string& id, const Json& request, const AdminActor& by);

    // ---- inspection templates (admin_api_inspection.cpp)
    Result<Json> inspectionTemplates();
    // {"template": {community_id? ("" or none: company-wide), name, kind, subject?, scale: [{id,
    // label, pass}…], items: [{id?, title, hint?, photo_on_fail?}…], active?}}: creates the
    // template or replaces it. Items keep their ids; new ones get "<id>-<n>".
    Result<Json> saveTemplate(const std::string& id, const Json& request, const AdminActor& by);

private:
    // {"<key>": [the body of every stored record of `type`…]}.
    Result<Json> listed(const char* type, const char* key);
    // Writes the records (unless unchanged) and one audit line, in one transaction; `check`
    // runs first inside it (the company-wide validation against what is stored now).
    Result<ImportSummary> write(const std::vector<PendingRecord>& records, AuditEntry audit,
                                const std::function<Status(WriteUnit&)>& check = {});
    AuditEntry audit(const AdminActor& by, const char* kind, const char* recordType, const std::string& recordId) const;
    // An office or a department written whole under `id` (PUT …/<id>): request[type] decoded as
    // a `T`, put in place of the company's entry of that id (or added) and the company checked.
    template <typename T>
    Result<Json> saveOrganisation(const std::string& id, const Json& request, const AdminActor& by, const char* type,
                                  const char* noun, std::initializer_list<std::string_view> keys,
                                  std::vector<T> domain::Company::*list);

    ServerStorage& m_storage;
    RulesCache& m_rules;
    AuthService& m_auth;
    Clock m_clock;
    sync::PinHashCost m_cost;
};

// The company as stored (offices, communities, buildings, departments, staff; units only when
// asked), for checking a change with domain::validateCompany.
Result<domain::Company> loadCompany(ReadUnit& unit, bool withUnits);

// The record stored under `id` when it is a live record of `type` (none when there is none);
// AlreadyExists on the field "id" when the id belongs to a record of another type.
Result<std::optional<store::StoredRecord>> storedOfType(ReadUnit& unit, const std::string& id, std::string_view type);

// InvalidArgument on `field` unless the company has a community (or a department) of that id.
Status checkCommunity(const domain::Company& company, const std::string& id, const char* field = "community_id");
Status checkDepartment(const domain::Company& company, const std::string& id, const char* field = "department_id");

} // namespace courtyard::server
