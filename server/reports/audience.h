#pragma once
// Who may read which reports: managers everything; supervisors their own department in the
// communities both they and their device serve; a kiosk and other staff nothing.

#include "server/reports/organisation.h"
#include "server/storage/server_storage.h"

#include <string>
#include <vector>

namespace courtyard::server::reports {

struct Audience {
    bool everything = false;
    std::string department;
    std::vector<std::string> communities;
};

// The audience of the person signed in on the device; PermissionDenied saying why not.
Result<Audience> audienceOf(ReadUnit& u, const DeviceRow& device, const std::string& staffId);
// Whether the audience may read the report of this scope (their department was settled before).
Status mayRead(const Audience& audience, const Scope& scope);

} // namespace courtyard::server::reports
