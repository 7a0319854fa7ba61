#include "server/reports/organisation.h"

#include "server/reports/report_sql.h"

namespace courtyard::server::reports {

const Org::Community* Org::community(const std::string& id) const {
    for (const auto& c : communities)
        if (c.id == id)
            return &c;
    return nullptr;
}

std::string Org::name(const std::string& id) const {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
}

Result<Org> loadOrg(ReportDb& db) {
    Org org;
    const Dialect d = db.dialect();
    CY_TRY(each(db,
                "SELECT id, type, coalesce(" + jsonText("body", "name", d) + ", '') AS name, coalesce(" +
                    jsonText("body", "office_id", d) + ", '') AS office_id, coalesce(" +
                    jsonText("body", "time_zone", d) + ", '') AS time_zone "
                "FROM records WHERE NOT deleted AND type IN ('office', 'community', 'department', 'staff', "
                "'inspection_template', 'patrol_route') ORDER BY id",
                {}, [&](const Row& r) {
                    const std::string type = r.text("type");
                    if (type == "community")
                        org.communities.push_back({r.text("id"), r.text("name"), r.text("office_id"), r.text("time_zone")});
                    else if (type == "office")
                        org.offices[r.text("id")] = r.text("name");
                    else if (type == "department")
                        org.departments[r.text("id")] = r.text("name");
                    else
                        org.names[r.text("id")] = r.text("name");
                }));
    return org;
}

Result<Scope> resolveScope(const Org& org, const ReportRequest& r) {
    Scope s;
    s.kind = r.scope.empty() ? "company" : r.scope;
    if (s.kind == "company") {
        if (!r.scopeId.empty())
            return invalidArgument("id: a company-wide report takes no id");
        s.company = true;
        s.name = label("scope.company", r.lang);
        for (const auto& c : org.communities)
            s.communities.push_back(c.id);
    } else if (s.kind == "community") {
        const auto* c = org.community(r.scopeId);
        if (!c)
            return invalidArgument("id: there is no community '" + r.scopeId + "'");
        s.id = c->id;
        s.name = c->name;
        s.communities = {c->id};
    } else if (s.kind == "office") {
        auto it = org.offices.find(r.scopeId);
        if (it == org.offices.end())
            return invalidArgument("id: there is no management office '" + r.scopeId + "'");
        s.id = it->first;
        s.name = it->second;
        for (const auto& c : org.communities)
            if (c.officeId == s.id)
                s.communities.push_back(c.id);
    } else {
        return invalidArgument("scope: '" + s.kind + "' is not community, office or company");
    }
    if (!r.department.empty()) {
        auto it = org.departments.find(r.department);
        if (it == org.departments.end())
            return invalidArgument("department: there is no department '" + r.department + "'");
        s.department = it->first;
        s.departmentName = it->second;
    }
    return s;
}

} // namespace courtyard::server::reports
