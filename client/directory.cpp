#include "client/directory.h"

#include "client/json_bridge.h"

#include <algorithm>

namespace courtyard::client {

namespace {
int intAt(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}

DirectoryItemView itemOf(const Json& j) {
    DirectoryItemView v;
    v.valid = true;
    v.id = qs(stringAt(j, "id"));
    v.number = qs(stringAt(j, "number"));
    v.name = qs(stringAt(j, "name"));
    if (v.name.isEmpty())
        v.name = qs(stringAt(j, "title"));
    if (v.name.isEmpty())
        v.name = v.number;
    v.kind = qs(stringAt(j, "kind"));
    v.floor = intAt(j, "floor");
    v.occupied = j.value("occupied", false);
    v.role = qs(stringAt(j, "role"));
    v.position = qs(stringAt(j, "position"));
    v.departmentId = qs(stringAt(j, "department_id"));
    v.buildingId = qs(stringAt(j, "building_id"));
    v.communityId = qs(stringAt(j, "community_id"));
    v.officeId = qs(stringAt(j, "office_id"));
    v.subject = qs(stringAt(j, "subject"));
    v.method = qs(stringAt(j, "method"));
    v.state = qs(stringAt(j, "state"));
    v.checkpointCount = static_cast<int>(arrayAt(j, "checkpoints").size());
    return v;
}

void sortBy(std::vector<Json>& list, const char* key) {
    std::sort(list.begin(), list.end(), [key](const Json& a, const Json& b) {
        return QString::localeAwareCompare(qs(stringAt(a, key)), qs(stringAt(b, key))) < 0;
    });
}
} // namespace

Directory::Directory(AppContext& app, QObject* parent) : QObject(parent), m_app(app) {
    connect(&m_app, &AppContext::recordsChanged, this, [this] {
        m_cache.clear();
        ++m_revision;
        emit changed();
    });
}

std::vector<Json> Directory::ofType(const char* type, const std::string& communityId) const {
    store::RecordQuery q;
    q.types = {type};
    if (!communityId.empty())
        q.communityIds = {communityId};
    std::vector<Json> out;
    if (auto recs = m_app.store().query(q))
        for (auto& r : *recs)
            out.push_back(std::move(r.body));
    return out;
}

std::optional<Json> Directory::byId(const std::string& id) const {
    if (auto it = m_cache.find(id); it != m_cache.end())
        return it->second;
    std::optional<Json> body;
    if (auto r = m_app.store().get(id); r && *r)
        body = (*r)->body;
    m_cache[id] = body;
    return body;
}

QList<DirectoryItemView> Directory::list(DirectoryList::Kind kind, const QString& parentId, bool all) const {
    std::vector<Json> list;
    switch (kind) {
    case DirectoryList::Communities: {
        const auto mine = m_app.communityIds();
        for (auto& c : ofType("community"))
            if (mine.isEmpty() || mine.contains(qs(stringAt(c, "id"))))
                list.push_back(std::move(c));
        break;
    }
    case DirectoryList::Buildings:
        list = ofType("building", ss(parentId));
        sortBy(list, "name");
        break;
    case DirectoryList::Units:
        if (auto b = byId(ss(parentId)))
            for (auto& u : ofType("unit", stringAt(*b, "community_id")))
                if (stringAt(u, "building_id") == ss(parentId))
                    list.push_back(std::move(u));
        sortBy(list, "number");
        break;
    case DirectoryList::Departments:
        list = ofType("department");
        break;
    case DirectoryList::Staff:
        for (auto& p : ofType("staff"))
            if (parentId.isEmpty() || qs(stringAt(p, "department_id")) == parentId)
                list.push_back(std::move(p));
        break;
    case DirectoryList::Templates:
        for (auto& t : ofType("inspection_template"))
            if (all || t.value("active", true))
                list.push_back(std::move(t));
        break;
    case DirectoryList::Routes:
        for (auto& r : ofType("patrol_route", ss(parentId)))
            if (all || r.value("active", true))
                list.push_back(std::move(r));
        break;
    case DirectoryList::Campaigns:
        for (auto& c : ofType("survey_campaign", ss(parentId)))
            if (all || stringAt(c, "state") == "open")
                list.push_back(std::move(c));
        break;
    }
    QList<DirectoryItemView> out;
    out.reserve(static_cast<qsizetype>(list.size()));
    for (const auto& j : list)
        out << itemOf(j);
    return out;
}

DirectoryItemView Directory::item(const QString& id) const {
    auto j = byId(ss(id));
    return j ? itemOf(*j) : DirectoryItemView{};
}

std::optional<Json> Directory::body(const QString& id) const { return byId(ss(id)); }

QStringList Directory::staffIds(const QStringList& roles) const {
    QStringList out;
    for (const auto& p : ofType("staff"))
        if (roles.isEmpty() || roles.contains(qs(stringAt(p, "role"))))
            out << qs(stringAt(p, "id"));
    return out;
}

QStringList Directory::departmentIds() const {
    QStringList out;
    for (const auto& d : ofType("department"))
        out << qs(stringAt(d, "id"));
    return out;
}

QString Directory::communityName(const QString& id) const {
    auto c = byId(ss(id));
    return c ? qs(stringAt(*c, "name")) : id;
}

UnitView Directory::unit(const QString& unitId) const {
    UnitView v;
    auto u = byId(ss(unitId));
    if (!u || stringAt(*u, "building_id").empty()) // a flat, not some other record
        return v;
    v.valid = true;
    v.id = qs(stringAt(*u, "id"));
    v.number = qs(stringAt(*u, "number"));
    v.floor = intAt(*u, "floor");
    v.occupied = u->value("occupied", false);
    v.ownerName = qs(stringAt(*u, "owner_name"));
    v.ownerPhone = qs(stringAt(*u, "owner_phone"));
    v.buildingId = qs(stringAt(*u, "building_id"));
    v.communityId = qs(stringAt(*u, "community_id"));
    if (auto b = byId(stringAt(*u, "building_id")))
        v.buildingName = qs(stringAt(*b, "name"));
    return v;
}

QString Directory::unitLabel(const QString& unitId) const {
    if (unitId.isEmpty())
        return {};
    auto u = byId(ss(unitId));
    if (!u)
        return unitId;
    auto b = byId(stringAt(*u, "building_id"));
    return (b ? qs(stringAt(*b, "name")) + " " : QString()) + qs(stringAt(*u, "number"));
}

QString Directory::findUnit(const QString& communityId, const QString& building, const QString& number) const {
    const QString wantBuilding = building.trimmed(), wantNumber = number.trimmed();
    for (const auto& b : ofType("building", ss(communityId))) {
        const QString name = qs(stringAt(b, "name"));
        if (name != wantBuilding && name != wantBuilding + "栋" && name.chopped(name.endsWith("栋") ? 1 : 0) != wantBuilding)
            continue;
        for (const auto& u : ofType("unit", ss(communityId)))
            if (stringAt(u, "building_id") == stringAt(b, "id") && qs(stringAt(u, "number")) == wantNumber)
                return qs(stringAt(u, "id"));
    }
    return {};
}

QString Directory::departmentName(const QString& id) const {
    auto d = byId(ss(id));
    return d ? qs(stringAt(*d, "name")) : id;
}

QString Directory::staffName(const QString& staffId) const {
    if (staffId.isEmpty())
        return {};
    auto s = byId(ss(staffId));
    return s ? qs(stringAt(*s, "name")) : staffId;
}

} // namespace courtyard::client
