#include "shared/domain/inspection.h"

#include <set>

namespace courtyard::domain {

void to_json(Json& j, const Grade& g) { j = Json{{"id", g.id}, {"label", g.label}, {"pass", g.pass}}; }
void from_json(const Json& j, Grade& g) {
    g.id = required<std::string>(j, "id");
    optionalInto(j, "label", g.label);
    g.pass = required<bool>(j, "pass");
}

void to_json(Json& j, const TemplateItem& i) {
    j = Json{{"id", i.id}, {"title", i.title}};
    putIfNotEmpty(j, "hint", i.hint);
    if (i.photoOnFail)
        j["photo_on_fail"] = true;
}
void from_json(const Json& j, TemplateItem& i) {
    i.id = required<std::string>(j, "id");
    i.title = required<std::string>(j, "title");
    optionalInto(j, "hint", i.hint);
    optionalInto(j, "photo_on_fail", i.photoOnFail);
}

void to_json(Json& j, const InspectionTemplate& t) {
    j = Json{{"id", t.id},       {"type", InspectionTemplate::kType}, {"community_id", t.communityId},
             {"name", t.name},   {"kind", t.kind},                    {"subject", t.subject},
             {"scale", t.scale}, {"items", t.items},                  {"active", t.active}};
}
void from_json(const Json& j, InspectionTemplate& t) {
    t.id = required<std::string>(j, "id");
    optionalInto(j, "community_id", t.communityId);
    t.name = required<std::string>(j, "name");
    t.kind = required<InspectionKind>(j, "kind");
    optionalInto(j, "subject", t.subject);
    t.scale = required<std::vector<Grade>>(j, "scale");
    t.items = required<std::vector<TemplateItem>>(j, "items");
    optionalInto(j, "active", t.active);
}

Status validateTemplate(const InspectionTemplate& t) {
    if (t.scale.size() < 2)
        return invalidArgument("scale: a grading scale has at least two grades");
    bool anyPass = false, anyFail = false;
    std::set<std::string> ids;
    for (const auto& g : t.scale) {
        if (g.id.empty())
            return invalidArgument("scale: every grade needs an id (\"good\", \"fail\")");
        anyPass = anyPass || g.pass;
        anyFail = anyFail || !g.pass;
        if (!ids.insert(g.id).second)
            return invalidArgument("scale: grade '" + g.id + "' is listed twice");
    }
    if (!anyPass || !anyFail)
        return invalidArgument("scale: needs at least one passing and one failing grade");
    if (t.items.empty())
        return invalidArgument("items: a template has at least one item");
    ids.clear();
    for (const auto& i : t.items)
        if (!ids.insert(i.id).second)
            return invalidArgument("items: item '" + i.id + "' is listed twice");
    return {};
}

void to_json(Json& j, const GradedItem& g) {
    j = Json{{"item_id", g.itemId}, {"grade", g.grade}, {"photos", g.photos}};
    putIfNotEmpty(j, "note", g.note);
    putIfNotEmpty(j, "finding_id", g.findingId);
}
void from_json(const Json& j, GradedItem& g) {
    g.itemId = required<std::string>(j, "item_id");
    g.grade = required<std::string>(j, "grade");
    optionalInto(j, "note", g.note);
    optionalInto(j, "photos", g.photos);
    optionalInto(j, "finding_id", g.findingId);
}

void to_json(Json& j, const Inspection& i) {
    j = Json::object();
    writeHeader(j, i);
    j["type"] = Inspection::kType;
    j["state"] = i.state;
    j["template_id"] = i.templateId;
    j["kind"] = i.kind;
    j["subject_kind"] = i.subjectKind;
    putIfNotEmpty(j, "subject_id", i.subjectId);
    putIfNotEmpty(j, "area", i.area);
    j["inspector_id"] = i.inspectorId;
    j["scale"] = i.scale;
    j["items"] = i.items;
    j["graded"] = i.graded;
    putIfNotEmpty(j, "summary", i.summary);
    putIf(j, "submitted_at", i.submittedAt);
    j["timeline"] = i.timeline;
    j["comments"] = i.comments;
}
void from_json(const Json& j, Inspection& i) {
    readHeader(j, i);
    optionalInto(j, "state", i.state);
    i.templateId = required<std::string>(j, "template_id");
    optionalInto(j, "kind", i.kind);
    optionalInto(j, "subject_kind", i.subjectKind);
    optionalInto(j, "subject_id", i.subjectId);
    optionalInto(j, "area", i.area);
    optionalInto(j, "inspector_id", i.inspectorId);
    i.scale = required<std::vector<Grade>>(j, "scale");
    i.items = required<std::vector<TemplateItem>>(j, "items");
    optionalInto(j, "graded", i.graded);
    optionalInto(j, "summary", i.summary);
    optionalInto(j, "submitted_at", i.submittedAt);
    optionalInto(j, "timeline", i.timeline);
    optionalInto(j, "comments", i.comments);
}

Status validateNew(const Inspection& i) {
    if (i.state != InspectionState::Draft)
        return invalidArgument("a new inspection must start as 'draft'");
    if (i.items.empty() || i.scale.empty())
        return invalidArgument("items: an inspection copies its template's items and scale");
    if (i.subjectKind != SubjectKind::Area && i.subjectId.empty())
        return invalidArgument("subject_id: say who or which unit is inspected");
    if (i.submittedAt || !i.timeline.empty())
        return invalidArgument("a new inspection is not submitted yet");
    return {};
}

std::vector<std::string> failedItems(const Inspection& i) {
    std::vector<std::string> out;
    for (const auto& g : i.graded)
        for (const auto& s : i.scale)
            if (s.id == g.grade && !s.pass)
                out.push_back(g.itemId);
    return out;
}

namespace {
using S = InspectionState;
using R = Role;

Status submit(Inspection& i, const TransitionRequest& req) {
    std::set<std::string> grades, graded;
    for (const auto& s : i.scale)
        grades.insert(s.id);
    for (const auto& g : i.graded) {
        if (!grades.count(g.grade))
            return invalidArgument("item '" + g.itemId + "' has grade '" + g.grade +
                                   "', which is not on this inspection's scale");
        graded.insert(g.itemId);
    }
    for (const auto& item : i.items)
        if (!graded.count(item.id))
            return failedPrecondition("item '" + item.title + "' is not graded yet");
    for (const auto& g : i.graded)
        for (const auto& item : i.items)
            for (const auto& s : i.scale)
                if (item.id == g.itemId && item.photoOnFail && s.id == g.grade && !s.pass &&
                    g.photos.empty())
                    return failedPrecondition("item '" + item.title +
                                              "' failed and needs a photo");
    return guardParams([&]() -> Status {
        i.summary = optionalText(req.params, "summary");
        i.submittedAt = req.at;
        i.state = S::Submitted;
        return {};
    });
}
} // namespace

const Workflow<Inspection>& inspectionWorkflow() {
    static const Workflow<Inspection> wf{
        "inspection",
        {
            {"submit", {S::Draft}, {R::Staff, R::Supervisor, R::Manager}, submit},
        }};
    return wf;
}

} // namespace courtyard::domain
