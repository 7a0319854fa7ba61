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
#include <any>
#include <array>
#include <functional>
#include <map>
#include <mutex>
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

// Builds one fact row: its values in the order of the statement's parameters.
class Row {
public:
    explicit Row(std::string_view sql) { m_row.sql = sql; }
    Row& operator()(std::string_view v) {
        m_row.values.emplace_back(std::string(v));
        return *this;
    }
    Row& operator()(const std::string& v) { return (*this)(std::string_view(v)); }
    Row& operator()(std::int64_t v) {
        m_row.values.emplace_back(v);
        return *this;
    }
    Row& operator()(int v) { return (*this)(std::int64_t{v}); }
    Row& operator()(bool v) { return (*this)(std::int64_t{v ? 1 : 0}); }
    Row& operator()(const std::optional<std::int64_t>& v) {
        if (v)
            return (*this)(*v);
        m_row.values.emplace_back(std::monostate{});
        return *this;
    }
    FactRow take() { return std::move(m_row); }

private:
    FactRow m_row;
};

void complaintFacts(RecordFacts& out, const Complaint& c) {
    // The visit rate counts the first visit after the latest reply (rules::visitRate).
    std::optional<Instant> firstVisit;
    if (c.repliedAt)
        for (const auto& v : c.visits)
            if (v.at >= *c.repliedAt && (!firstVisit || v.at < *firstVisit))
                firstVisit = v.at;
    const auto active = rules::activeDeadline(c);
    out.rows.push_back(
        Row("INSERT OR REPLACE INTO fact_complaints (id, community_id, department_id, handler_id, kind, channel, "
            "category, validity, cause, grade, state, open, received_at, reply_due, first_replied_at, replied_at, "
            "visit_due, first_visit_at, active_due, escalated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")(c.id)(c.communityId)(c.departmentId)(
            c.handlerId)(enumName(c.kind))(enumName(c.channel))(enumName(c.category))(enumName(c.validity))(
            c.cause ? enumName(*c.cause) : std::string_view())(c.grade)(enumName(c.state))(isOpen(c))(
            toEpochMs(c.receivedAt))(ms(c.replyDue))(ms(c.firstRepliedAt))(ms(c.repliedAt))(ms(c.visitDue))(
            ms(firstVisit))(active ? std::optional<std::int64_t>(toEpochMs(active->dueAt)) : std::nullopt)(
            !c.transferSheetId.empty())
            .take());
}

void suggestionFacts(RecordFacts& out, const Suggestion& s) {
    out.rows.push_back(
        Row("INSERT OR REPLACE INTO fact_suggestions (id, community_id, handler_id, state, received_at, reply_due, "
            "replied_at, adopted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")(s.id)(s.communityId)(s.handlerId)(
            enumName(s.state))(toEpochMs(s.receivedAt))(ms(s.replyDue))(ms(s.repliedAt))(
            s.adopted ? std::optional<std::int64_t>(*s.adopted ? 1 : 0) : std::nullopt)
            .take());
}

void sheetFacts(RecordFacts& out, const TransferSheet& t) {
    out.rows.push_back(
        Row("INSERT OR REPLACE INTO fact_transfer_sheets (id, community_id, from_department_id, "
            "assigned_department_id, complaint_id, subject, level, state, created_at, resolved_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")(t.id)(t.communityId)(t.fromDepartmentId)(t.assignedDepartmentId)(
            t.complaintId)(t.subject)(enumName(t.level))(enumName(t.state))(toEpochMs(t.createdAt))(ms(t.resolvedAt))
            .take());
}

void responseFacts(RecordFacts& out, const SurveyResponse& r) {
    const bool answered = r.outcome == ResponseOutcome::Answered;
    out.rows.push_back(Row("INSERT OR REPLACE INTO fact_survey_responses (id, campaign_id, community_id, unit_id, "
                           "answered, answered_at) VALUES (?, ?, ?, ?, ?, ?)")(r.id)(r.campaignId)(r.communityId)(
                           r.unitId)(answered)(toEpochMs(r.answeredAt))
                           .take());
    if (!answered)
        return;
    for (const auto& entry : r.scores)
        out.rows.push_back(
            Row("INSERT OR REPLACE INTO fact_survey_scores (response_id, category, score) VALUES (?, ?, ?)")(r.id)(
                enumName(entry.first))(entry.second)
                .take());
}

void inspectionFacts(RecordFacts& out, const Inspection& in) {
    if (in.state != InspectionState::Submitted || !in.submittedAt)
        return; // a draft is not a result yet
    for (const auto& g : in.graded) {
        std::string title;
        for (const auto& item : in.items)
            if (item.id == g.itemId)
                title = item.title;
        bool pass = false;
        for (const auto& grade : in.scale)
            if (grade.id == g.grade)
                pass = grade.pass;
        out.rows.push_back(
            Row("INSERT OR REPLACE INTO fact_inspection_items (inspection_id, item_id, community_id, template_id, "
                "inspector_id, subject_staff, submitted_at, item_title, grade, pass, finding) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")(in.id)(g.itemId)(in.communityId)(in.templateId)(
                in.inspectorId)(in.subjectKind == SubjectKind::Staff ? in.subjectId : std::string())(
                toEpochMs(*in.submittedAt))(title)(g.grade)(pass)(!g.findingId.empty())
                .take());
    }
}

