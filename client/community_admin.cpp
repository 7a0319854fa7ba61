#include "client/community_admin.h"

#include "client/json_bridge.h"

#include <QCollator>
#include <QFile>
#include <QStringDecoder>
#include <algorithm>

namespace courtyard::client {

namespace {

QString path(const QString& communityId, const char* tail) {
    return "/v1/admin/communities/" + QString::fromUtf8(QUrl::toPercentEncoding(communityId)) + tail;
}

} // namespace

CommunityAdmin::CommunityAdmin(QObject* parent) : AdminTable(QStringLiteral("name"), false, parent) {
    // A refused roster stored nothing: the last import's counts no longer describe what was sent.
    connect(this, &AdminClient::failed, this, [this](const QString& what) {
        if (what != "import" || m_created < 0)
            return;
        m_created = m_updated = m_unchanged = -1;
        emit importChanged();
    });
}

void CommunityAdmin::setSelectedId(const QString& id) {
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    emit selectedChanged();
    showBuildings();
}

CommunityView CommunityAdmin::find(const QString& communityId) const {
    for (const auto& c : m_all)
        if (c.communityId == communityId && !communityId.isEmpty())
            return c;
    return {};
}

QString CommunityAdmin::readFile(const QUrl& file) {
    QFile f(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!f.open(QIODevice::ReadOnly)) {
        setError(tr("%1 cannot be read: %2").arg(f.fileName(), f.errorString()));
        return {};
    }
    QByteArray bytes = f.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF")) // spreadsheets save UTF-8 CSV with a BOM
        bytes.remove(0, 3);
    // Excel on a Chinese Windows saves "CSV (comma delimited)" in GBK; GB18030 is its superset
    // (Qt reads it through ICU). The server reads such a file the same way (import-units).
    for (const char* encoding : {"UTF-8", "GB18030"}) {
        QStringDecoder decode(encoding, QStringConverter::Flag::Stateless); // a cut-off sequence is an error
        QString text = decode(bytes);
        if (decode.isValid() && !decode.hasError()) {
            clearError();
            return text;
        }
    }
    setError(tr("%1 is neither UTF-8 nor GBK text: save it from the spreadsheet as CSV UTF-8").arg(f.fileName()));
    return {};
}

void CommunityAdmin::refresh() {
    call("GET", "/v1/admin/communities", nullptr, "list", [this](const Json& answer) {
        QHash<QString, QString> officeNames;
        QList<ChoiceView> offices;
        for (const auto& o : answer.value("offices", Json::array())) {
            offices.append({qs(stringAt(o, "id")), qs(stringAt(o, "name"))});
            officeNames.insert(offices.last().key, offices.last().name);
        }
        std::sort(offices.begin(), offices.end(), [](const ChoiceView& a, const ChoiceView& b) { return a.key < b.key; });
        m_offices.setRows(offices);
        QCollator collator;
        collator.setNumericMode(true);
        QList<DepartmentView> departments;
        for (const auto& d : answer.value("departments", Json::array())) {
            DepartmentView v;
            v.departmentId = qs(stringAt(d, "id"));
            v.name = qs(stringAt(d, "name"));
            v.kind = qs(stringAt(d, "kind"));
            v.officeId = qs(stringAt(d, "office_id"));
            v.officeName = officeNames.value(v.officeId, v.officeId);
            departments.append(v);
        }
        std::sort(departments.begin(), departments.end(), [&](const DepartmentView& a, const DepartmentView& b) {
            if (const int c = collator.compare(a.officeName, b.officeName); c != 0)
                return c < 0;
            return collator.compare(a.name, b.name) < 0;
        });
        m_departments.setRows(departments);
        QHash<QString, int> buildingCount;
        m_allBuildings.clear();
        m_buildingCommunity.clear();
        for (const auto& b : answer.value("buildings", Json::array())) {
            const QString community = qs(stringAt(b, "community_id"));
            ++buildingCount[community];
            m_allBuildings.append({qs(stringAt(b, "id")), qs(stringAt(b, "name"))});
            m_buildingCommunity.append(community);
        }
        const Json counts = answer.value("unit_counts", Json::object());
        m_all.clear();
        for (const auto& r : answer.value("communities", Json::array())) {
            CommunityView v;
            v.communityId = qs(stringAt(r, "id"));
            v.name = qs(stringAt(r, "name"));
            v.officeId = qs(stringAt(r, "office_id"));
            v.officeName = officeNames.value(v.officeId, v.officeId);
            v.timeZone = qs(stringAt(r, "time_zone"));
            v.calendarId = qs(stringAt(r, "calendar_id"));
            v.buildings = buildingCount.value(v.communityId);
            const Json c = counts.is_object() ? counts.value(ss(v.communityId), Json::object()) : Json::object();
            v.units = c.value("units", 0);
            v.occupied = c.value("occupied", 0);
            m_all.append(v);
        }
        emit listChanged();
        show();
        showBuildings();
        emit selectedChanged(); // its counts may have changed
    });
}

void CommunityAdmin::show() {
    QList<CommunityView> rows;
    for (const auto& c : m_all)
        if (filter().isEmpty() || QStringList{c.communityId, c.name, c.officeName, c.timeZone, c.calendarId}
                                      .join('\n')
                                      .contains(filter(), Qt::CaseInsensitive))
            rows.append(c);
    QCollator collator; // names in the reader's order (pinyin for Chinese in a Chinese locale)
    collator.setNumericMode(true);
    const auto number = [&](const CommunityView& c) {
        if (sortKey() == "buildings")
            return c.buildings;
        if (sortKey() == "units")
            return c.units;
        if (sortKey() == "occupied")
            return c.occupied;
        return -1;
    };
    const auto key = [&](const CommunityView& c) -> QString {
        if (sortKey() == "id")
            return c.communityId;
        if (sortKey() == "office")
            return c.officeName;
        if (sortKey() == "time_zone")
            return c.timeZone;
        if (sortKey() == "calendar")
            return c.calendarId;
        return c.name;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const CommunityView& a, const CommunityView& b) {
        int c = number(a) - number(b);
        if (c == 0)
            c = collator.compare(key(a), key(b));
        if (c != 0)
            return descending() ? c > 0 : c < 0;
        return collator.compare(a.name, b.name) < 0;
    });
    present(m_shown, rows);
}

