#include "client/patrol_controller.h"

#include "client/directory.h"
#include "client/media.h"
#include "shared/domain/patrol.h"
#include "shared/rules/deadlines.h"
#include "sync/protocol/ids.h"

namespace courtyard::client {

QString PatrolController::start(const QString& routeId) {
    const auto route = Directory(app()).body(routeId);
    if (!route) {
        fail(notFound("no patrol route " + ss(routeId) + " on this device"));
        return {};
    }
    const Instant now = app().clock();
    Json body{{"community_id", stringAt(*route, "community_id")},
              {"route_id", ss(routeId)},
              {"guard_id", app().actor().staffId},
              {"started_at", formatInstant(now)},
              {"checkpoints", arrayAt(*route, "checkpoints")}};
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

PatrolController::PatrolController(QObject* parent) : FieldController(parent) {}

void PatrolController::reloaded() {
    m_checkpoints.setRows(evaluate());
}

QList<CheckpointView> PatrolController::evaluate() const {
    QList<CheckpointView> out;
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
        CheckpointView v;
        v.id = qs(cp.id);
        v.name = qs(cp.name);
        v.location = qs(cp.location);
        v.dueBy = toDateTime(window.dueAt);
        v.status = i < results.size() ? qs(results[i].status) : QString();
        if (round->state == domain::PatrolRoundState::InProgress && v.status == "missed")
            v.status = rules::isOverdue(window, now) ? QStringLiteral("overdue") : QStringLiteral("due");
        if (i < results.size() && results[i].visitedAt)
            v.visitedAt = toDateTime(*results[i].visitedAt);
        for (const auto& visit : round->visits)
            if (visit.checkpointId == cp.id && visit.method == domain::ScanMethod::Manual)
                v.manualReason = qs(visit.reason);
        out << v;
    }
    return out;
}

int PatrolController::visited() const {
    int n = 0;
    for (const auto& v : checkpoints())
        n += v.visited();
    return n;
}
int PatrolController::late() const {
    int n = 0;
    for (const auto& v : checkpoints())
        n += v.status == "late";
    return n;
}
int PatrolController::missed() const {
    int n = 0;
    for (const auto& v : checkpoints())
        n += v.status == "missed" || v.status == "overdue";
    return n;
}

} // namespace courtyard::client
