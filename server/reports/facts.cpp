#include "server/reports/facts.h"

#include "server/observability/log.h"

#include "shared/domain/complaint.h"
#include "shared/domain/inspection.h"
#include "shared/domain/patrol.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/rules/derive.h"
#include "shared/store/database.h"

#include <algorithm>
#include <array>
#include <functional>
#include <string_view>

namespace courtyard::server::reports {

namespace {

using namespace domain;

std::optional<std::int64_t> ms(const std::optional<Instant>& t) {
    return t ? std::optional<std::int64_t>(toEpochMs(*t)) : std::nullopt;
}
std::optional<std::int64_t> ms(const std::optional<Deadline>& d) {
    return d ? std::optional<std::int64_t>(toEpochMs(d->dueAt)) : std::nullopt;
}

// The fact tables of each record type: a record's old facts are removed from all of them
// before its new ones are written (a record never changes type, but a deletion removes all).
// A table with one row per record (keyed by the record's id) is written with INSERT OR
// REPLACE instead, so the DELETE runs there only for a deleted record: one statement less
// for every record stored (the push path's hot loop).
struct FactTable {
    std::string_view type;
    std::string_view deleteSql;
    bool oneRowPerRecord;
};
constexpr std::array<FactTable, 7> kFactTables{{
    {"complaint", "DELETE FROM fact_complaints WHERE id = ?", true},
    {"suggestion", "DELETE FROM fact_suggestions WHERE id = ?", true},
    {"transfer_sheet", "DELETE FROM fact_transfer_sheets WHERE id = ?", true},
    {"survey_response", "DELETE FROM fact_survey_responses WHERE id = ?", true},
    {"inspection", "DELETE FROM fact_inspection_items WHERE inspection_id = ?", false},
    {"patrol_round", "DELETE FROM fact_patrol_checkpoints WHERE round_id = ?", false},
    {"rectification", "DELETE FROM fact_rectifications WHERE id = ?", true},
}};

Status run(store::Database& db, std::string_view sql, const std::function<void(store::Statement&)>& bind) {
    auto s = db.prepare(sql);
    if (!s)
        return s.error();
    bind(*s);
    return s->exec();
}

Status complaintFacts(store::Database& db, const Complaint& c) {
    // The visit rate counts the first visit after the latest reply (rules::visitRate).
    std::optional<Instant> firstVisit;
    if (c.repliedAt)
        for (const auto& v : c.visits)
            if (v.at >= *c.repliedAt && (!firstVisit || v.at < *firstVisit))
                firstVisit = v.at;
    const auto active = rules::activeDeadline(c);
    return run(db,
               "INSERT OR REPLACE INTO fact_complaints (id, community_id, department_id, handler_id, kind, channel, category, "
               "validity, cause, grade, state, open, received_at, reply_due, first_replied_at, replied_at, "
               "visit_due, first_visit_at, active_due, escalated) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [&](store::Statement& s) {
                   s.bind(1, c.id)
                       .bind(2, c.communityId)
                       .bind(3, c.departmentId)
                       .bind(4, c.handlerId)
                       .bind(5, enumName(c.kind))
                       .bind(6, enumName(c.channel))
                       .bind(7, enumName(c.category))
                       .bind(8, enumName(c.validity))
                       .bind(9, c.cause ? std::string(enumName(*c.cause)) : std::string())
                       .bind(10, c.grade)
                       .bind(11, enumName(c.state))
                       .bind(12, isOpen(c) ? 1 : 0)
                       .bind(13, toEpochMs(c.receivedAt))
                       .bind(14, ms(c.replyDue))
                       .bind(15, ms(c.firstRepliedAt))
                       .bind(16, ms(c.repliedAt))
                       .bind(17, ms(c.visitDue))
                       .bind(18, ms(firstVisit))
                       .bind(19, active ? std::optional<std::int64_t>(toEpochMs(active->dueAt)) : std::nullopt)
                       .bind(20, c.transferSheetId.empty() ? 0 : 1);
               });
}

Status suggestionFacts(store::Database& db, const Suggestion& s) {
    return run(db,
               "INSERT OR REPLACE INTO fact_suggestions (id, community_id, handler_id, state, received_at, reply_due, "
               "replied_at, adopted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [&](store::Statement& st) {
                   st.bind(1, s.id)
                       .bind(2, s.communityId)
                       .bind(3, s.handlerId)
                       .bind(4, enumName(s.state))
                       .bind(5, toEpochMs(s.receivedAt))
                       .bind(6, ms(s.replyDue))
                       .bind(7, ms(s.repliedAt))
                       .bind(8, s.adopted ? std::optional<std::int64_t>(*s.adopted ? 1 : 0) : std::nullopt);
               });
}

