#include "client/record_controller.h"

#include "client/json_bridge.h"
#include "client/qml_singletons.h"
#include "shared/core/bounded_json.h"
#include "shared/auth/access.h"
#include "shared/domain/action_form.h"
#include "shared/records/record_type.h"
#include "sync/protocol/ids.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace courtyard::client {

RecordController::RecordController(QObject* parent) : QObject(parent) {
    if (auto* app = AppContext::instance()) {
        connect(app, &AppContext::recordsChanged, this, &RecordController::reload);
        connect(app, &AppContext::actorChanged, this, &RecordController::loaded);
    }
}

void RecordController::setRecordId(const QString& id) {
    if (id == m_id)
        return;
    m_id = id;
    emit recordIdChanged();
    reload();
}

void RecordController::reload() {
    auto* app = AppContext::instance();
    m_exists = false;
    m_body = Json::object();
    QList<HistoryEntryView> history;
    m_type.clear();
    m_dueAt = {};
    m_dueRule.clear();
    m_provisional = m_fallback = m_pending = m_returned = false;
    m_returnedReason.clear();
    m_returnedCode.clear();
    m_returnedField.clear();
    if (app && !m_id.isEmpty()) {
        if (auto r = app->store().get(ss(m_id)); r && *r) {
            m_exists = true;
            m_type = (*r)->type;
            m_body = (*r)->body;
            // Photos and signatures taken on other devices come when the record is opened.
            if (auto* sync = exposedToQml().sync)
                sync->attachments().opened(m_body);
            if (!(*r)->history.empty())
                if (auto h = parseBoundedJson((*r)->history, JsonLimits::stored()))
                    history = historyEntries(*h);
            m_pending = (*r)->version == 0 || (*r)->serverBody.has_value();
            if (auto refusal = app->store().returnedRefusal(ss(m_id)); refusal && *refusal) {
                m_returned = true;
                m_returnedReason = qs((*refusal)->error.message);
                m_returnedCode = qs(std::string(errorCodeName((*refusal)->error.code)));
                m_returnedField = qs((*refusal)->error.field);
            }
            if (const auto* type = records::findRecordType(m_type)) {
                const auto idx = type->index(m_body);
                if (idx.dueAt) {
                    m_dueAt = toDateTime(*idx.dueAt);
                    m_dueRule = qs(idx.dueRule);
                    for (const auto& [k, v] : m_body.items())
                        if (v.is_object() && stringAt(v, "rule") == idx.dueRule && v.contains("due_at")) {
                            m_provisional = v.value("provisional", true);
                            m_fallback = v.value("calendar_fallback", false);
                        }
                }
            }
        }
    }
    RecordParts parts = recordParts(m_type, m_body);
    m_view = std::move(parts.view);
    m_history.setRows(history);
    m_visits.setRows(parts.visits);
    m_rounds.setRows(parts.rounds);
    m_comments.setRows(parts.comments);
    m_timeline.setRows(parts.timeline);
    m_links.setRows(parts.links);
    emit loaded();
}

QString RecordController::state() const { return qs(stringAt(m_body, "state")); }

QStringList RecordController::availableActions() const {
    QStringList out;
    auto* app = AppContext::instance();
    const auto* type = records::findRecordType(m_type);
    if (!app || !type || !m_exists || m_returned) // a returned record takes no step until sent
        return out;
    for (const auto& a : type->availableActionsOn(m_body, app->actor().role))
        out << qs(a);
    return out;
}

namespace {

// One field of a form as the step dialog reads it (record_controller.h, actionForm).
QVariantMap formField(const domain::ActionField& f) {
    QVariantMap m;
    m["key"] = qs(f.key);
    m["kind"] = qs(std::string(domain::fieldKindName(f.kind)));
    m["required"] = f.required;
    m["spoken"] = f.spoken;
    QStringList choices, roles;
    for (const auto& c : f.choices)
        choices << qs(c);
    for (auto role : f.roles)
        roles << qs(std::string(enumName(role)));
    m["choices"] = choices;
    m["roles"] = roles;
    for (const auto& c : f.when)
        if (c.subject.starts_with("param."))
            m["requiredWhen"] = QVariantMap{{"key", qs(c.subject.substr(6))}, {"value", qs(c.value)}, {"equals", c.equals}};
    return m;
}

} // namespace

