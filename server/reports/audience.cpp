#include "server/reports/audience.h"

#include "server/service/scope.h"
#include "shared/auth/access.h"
#include "shared/domain/organization.h"
#include "sync/protocol/roles.h"

#include <algorithm>

namespace courtyard::server::reports {

Result<Audience> audienceOf(ReadUnit& u, const DeviceRow& device, const std::string& staffId) {
    if (sync::isKiosk(device.role))
        return permissionDenied("a kiosk does not read reports");
    auto actor = resolveActor(u, device, staffId);
    if (!actor)
        return actor.error();
    Audience a;
    switch (auth::reportReach(*actor)) {
    case auth::ReportReach::Everything:
        a.everything = true;
        return a;
    case auth::ReportReach::None:
        if (actor->role == domain::Role::Supervisor)
            return permissionDenied(actor->name + " heads no department, so there is no report to read");
        return permissionDenied("reports are for supervisors and managers; " + actor->name + " is " +
                                std::string(enumName(actor->role)));
    case auth::ReportReach::OwnDepartment:
        break;
    }
    auto rec = u.get(actor->staffId);
    if (!rec)
        return rec.error();
    auto staff = decodeJson<domain::Staff>((*rec)->body);
    if (!staff)
        return staff.error();
    a.department = actor->departmentId;
    for (const auto& c : device.communityIds)
        if (domain::servesCommunity(*staff, c))
            a.communities.push_back(c);
    return a;
}

Status mayRead(const Audience& audience, const Scope& scope) {
    if (audience.everything)
        return {};
    const auto& mine = audience.communities;
    const bool allMine =
        !scope.company && std::all_of(scope.communities.begin(), scope.communities.end(), [&](const std::string& id) {
            return std::find(mine.begin(), mine.end(), id) != mine.end();
        });
    if (allMine)
        return {};
    return permissionDenied("a supervisor reads reports of the communities they serve; " +
                            (scope.company ? std::string("the whole company") : scope.kind + " '" + scope.id + "'") +
                            " is not one of them");
}

} // namespace courtyard::server::reports
