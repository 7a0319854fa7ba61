#include "client/intake_controller.h"

#include "client/directory.h"
#include "client/json_bridge.h"
#include "shared/auth/access.h"
#include "shared/records/record_type.h"
#include "shared/rules/period.h"
#include "shared/rules/review.h"
#include "sync/protocol/ids.h"

#include <QFile>
#include <QMimeDatabase>

namespace courtyard::client {

IntakeController::IntakeController(QObject* parent) : QObject(parent) {}

QString IntakeController::finish(Result<std::string> id, const QStringList& types) {
    if (!id) {
        m_lastError = qs(id.error().message);
        emit errorChanged();
        return {};
    }
    m_lastError.clear();
    emit errorChanged();
    m_lastId = qs(*id);
    AppContext::instance()->notifyRecordsChanged(types);
    emit created(m_lastId);
    return m_lastId;
}

// community_id from the unit when there is one, else the device's current community.
Json IntakeController::header(const QVariantMap& form) const {
    auto* app = AppContext::instance();
    Json j = Json::object();
    std::string community = ss(form.value("community_id").toString());
    const QString unitId = form.value("unit_id").toString();
    if (!unitId.isEmpty())
        if (auto u = Directory(*app).unit(unitId); u.valid)
            community = ss(u.communityId);
    if (community.empty())
        community = ss(app->currentCommunity());
    j["community_id"] = community;
    return j;
}

namespace {
// A date-time from a form field, or null.
Json when(const QVariantMap& form, const char* key) {
    const QVariant v = form.value(key);
    QDateTime t = v.toDateTime();
    if (!t.isValid() && v.typeId() == QMetaType::QString && !v.toString().isEmpty())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? Json(formatInstant(toInstant(t))) : Json();
}
} // namespace

QString IntakeController::createComplaint(const QVariantMap& form) {
    auto* app = AppContext::instance();
    Json body = header(form);
    const QString unitId = form.value("unit_id").toString();
    body["channel"] = ss(form.value("channel", "phone").toString());
    body["kind"] = ss(form.value("kind", "complaint").toString());
    body["unit_id"] = ss(unitId);
    if (!unitId.isEmpty())
        body["building_id"] = ss(Directory(*app).unit(unitId).buildingId);
    body["complainant"] = {{"name", ss(form.value("complainant_name").toString())},
                           {"phone", ss(form.value("complainant_phone").toString())}};
    body["category"] = ss(form.value("category", "housing").toString());
    body["content"] = ss(form.value("content").toString().trimmed());
    body["urgent"] = form.value("urgent").toBool();
    body["serious"] = form.value("serious").toBool();
    Instant received = app->clock();
    if (auto r = when(form, "received_at"); r.is_string())
        received = std::min(received, *parseInstant(r.get<std::string>())); // taken earlier, entered now
    body["received_at"] = formatInstant(received);
    if (auto r = when(form, "requested_reply_by"); r.is_string())
        body["requested_reply_by"] = r;
    if (form.contains("receipt_code"))
        body["receipt_code"] = ss(form.value("receipt_code").toString());
    if (const QString leader = form.value("leader_id").toString(); !leader.isEmpty())
        body["leader_id"] = ss(leader);
    const QString answer = form.value("answer").toString().trimmed();
    auto& store = app->store();
    std::string id;
    auto st = store.records().transaction([&]() -> Status {
        auto created = store.create("complaint", body, app->actor(), app->clock());
        if (!created)
            return created.error();
        id = *created;
        // Answered at once by the duty staff: recorded with its answer, the handler informed.
        if (!answer.isEmpty())
            return store.transition(id, "answer_on_spot", {{"reply", ss(answer)}}, app->actor(), app->clock());
        return {};
    });
    if (!st)
        return finish(st.error(), {});
    return finish(id, {"complaint"});
}

QString IntakeController::createSuggestion(const QVariantMap& form) {
    auto* app = AppContext::instance();
    Json body = header(form);
    body["channel"] = ss(form.value("channel", "phone").toString());
    body["unit_id"] = ss(form.value("unit_id").toString());
    body["resident_name"] = ss(form.value("resident_name").toString());
    body["resident_phone"] = ss(form.value("resident_phone").toString());
    if (!form.value("category").toString().isEmpty())
        body["category"] = ss(form.value("category").toString());
    body["content"] = ss(form.value("content").toString().trimmed());
    body["received_at"] = formatInstant(app->clock());
    if (form.contains("receipt_code"))
        body["receipt_code"] = ss(form.value("receipt_code").toString());
    auto& store = app->store();
    std::string id;
    auto st = store.records().transaction([&]() -> Status {
        auto created = store.create("suggestion", body, app->actor(), app->clock());
        if (!created)
            return created.error();
        id = *created;
        if (auto agreed = when(form, "agreed_reply_by"); agreed.is_string())
            return store.transition(id, "acknowledge", {{"agreed_reply_by", agreed}}, app->actor(), app->clock());
        return {};
    });
    if (!st)
        return finish(st.error(), {});
    return finish(id, {"suggestion"});
}

QString IntakeController::createRectification(const QVariantMap& form) {
    auto* app = AppContext::instance();
    Json body = header(form);
    body["source"] = ss(form.value("source", "resident_inspection").toString());
    body["unit_id"] = ss(form.value("unit_id").toString());
    body["area"] = ss(form.value("area").toString());
    body["description"] = ss(form.value("description").toString().trimmed());
    if (!form.value("category").toString().isEmpty())
        body["category"] = ss(form.value("category").toString());
    body["found_by_department_id"] = ss(form.value("found_by_department_id", qs(app->actor().departmentId)).toString());
    auto& store = app->store();
    std::string id;
    auto st = store.records().transaction([&]() -> Status {
        auto created = store.create("rectification", body, app->actor(), app->clock());
        if (!created)
            return created.error();
        id = *created;
        const QString photo = form.value("photo").toString();
        if (photo.isEmpty())
            return {};
        QFile f(QUrl(photo).isLocalFile() ? QUrl(photo).toLocalFile() : photo);
        if (!f.open(QIODevice::ReadOnly))
            return notFound("cannot read the photo " + ss(photo));
        const QByteArray bytes = f.readAll();
        const QString mime = QMimeDatabase().mimeTypeForData(bytes).name();
        auto sha = store.putBlob(std::string_view(bytes.constData(), std::size_t(bytes.size())), ss(mime));
        if (!sha)
            return sha.error();
        return store.append(id, "attachments",
                            {{"sha256", *sha}, {"kind", "photo"}, {"mime", ss(mime)}, {"size", bytes.size()}},
                            app->actor(), app->clock());
    });
    if (!st)
        return finish(st.error(), {});
    return finish(id, {"rectification"});
}

QString IntakeController::createArrangementNotice(const QVariantMap& form) {
    auto* app = AppContext::instance();
    Json body = header(form);
    body["source"] = ss(form.value("source", "daily_check").toString());
    body["source_id"] = ss(form.value("source_id").toString());
    body["department_id"] = ss(form.value("department_id").toString());
    body["assignee_id"] = ss(form.value("assignee_id").toString());
    body["instructions"] = ss(form.value("instructions").toString().trimmed());
    if (auto d = when(form, "due_by"); d.is_string())
        body["due_by"] = d;
    return finish(app->store().create("arrangement_notice", body, app->actor(), app->clock()), {"arrangement_notice"});
}

QString IntakeController::createNotice(const QVariantMap& form) {
    auto* app = AppContext::instance();
    Json body = header(form);
    body["kind"] = ss(form.value("kind", "general").toString());
    body["title"] = ss(form.value("title").toString().trimmed());
    body["body"] = ss(form.value("body").toString());
    body["valid_from"] = when(form, "valid_from").is_string() ? when(form, "valid_from") : Json(formatInstant(app->clock()));
    body["valid_until"] = when(form, "valid_until");
    body["urgent"] = form.value("urgent").toBool();
    body["location"] = ss(form.value("location").toString());
    if (!body["valid_until"].is_string())
        return finish(invalidArgument("valid_until: say until when the notice shows"), {});
    return finish(app->store().create("notice", body, app->actor(), app->clock()), {"notice"});
}

QString IntakeController::createHandover(const QString& notes, const QVariantMap& itemNotes) {
    auto* app = AppContext::instance();
    const auto& me = app->actor();
    store::RecordQuery q;
    q.types = {"complaint"};
    q.communityIds = {ss(app->currentCommunity())};
    if (!me.departmentId.empty())
        q.departmentId = me.departmentId;
    if (const auto* type = records::findRecordType("complaint"))
        for (const auto& s : type->states())
            if (!type->isTerminalState(s))
                q.states.push_back(s);
    q.order = store::RecordQuery::Order::DueAt;
    auto open = app->store().query(q);
    if (!open)
        return finish(open.error(), {});
    Json items = Json::array();
    for (const auto& r : *open) {
        Json item{{"complaint_id", r.id}};
        if (const QString note = itemNotes.value(qs(r.id)).toString().trimmed(); !note.isEmpty())
            item["note"] = ss(note);
        items.push_back(std::move(item));
    }
    Json body{{"community_id", ss(app->currentCommunity())},
              {"from_staff_id", me.staffId},
              {"department_id", me.departmentId},
              {"items", std::move(items)},
              {"notes", ss(notes.trimmed())}};
    return finish(app->store().create("shift_handover", body, me, app->clock()), {"shift_handover"});
}

namespace {

// The department's records of one week, counted by the shared rule (rules/review.h), the one
// the server's weekly report counts by.
Result<rules::WeeklyReviewCounts> countWeek(AppContext& app, const std::string& departmentId, const rules::Period& week) {
    store::RecordQuery q;
    q.types = {"complaint", "transfer_sheet"};
    q.communityIds = {ss(app.currentCommunity())};
    q.happenedFrom = week.from;
    q.happenedTo = week.to;
    auto rows = app.store().query(q);
    if (!rows)
        return rows.error();
    std::vector<domain::Complaint> complaints;
    std::vector<domain::TransferSheet> sheets;
    for (const auto& r : *rows) {
        if (r.type == "complaint") {
            if (auto c = decodeJson<domain::Complaint>(r.body))
                complaints.push_back(std::move(*c));
        } else if (auto s = decodeJson<domain::TransferSheet>(r.body)) {
            sheets.push_back(std::move(*s));
        }
    }
    return rules::weeklyReviewCounts(complaints, sheets, departmentId, week.from, week.to);
}

} // namespace

QString IntakeController::createWeeklyReview(const QString& departmentId, const QDateTime& weekStart, const QString& notes) {
    auto* app = AppContext::instance();
    if (!auth::mayCreate("weekly_review", app->actor()))
        return finish(permissionDenied("the weekly review is the department head's"), {});
    if (!weekStart.isValid())
        return finish(invalidArgument("week_start: which week was reviewed"), {});
    // The week (in the community's zone) that holds the moment given.
    const auto& calendar = app->store().rulesFor(ss(app->currentCommunity())).calendar;
    const rules::Period week = rules::periodContaining(rules::Granularity::Week, toInstant(weekStart), calendar);
    auto counts = countWeek(*app, ss(departmentId), week);
    if (!counts)
        return finish(counts.error(), {});
    Json body{{"community_id", ss(app->currentCommunity())},
              {"department_id", ss(departmentId)},
              {"week_start", formatInstant(week.from)},
              {"reviewer_id", app->actor().staffId},
              {"complaints", counts->complaints},
              {"transfer_sheets", counts->transferSheets},
              {"notes", ss(notes.trimmed())}};
    return finish(app->store().create("weekly_review", body, app->actor(), app->clock()), {"weekly_review"});
}

QVariantMap IntakeController::weeklyReviewCounts(const QString& departmentId, const QString& weekLabel) const {
    auto* app = AppContext::instance();
    auto week = rules::parsePeriod(ss(weekLabel), app->store().rulesFor(ss(app->currentCommunity())).calendar);
    if (!week)
        return {};
    auto counts = countWeek(*app, ss(departmentId), *week);
    if (!counts)
        return {};
    return {{"complaints", counts->complaints}, {"transferSheets", counts->transferSheets}};
}

} // namespace courtyard::client