QVariantList RecordController::actionForm(const QString& action) const {
    QVariantList out;
    for (const auto& f : domain::actionForm(m_type, ss(action)))
        if (f.kind != domain::FieldKind::Reference && domain::offeredFor(f, m_body))
            out << formField(f);
    return out;
}

QVariantList RecordController::editForm() const {
    QVariantList out;
    auto* app = AppContext::instance();
    if (!app || !m_exists || terminal())
        return out;
    for (const auto& key : auth::editableFields(m_type, app->actor()))
        if (const auto f = domain::plainFieldForm(key)) {
            QVariantMap m = formField(*f);
            const auto it = m_body.find(key);
            if (it == m_body.end() || it->is_null())
                m["initial"] = f->kind == domain::FieldKind::YesNo ? QVariant(false) : QVariant();
            else if (f->kind == domain::FieldKind::When)
                m["initial"] = dateTimeAt(m_body, key.c_str());
            else
                m["initial"] = toVariant(*it);
            out << m;
        }
    return out;
}

bool RecordController::terminal() const {
    const auto* type = records::findRecordType(m_type);
    return type && type->isTerminalState(stringAt(m_body, "state"));
}

bool RecordController::fail(const Error& e) {
    m_lastError = qs(e.message);
    m_lastErrorCode = qs(std::string(errorCodeName(e.code)));
    emit errorChanged();
    return false;
}

bool RecordController::ok() {
    if (!m_lastError.isEmpty()) {
        m_lastError.clear();
        m_lastErrorCode.clear();
        emit errorChanged();
    }
    return true;
}

bool RecordController::perform(const QString& action, const QVariantMap& params) {
    auto* app = AppContext::instance();
    if (!app->signedIn())
        return fail(unauthenticated("sign in first"));
    Json p = toJson(params);
    if (!p.is_object())
        p = Json::object();
    if (auto st = app->store().transition(ss(m_id), ss(action), p, app->actor(), app->clock()); !st)
        return fail(st.error());
    app->notifyRecordsChanged({qs(m_type)});
    emit done(action);
    return ok();
}

bool RecordController::update(const QVariantMap& fields) {
    auto* app = AppContext::instance();
    if (auto st = app->store().update(ss(m_id), toJson(fields), app->actor(), app->clock()); !st)
        return fail(st.error());
    app->notifyRecordsChanged({qs(m_type)});
    return ok();
}

bool RecordController::sendAgain() {
    auto* app = AppContext::instance();
    if (!app->signedIn())
        return fail(unauthenticated("sign in first"));
    if (auto st = app->store().sendAgain(ss(m_id), app->actor(), app->clock()); !st)
        return fail(st.error());
    app->notifyRecordsChanged({qs(m_type)});
    emit done("send_again");
    return ok();
}

bool RecordController::discard() {
    auto* app = AppContext::instance();
    const QString type = qs(m_type);
    if (auto st = app->store().discardReturned(ss(m_id)); !st)
        return fail(st.error());
    app->notifyRecordsChanged({type});
    emit done("discard");
    return ok();
}

std::string RecordController::newId() const { return sync::newUuidV7(AppContext::instance()->clock()); }

bool RecordController::addComment(const QString& text) {
    auto* app = AppContext::instance();
    const Json item{{"id", newId()}, {"at", app->clock()}, {"author", app->actor().staffId}, {"text", ss(text)}};
    if (auto st = app->store().append(ss(m_id), "comments", item, app->actor(), app->clock()); !st)
        return fail(st.error());
    app->notifyRecordsChanged({qs(m_type)});
    return ok();
}

bool RecordController::attachBlob(const QVariantMap& attachment) {
    auto* app = AppContext::instance();
    if (auto st = app->store().append(ss(m_id), "attachments", toJson(attachment), app->actor(), app->clock()); !st)
        return fail(st.error());
    app->notifyRecordsChanged({qs(m_type)});
    return ok();
}

