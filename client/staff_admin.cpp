#include "client/staff_admin.h"

#include "client/json_bridge.h"
#include "shared/domain/common.h"

#include <QCollator>
#include <QUrl>
#include <algorithm>

namespace courtyard::client {

namespace {

QStringList stringList(const Json& j) {
    QStringList out;
    if (j.is_array())
        for (const auto& v : j)
            if (v.is_string())
                out << qs(v.get<std::string>());
    return out;
}

Json jsonList(const QStringList& list) {
    Json out = Json::array();
    for (const auto& s : list)
        out.push_back(ss(s));
    return out;
}

QList<ChoiceView> choices(const Json& list) {
    QList<ChoiceView> out;
    if (list.is_array())
        for (const auto& r : list)
            out.append({qs(stringAt(r, "id")), qs(stringAt(r, "name"))});
    std::sort(out.begin(), out.end(), [](const ChoiceView& a, const ChoiceView& b) { return a.key < b.key; });
    return out;
}

QString path(const QString& staffId, const char* tail = "") {
    return "/v1/admin/staff/" + QString::fromUtf8(QUrl::toPercentEncoding(staffId)) + tail;
}

} // namespace

StaffAdmin::StaffAdmin(QObject* parent) : AdminTable(QStringLiteral("number"), false, parent) {}

QStringList StaffAdmin::roles() const {
    QStringList out;
    for (const auto& [value, name] : enumNames(domain::Role{}))
        if (value != domain::Role::Resident) // residents use the kiosk, without an account
            out << qs(std::string(name));
    return out;
}

QStringList StaffAdmin::positions() const {
    QStringList out;
    for (const auto& [value, name] : enumNames(domain::Position{}))
        out << qs(std::string(name));
    return out;
}

StaffView StaffAdmin::find(const QString& staffId) const {
    for (const auto& s : m_all)
        if (s.staffId == staffId && !staffId.isEmpty())
            return s;
    return {};
}

QString StaffAdmin::departmentName(const QString& id) const {
    for (const auto& d : m_departments.rows<ChoiceView>())
        if (d.key == id)
            return d.name;
    return id;
}

QString StaffAdmin::communityNames(const QStringList& ids) const {
    if (ids.isEmpty())
        return tr("All communities");
    QStringList names;
    const auto all = m_communities.rows<ChoiceView>();
    for (const auto& id : ids) {
        const auto it = std::find_if(all.begin(), all.end(), [&](const ChoiceView& c) { return c.key == id; });
        names << (it == all.end() ? id : it->name);
    }
    return names.join(QStringLiteral(", "));
}

void StaffAdmin::refresh() {
    // The names of departments and communities first, then the people who refer to them.
    call("GET", "/v1/admin/communities", nullptr, "places", [this](const Json& answer) {
        m_departments.setRows(choices(answer.value("departments", Json::array())));
        m_communities.setRows(choices(answer.value("communities", Json::array())));
        loadStaff();
    });
}

void StaffAdmin::loadStaff() {
    call("GET", "/v1/admin/staff", nullptr, "list", [this](const Json& answer) {
        m_all.clear();
        for (const auto& r : answer.value("staff", Json::array())) {
            StaffView v;
            v.staffId = qs(stringAt(r, "id"));
            v.number = qs(stringAt(r, "number"));
            v.name = qs(stringAt(r, "name"));
            v.role = qs(stringAt(r, "role"));
            v.position = qs(stringAt(r, "position"));
            v.departmentId = qs(stringAt(r, "department_id"));
            v.departmentName = departmentName(v.departmentId);
            v.communityIds = stringList(r.value("community_ids", Json::array()));
            v.communityNames = communityNames(v.communityIds);
            v.active = r.value("active", true);
            m_all.append(v);
        }
        emit listChanged();
        show();
    });
}

void StaffAdmin::show() {
    QList<StaffView> rows;
    for (const auto& s : m_all)
        if (filter().isEmpty() ||
            QStringList{s.number, s.name, s.departmentName, s.role, s.position, s.communityNames}.join('\n').contains(
                filter(), Qt::CaseInsensitive))
            rows.append(s);
    QCollator collator; // names in the reader's order (pinyin for Chinese in a Chinese locale)
    collator.setNumericMode(true);
    const auto key = [&](const StaffView& s) -> QString {
        if (sortKey() == "name")
            return s.name;
        if (sortKey() == "department")
            return s.departmentName;
        if (sortKey() == "role")
            return s.role;
        if (sortKey() == "active")
            return s.active ? QStringLiteral("1") : QStringLiteral("0");
        return s.number;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const StaffView& a, const StaffView& b) {
        const int c = collator.compare(key(a), key(b));
        if (c != 0)
            return descending() ? c > 0 : c < 0;
        return collator.compare(a.number, b.number) < 0;
    });
    present(m_shown, rows);
}

void StaffAdmin::create(const QString& number, const QString& name, const QString& role, const QString& position,
                        const QString& departmentId, const QStringList& communityIds, const QString& pin) {
    Json staff{{"number", ss(number.trimmed())},  {"name", ss(name.trimmed())},
               {"role", ss(role)},                {"position", ss(position)},
               {"department_id", ss(departmentId)}, {"community_ids", jsonList(communityIds)}};
    if (!pin.isEmpty())
        staff["pin"] = ss(pin);
    call("POST", "/v1/admin/staff", Json{{"staff", staff}}, "create", [this](const Json&) { loadStaff(); });
}

void StaffAdmin::move(const QString& staffId, const QString& departmentId, const QStringList& communityIds,
                      const QString& role, const QString& position) {
    const Json staff{{"department_id", ss(departmentId)},
                     {"community_ids", jsonList(communityIds)},
                     {"role", ss(role)},
                     {"position", ss(position)}};
    call("PATCH", path(staffId), Json{{"staff", staff}}, "move", [this](const Json&) { loadStaff(); });
}

void StaffAdmin::setActive(const QString& staffId, bool active) {
    call("POST", path(staffId, active ? "/activate" : "/deactivate"), Json::object(), active ? "activate" : "deactivate",
         [this](const Json&) { loadStaff(); });
}

void StaffAdmin::resetPin(const QString& staffId, const QString& pin) {
    call("POST", path(staffId, "/pin"), Json{{"pin", ss(pin)}}, "pin", [](const Json&) {});
}

} // namespace courtyard::client
