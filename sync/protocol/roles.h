#pragma once
// Who may act as what. A device is enrolled in one role; a person signing in on it acts with
// their own role, capped by the device's (a supervisor on a staff tablet acts as staff), and a
// kiosk always acts as a resident.

#include "shared/domain/common.h"

namespace courtyard::sync {

int roleRank(domain::Role r);
domain::Role effectiveRole(domain::Role staffRole, domain::Role deviceRole);
bool isKiosk(domain::Role deviceRole);

} // namespace courtyard::sync