bool RecordController::attachFile(const QString& path) {
    QFile f(QUrl(path).isLocalFile() ? QUrl(path).toLocalFile() : path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(notFound("cannot read " + ss(path)));
    const QByteArray bytes = f.readAll();
    const QString mime = QMimeDatabase().mimeTypeForData(bytes).name();
    auto* app = AppContext::instance();
    auto sha = app->store().putBlob(std::string_view(bytes.constData(), std::size_t(bytes.size())), ss(mime));
    if (!sha)
        return fail(sha.error());
    return attachBlob({{"sha256", qs(*sha)}, {"kind", "photo"}, {"mime", mime}, {"size", qint64(bytes.size())},
                       {"name", QFileInfo(f).fileName()}});
}

QString RecordController::escalate(const QString& reason) {
    auto* app = AppContext::instance();
    if (m_type != "complaint") {
        fail(failedPrecondition("only a complaint is escalated with a transfer sheet"));
        return {};
    }
    auto& store = app->store();
    std::string sheetId;
    auto st = store.records().transaction([&]() -> Status {
        auto id = store.create("transfer_sheet",
                               Json{{"community_id", stringAt(m_body, "community_id")},
                                    {"complaint_id", ss(m_id)},
                                    {"subject", stringAt(m_body, "content").substr(0, 200)},
                                    {"reason", ss(reason)},
                                    {"from_department_id", stringAt(m_body, "department_id")}},
                               app->actor(), app->clock());
        if (!id)
            return id.error();
        sheetId = *id;
        return store.transition(ss(m_id), "transfer", {{"sheet_id", sheetId}, {"reason", ss(reason)}},
                                app->actor(), app->clock());
    });
    if (!st) {
        fail(st.error());
        return {};
    }
    app->notifyRecordsChanged({"complaint", "transfer_sheet"});
    ok();
    return qs(sheetId);
}

QString RecordController::arrange(const QString& departmentId, const QString& instructions, const QDateTime& dueBy) {
    auto* app = AppContext::instance();
    if (m_type != "transfer_sheet") {
        fail(failedPrecondition("an arrangement notice is issued from a transfer sheet"));
        return {};
    }
    auto& store = app->store();
    std::string noticeId;
    auto st = store.records().transaction([&]() -> Status {
        Json notice{{"community_id", stringAt(m_body, "community_id")},
                    {"source", "transfer_sheet"},
                    {"source_id", ss(m_id)},
                    {"department_id", ss(departmentId)},
                    {"instructions", ss(instructions)}};
        if (dueBy.isValid())
            notice["due_by"] = formatInstant(toInstant(dueBy));
        auto id = store.create("arrangement_notice", notice, app->actor(), app->clock());
        if (!id)
            return id.error();
        noticeId = *id;
        CY_TRY(store.transition(ss(m_id), "arrange",
                                {{"department_id", ss(departmentId)}, {"instructions", ss(instructions)}, {"notice_id", noticeId}},
                                app->actor(), app->clock()));
        const std::string complaintId = stringAt(m_body, "complaint_id");
        if (!complaintId.empty())
            CY_TRY(store.transition(complaintId, "arrange", {{"department_id", ss(departmentId)}}, app->actor(),
                                    app->clock()));
        return {};
    });
    if (!st) {
        fail(st.error());
        return {};
    }
    app->notifyRecordsChanged({"complaint", "transfer_sheet", "arrangement_notice"});
    ok();
    return qs(noticeId);
}

bool RecordController::completeArrangement(const QString& result) {
    auto* app = AppContext::instance();
    if (m_type != "arrangement_notice")
        return fail(failedPrecondition("this is not an arrangement notice"));
    auto& store = app->store();
    auto st = store.records().transaction([&]() -> Status {
        CY_TRY(store.transition(ss(m_id), "complete", {{"result", ss(result)}}, app->actor(), app->clock()));
        const std::string sheetId = stringAt(m_body, "source_id");
        if (stringAt(m_body, "source") == "transfer_sheet" && !sheetId.empty())
            CY_TRY(store.transition(sheetId, "resolve", {{"result", ss(result)}}, app->actor(), app->clock()));
        return {};
    });
    if (!st)
        return fail(st.error());
    app->notifyRecordsChanged({"transfer_sheet", "arrangement_notice"});
    return ok();
}

QDateTime RecordController::timeOf(const QString& field) const { return dateTimeAt(m_body, ss(field).c_str()); }

} // namespace courtyard::client
