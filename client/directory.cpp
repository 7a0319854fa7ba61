#include "client/directory.h"

#include "client/json_bridge.h"

#include <algorithm>

namespace courtyard::client {

namespace {
QVariantMap pick(const Json& j, std::initializer_list<const char*> keys) {
    QVariantMap m;
    for (const char* k : keys)
        if (auto it = j.find(k); it != j.end())
            m.insert(k, toVariant(*it));
    return m;
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

QVariantList Directory::communities() const {
    QVariantList out;
    const auto mine = m_app.communityIds();
    for (const auto& c : ofType("community"))
        if (mine.isEmpty() || mine.contains(qs(stringAt(c, "id"))))
            out << pick(c, {"id", "name", "office_id", "time_zone"});
    return out;
}

QString Directory::communityName(const QString& id) const {
    auto c = byId(ss(id));
    return c ? qs(stringAt(*c, "name")) : id;
}

QVariantList Directory::buildings(const QString& communityId) const {
    auto list = ofType("building", ss(communityId));
    std::sort(list.begin(), list.end(), [](const Json& a, const Json& b) {
        return QString::localeAwareCompare(qs(stringAt(a, "name")), qs(stringAt(b, "name"))) < 0;
    });
    QVariantList out;
    for (const auto& b : list)
        out << pick(b, {"id", "name", "community_id"});
    return out;
}

QVariantList Directory::units(const QString& buildingId) const {
    auto b = byId(ss(buildingId));
    if (!b)
        return {};
    QVariantList out;
    std::vector<Json> list;
    for (auto& u : ofType("unit", stringAt(*b, "community_id")))
        if (stringAt(u, "building_id") == ss(buildingId))
            list.push_back(std::move(u));
    std::sort(list.begin(), list.end(), [](const Json& x, const Json& y) {
        return QString::localeAwareCompare(qs(stringAt(x, "number")), qs(stringAt(y, "number"))) < 0;
    });
    for (const auto& u : list)
        out << pick(u, {"id", "number", "floor", "occupied", "owner_name", "owner_phone", "building_id"});
    return out;
}

UnitView Directory::unit(const QString& unitId) const {
    UnitView v;
    auto u = byId(ss(unitId));
    if (!u || stringAt(*u, "building_id").empty()) // a flat, not some other record
        return v;
    v.valid = true;
    v.id = qs(stringAt(*u, "id"));
    v.number = qs(stringAt(*u, "number"));
    v.floor = u->contains("floor") && (*u)["floor"].is_number_integer() ? (*u)["floor"].get<int>() : 0;
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

QVariantList Directory::departments() const {
    QVariantList out;
    for (const auto& d : ofType("department"))
        out << pick(d, {"id", "name", "kind", "office_id"});
    return out;
}

QString Directory::departmentName(const QString& id) const {
    auto d = byId(ss(id));
    return d ? qs(stringAt(*d, "name")) : id;
}

QVariantList Directory::staff(const QString& departmentId) const {
    QVariantList out;
    for (const auto& s : ofType("staff"))
        if (departmentId.isEmpty() || qs(stringAt(s, "department_id")) == departmentId)
            out << pick(s, {"id", "number", "name", "role", "position", "department_id"});
    return out;
}

QString Directory::staffName(const QString& staffId) const {
    if (staffId.isEmpty())
        return {};
    auto s = byId(ss(staffId));
    return s ? qs(stringAt(*s, "name")) : staffId;
}

QVariantList Directory::templates() const {
    QVariantList out;
    for (const auto& t : ofType("inspection_template"))
        if (t.value("active", true))
            out << toVariant(t);
    return out;
}

QVariantMap Directory::templateById(const QString& id) const {
    auto t = byId(ss(id));
    return t ? toVariant(*t).toMap() : QVariantMap();
}

QVariantList Directory::routes(const QString& communityId) const {
    QVariantList out;
    for (const auto& r : ofType("patrol_route", ss(communityId)))
        if (r.value("active", true))
            out << toVariant(r);
    return out;
}

QVariantMap Directory::route(const QString& id) const {
    auto r = byId(ss(id));
    return r ? toVariant(*r).toMap() : QVariantMap();
}

QVariantList Directory::campaigns(const QString& communityId, bool openOnly) const {
    QVariantList out;
    for (const auto& c : ofType("survey_campaign", ss(communityId)))
        if (!openOnly || stringAt(c, "state") == "open")
            out << toVariant(c);
    return out;
}

} // namespace courtyard::client
