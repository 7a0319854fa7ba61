// Inspection templates through the admin API (docs/sync-protocol.md, "Administration"): the
// checklists inspectors grade on the tablet — a name, a kind, what is inspected, the grading
// scale and the items. An item keeps its id while it stays on the template, so the figures of
// inspections already graded on it stay comparable; a new item gets "<template>-<n>". An
// inspection copies the scale and items when it starts: editing a template never changes one
// that is under way.
#include "server/service/admin_api.h"
#include "server/service/admin_api_support.h"
#include "shared/domain/inspection.h"

#include <set>

namespace courtyard::server {

using admin_detail::checkKeys;
using admin_detail::decodeField;
using admin_detail::isRecordId;
using admin_detail::member;
using admin_detail::normalForm;

Result<Json> AdminApi::inspectionTemplates() { return listed("inspection_template", "templates"); }

Result<Json> AdminApi::saveTemplate(const std::string& id, const Json& request, const AdminActor& by) {
    if (!isRecordId(id))
        return invalidField("id", "id: a template id is 1 to 64 letters, digits, '-' or '_'");
    auto body = member(request, "template");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, {"id", "community_id", "name", "kind", "subject", "scale", "items", "active"},
                     "an inspection template"));
    Json record = *body;
    record["id"] = id;
    if (stringAt(record, "name").empty())
        return invalidField("name", "name: a template needs a name (\"客服礼仪检查\")");
    CY_TRY(admin_detail::checkEntries(record, "items", "item", {"id", "title", "hint", "photo_on_fail"}, "title"));
    Json normal;
    AuditEntry line = audit(by, "admin_template_save", "inspection_template", id);
    line.communityId = stringAt(record, "community_id");
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        if (const std::string community = stringAt(record, "community_id"); !community.empty()) {
            auto company = loadCompany(unit, false);
            if (!company)
                return company.error();
            CY_TRY(checkCommunity(*company, community));
        }
        auto existing = storedOfType(unit, id, "inspection_template");
        if (!existing)
            return existing.error();
        std::set<std::string> usedIds;
        bool created = true;
        if (*existing) {
            created = false;
            for (const auto& item : (*existing)->body.value("items", Json::array()))
                usedIds.insert(stringAt(item, "id"));
        }
        admin_detail::nameNewEntries(record["items"], id, usedIds);
        auto tmpl = decodeField<domain::InspectionTemplate>(record);
        if (!tmpl)
            return tmpl.error();
        if (auto st = domain::validateTemplate(*tmpl); !st) {
            Error e = st.error();
            e.field = admin_detail::fieldOf(e.message);
            return e;
        }
        normal = normalForm("inspection_template", *tmpl);
        ImportSummary s;
        CY_TRY(upsertRecords(unit, {{"inspection_template", normal}}, s));
        line.detail = Json{{"created", created}, {"items", tmpl->items.size()}, {"scale", normal.value("scale", Json())}};
        return unit.addAudit(line);
    }));
    return Json{{"template", normal}};
}

} // namespace courtyard::server
