#pragma once
// Places and people: company → management offices → communities → buildings →
// units; departments; staff with roles; devices. These are reference records: the server
// owns them and devices receive them through the same sync feed as everything else.

#include "shared/domain/common.h"

#include <string>
#include <vector>

namespace courtyard::domain {

enum class DepartmentKind { CustomerService, Engineering, Security, Cleaning, Landscaping, DeveloperCs, Management };
COURTYARD_ENUM_STRINGS(DepartmentKind, {{DepartmentKind::CustomerService, "customer_service"},
                                        {DepartmentKind::Engineering, "engineering"},
                                        {DepartmentKind::Security, "security"},
                                        {DepartmentKind::Cleaning, "cleaning"},
                                        {DepartmentKind::Landscaping, "landscaping"},
                                        {DepartmentKind::DeveloperCs, "developer_cs"},
                                        {DepartmentKind::Management, "management"}})

struct ManagementOffice {
    std::string id;
    std::string name;
};
void to_json(Json& j, const ManagementOffice& v);
void from_json(const Json& j, ManagementOffice& v);

struct Community {
    std::string id;
    std::string officeId;
    std::string name;
    std::string timeZone = "Asia/Shanghai"; // IANA name; instants are stored in UTC
    std::string calendarId = "default";
};
void to_json(Json& j, const Community& v);
void from_json(const Json& j, Community& v);

struct Building {
    std::string id;
    std::string communityId;
    std::string name; // "3栋"
};
void to_json(Json& j, const Building& v);
void from_json(const Json& j, Building& v);

// A household. `occupied` units are the base of every survey quota. The owner's contact is
// private: it reaches staff devices of the community only, never a kiosk.
struct Unit {
    std::string id;
    std::string communityId;
    std::string buildingId;
    std::string number; // "1-502": entrance-room as the office writes it
    int floor = 0;
    bool occupied = true;
    std::string ownerName;
    std::string ownerPhone;
};
void to_json(Json& j, const Unit& v);
void from_json(const Json& j, Unit& v);

struct Department {
    std::string id;
    std::string name;
    DepartmentKind kind = DepartmentKind::CustomerService;
    std::string officeId; // empty for company-level departments
};
void to_json(Json& j, const Department& v);
void from_json(const Json& j, Department& v);

// A person who signs in on tablets. Their PIN hash stays on the server (never in this record);
// a device holds a credential for them instead (sync/protocol/proof.h). `credential_epoch`
// grows whenever their credentials are withdrawn (PIN reset or change, deactivation): a
// device that syncs this record forgets every credential of theirs from an older epoch.
struct Staff {
    std::string id;
    std::string number; // staff number used to sign in
    std::string name;
    Role role = Role::Staff;
    Position position = Position::Staff;
    std::string departmentId;
    std::vector<std::string> communityIds; // empty = every community (company-level staff)
    bool active = true;
    std::int64_t credentialEpoch = 0;
};
void to_json(Json& j, const Staff& v);
void from_json(const Json& j, Staff& v);
bool servesCommunity(const Staff& s, const std::string& communityId);

// An enrolled tablet or kiosk: one role, a set of communities.
struct Device {
    std::string id;
    std::string name;
    Role role = Role::Staff;
    std::vector<std::string> communityIds;
};
void to_json(Json& j, const Device& v);
void from_json(const Json& j, Device& v);

// The company file `courtyard-server init` loads (see docs/configuration.md).
struct Company {
    std::string id;
    std::string name;
    std::vector<ManagementOffice> offices;
    std::vector<Community> communities;
    std::vector<Building> buildings;
    std::vector<Unit> units;
    std::vector<Department> departments;
    std::vector<Staff> staff;
};
void to_json(Json& j, const Company& v);
void from_json(const Json& j, Company& v);
// Checks references (every unit's building exists, …) and uniqueness of ids and staff numbers.
Status validateCompany(const Company& c);

} // namespace courtyard::domain
