#include "client/route_admin.h"

#include "client/json_bridge.h"
#include "client/media.h"

#include <QCollator>
#include <QRegularExpression>
#include <algorithm>

namespace courtyard::client {

RouteAdmin::RouteAdmin(QObject* parent) : AdminClient(parent) {}

RouteView RouteAdmin::find(const QString& routeId) const {
    for (const auto& r : routes())
        if (r.routeId == routeId && !routeId.isEmpty())
            return r;
    return {};
}

void RouteAdmin::refresh() { load({}); }

void RouteAdmin::load(std::function<void()> then) {
    // Names first (communities and departments), then the routes that refer to them.
    call("GET", "/v1/admin/communities", nullptr, "list", [this, then](const Json& org) {
        m_communities.setRows(choicesOf(org.value("communities", Json::array())));
        m_departments.setRows(choicesOf(org.value("departments", Json::array())));
        call("GET", "/v1/admin/patrol-routes", nullptr, "list", [this, then](const Json& answer) {
            m_listed = answer.value("routes", Json::array());
            const auto communities = m_communities.rows<ChoiceView>();
            const auto departments = m_departments.rows<ChoiceView>();
            QList<RouteView> rows;
            for (const auto& r : m_listed) {
                RouteView v;
                v.routeId = qs(stringAt(r, "id"));
                v.name = qs(stringAt(r, "name"));
                v.communityId = qs(stringAt(r, "community_id"));
                v.communityName = nameOf(communities, v.communityId);
                v.departmentId = qs(stringAt(r, "department_id"));
                v.departmentName = v.departmentId.isEmpty() ? QString() : nameOf(departments, v.departmentId);
                v.checkpoints = int(arrayAt(r, "checkpoints").size());
                v.active = r.value("active", true);
                if (auto s = r.find("schedule"); s != r.end() && s->is_object()) {
                    QStringList times;
                    for (const auto& t : s->value("times", Json::array()))
                        times << qs(t.is_string() ? t.get<std::string>() : std::string());
                    v.times = times.join(", ");
                    for (const auto& d : s->value("weekdays", Json::array()))
                        if (d.is_number_integer())
                            v.weekdays.append(d.get<int>());
                    v.tolerance = s->value("tolerance_minutes", 30);
                }
                rows.append(v);
            }
            QCollator collator;
            std::sort(rows.begin(), rows.end(), [&](const RouteView& a, const RouteView& b) {
                return a.communityName != b.communityName ? collator.compare(a.communityName, b.communityName) < 0
                                                          : collator.compare(a.name, b.name) < 0;
            });
            m_routes.setRows(rows);
            if (then)
                then();
        });
    });
}

void RouteAdmin::edit(const QString& routeId) {
    QList<RouteCheckpointView> rows;
    for (const auto& r : m_listed)
        if (qs(stringAt(r, "id")) == routeId && !routeId.isEmpty())
            for (const auto& c : arrayAt(r, "checkpoints"))
                rows.append({qs(stringAt(c, "id")), qs(stringAt(c, "name")), qs(stringAt(c, "location")),
                             c.value("due_after_minutes", 0), c.value("tolerance_minutes", 15), qs(stringAt(c, "code"))});
    if (rows.isEmpty())
        rows.append(RouteCheckpointView{});
    m_checkpoints.setRows(rows);
    m_editingId = routeId;
    emit editingChanged();
    clearError();
}

void RouteAdmin::addCheckpoint() {
    auto rows = checkpoints();
    RouteCheckpointView next;
    if (!rows.isEmpty())
        next.dueAfter = rows.last().dueAfter + 10; // the next one a little later on the walk
    rows.append(next);
    m_checkpoints.setRows(rows);
}

void RouteAdmin::removeCheckpoint(int index) { m_checkpoints.removeAt(index); }

void RouteAdmin::moveCheckpoint(int index, int by) { m_checkpoints.moveBy(index, by); }

void RouteAdmin::setCheckpoint(int index, const QString& name, const QString& location, int dueAfter, int tolerance) {
    auto rows = checkpoints();
    if (index < 0 || index >= rows.size())
        return;
    auto& c = rows[index];
    c.name = name; // as typed: trimmed when sent
    c.location = location;
    c.dueAfter = dueAfter;
    c.tolerance = tolerance;
    m_checkpoints.setRows(rows);
}

void RouteAdmin::save(const QString& routeId, const QString& name, const QString& communityId,
                      const QString& departmentId, bool active, const QString& times, const QList<int>& weekdays,
                      int tolerance) {
    const QString id = routeId.trimmed();
    if (id.isEmpty()) {
        setError(tr("A route needs an id (letters, digits, '-' or '_'), e.g. route-garage."), "id");
        emit failed("save");
        return;
    }
    Json route{{"name", ss(name.trimmed())},
               {"community_id", ss(communityId)},
               {"department_id", ss(departmentId)},
               {"active", active}};
    const QStringList dueTimes = times.split(QRegularExpression("[,，、\\s]+"), Qt::SkipEmptyParts);
    if (!dueTimes.isEmpty()) {
        Json list = Json::array();
        for (const auto& t : dueTimes)
            list.push_back(ss(t));
        Json days = Json::array();
        for (int d : weekdays)
            days.push_back(d);
        route["schedule"] = Json{{"times", list}, {"weekdays", days}, {"tolerance_minutes", tolerance}};
    }
    Json cps = Json::array();
    for (const auto& c : checkpoints()) {
        Json cp{{"name", ss(c.name.trimmed())}, {"location", ss(c.location.trimmed())}, {"due_after_minutes", c.dueAfter},
                {"tolerance_minutes", c.tolerance}};
        if (!c.checkpointId.isEmpty())
            cp["id"] = ss(c.checkpointId);
        cps.push_back(std::move(cp));
    }
    route["checkpoints"] = std::move(cps);
    call("PUT", "/v1/admin/patrol-routes/" + QString::fromUtf8(QUrl::toPercentEncoding(id)), Json{{"route", route}},
         "save", [this, id](const Json&) {
             // The saved route's checkpoints now have their ids and codes: go on editing those.
             load([this, id] { edit(id); });
         });
}

bool RouteAdmin::printSheet(const QString& routeId, const QUrl& pdfFile) {
    for (const auto& r : m_listed)
        if (qs(stringAt(r, "id")) == routeId && !routeId.isEmpty()) {
            const QString path = pdfFile.isLocalFile() ? pdfFile.toLocalFile() : pdfFile.toString();
            if (Media::writeCheckpointSheetOf(r, path))
                return true;
            setError(tr("The QR sheet could not be written to %1.").arg(path));
            return false;
        }
    setError(tr("Save the route first: its checkpoints get their QR codes from the server."));
    return false;
}

} // namespace courtyard::client