void patrolFacts(RecordFacts& out, const PatrolRound& p) {
    if (p.state == PatrolRoundState::InProgress)
        return; // the results are filled when the round ends
    for (const auto& r : p.results) {
        std::string name = r.checkpointId;
        for (const auto& cp : p.checkpoints)
            if (cp.id == r.checkpointId)
                name = cp.name;
        out.rows.push_back(
            Row("INSERT OR REPLACE INTO fact_patrol_checkpoints (round_id, checkpoint_id, community_id, route_id, "
                "guard_id, started_at, checkpoint_name, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")(p.id)(
                r.checkpointId)(p.communityId)(p.routeId)(p.guardId)(toEpochMs(p.startedAt))(name)(r.status)
                .take());
    }
}

void rectificationFacts(RecordFacts& out, const RectificationItem& r) {
    bool developer = false;
    for (const auto& round : r.rounds)
        developer = developer || round.developer;
    const bool signedByResident = r.state == RectificationState::Accepted && r.signature.has_value();
    out.rows.push_back(
        Row("INSERT OR REPLACE INTO fact_rectifications (id, community_id, found_by_department_id, recorded_by, "
            "source, state, rounds, developer, signed, reported_at, accepted_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")(r.id)(r.communityId)(r.foundByDepartmentId)(r.createdBy)(
            enumName(r.source))(enumName(r.state))(r.round())(developer)(signedByResident)(toEpochMs(r.createdAt))(
            ms(r.acceptedAt))
            .take());
}

const FactTable* factTable(std::string_view type) {
    const auto table =
        std::find_if(kFactTables.begin(), kFactTables.end(), [&](const FactTable& t) { return t.type == type; });
    return table == kFactTables.end() ? nullptr : &*table;
}

// The facts of a typed record; false when `typed` does not hold the type's domain value.
template <typename T>
bool project(RecordFacts& out, const std::any& typed, void (*facts)(RecordFacts&, const T&)) {
    const T* value = std::any_cast<T>(&typed);
    if (!value)
        return false;
    facts(out, *value);
    return true;
}

} // namespace

std::optional<RecordFacts> factsOfTyped(std::string_view type, const std::any& typed) {
    if (!factTable(type))
        return RecordFacts{};
    RecordFacts out;
    const bool projected = type == "complaint"         ? project<Complaint>(out, typed, complaintFacts)
                           : type == "suggestion"      ? project<Suggestion>(out, typed, suggestionFacts)
                           : type == "transfer_sheet"  ? project<TransferSheet>(out, typed, sheetFacts)
                           : type == "survey_response" ? project<SurveyResponse>(out, typed, responseFacts)
                           : type == "inspection"      ? project<Inspection>(out, typed, inspectionFacts)
                           : type == "patrol_round"    ? project<PatrolRound>(out, typed, patrolFacts)
                                                       : project<RectificationItem>(out, typed, rectificationFacts);
    if (!projected)
        return std::nullopt;
    return out;
}

Result<RecordFacts> factsOf(const store::StoredRecord& record) {
    RecordFacts out;
    if (!factTable(record.type) || record.deleted)
        return out;
    Json parsed;
    const Json* body = &record.body;
    if (body->is_null()) { // read without parsing, or written as text (a push's create)
        auto p = parseJson(record.encodedBody ? *record.encodedBody : record.rawBody);
        if (!p)
            return internalError("record " + record.id + ": its stored body is not JSON");
        parsed = std::move(*p);
        body = &parsed;
    }
    try {
        if (record.type == "complaint")
            complaintFacts(out, body->get<Complaint>());
        else if (record.type == "suggestion")
            suggestionFacts(out, body->get<Suggestion>());
        else if (record.type == "transfer_sheet")
            sheetFacts(out, body->get<TransferSheet>());
        else if (record.type == "survey_response")
            responseFacts(out, body->get<SurveyResponse>());
        else if (record.type == "inspection")
            inspectionFacts(out, body->get<Inspection>());
        else if (record.type == "patrol_round")
            patrolFacts(out, body->get<PatrolRound>());
        else
            rectificationFacts(out, body->get<RectificationItem>());
    } catch (const std::exception& e) {
        return internalError("record " + record.id + " (" + record.type + "): cannot project for reports: " +
                             e.what());
    }
    return out;
}

