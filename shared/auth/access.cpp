#include "shared/auth/access.h"

#include "shared/records/record_type.h"

#include <algorithm>

namespace courtyard::auth {

namespace {

using R = Role;

// Role sets the table uses.
const RoleSet kStaffUp{R::Staff, R::Supervisor, R::Manager};
const RoleSet kSupervisorUp{R::Supervisor, R::Manager};
const RoleSet kResidentAndStaff{R::Resident, R::Staff, R::Supervisor, R::Manager};
const RoleSet kWithDeveloper{R::Staff, R::Supervisor, R::Manager, R::DeveloperCs};
// Devices that receive the company's internal records of their communities.
const RoleSet kStaffDevices{R::Staff, R::Supervisor, R::Manager, R::Admin};
const RoleSet kStaffDevicesAndDeveloper{R::Staff, R::Supervisor, R::Manager, R::Admin, R::DeveloperCs};
const RoleSet kEveryDevice{R::Resident, R::Staff, R::Supervisor, R::Manager, R::Admin, R::DeveloperCs};

// The developer's customer service is an outside party: of the complaints it sees only those
// referred to the developer (cause "developer"), never the rest of the residents' complaints.
bool developerSeesComplaint(Role deviceRole, const Json& body) {
    return deviceRole != R::DeveloperCs || stringAt(body, "cause") == "developer";
}

std::vector<FieldRule> fields(RoleSet roles, std::initializer_list<std::string_view> names) {
    std::vector<FieldRule> out;
    for (auto n : names)
        out.push_back({n, roles});
    return out;
}

template <typename... Lists>
std::vector<FieldRule> join(Lists... lists) {
    std::vector<FieldRule> out;
    (out.insert(out.end(), lists.begin(), lists.end()), ...);
    return out;
}

std::vector<TypeAccess> buildTable() {
    std::vector<TypeAccess> t;
    // Complaints: anyone may file one (a resident at a kiosk too). Staff keep the description
    // right; the deadline's inputs (urgency, seriousness, the time the resident asked for)
    // change only by a supervisor once filed, and the grade's inputs only by the supervisor's
    // decision (accept, reject, regrade).
    t.push_back({"complaint",
                 {kResidentAndStaff, {}},
                 join(fields(kStaffUp, {"complainant", "unit_id", "building_id", "category", "content", "resident_type"}),
                      fields(kSupervisorUp, {"urgent", "serious", "requested_reply_by"})),
                 {{"controllability", "high"}, {"reach", "community"}},
                 {{"comments", kWithDeveloper}, {"attachments", kWithDeveloper}},
                 kStaffDevicesAndDeveloper,
                 developerSeesComplaint});
    t.push_back({"suggestion",
                 {kResidentAndStaff, {}},
                 fields(kStaffUp, {"resident_name", "resident_phone", "unit_id", "category", "content"}),
                 {},
                 {{"comments", kStaffUp}},
                 kStaffDevices});
    // A transfer sheet is the handler's; what the superior decides on it is a transition.
    t.push_back({"transfer_sheet", {kStaffUp, {}}, fields(kStaffUp, {"subject"}), {}, {{"comments", kStaffUp}},
                 kStaffDevices});
    // An arrangement notice is issued by a supervisor; only they change whom and by when.
    t.push_back({"arrangement_notice",
                 {kSupervisorUp, {}},
                 fields(kSupervisorUp, {"assignee_id", "due_by", "instructions"}),
                 {},
                 {{"comments", kStaffUp}},
                 kStaffDevices});
    t.push_back({"rectification",
                 {kStaffUp, {}},
                 fields(kStaffUp, {"description", "area", "unit_id", "category", "report_id"}),
                 {},
                 {{"comments", kWithDeveloper}, {"attachments", kWithDeveloper}},
                 kStaffDevicesAndDeveloper});
    // Survey campaigns are planned by supervisors; kiosks show the open ones.
    t.push_back({"survey_campaign",
                 {kSupervisorUp, {}},
                 fields(kSupervisorUp,
                        {"title", "method", "categories", "period_start", "period_end", "sample", "quota", "seed",
                         "community_ids"}),
                 {},
                 {{"comments", kSupervisorUp}},
                 RoleSet{R::Resident, R::Staff, R::Supervisor, R::Manager, R::Admin}});
    t.push_back({"survey_response", {kResidentAndStaff, {}}, {}, {}, {}, kStaffDevices});
    t.push_back({"patrol_round",
                 {{R::Staff, R::Supervisor}, {}},
                 {},
                 {},
                 {{"visits", {R::Staff, R::Supervisor}},
                  {"finding_ids", {R::Staff, R::Supervisor}},
                  {"comments", {R::Staff, R::Supervisor}}},
                 kStaffDevices});
    t.push_back({"inspection",
                 {kStaffUp, {}},
                 fields(kStaffUp, {"graded", "summary", "subject_id", "area"}),
                 {},
                 {{"comments", kStaffUp}},
                 kStaffDevices});
    // Notices reach residents: published by supervisors, managers and administrators only.
    const RoleSet publishers{R::Supervisor, R::Manager, R::Admin};
    t.push_back({"notice",
                 {publishers, {}},
                 fields(publishers, {"title", "body", "valid_from", "valid_until", "urgent", "location"}),
                 {},
                 {{"attachments", publishers}},
                 kEveryDevice});
    t.push_back({"shift_handover", {kStaffUp, {}}, fields(kStaffUp, {"notes", "items"}), {}, {}, kStaffDevices});
    // The weekly review of complaint records and transfer sheets is the department head's.
    t.push_back({"weekly_review", {{R::Supervisor}, {Position::DepartmentHead}}, {}, {}, {}, kStaffDevices});
    // A seen mark on an inbox item (rules/inbox.h): anyone signed in on a staff tablet marks
    // their own (the mark is the proven creator's); the staff devices of the community carry
    // it, so the person's other tablets show it seen.
    t.push_back({"inbox_seen", {kStaffUp, {}}, {}, {}, {}, kStaffDevices});
    return t;
}

std::string roleName(Role r) { return std::string(enumName(r)); }

std::string article(std::string_view type) {
    const bool vowel = !type.empty() && std::string_view("aeiou").find(type.front()) != std::string_view::npos;
    return std::string(vowel ? "an " : "a ") + std::string(type);
}

const FieldRule* findField(const TypeAccess& a, std::string_view field) {
    for (const auto& f : a.fields)
        if (f.field == field)
            return &f;
    return nullptr;
}

const ActionField* findActionField(const TypeAccess& a, std::string_view field) {
    for (const auto& f : a.actionFields)
        if (f.field == field)
            return &f;
    return nullptr;
}

} // namespace

bool Who::admits(const Actor& a) const {
    if (!roles.contains(a.role))
        return false;
    return positions.empty() || std::find(positions.begin(), positions.end(), a.position) != positions.end();
}

const std::vector<TypeAccess>& accessTable() {
    static const std::vector<TypeAccess> table = buildTable();
    return table;
}

const TypeAccess* accessFor(std::string_view type) {
    for (const auto& a : accessTable())
        if (a.type == type)
            return &a;
    return nullptr;
}

std::vector<std::string_view> plainFields(std::string_view type) {
    std::vector<std::string_view> out;
    if (const auto* a = accessFor(type))
        for (const auto& f : a->fields)
            out.push_back(f.field);
    return out;
}

std::vector<std::string_view> appendLists(std::string_view type) {
    std::vector<std::string_view> out;
    if (const auto* a = accessFor(type))
        for (const auto& l : a->lists)
            out.push_back(l.list);
    return out;
}

Status checkCreate(std::string_view type, const Json& body, const Actor& actor) {
    const auto* a = accessFor(type);
    if (!a)
        return permissionDenied(article(type) + " is company data, changed by an administrator");
    if (!a->create.admits(actor)) {
        if (a->create.roles.contains(actor.role) && !a->create.positions.empty())
            return permissionDenied("only a " + std::string(enumName(a->create.positions.front())) +
                                    " may create " + article(type));
        if (actor.role == R::Resident)
            return permissionDenied("a kiosk can only file complaints, suggestions and survey answers");
        return permissionDenied("the " + roleName(actor.role) + " role may not create " + article(type));
    }
    if (body.is_object())
        for (const auto& f : a->actionFields)
            if (auto it = body.find(f.field); it != body.end() && !it->is_null() && *it != f.initial)
                return permissionDenied(std::string(f.field) + ": is set by a workflow action, not when " +
                                        article(type) + " is created");
    return {};
}

Status checkUpdate(std::string_view type, const Json& changes, const Actor& actor) {
    const auto* a = accessFor(type);
    if (!a)
        return permissionDenied(article(type) + " is company data, changed by an administrator");
    if (!changes.is_object())
        return invalidArgument("fields: must be an object");
    for (const auto& [key, value] : changes.items()) {
        (void)value;
        const auto* f = findField(*a, key);
        if (!f) {
            if (findActionField(*a, key))
                return permissionDenied(key + ": changes only through a workflow action, not as a plain edit");
            return invalidArgument("'" + key + "' is not a plain field of " + article(type));
        }
        if (!f->roles.contains(actor.role))
            return permissionDenied("the " + roleName(actor.role) + " role may not change '" + key + "' of " +
                                    article(type));
    }
    return {};
}

Status checkAppend(std::string_view type, std::string_view list, const Actor& actor) {
    const auto* a = accessFor(type);
    if (!a)
        return permissionDenied(article(type) + " is company data, changed by an administrator");
    for (const auto& l : a->lists)
        if (l.list == list) {
            if (!l.roles.contains(actor.role))
                return permissionDenied("the " + roleName(actor.role) + " role may not add to '" + std::string(list) +
                                        "' of " + article(type));
            return {};
        }
    return invalidArgument("'" + std::string(list) + "' is not a list of " + article(type));
}

Status checkTransition(std::string_view type, std::string_view action, const Actor& actor) {
    const auto* t = records::findRecordType(type);
    if (!t || !accessFor(type))
        return permissionDenied(article(type) + " has no workflow a device may drive");
    const auto roles = t->actionRoles(action);
    if (!roles)
        return invalidArgument("unknown action '" + std::string(action) + "' for " + article(type));
    if (!roles->contains(actor.role))
        return permissionDenied("the " + roleName(actor.role) + " role may not '" + std::string(action) + "' " +
                                article(type));
    return {};
}

bool mayCreate(std::string_view type, const Actor& actor) {
    const auto* a = accessFor(type);
    return a && a->create.admits(actor);
}

std::vector<std::string> availableActions(std::string_view type, std::string_view state, const Actor& actor) {
    const auto* t = records::findRecordType(type);
    if (!t || !accessFor(type))
        return {};
    return t->availableActions(state, actor.role);
}

std::vector<std::string> editableFields(std::string_view type, const Actor& actor) {
    std::vector<std::string> out;
    if (const auto* a = accessFor(type))
        for (const auto& f : a->fields)
            if (f.roles.contains(actor.role))
                out.emplace_back(f.field);
    return out;
}

bool mayRead(std::string_view type, Role deviceRole) {
    if (const auto* a = accessFor(type))
        return a->read.contains(deviceRole);
    const auto* t = records::findRecordType(type);
    if (!t)
        return false;
    if (deviceRole != R::Resident)
        return true; // company data: every staff device reads its communities' part
    // A kiosk: what its pages show (communities, buildings, calendars, policy) and unit numbers
    // for the "which flat?" picker (owners are taken out on the way).
    return t->visibility() == records::Visibility::Kiosk || type == "unit";
}

bool mayReadRecord(std::string_view type, Role deviceRole, const Json& body) {
    if (!mayRead(type, deviceRole))
        return false;
    const auto* a = accessFor(type);
    return !a || !a->readsRecord || a->readsRecord(deviceRole, body);
}

ReportReach reportReach(const Actor& actor) {
    switch (actor.role) {
    case R::Manager:
    case R::Admin:
        return ReportReach::Everything;
    case R::Supervisor:
        return actor.departmentId.empty() ? ReportReach::None : ReportReach::OwnDepartment;
    default:
        return ReportReach::None;
    }
}

} // namespace courtyard::auth
