#include "sync/protocol/roles.h"

namespace courtyard::sync {

using domain::Role;

int roleRank(Role r) {
    switch (r) {
    case Role::Resident:
        return 0;
    case Role::Staff:
    case Role::DeveloperCs:
        return 1;
    case Role::Supervisor:
        return 2;
    case Role::Manager:
        return 3;
    case Role::Admin:
        return 4;
    }
    return 0;
}

Role effectiveRole(Role staffRole, Role deviceRole) {
    if (deviceRole == Role::Resident)
        return Role::Resident;
    if (roleRank(staffRole) <= roleRank(deviceRole))
        return staffRole;
    return deviceRole;
}

bool isKiosk(Role deviceRole) { return deviceRole == Role::Resident; }

} // namespace courtyard::sync
