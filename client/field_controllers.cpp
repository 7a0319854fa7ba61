#include "client/field_controllers.h"

#include "client/directory.h"
#include "client/json_bridge.h"
#include "client/media.h"
#include "shared/domain/patrol.h"
#include "shared/rules/deadlines.h"
#include "shared/rules/sampling.h"
#include "sync/protocol/ids.h"
#include <set>

namespace courtyard::client {

// ---- FieldController --------------------------------------------------------------------------

FieldController::FieldController(QObject* parent) : QObject(parent) {
    if (auto* a = AppContext::instance())
        connect(a, &AppContext::recordsChanged, this, &FieldController::reload);
}

void FieldController::setRecordId(const QString& id) {
    if (id == m_id)
        return;
    m_id = id;
    reload();
}

void FieldController::reload() {
    m_body = Json::object();
    if (!m_id.isEmpty())
        if (auto r = app().store().get(ss(m_id)); r && *r)
            m_body = (*r)->body;
    reloaded();
    emit changed();
}

bool FieldController::fail(const Error& e) {
    m_lastError = qs(e.message);
    emit changed();
    return false;
}

bool FieldController::ok() {
    m_lastError.clear();
    return true;
}

// ---- PatrolController -------------------------------------------------------------------------

QString PatrolController::start(const QString& routeId) {
    const auto route = Directory::instance()->route(routeId);
    if (route.isEmpty()) {
        fail(notFound("no patrol route " + ss(routeId) + " on this device"));
        return {};
    }
    const Instant now = app().clock();
    Json body{{"community_id", ss(route.value("community_id").toString())},
              {"route_id", ss(routeId)},
              {"guard_id", app().actor().staffId},
              {"started_at", formatInstant(now)},
              {"checkpoints", toJson(route.value("checkpoints"))}};
    auto id = app().store().create("patrol_round", body, app().actor(), now);
    if (!id) {
        fail(id.error());
        return {};
    }
    app().notifyRecordsChanged({"patrol_round"});
    setRecordId(qs(*id));
    ok();
    return m_id;
}

bool PatrolController::visit(const std::string& checkpointId, const char* method, const QString& reason) {
    const Instant now = app().clock();
    Json item{{"id", sync::newUuidV7(now)}, {"checkpoint_id", checkpointId}, {"at", formatInstant(now)}, {"method", method}};
    if (!reason.isEmpty())
        item["reason"] = ss(reason);
    if (auto st = app().store().append(ss(m_id), "visits", item, app().actor(), now); !st)
        return fail(st.error());
    app().notifyRecordsChanged({"patrol_round"});
    return ok();
}

QString PatrolController::scan(const QString& code) {
    for (const auto& cp : m_body.value("checkpoints", Json::array()))
        if (qs(stringAt(cp, "code")) == code.trimmed()) {
            if (!visit(stringAt(cp, "id"), "qr", {}))
                return {};
            return qs(stringAt(cp, "name"));
        }
    fail(invalidArgument("this QR code is not a checkpoint of this route"));
    return {};
}

QString PatrolController::scanImage(const QString& path) {
    const QString code = Media::decodeQrImage(QImage(QUrl(path).isLocalFile() ? QUrl(path).toLocalFile() : path));
    if (code.isEmpty()) {
        fail(invalidArgument("no QR code found in the picture: scan again, or confirm by hand with a reason"));
        return {};
    }
    return scan(code);
}

bool PatrolController::confirmManually(const QString& checkpointId, const QString& reason) {
    return visit(ss(checkpointId), "manual", reason);
}

QString PatrolController::raiseFinding(const QString& description, const QString& checkpointId) {
    std::string where;
    for (const auto& cp : m_body.value("checkpoints", Json::array()))
        if (qs(stringAt(cp, "id")) == checkpointId)
            where = stringAt(cp, "name");
    const Instant now = app().clock();
    auto& store = app().store();
    std::string id;
    auto st = store.records().transaction([&]() -> Status {
        auto created = store.create("rectification",
                                    Json{{"community_id", stringAt(m_body, "community_id")},
                                         {"source", "patrol"},
                                         {"area", where.empty() ? std::string("patrol") : where},
                                         {"description", ss(description)},
                                         {"found_by_department_id", app().actor().departmentId}},
                                    app().actor(), now);
        if (!created)
            return created.error();
        id = *created;
        return store.append(ss(m_id), "finding_ids", id, app().actor(), now);
    });
    if (!st) {
        fail(st.error());
        return {};
    }
    app().notifyRecordsChanged({"patrol_round", "rectification"});
    ok();
    return qs(id);
}

bool PatrolController::finish() {
    if (auto st = app().store().transition(ss(m_id), "finish", Json::object(), app().actor(), app().clock()); !st)
        return fail(st.error());
    app().notifyRecordsChanged({"patrol_round"});
    return ok();
}

bool PatrolController::abandon(const QString& reason) {
    if (auto st = app().store().transition(ss(m_id), "abandon", {{"reason", ss(reason)}}, app().actor(), app().clock()); !st)
        return fail(st.error());
    app().notifyRecordsChanged({"patrol_round"});
    return ok();
}

QVariantList PatrolController::checkpoints() const {
    QVariantList out;
    auto round = decodeJson<domain::PatrolRound>(m_body);
    if (!round)
        return out;
    // While running, a checkpoint not yet visited is "due" until its window closes, then late.
    const Instant now = round->finishedAt ? *round->finishedAt : app().clock();
    const auto results = round->state == domain::PatrolRoundState::InProgress ? domain::evaluateRound(*round, now)
                                                                              : round->results;
    for (std::size_t i = 0; i < round->checkpoints.size(); ++i) {
        const auto& cp = round->checkpoints[i];
        const auto window = rules::checkpointDeadline(round->startedAt, cp.dueAfterMinutes, cp.toleranceMinutes);
        QString status = i < results.size() ? qs(results[i].status) : QString();
        if (round->state == domain::PatrolRoundState::InProgress && status == "missed")
            status = rules::isOverdue(window, now) ? QStringLiteral("overdue") : QStringLiteral("due");
        QVariantMap m{{"id", qs(cp.id)}, {"name", qs(cp.name)}, {"location", qs(cp.location)},
                      {"dueBy", toDateTime(window.dueAt)}, {"status", status}};
        if (i < results.size() && results[i].visitedAt)
            m.insert("visitedAt", toDateTime(*results[i].visitedAt));
        for (const auto& v : round->visits)
            if (v.checkpointId == cp.id && v.method == domain::ScanMethod::Manual)
                m.insert("manualReason", qs(v.reason));
        out << m;
    }
    return out;
}

int PatrolController::visited() const {
    int n = 0;
    for (const auto& v : checkpoints())
        n += v.toMap().contains("visitedAt");
    return n;
}
int PatrolController::late() const {
    int n = 0;
    for (const auto& v : checkpoints())
        n += v.toMap().value("status") == "late";
    return n;
}
int PatrolController::missed() const {
    int n = 0;
    for (const auto& v : checkpoints())
        n += v.toMap().value("status") == "missed" || v.toMap().value("status") == "overdue";
    return n;
}

// ---- InspectionController ---------------------------------------------------------------------

QString InspectionController::start(const QString& templateId, const QString& subjectId, const QString& area) {
    const auto tpl = Directory::instance()->templateById(templateId);
    if (tpl.isEmpty()) {
        fail(notFound("no inspection template " + ss(templateId) + " on this device"));
        return {};
    }
    // A flat's inspection belongs to the flat's community; a person's or an area's to the
    // community the tablet is working in.
    std::string community = ss(app().currentCommunity());
    if (auto u = Directory::instance()->unit(subjectId); !u.value("community_id").toString().isEmpty())
        community = ss(u.value("community_id").toString());
    Json body{{"community_id", community},
              {"template_id", ss(templateId)},
              {"kind", ss(tpl.value("kind").toString())},
              {"subject_kind", ss(tpl.value("subject").toString())},
              {"subject_id", ss(subjectId)},
              {"area", ss(area)},
              {"inspector_id", app().actor().staffId},
              {"scale", toJson(tpl.value("scale"))},
              {"items", toJson(tpl.value("items"))}};
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

QVariantList InspectionController::scale() const { return toVariant(m_body.value("scale", Json::array())).toList(); }

QVariantList InspectionController::items() const {
    QVariantList out;
    std::map<std::string, bool> passes;
    for (const auto& s : m_body.value("scale", Json::array()))
        passes[stringAt(s, "id")] = s.value("pass", true);
    for (const auto& it : m_body.value("items", Json::array())) {
        QVariantMap m = toVariant(it).toMap();
        for (const auto& g : m_body.value("graded", Json::array()))
            if (stringAt(g, "item_id") == stringAt(it, "id")) {
                m.insert("grade", qs(stringAt(g, "grade")));
                m.insert("note", qs(stringAt(g, "note")));
                m.insert("photos", toVariant(g.value("photos", Json::array())));
                m.insert("finding_id", qs(stringAt(g, "finding_id")));
                m.insert("failed", passes.count(stringAt(g, "grade")) && !passes[stringAt(g, "grade")]);
            }
        out << m;
    }
    return out;
}

int InspectionController::gradedCount() const {
    int n = 0;
    for (const auto& v : items())
        n += !v.toMap().value("grade").toString().isEmpty();
    return n;
}

int InspectionController::failedCount() const {
    int n = 0;
    for (const auto& v : items())
        n += v.toMap().value("failed").toBool();
    return n;
}

// ---- SurveyController -------------------------------------------------------------------------

void SurveyController::reloaded() {
    m_outcomes.clear();
    store::RecordQuery q;
    q.types = {"survey_response"};
    q.communityIds = {stringAt(m_body, "community_id")};
    if (auto recs = app().store().query(q))
        for (const auto& r : *recs) {
            if (stringAt(r.body, "campaign_id") != ss(m_id))
                continue;
            auto& slot = m_outcomes[stringAt(r.body, "unit_id")];
            const std::string outcome = stringAt(r.body, "outcome");
            if (slot != "answered")
                slot = outcome; // an answer outranks earlier attempts
        }
}

QVariantMap SurveyController::campaign() const { return toVariant(m_body).toMap(); }

QVariantList SurveyController::households() const {
    QVariantList out;
    for (const auto& e : m_body.value("sample", Json::array())) {
        const std::string unit = stringAt(e, "unit_id");
        auto it = m_outcomes.find(unit);
        out << QVariantMap{{"unitId", qs(unit)},
                           {"label", Directory::instance()->unitLabel(qs(unit))},
                           {"focused", e.value("focused", false)},
                           {"outcome", it == m_outcomes.end() ? QString("pending") : qs(it->second)}};
    }
    return out;
}

int SurveyController::answered() const {
    int n = 0;
    for (const auto& [unit, outcome] : m_outcomes)
        n += outcome == "answered";
    return n;
}

int SurveyController::quota() const { return m_body.value("quota", 0); }

bool SurveyController::respond(const QString& unitId, const char* outcome, const QVariantMap& scores,
                               const QString& comment) {
    bool sampled = false;
    for (const auto& e : m_body.value("sample", Json::array()))
        sampled = sampled || qs(stringAt(e, "unit_id")) == unitId;
    if (!sampled)
        return fail(invalidArgument("unit_id: this household is not in the campaign's sample"));
    const Instant now = app().clock();
    Json body{{"community_id", stringAt(m_body, "community_id")},
              {"campaign_id", ss(m_id)},
              {"unit_id", ss(unitId)},
              {"outcome", outcome},
              {"method", stringAt(m_body, "method", "door_to_door")},
              {"scores", toJson(scores)},
              {"comment", ss(comment)},
              {"answered_at", formatInstant(now)}};
    if (std::string(outcome) == "answered" && m_outcomes.count(ss(unitId)) && m_outcomes[ss(unitId)] == "answered")
        return fail(alreadyExists("this household has already answered this survey"));
    if (auto id = app().store().create("survey_response", body, app().actor(), now); !id)
        return fail(id.error());
    app().notifyRecordsChanged({"survey_response"});
    return ok();
}

bool SurveyController::record(const QString& unitId, const QVariantMap& scores, const QString& comment) {
    return respond(unitId, "answered", scores, comment);
}
bool SurveyController::notAtHome(const QString& unitId) { return respond(unitId, "not_at_home", {}, {}); }
bool SurveyController::refused(const QString& unitId) { return respond(unitId, "refused", {}, {}); }

QString SurveyController::plan(const QVariantMap& form) {
    const std::string community = ss(form.value("community_id", app().currentCommunity()).toString());
    const std::string kind = ss(form.value("kind", "monthly_solicitation").toString());
    // Households: every unit of the community; focused ones complained, or answered 1 or 2.
    std::set<std::string> focused;
    store::RecordQuery q;
    q.communityIds = {community};
    q.types = {"complaint", "survey_response"};
    if (auto recs = app().store().query(q))
        for (const auto& r : *recs) {
            if (r.type == "complaint")
                focused.insert(stringAt(r.body, "unit_id"));
            else
                for (const auto& [cat, score] : r.body.value("scores", Json::object()).items())
                    if (score.is_number_integer() && score.get<int>() <= 2)
                        focused.insert(stringAt(r.body, "unit_id"));
        }
    std::vector<rules::Household> households;
    store::RecordQuery units;
    units.types = {"unit"};
    units.communityIds = {community};
    if (auto recs = app().store().query(units))
        for (const auto& u : *recs)
            households.push_back({u.id, u.body.value("occupied", true), focused.count(u.id) > 0});
    const std::uint64_t seed = std::uint64_t(form.value("seed", qint64(toEpochMs(app().clock()))).toLongLong());
    auto plan = kind == "annual" ? rules::planAnnualSample(households, seed, app().store().rulesFor(community).policy)
                                 : rules::planMonthlySample(households, seed, app().store().rulesFor(community).policy);
    if (!plan) {
        fail(plan.error());
        return {};
    }
    Json body{{"community_id", community},
              {"community_ids", Json::array({community})},
              {"kind", kind},
              {"method", ss(form.value("method", "door_to_door").toString())},
              {"title", ss(form.value("title").toString())},
              {"categories", toJson(form.value("categories"))},
              {"period_start", toJson(form.value("period_start"))},
              {"period_end", toJson(form.value("period_end"))},
              {"seed", seed},
              {"quota", plan->quota},
              {"sample", plan->entries}};
    auto& store = app().store();
    std::string id;
    auto st = store.records().transaction([&]() -> Status {
        auto created = store.create("survey_campaign", body, app().actor(), app().clock());
        if (!created)
            return created.error();
        id = *created;
        return store.transition(id, "open", Json::object(), app().actor(), app().clock());
    });
    if (!st) {
        fail(st.error());
        return {};
    }
    app().notifyRecordsChanged({"survey_campaign"});
    setRecordId(qs(id));
    ok();
    return m_id;
}

} // namespace courtyard::client