void CommunityAdmin::showBuildings() {
    QList<ChoiceView> rows;
    for (qsizetype i = 0; i < m_allBuildings.size(); ++i)
        if (m_buildingCommunity[i] == m_selectedId)
            rows.append(m_allBuildings[i]);
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(rows.begin(), rows.end(),
              [&](const ChoiceView& a, const ChoiceView& b) { return collator.compare(a.name, b.name) < 0; });
    m_buildings.setRows(rows);
}

void CommunityAdmin::create(const QString& communityId, const QString& officeId, const QString& name,
                            const QString& timeZone, const QString& calendarId) {
    Json community{{"id", ss(communityId.trimmed())}, {"office_id", ss(officeId)}, {"name", ss(name.trimmed())}};
    if (!timeZone.trimmed().isEmpty())
        community["time_zone"] = ss(timeZone.trimmed());
    if (!calendarId.trimmed().isEmpty())
        community["calendar_id"] = ss(calendarId.trimmed());
    call("POST", "/v1/admin/communities", Json{{"community", community}}, "create",
         [this](const Json&) { refresh(); });
}

void CommunityAdmin::addBuilding(const QString& communityId, const QString& name) {
    call("POST", path(communityId, "/buildings"), Json{{"building", {{"name", ss(name.trimmed())}}}}, "building",
         [this](const Json&) { refresh(); });
}

void CommunityAdmin::saveOffice(const QString& officeId, const QString& name) {
    const QString id = officeId.trimmed();
    if (id.isEmpty())
        return setError(tr("id: give the office an id, e.g. of-east"), QStringLiteral("id"));
    call("PUT", "/v1/admin/offices/" + QString::fromUtf8(QUrl::toPercentEncoding(id)),
         Json{{"office", {{"name", ss(name.trimmed())}}}}, "office", [this](const Json&) { refresh(); });
}

void CommunityAdmin::saveDepartment(const QString& departmentId, const QString& name, const QString& kind,
                                    const QString& officeId) {
    Json department{{"name", ss(name.trimmed())}, {"kind", ss(kind)}};
    if (!officeId.isEmpty())
        department["office_id"] = ss(officeId);
    const QString id = departmentId.trimmed();
    if (id.isEmpty())
        return setError(tr("id: give the department an id, e.g. d-garden"), QStringLiteral("id"));
    call("PUT", "/v1/admin/departments/" + QString::fromUtf8(QUrl::toPercentEncoding(id)),
         Json{{"department", department}}, "department", [this](const Json&) { refresh(); });
}

void CommunityAdmin::importUnits(const QString& communityId, const QString& csv) {
    callWith("POST", path(communityId, "/units"), csv.toUtf8(), QStringLiteral("text/csv; charset=utf-8"), "import",
             [this](const Json& answer) {
                 m_created = answer.value("created", 0);
                 m_updated = answer.value("updated", 0);
                 m_unchanged = answer.value("unchanged", 0);
                 emit importChanged();
                 refresh();
             });
}

} // namespace courtyard::client