Status writeFacts(const FactStatement& run, const store::StoredRecord& record, const RecordFacts& facts) {
    const FactTable* table = factTable(record.type);
    if (!table)
        return {};
    const std::vector<FactValue> id{record.id};
    if (record.deleted || !table->oneRowPerRecord)
        CY_TRY(run(table->deleteSql, id));
    if (record.type == "survey_response") // a response's answers are a second table
        CY_TRY(run("DELETE FROM fact_survey_scores WHERE response_id = ?", id));
    if (record.deleted)
        return {};
    for (const auto& row : facts.rows)
        CY_TRY(run(row.sql, row.values));
    return {};
}

namespace {

// Each fact table's key (its primary key on both engines).
const std::map<std::string, std::string, std::less<>> kFactKeys{
    {"fact_complaints", "id"},
    {"fact_suggestions", "id"},
    {"fact_transfer_sheets", "id"},
    {"fact_survey_responses", "id"},
    {"fact_survey_scores", "response_id, category"},
    {"fact_inspection_items", "inspection_id, item_id"},
    {"fact_patrol_checkpoints", "round_id, checkpoint_id"},
    {"fact_rectifications", "id"},
};

std::string trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return std::string(s);
}

Result<std::string> buildUpsert(std::string_view sql) {
    constexpr std::string_view kReplace = "INSERT OR REPLACE INTO ";
    if (sql.rfind(kReplace, 0) != 0)
        return std::string(sql); // a DELETE
    const std::size_t open = sql.find('(');
    const std::size_t close = sql.find(')', open);
    if (open == std::string_view::npos || close == std::string_view::npos)
        return internalError("fact statement not understood: " + std::string(sql));
    const std::string table = trimmed(sql.substr(kReplace.size(), open - kReplace.size()));
    const auto key = kFactKeys.find(table);
    if (key == kFactKeys.end())
        return internalError("fact table without a key: " + table);
    std::string set, stored, excluded;
    std::string_view columns = sql.substr(open + 1, close - open - 1);
    while (!columns.empty()) {
        const std::size_t comma = columns.find(',');
        const std::string column = trimmed(columns.substr(0, comma));
        columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 1);
        if ((", " + key->second + ",").find(" " + column + ",") != std::string::npos)
            continue; // a key column
        const char* sep = set.empty() ? "" : ", ";
        set.append(sep).append(column).append(" = EXCLUDED.").append(column);
        stored.append(sep).append(table).append(".").append(column);
        excluded.append(sep).append("EXCLUDED.").append(column);
    }
    std::string out = "INSERT INTO " + std::string(sql.substr(kReplace.size())) + " ON CONFLICT (" + key->second + ") ";
    if (set.empty())
        return out + "DO NOTHING";
    return out + "DO UPDATE SET " + set + " WHERE (" + stored + ") IS DISTINCT FROM (" + excluded + ")";
}

} // namespace

Result<std::reference_wrapper<const std::string>> factUpsertSql(std::string_view sql) {
    // The statements are a handful of constants above: each is built once.
    static std::mutex mutex;
    static std::map<std::string, std::string, std::less<>> built;
    std::lock_guard lock(mutex);
    if (auto it = built.find(sql); it != built.end())
        return std::cref(it->second);
    auto text = buildUpsert(sql);
    if (!text)
        return text.error();
    return std::cref(built.emplace(std::string(sql), std::move(*text)).first->second); // never erased
}

Status writeFacts(store::Database& db, const store::StoredRecord& record, const RecordFacts& facts) {
    return writeFacts(
        [&](std::string_view sql, const std::vector<FactValue>& values) -> Status {
            auto text = factUpsertSql(sql);
            if (!text)
                return text.error();
            auto s = db.prepare(text->get());
            if (!s)
                return s.error();
            int i = 1;
            for (const auto& v : values) {
                if (const auto* n = std::get_if<std::int64_t>(&v))
                    s->bind(i, *n);
                else if (const auto* t = std::get_if<std::string>(&v))
                    s->bindStatic(i, *t); // `values` outlives `s`
                else
                    s->bindNull(i);
                ++i;
            }
            return s->exec();
        },
        record, facts);
}

const std::vector<std::string_view>& factTypes() {
    static const std::vector<std::string_view> types = [] {
        std::vector<std::string_view> out;
        for (const auto& t : kFactTables)
            out.push_back(t.type);
        return out;
    }();
    return types;
}

const std::vector<std::string_view>& factTables() {
    static const std::vector<std::string_view> tables = [] {
        std::vector<std::string_view> out;
        for (const auto& [table, key] : kFactKeys) // every fact table has its key there
            out.push_back(table);
        return out;
    }();
    return tables;
}

Status writeFacts(store::Database& db, const store::StoredRecord& record) {
    auto facts = factsOf(record);
    if (!facts)
        return facts.error();
    return writeFacts(db, record, *facts);
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
        for (const auto table : factTables())
            CY_TRY(db.exec("DELETE FROM " + std::string(table)));
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
