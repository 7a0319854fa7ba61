#include "client/inspection_controller.h"

#include "client/directory.h"
#include "sync/protocol/ids.h"

namespace courtyard::client {

QString InspectionController::start(const QString& templateId, const QString& subjectId, const QString& area) {
    const auto tpl = Directory(app()).body(templateId);
    if (!tpl) {
        fail(notFound("no inspection template " + ss(templateId) + " on this device"));
        return {};
    }
    // A flat's inspection belongs to the flat's community; a person's or an area's to the
    // community the tablet is working in.
    std::string community = ss(app().currentCommunity());
    if (auto u = Directory(app()).unit(subjectId); !u.communityId.isEmpty())
        community = ss(u.communityId);
    Json body{{"community_id", community},
              {"template_id", ss(templateId)},
              {"kind", stringAt(*tpl, "kind")},
              {"subject_kind", stringAt(*tpl, "subject")},
              {"subject_id", ss(subjectId)},
              {"area", ss(area)},
              {"inspector_id", app().actor().staffId},
              {"scale", tpl->value("scale", Json())},
              {"items", arrayAt(*tpl, "items")}};
    auto id = app().store().create("inspection", body, app().actor(), app().clock());
    if (!id) {
        fail(id.error());
        return {};
    }
    app().notifyRecordsChanged({"inspection"});
    setRecordId(qs(*id));
    ok();
    return m_id;
}

bool InspectionController::setGraded(const std::function<void(Json&)>& edit, const QString& itemId) {
    Json graded = m_body.value("graded", Json::array());
    Json* entry = nullptr;
    for (auto& g : graded)
        if (qs(stringAt(g, "item_id")) == itemId)
            entry = &g;
    if (!entry) {
        graded.push_back({{"item_id", ss(itemId)}, {"grade", ""}, {"photos", Json::array()}});
        entry = &graded.back();
    }
    edit(*entry);
    if (auto st = app().store().update(ss(m_id), {{"graded", graded}}, app().actor(), app().clock()); !st)
        return fail(st.error());
    app().notifyRecordsChanged({"inspection"});
    return ok();
}

bool InspectionController::grade(const QString& itemId, const QString& gradeId, const QString& note) {
    bool onScale = false;
    for (const auto& s : m_body.value("scale", Json::array()))
        onScale = onScale || qs(stringAt(s, "id")) == gradeId;
    if (!onScale)
        return fail(invalidArgument("grade: '" + ss(gradeId) + "' is not on this template's scale"));
    return setGraded(
        [&](Json& g) {
            g["grade"] = ss(gradeId);
            g["note"] = ss(note);
        },
        itemId);
}

bool InspectionController::addPhoto(const QString& itemId, const QVariantMap& attachment) {
    if (attachment.isEmpty())
        return fail(invalidArgument("no photo"));
    return setGraded([&](Json& g) { g["photos"].push_back(toJson(attachment)); }, itemId);
}

QString InspectionController::raiseFinding(const QString& itemId, const QString& description) {
    std::string title;
    for (const auto& it : m_body.value("items", Json::array()))
        if (qs(stringAt(it, "id")) == itemId)
            title = stringAt(it, "title");
    const bool unit = stringAt(m_body, "subject_kind") == "unit";
    Json body{{"community_id", stringAt(m_body, "community_id")},
              {"source", stringAt(m_body, "kind") == "house_handover" ? "resident_inspection" : "customer_service"},
              {"unit_id", unit ? stringAt(m_body, "subject_id") : std::string()},
              {"area", unit ? std::string() : (stringAt(m_body, "area").empty() ? title : stringAt(m_body, "area"))},
              {"description", title + (description.isEmpty() ? "" : ": " + ss(description))},
              {"found_by_department_id", app().actor().departmentId}};
    auto id = app().store().create("rectification", body, app().actor(), app().clock());
    if (!id) {
        fail(id.error());
        return {};
    }
    const QString findingId = qs(*id);
    setGraded([&](Json& g) { g["finding_id"] = ss(findingId); }, itemId);
    app().notifyRecordsChanged({"rectification"});
    return findingId;
}

bool InspectionController::submit(const QString& summary) {
    if (auto st = app().store().transition(ss(m_id), "submit", {{"summary", ss(summary)}}, app().actor(), app().clock()); !st)
        return fail(st.error());
    app().notifyRecordsChanged({"inspection"});
    return ok();
}

void InspectionController::reloaded() {
    QList<GradeOption> scale;
    for (const auto& s : arrayAt(m_body, "scale"))
        if (s.is_object())
            scale << GradeOption{qs(stringAt(s, "id")), qs(stringAt(s, "label")), s.value("pass", true)};
    QList<InspectionItemView> items;
    for (const auto& it : arrayAt(m_body, "items")) {
        if (!it.is_object())
            continue;
        InspectionItemView v{qs(stringAt(it, "id")), qs(stringAt(it, "title")), qs(stringAt(it, "hint")), {}, {}, {}, {}, false};
        for (const auto& g : arrayAt(m_body, "graded"))
            if (g.is_object() && qs(stringAt(g, "item_id")) == v.itemId) {
                v.grade = qs(stringAt(g, "grade"));
                v.note = qs(stringAt(g, "note"));
                v.photos = toVariant(arrayAt(g, "photos")).toList();
                v.findingId = qs(stringAt(g, "finding_id"));
                for (const auto& option : scale)
                    v.failed = v.failed || (option.gradeId == v.grade && !option.pass);
            }
        items << v;
    }
    m_scale = scale;
    m_items.setRows(items);
}

QStringList InspectionController::gradeIds() const {
    QStringList out;
    for (const auto& option : m_scale)
        out << option.gradeId;
    return out;
}

QString InspectionController::gradeLabel(const QString& gradeId) const {
    for (const auto& option : m_scale)
        if (option.gradeId == gradeId && !option.label.isEmpty())
            return option.label;
    return gradeId;
}

int InspectionController::gradedCount() const {
    int n = 0;
    for (const auto& v : items())
        n += !v.grade.isEmpty();
    return n;
}

int InspectionController::failedCount() const {
    int n = 0;
    for (const auto& v : items())
        n += v.failed;
    return n;
}

} // namespace courtyard::client