Status sheetFacts(store::Database& db, const TransferSheet& t) {
    return run(db,
               "INSERT OR REPLACE INTO fact_transfer_sheets (id, community_id, from_department_id, assigned_department_id, "
               "complaint_id, subject, level, state, created_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [&](store::Statement& s) {
                   s.bind(1, t.id)
                       .bind(2, t.communityId)
                       .bind(3, t.fromDepartmentId)
                       .bind(4, t.assignedDepartmentId)
                       .bind(5, t.complaintId)
                       .bind(6, t.subject)
                       .bind(7, enumName(t.level))
                       .bind(8, enumName(t.state))
                       .bind(9, toEpochMs(t.createdAt))
                       .bind(10, ms(t.resolvedAt));
               });
}

Status responseFacts(store::Database& db, const SurveyResponse& r) {
    const bool answered = r.outcome == ResponseOutcome::Answered;
    CY_TRY(run(db,
               "INSERT OR REPLACE INTO fact_survey_responses (id, campaign_id, community_id, unit_id, answered, answered_at) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               [&](store::Statement& s) {
                   s.bind(1, r.id)
                       .bind(2, r.campaignId)
                       .bind(3, r.communityId)
                       .bind(4, r.unitId)
                       .bind(5, answered ? 1 : 0)
                       .bind(6, toEpochMs(r.answeredAt));
               }));
    if (!answered)
        return {};
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    for (const auto& entry : r.scores)
        CY_TRY(run(db, "INSERT OR REPLACE INTO fact_survey_scores (response_id, category, score) VALUES (?, ?, ?)",
                   [&](store::Statement& s) {
                       s.bind(1, r.id).bind(2, enumName(entry.first)).bind(3, entry.second);
                   }));
    return {};
}

Status inspectionFacts(store::Database& db, const Inspection& in) {
    if (in.state != InspectionState::Submitted || !in.submittedAt)
        return {}; // a draft is not a result yet
    for (const auto& g : in.graded) {
        std::string title;
        for (const auto& item : in.items)
            if (item.id == g.itemId)
                title = item.title;
        bool pass = false;
        for (const auto& grade : in.scale)
            if (grade.id == g.grade)
                pass = grade.pass;
        CY_TRY(run(db,
                   "INSERT OR REPLACE INTO fact_inspection_items (inspection_id, item_id, community_id, template_id, "
                   "inspector_id, subject_staff, submitted_at, item_title, grade, pass, finding) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [&](store::Statement& s) {
                       s.bind(1, in.id)
                           .bind(2, g.itemId)
                           .bind(3, in.communityId)
                           .bind(4, in.templateId)
                           .bind(5, in.inspectorId)
                           .bind(6, in.subjectKind == SubjectKind::Staff ? in.subjectId : std::string())
                           .bind(7, toEpochMs(*in.submittedAt))
                           .bind(8, title)
                           .bind(9, g.grade)
                           .bind(10, pass ? 1 : 0)
                           .bind(11, g.findingId.empty() ? 0 : 1);
                   }));
    }
    return {};
}

Status patrolFacts(store::Database& db, const PatrolRound& p) {
    if (p.state == PatrolRoundState::InProgress)
        return {}; // the results are filled when the round ends
    for (const auto& r : p.results) {
        std::string name = r.checkpointId;
        for (const auto& cp : p.checkpoints)
            if (cp.id == r.checkpointId)
                name = cp.name;
        CY_TRY(run(db,
                   "INSERT OR REPLACE INTO fact_patrol_checkpoints (round_id, checkpoint_id, community_id, route_id, guard_id, "
                   "started_at, checkpoint_name, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [&](store::Statement& s) {
                       s.bind(1, p.id)
                           .bind(2, r.checkpointId)
                           .bind(3, p.communityId)
                           .bind(4, p.routeId)
                           .bind(5, p.guardId)
                           .bind(6, toEpochMs(p.startedAt))
                           .bind(7, name)
                           .bind(8, r.status);
                   }));
    }
    return {};
}

