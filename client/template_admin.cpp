#include "client/template_admin.h"

#include "client/json_bridge.h"
#include "shared/domain/inspection.h"

#include <QCollator>
#include <QUrl>
#include <algorithm>

namespace courtyard::client {

namespace {

template <typename E> QStringList idsOf() {
    QStringList out;
    for (const auto& [value, name] : enumNames(E{}))
        out << QString::fromUtf8(name.data(), qsizetype(name.size()));
    return out;
}

} // namespace

TemplateAdmin::TemplateAdmin(QObject* parent) : AdminTable(QStringLiteral("name"), false, parent) {}

QStringList TemplateAdmin::kinds() const { return idsOf<domain::InspectionKind>(); }
QStringList TemplateAdmin::subjects() const { return idsOf<domain::SubjectKind>(); }

void TemplateAdmin::setScope(const QString& s) {
    if (s == m_scope)
        return;
    m_scope = s;
    emit viewChanged();
    show();
}

TemplateView TemplateAdmin::find(const QString& templateId) const {
    for (const auto& t : m_all)
        if (t.templateId == templateId && !templateId.isEmpty())
            return t;
    return {};
}

void TemplateAdmin::refresh() { load({}); }

void TemplateAdmin::load(std::function<void()> then) {
    call("GET", "/v1/admin/communities", nullptr, "list", [this, then](const Json& org) {
        const auto communities = choicesOf(org.value("communities", Json::array()));
        m_places.setRows(QList<ChoiceView>{{QString(), tr("Company-wide")}} + communities);
        m_scopes.setRows(QList<ChoiceView>{{QStringLiteral("*"), tr("Every template")}, {QString(), tr("Company-wide")}} +
                         communities);
        call("GET", "/v1/admin/inspection-templates", nullptr, "list", [this, then, communities](const Json& answer) {
            m_listed = answer.value("templates", Json::array());
            m_all.clear();
            for (const auto& t : m_listed) {
                TemplateView v;
                v.templateId = qs(stringAt(t, "id"));
                v.name = qs(stringAt(t, "name"));
                v.kind = qs(stringAt(t, "kind"));
                v.subject = qs(stringAt(t, "subject"));
                v.communityId = qs(stringAt(t, "community_id"));
                v.communityName = v.communityId.isEmpty() ? tr("Company-wide") : nameOf(communities, v.communityId);
                v.items = int(arrayAt(t, "items").size());
                v.grades = int(arrayAt(t, "scale").size());
                v.active = t.value("active", true);
                m_all.append(v);
            }
            emit listChanged();
            show();
            if (then)
                then();
        });
    });
}

void TemplateAdmin::show() {
    QList<TemplateView> rows;
    for (const auto& t : m_all)
        if ((m_scope == "*" || t.communityId == m_scope) &&
            (filter().isEmpty() || t.name.contains(filter(), Qt::CaseInsensitive) ||
             t.templateId.contains(filter(), Qt::CaseInsensitive)))
            rows.append(t);
    QCollator collator; // names in the reader's order
    collator.setNumericMode(true);
    const QStringList kindOrder = kinds(); // the domain's order: etiquette first, custom last
    const auto number = [&](const TemplateView& t) {
        if (sortKey() == "kind")
            return int(kindOrder.indexOf(t.kind));
        if (sortKey() == "items")
            return t.items;
        if (sortKey() == "active")
            return t.active ? 0 : 1;
        return 0;
    };
    const auto text = [&](const TemplateView& t) { return sortKey() == "community" ? t.communityName : t.name; };
    std::stable_sort(rows.begin(), rows.end(), [&](const TemplateView& a, const TemplateView& b) {
        int c = number(a) - number(b);
        if (c == 0)
            c = collator.compare(text(a), text(b));
        if (c != 0)
            return descending() ? c > 0 : c < 0;
        return collator.compare(a.name, b.name) < 0;
    });
    present(m_shown, rows);
}

void TemplateAdmin::edit(const QString& templateId) {
    QList<TemplateGradeView> grades;
    QList<TemplateItemView> items;
    const Json* listed = nullptr;
    for (const auto& t : m_listed)
        if (qs(stringAt(t, "id")) == templateId && !templateId.isEmpty())
            listed = &t;
    // A new template starts from the scale the company uses (the first listed template's).
    const Json* scaleFrom = listed ? listed : (m_listed.empty() ? nullptr : &m_listed.front());
    if (scaleFrom)
        for (const auto& g : arrayAt(*scaleFrom, "scale"))
            grades.append({qs(stringAt(g, "id")), qs(stringAt(g, "label")), g.value("pass", true)});
    if (grades.isEmpty())
        grades = {{"good", tr("Good"), true}, {"fair", tr("Fair"), true}, {"poor", tr("Poor"), false}};
    if (listed)
        for (const auto& i : arrayAt(*listed, "items"))
            items.append({qs(stringAt(i, "id")), qs(stringAt(i, "title")), qs(stringAt(i, "hint")),
                          i.value("photo_on_fail", false)});
    if (items.isEmpty())
        items.append(TemplateItemView{});
    m_scale.setRows(grades);
    m_items.setRows(items);
    m_editingId = templateId;
    emit editingChanged();
    clearError();
}

void TemplateAdmin::addItem() {
    auto rows = items();
    rows.append(TemplateItemView{});
    m_items.setRows(rows);
}

void TemplateAdmin::removeItem(int index) { m_items.removeAt(index); }

void TemplateAdmin::moveItem(int index, int by) { m_items.moveBy(index, by); }

void TemplateAdmin::setItem(int index, const QString& title, const QString& hint, bool photoOnFail) {
    auto rows = items();
    if (index < 0 || index >= rows.size())
        return;
    rows[index].title = title; // as typed: trimmed when sent
    rows[index].hint = hint;
    rows[index].photoOnFail = photoOnFail;
    m_items.setRows(rows);
}

void TemplateAdmin::addGrade() {
    auto rows = scale();
    rows.append({QString(), QString(), false});
    m_scale.setRows(rows);
}

void TemplateAdmin::removeGrade(int index) { m_scale.removeAt(index); }

void TemplateAdmin::setGrade(int index, const QString& gradeId, const QString& label, bool pass) {
    auto rows = scale();
    if (index < 0 || index >= rows.size())
        return;
    rows[index] = {gradeId, label, pass};
    m_scale.setRows(rows);
}

void TemplateAdmin::save(const QString& templateId, const QString& name, const QString& kind, const QString& subject,
                         const QString& communityId, bool active) {
    const QString id = templateId.trimmed();
    if (id.isEmpty()) {
        setError(tr("A template needs an id (letters, digits, '-' or '_'), e.g. t-lobby."), "id");
        emit failed("save");
        return;
    }
    Json scaleJson = Json::array();
    for (const auto& g : scale())
        scaleJson.push_back({{"id", ss(g.gradeId.trimmed())}, {"label", ss(g.label.trimmed())}, {"pass", g.pass}});
    Json itemsJson = Json::array();
    for (const auto& i : items()) {
        Json item{{"title", ss(i.title.trimmed())}, {"photo_on_fail", i.photoOnFail}};
        if (!i.hint.trimmed().isEmpty())
            item["hint"] = ss(i.hint.trimmed());
        if (!i.itemId.isEmpty())
            item["id"] = ss(i.itemId); // kept: inspections graded on it stay comparable
        itemsJson.push_back(std::move(item));
    }
    Json tmpl{{"name", ss(name.trimmed())}, {"kind", ss(kind)},           {"subject", ss(subject)},
              {"community_id", ss(communityId)}, {"active", active}, {"scale", std::move(scaleJson)},
              {"items", std::move(itemsJson)}};
    call("PUT", "/v1/admin/inspection-templates/" + QString::fromUtf8(QUrl::toPercentEncoding(id)),
         Json{{"template", tmpl}}, "save", [this, id](const Json&) {
             // The saved template's new items now have their ids: go on editing those.
             load([this, id] { edit(id); });
         });
}

} // namespace courtyard::client
