#pragma once
// What a report is about: the organisation as the records describe it (communities, offices,
// departments, the names of staff, checklists and routes), and the scope one request reads
// (the whole company, one office's communities or one community; optionally one department).

#include "server/reports/report_service.h"
#include "shared/store/database.h"

#include <map>
#include <string>
#include <vector>

namespace courtyard::server::reports {

struct Org {
    struct Community {
        std::string id, name, officeId, zone;
    };
    std::vector<Community> communities; // ordered by id
    std::map<std::string, std::string> offices;
    std::map<std::string, std::string> departments;
    std::map<std::string, std::string> names; // staff, checklists, routes: id -> name

    const Community* community(const std::string& id) const;
    // The name of a staff member, checklist or route; the id when it has none.
    std::string name(const std::string& id) const;
};

class ReportDb;
Result<Org> loadOrg(ReportDb& db);

struct Scope {
    std::string kind, id, name;
    bool company = false;
    std::vector<std::string> communities;
    std::string department, departmentName;
};

// The request's scope in this organisation; InvalidArgument naming what does not exist.
Result<Scope> resolveScope(const Org& org, const ReportRequest& r);

} // namespace courtyard::server::reports