Status rectificationFacts(store::Database& db, const RectificationItem& r) {
    bool developer = false;
    for (const auto& round : r.rounds)
        developer = developer || round.developer;
    const bool signedByResident = r.state == RectificationState::Accepted && r.signature.has_value();
    return run(db,
               "INSERT OR REPLACE INTO fact_rectifications (id, community_id, found_by_department_id, recorded_by, source, "
               "state, rounds, developer, signed, reported_at, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [&](store::Statement& s) {
                   s.bind(1, r.id)
                       .bind(2, r.communityId)
                       .bind(3, r.foundByDepartmentId)
                       .bind(4, r.createdBy)
                       .bind(5, enumName(r.source))
                       .bind(6, enumName(r.state))
                       .bind(7, r.round())
                       .bind(8, developer ? 1 : 0)
                       .bind(9, signedByResident ? 1 : 0)
                       .bind(10, toEpochMs(r.createdAt))
                       .bind(11, ms(r.acceptedAt));
               });
}

} // namespace

Status writeFacts(store::Database& db, const store::StoredRecord& record) {
    const auto table = std::find_if(kFactTables.begin(), kFactTables.end(),
                                    [&](const FactTable& t) { return t.type == record.type; });
    if (table == kFactTables.end())
        return {};
    if (record.deleted || !table->oneRowPerRecord)
        CY_TRY(run(db, table->deleteSql, [&](store::Statement& s) { s.bind(1, record.id); }));
    if (record.type == "survey_response") // a response's answers are a second table
        CY_TRY(run(db, "DELETE FROM fact_survey_scores WHERE response_id = ?",
                   [&](store::Statement& s) { s.bind(1, record.id); }));
    if (record.deleted)
        return {};
    Json parsed;
    const Json* body = &record.body;
    if (body->is_null()) {
        auto p = parseJson(record.rawBody);
        if (!p)
            return internalError("record " + record.id + ": its stored body is not JSON");
        parsed = std::move(*p);
        body = &parsed;
    }
    try {
        if (record.type == "complaint")
            return complaintFacts(db, body->get<Complaint>());
        if (record.type == "suggestion")
            return suggestionFacts(db, body->get<Suggestion>());
        if (record.type == "transfer_sheet")
            return sheetFacts(db, body->get<TransferSheet>());
        if (record.type == "survey_response")
            return responseFacts(db, body->get<SurveyResponse>());
        if (record.type == "inspection")
            return inspectionFacts(db, body->get<Inspection>());
        if (record.type == "patrol_round")
            return patrolFacts(db, body->get<PatrolRound>());
        return rectificationFacts(db, body->get<RectificationItem>());
    } catch (const std::exception& e) {
        return internalError("record " + record.id + " (" + record.type + "): cannot project for reports: " +
                             e.what());
    }
}

Result<std::int64_t> rebuildFactsIfStale(store::SqliteRecordStore& store) {
    auto current = store.getMeta("report_facts");
    if (!current)
        return current.error();
    if (*current && **current == std::to_string(kFactsVersion))
        return std::int64_t{0};
    std::int64_t projected = 0;
    auto rebuilt = store.transaction([&]() -> Status {
        auto& db = store.database();
        for (const auto* table : {"fact_complaints", "fact_suggestions", "fact_transfer_sheets", "fact_survey_responses",
                                  "fact_survey_scores", "fact_inspection_items", "fact_patrol_checkpoints",
                                  "fact_rectifications"})
            CY_TRY(db.exec(std::string("DELETE FROM ") + table));
        auto s = db.prepare("SELECT id, type, body FROM records WHERE deleted = 0 AND type IN ('complaint', "
                            "'suggestion', 'transfer_sheet', 'survey_response', 'inspection', 'patrol_round', "
                            "'rectification')");
        if (!s)
            return s.error();
        while (true) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            store::StoredRecord r;
            r.id = s->text(0);
            r.type = s->text(1);
            r.rawBody = s->text(2);
            // One record that cannot be projected must not keep the server from starting: it is
            // left out of the reports and named in the log.
            if (auto st = writeFacts(db, r); !st) {
                Log::error("report facts: record left out", {{"id", r.id}, {"error", st.error().message}});
                continue;
            }
            ++projected;
        }
        return store.setMeta("report_facts", std::to_string(kFactsVersion));
    });
    if (!rebuilt)
        return rebuilt.error();
    return projected;
}

} // namespace courtyard::server::reports
