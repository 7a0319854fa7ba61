// Over 400 lines, knowingly: the fixture company is built record by record here, so the hand-
// worked figures sit beside it.
// The reports over a fixture company built here, record by record, with figures worked out by
// hand from the records below (not copied from the output): every report, the survey's
// return-rate penalty and the Pareto cut. Real SQLite data directory, the server's storage
// (which writes the report facts), and the HTTP surface for who may read what.
//
// The fixture, March 2026 in Asia/Shanghai; "now" is Friday 20 March 10:00 (02:00Z).
//
//  complaint  community  dept   category  channel  received     validity / cause     reply          visit
//  C1         sunshine   d-eng  repairs   phone    Mon 2 Mar    valid own, urgent    +1 h on time   +1 d, closed
//  C2         sunshine   d-eng  repairs   kiosk    Tue 3 Mar    valid own, urgent,   +3 h LATE      +1 d, closed
//                                                               media reach: grade 3, transfer sheet T1
//  C3         sunshine   d-sec  security  phone    Wed 4 Mar    valid own, urgent    +1 h on time   none: OVERDUE
//  C4         jadelake   d-sec  security  f2f      Thu 5 Mar    invalid developer    explained, closed
//  C5         jadelake   d-cs   cleaning  letter   Fri 6 Mar    valid own, urgent    none: OVERDUE
//  C6         sunshine   d-eng  repairs   phone    Wed 18 Mar   valid own, 2 w. days none, not due yet
//  C7         sunshine   d-eng  repairs   phone    Tue 10 Mar   invalid external     explained, closed
//  C8         sunshine   —      vehicles  kiosk    Thu 19 Mar   undecided            —
//  C9  a repair request in March (not a complaint);  C10 February, d-sec security, valid, on time,
//  visited;  C11 cancelled in March.
//
// Suggestions (March): S1 replied within 3 days and adopted; S2 unanswered past its 3 days;
// S3 received yesterday, not yet due; S4 cancelled.
//
// Annual survey 2026 (opened 10 January): sample of 10 households, 8 random and 2 focused —
// sunshine u1…u6 (u6 focused), jadelake j1…j4 (j4 focused). Answered: u1 (twice: the later
// answer counts), u2, u3, j1; u5 not at home; one household outside the sample answered too
// (ignored by the survey, counted by the half-yearly tabulation). Scores (housing, security,
// vehicles, repairs): u1 5 4 2 4, u2 4 3 2 1, u3 5 5 4 2, j1 3 4 5 1, outside 1 - - -.
#include "server/demo/demo_company.h"
#include "server/demo/demo_history.h"
#include "server/http/router.h"
#include "server/reports/facts.h"
#include "server/reports/report_service.h"
#include "server/service/admin_service.h"
#include "server/service/rules_cache.h"
#include "server/storage/sqlite_storage.h"
#include "shared/domain/complaint.h"
#include "shared/domain/inspection.h"
#include "shared/domain/patrol.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/rules/analysis.h"
#include "shared/rules/grading.h"
#include "shared/rules/period.h"
#include "shared/rules/review.h"
#include "shared/rules/scoring.h"
#include "shared/store/database.h"
#include "sync/protocol/proof.h"
#include "support/signed_device.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace courtyard;
using namespace courtyard::server;
using namespace courtyard::domain;
using reports::ReportRequest;
using std::chrono::days;
using std::chrono::hours;

namespace {

Instant at(const char* text) { return *parseInstant(text); }

const char* const kSunshine = "cm-sunshine";
const char* const kJade = "cm-jadelake";

struct Fixture {
    QTemporaryDir dir;
    Instant now = at("2026-03-20T02:00:00Z");
    std::unique_ptr<SqliteStorage> storage;
    RulesCache rulesCache;
    std::shared_ptr<const rules::RuleContext> rules;
    std::map<std::string, NewDevice> devices;
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<BlobService> blobs;
    std::unique_ptr<EscalationService> escalations;
    std::unique_ptr<AuthService> auth;
    Metrics metrics;
    std::unique_ptr<ServerContext> ctx;
    std::map<std::string, sync::Credential> credentials; // "<device>|<staff id>"
    std::vector<SurveyResponse> responses; // as written, for the cross-check with scoreSurvey
    SurveyCampaign campaign;

    Fixture() {
        storage = std::move(*SqliteStorage::open(dir.filePath("courtyard.db").toStdString()));
        Clock clock = [this] { return now; };
        if (!importCompany(*storage, demoCompany(), clock, {1024, 1}))
            qFatal("import failed");
        sync = std::make_unique<SyncService>(*storage, rulesCache, clock);
        blobs = std::make_unique<BlobService>(*storage, dir.filePath("blobs").toStdString(), clock, 1 << 20);
        escalations = std::make_unique<EscalationService>(*storage, rulesCache, clock);
        auth = std::make_unique<AuthService>(*storage, rulesCache, clock);
        ctx.reset(new ServerContext{*storage, *sync, *blobs, *escalations, *auth, metrics, clock});
        (void)storage->read([&](ReadUnit& u) -> Status {
            rules = rulesCache.get(u, kSunshine, now);
            return {};
        });
        auto add = [&](const char* key, const char* role, std::vector<std::string> communities) {
            devices[key] = *addDevice(*storage, key, role, communities, clock);
        };
        add("staff", "staff", {kSunshine, kJade});
        add("supervisor", "supervisor", {kSunshine, kJade});
        add("supervisor-sun", "supervisor", {kSunshine});
        add("manager", "manager", {kSunshine, kJade});
        add("kiosk", "kiosk", {kSunshine});
        build();
    }

    template <typename T>
    void put(const T& record) {
        auto st = storage->write([&](WriteUnit& u) -> Status {
            store::StoredRecord r;
            r.id = record.id;
            r.type = std::string(T::kType);
            r.body = record;
            auto v = u.put(std::move(r));
            if (!v)
                return v.error();
            return {};
        });
        if (!st)
            qFatal("put %s: %s", record.id.c_str(), st.error().message.c_str());
    }

    static void head(RecordHeader& h, const std::string& id, const std::string& community, Instant t) {
        h.id = id;
        h.communityId = community;
        h.createdAt = t;
        h.createdBy = "s-1001";
        h.originDevice = "fixture";
    }

    Complaint complaint(const std::string& id, const std::string& community, const std::string& dept,
                        Category category, Channel channel, const char* received) {
        Complaint c;
        head(c, id, community, at(received));
        c.category = category;
        c.channel = channel;
        c.content = "fixture";
        c.receivedAt = at(received);
        c.departmentId = dept;
        c.handlerId = dept == "d-eng" ? "s-1002" : dept == "d-sec" ? "s-1003" : dept.empty() ? "" : "s-1001";
        return c;
    }
    void decide(Complaint& c, Validity v, Cause cause, bool urgent) {
        c.validity = v;
        c.cause = cause;
        c.urgent = urgent;
        c.decidedAt = c.receivedAt + std::chrono::minutes{10};
        c.state = v == Validity::Valid ? ComplaintState::Handling : ComplaintState::Explaining;
        rules::derive(c, *rules, {true, false});
    }
    void reply(Complaint& c, Milliseconds after) {
        c.firstRepliedAt = c.receivedAt + after;
        c.repliedAt = c.firstRepliedAt;
        c.state = ComplaintState::Replied;
        rules::derive(c, *rules, {true, false});
    }
    void visit(Complaint& c, Milliseconds after) {
        FollowUpVisit v;
        v.id = c.id + "-v";
        v.at = *c.repliedAt + after;
        v.visitor = "s-1001";
        v.satisfied = true;
        c.visits.push_back(v);
        c.state = ComplaintState::Closed;
        c.closedAt = v.at;
    }
    void explain(Complaint& c) {
        c.explanation = "not ours";
        c.explainedAt = c.receivedAt + hours{3};
        c.state = ComplaintState::Closed;
        c.closedAt = c.explainedAt;
    }

    void build() {
        auto c1 = complaint("C1", kSunshine, "d-eng", Category::Repairs, Channel::Phone, "2026-03-02T02:00:00Z");
        decide(c1, Validity::Valid, Cause::Own, true);
        reply(c1, hours{1});
        visit(c1, days{1});
        put(c1);
        auto c2 = complaint("C2", kSunshine, "d-eng", Category::Repairs, Channel::Kiosk, "2026-03-03T02:00:00Z");
        c2.reach = Reach::Media;
        c2.transferSheetId = "T1";
        decide(c2, Validity::Valid, Cause::Own, true);
        reply(c2, hours{3});
        visit(c2, days{1});
        put(c2);
        auto c3 = complaint("C3", kSunshine, "d-sec", Category::Security, Channel::Phone, "2026-03-04T02:00:00Z");
        decide(c3, Validity::Valid, Cause::Own, true);
        reply(c3, hours{1});
        put(c3);
        auto c4 = complaint("C4", kJade, "d-sec", Category::Security, Channel::FaceToFace, "2026-03-05T02:00:00Z");
        decide(c4, Validity::Invalid, Cause::Developer, false);
        explain(c4);
        put(c4);
        auto c5 = complaint("C5", kJade, "d-cs", Category::Cleaning, Channel::Letter, "2026-03-06T02:00:00Z");
        decide(c5, Validity::Valid, Cause::Own, true);
        put(c5);
        auto c6 = complaint("C6", kSunshine, "d-eng", Category::Repairs, Channel::Phone, "2026-03-18T02:00:00Z");
        decide(c6, Validity::Valid, Cause::Own, false);
        put(c6);
        auto c7 = complaint("C7", kSunshine, "d-eng", Category::Repairs, Channel::Phone, "2026-03-10T02:00:00Z");
        decide(c7, Validity::Invalid, Cause::External, false);
        explain(c7);
        put(c7);
        auto c8 = complaint("C8", kSunshine, "", Category::Vehicles, Channel::Kiosk, "2026-03-19T02:00:00Z");
        rules::derive(c8, *rules, {true, false});
        put(c8);
        auto c9 = complaint("C9", kSunshine, "d-eng", Category::Repairs, Channel::Phone, "2026-03-09T02:00:00Z");
        c9.kind = ComplaintKind::Repair;
        decide(c9, Validity::Valid, Cause::Own, true);
        put(c9);
        // Reached the media: the customer-service head follows it to the end.
        auto c10 = complaint("C10", kSunshine, "d-sec", Category::Security, Channel::Media, "2026-02-20T02:00:00Z");
        c10.leaderId = "s-2001";
        decide(c10, Validity::Valid, Cause::Own, true);
        reply(c10, hours{1});
        visit(c10, days{1});
        put(c10);
        auto c11 = complaint("C11", kSunshine, "d-eng", Category::Repairs, Channel::Phone, "2026-03-11T02:00:00Z");
        c11.state = ComplaintState::Cancelled;
        put(c11);

        TransferSheet t1;
        head(t1, "T1", kSunshine, at("2026-03-03T06:00:00Z"));
        t1.complaintId = "C2";
        t1.subject = "Lift repair needs the developer";
        t1.reason = "outside our budget";
        t1.fromDepartmentId = "d-eng";
        t1.assignedDepartmentId = "d-eng";
        put(t1);

        auto suggestion = [&](const char* id, const char* received, std::optional<Milliseconds> repliedAfter,
                              bool cancelled = false) {
            Suggestion s;
            head(s, id, kSunshine, at(received));
            s.content = "fixture";
            s.receivedAt = at(received);
            s.handlerId = "s-1001";
            rules::derive(s, *rules, {true, false});
            if (repliedAfter) {
                s.repliedAt = s.receivedAt + *repliedAfter;
                s.adopted = true;
                s.reply = "thanks";
                s.state = SuggestionState::Replied;
            }
            if (cancelled)
                s.state = SuggestionState::Cancelled;
            put(s);
        };
        suggestion("S1", "2026-03-02T02:00:00Z", hours{20});
        suggestion("S2", "2026-03-09T02:00:00Z", std::nullopt);
        suggestion("S3", "2026-03-19T02:00:00Z", std::nullopt);
        suggestion("S4", "2026-03-05T02:00:00Z", std::nullopt, true);

        // The annual survey.
        head(campaign, "A2026", kSunshine, at("2026-01-10T01:00:00Z"));
        campaign.kind = SurveyKind::Annual;
        campaign.method = SurveyMethod::Questionnaire;
        campaign.title = "2026 annual survey";
        campaign.officeId = "o-east";
        campaign.communityIds = {kSunshine, kJade};
        campaign.categories = {Category::Housing, Category::Security, Category::Vehicles, Category::Repairs};
        campaign.periodStart = at("2026-01-10T01:00:00Z");
        campaign.periodEnd = at("2026-02-10T01:00:00Z");
        campaign.state = CampaignState::Closed;
        for (int i = 1; i <= 6; ++i)
            campaign.sample.push_back({unit(kSunshine, i), i == 6});
        for (int i = 1; i <= 4; ++i)
            campaign.sample.push_back({unit(kJade, i), i == 4});
        put(campaign);
        auto respond = [&](const char* id, const std::string& u, const char* when, std::vector<int> scores,
                           ResponseOutcome outcome = ResponseOutcome::Answered) {
            SurveyResponse r;
            head(r, id, u.rfind(kJade, 0) == 0 ? kJade : kSunshine, at(when));
            r.campaignId = campaign.id;
            r.unitId = u;
            r.outcome = outcome;
            r.answeredAt = at(when);
            const Category order[] = {Category::Housing, Category::Security, Category::Vehicles, Category::Repairs};
            for (std::size_t i = 0; i < scores.size(); ++i)
                r.scores[order[i]] = scores[i];
            put(r);
            responses.push_back(r);
        };
        respond("R1a", unit(kSunshine, 1), "2026-01-11T02:00:00Z", {1, 1, 1, 1}); // replaced by R1b
        respond("R1b", unit(kSunshine, 1), "2026-01-12T02:00:00Z", {5, 4, 2, 4});
        respond("R2", unit(kSunshine, 2), "2026-01-12T03:00:00Z", {4, 3, 2, 1});
        respond("R3", unit(kSunshine, 3), "2026-01-13T02:00:00Z", {5, 5, 4, 2});
        respond("R4", unit(kJade, 1), "2026-01-14T02:00:00Z", {3, 4, 5, 1});
        respond("R5", unit(kSunshine, 5), "2026-01-14T03:00:00Z", {}, ResponseOutcome::NotAtHome);
        respond("R6", unit(kJade, 9), "2026-01-15T02:00:00Z", {1}); // outside the sample

        // Inspections: two etiquette checks of 王敏 (s-1001) in March, one draft (not counted).
        auto inspection = [&](const char* id, const char* when, std::vector<const char*> grades, bool submitted,
                              const char* finding = nullptr) {
            Inspection in;
            head(in, id, kSunshine, at(when));
            in.templateId = "t-etiquette";
            in.kind = InspectionKind::ServiceEtiquette;
            in.subjectKind = SubjectKind::Staff;
            in.subjectId = "s-1001";
            in.inspectorId = "s-2001";
            in.scale = {{"good", "Good", true}, {"fair", "Fair", true}, {"poor", "Poor", false}};
            const char* items[] = {"hygiene", "badge", "buttons"};
            for (const char* item : items)
                in.items.push_back({item, std::string("Item ") + item, "", false});
            for (std::size_t i = 0; i < grades.size(); ++i) {
                GradedItem g;
                g.itemId = items[i];
                g.grade = grades[i];
                if (finding && i == 1)
                    g.findingId = finding;
                in.graded.push_back(g);
            }
            if (submitted) {
                in.state = InspectionState::Submitted;
                in.submittedAt = at(when) + hours{1};
            }
            put(in);
        };
        inspection("I1", "2026-03-05T01:00:00Z", {"good", "poor", "fair"}, true, "X4");
        inspection("I2", "2026-03-12T01:00:00Z", {"good", "good", "good"}, true);
        inspection("I3", "2026-03-13T01:00:00Z", {"poor", "poor", "poor"}, false);

        // Patrol rounds on the sunshine route: two completed in March, one still under way.
        auto round = [&](const char* id, const char* when, std::vector<const char*> statuses, bool done) {
            PatrolRound p;
            head(p, id, kSunshine, at(when));
            p.routeId = "route-sunshine";
            p.guardId = "s-1003";
            p.startedAt = at(when);
            for (std::size_t i = 0; i < statuses.size(); ++i) {
                Checkpoint cp;
                cp.id = "cp" + std::to_string(i + 1);
                cp.name = "Checkpoint " + std::to_string(i + 1);
                p.checkpoints.push_back(cp);
                CheckpointResult r;
                r.checkpointId = cp.id;
                r.status = statuses[i];
                p.results.push_back(r);
            }
            p.state = done ? PatrolRoundState::Completed : PatrolRoundState::InProgress;
            put(p);
        };
        round("P1", "2026-03-06T14:00:00Z", {"on_time", "late", "missed", "on_time", "on_time"}, true);
        round("P2", "2026-03-07T14:00:00Z", {"on_time", "on_time", "missed", "on_time", "on_time"}, true);
        round("P3", "2026-03-19T14:00:00Z", {"missed", "missed", "missed", "missed", "missed"}, false);

        // Rectification items raised in March.
        auto item = [&](const char* id, RectificationSource source, RectificationState state, int rounds,
                        bool developer, bool signature) {
            RectificationItem r;
            head(r, id, kSunshine, at("2026-03-08T02:00:00Z"));
            r.source = source;
            if (source != RectificationSource::ResidentInspection)
                r.foundByDepartmentId = "d-eng";
            r.description = "fixture";
            for (int i = 1; i <= rounds; ++i) {
                RectificationRound rr;
                rr.number = i;
                rr.developer = developer;
                r.rounds.push_back(rr);
            }
            r.state = state;
            if (signature) {
                AttachmentRef sig;
                sig.sha256 = std::string(64, 'b');
                sig.kind = AttachmentKind::Signature;
                r.signature = sig;
                r.acceptedAt = at("2026-03-15T02:00:00Z");
            }
            put(r);
        };
        item("X1", RectificationSource::ResidentInspection, RectificationState::Accepted, 1, false, true);
        item("X2", RectificationSource::Engineering, RectificationState::AwaitingAcceptance, 2, true, false);
        item("X3", RectificationSource::Engineering, RectificationState::Cancelled, 1, false, false);
        item("X4", RectificationSource::Engineering, RectificationState::InHouse, 1, false, false);
    }

    static std::string unit(const char* community, int i) {
        return std::string(community) + "-b1-1-" + std::to_string(i) + "01"; // entrance 1, floor i, flat 01
    }

    Json report(const std::string& kind, const std::string& period, const std::string& scope = "company",
                const std::string& id = "", const std::string& department = "") {
        ReportRequest r;
        r.kind = kind;
        r.period = period;
        r.scope = scope;
        r.scopeId = id;
        r.department = department;
        reports::ReportService service(*storage, [this] { return now; });
        auto out = service.compute(r);
        if (!out)
            qFatal("report %s: %s", kind.c_str(), out.error().message.c_str());
        return *out;
    }

    Response call(http::verb verb, const std::string& target, const std::string& device, const std::string& body,
                  const std::string& actorHeader = {}) {
        Request req{verb, target, 11};
        req.set(http::field::authorization, "Bearer " + devices[device].token);
        req.set("X-Courtyard-Schema", "2");
        if (!actorHeader.empty())
            req.set(sync::kActorHeader, actorHeader);
        req.body() = body;
        req.prepare_payload();
        return handleRequest(req, *ctx);
    }

    // Reports are read for a person: signed in on the device (demo PIN), their proof on the request.
    Response get(const std::string& target, const std::string& device, const std::string& staff) {
        std::string header;
        if (!staff.empty()) {
            const std::string key = device + "|" + staff;
            if (!credentials.count(key)) {
                const std::string number = staff.substr(2);
                auto res = call(http::verb::post, "/v1/auth/sign-in", device,
                                Json{{"schema", 2}, {"staff_number", number}, {"pin", test::demoPin(number)}}.dump());
                if (res.result_int() != 200)
                    qFatal("sign-in of %s on %s: %s", staff.c_str(), device.c_str(), res.body().c_str());
                credentials[key] = *test::credentialFrom(Json::parse(res.body()));
            }
            header = sync::actorHeaderValue(credentials[key], "GET", target, toEpochMs(now));
        }
        return call(http::verb::get, target, device, {}, header);
    }
};

// Every row of the fact tables, each as its values quoted by SQLite, keyed "<table>|<key columns>".
std::map<std::string, std::string> factRows(store::Database& db) {
    std::map<std::string, std::string> out;
    const std::pair<const char*, const char*> tables[] = {
        {"fact_complaints", "id"},
        {"fact_suggestions", "id"},
        {"fact_transfer_sheets", "id"},
        {"fact_survey_responses", "id"},
        {"fact_survey_scores", "response_id || '/' || category"},
        {"fact_inspection_items", "inspection_id || '/' || item_id"},
        {"fact_patrol_checkpoints", "round_id || '/' || checkpoint_id"},
        {"fact_rectifications", "id"},
    };
    for (const auto& [table, key] : tables) {
        auto columns = db.prepare(std::string("SELECT group_concat('quote(' || name || ')', ' || '','' || ') "
                                              "FROM pragma_table_info('") + table + "')");
        if (!columns || !*columns->step())
            qFatal("no columns for %s", table);
        auto rows = db.prepare("SELECT " + std::string(key) + ", " + columns->text(0) + " FROM " + table);
        if (!rows)
            qFatal("%s", rows.error().message.c_str());
        while (*rows->step())
            out[std::string(table) + "|" + rows->text(0)] = rows->text(1);
    }
    return out;
}

const Json& section(const Json& report, const std::string& id) {
    for (const auto& s : report["sections"])
        if (s["id"] == id)
            return s;
    qFatal("report %s has no section %s", report["kind"].get<std::string>().c_str(), id.c_str());
}

const Json& tile(const Json& report, const std::string& key) {
    for (const auto& t : section(report, "headline")["tiles"])
        if (t["key"] == key)
            return t;
    qFatal("no tile %s", key.c_str());
}

// The row of a table whose first column has this value.
const Json& row(const Json& report, const std::string& sectionId, const std::string& first) {
    const Json& s = section(report, sectionId);
    const std::string key = s["columns"][0]["key"];
    for (const auto& r : s["rows"])
        if (r[key] == first)
            return r;
    qFatal("section %s has no row %s", sectionId.c_str(), first.c_str());
}

std::vector<std::string> column(const Json& report, const std::string& sectionId, const std::string& key) {
    std::vector<std::string> out;
    for (const auto& r : section(report, sectionId)["rows"])
        out.push_back(r[key].is_string() ? r[key].get<std::string>() : r[key].dump());
    return out;
}

#define CHECK_RATE(tileJson, num, den)                                                                  \
    do {                                                                                                \
        QCOMPARE((tileJson)["numerator"].get<long long>(), static_cast<long long>(num));                           \
        QCOMPARE((tileJson)["denominator"].get<long long>(), static_cast<long long>(den));                         \
    } while (0)

// The quarter's serious complaints and received count, and each department's weeks (the
// weekly report against rules::weeklyReviewCounts, what the head's weekly review records),
// by the SQL over the facts and by the shared rules over the decoded records.
void reviewCountsAgree(ServerStorage& storage, reports::ReportService& service, const char* quarterLabel,
                              const std::vector<const char*>& weeks, bool& sawGrades, bool& sawSheets) {
    std::vector<Complaint> allComplaints;
    std::vector<TransferSheet> allSheets;
    QVERIFY(storage.read([&](ReadUnit& u) -> Status {
        store::RecordQuery q;
        q.types = {"complaint", "transfer_sheet"};
        auto rows = u.query(q);
        if (!rows)
            return rows.error();
        for (const auto& row : *rows) {
            if (row.type == "complaint")
                allComplaints.push_back(row.body.get<Complaint>());
            else
                allSheets.push_back(row.body.get<TransferSheet>());
        }
        return {};
    }));

    // Serious (grade 3 and above) as rules::isSerious counts, in the quarter.
    ReportRequest quarter;
    quarter.kind = "quarterly";
    quarter.period = quarterLabel;
    const Json q = *service.compute(quarter);
    const Instant qFrom = at(q["period"]["from"].get<std::string>().c_str());
    const Instant qTo = at(q["period"]["to"].get<std::string>().c_str());
    std::int64_t serious = 0, counted = 0;
    for (const auto& c : allComplaints)
        if (c.receivedAt >= qFrom && c.receivedAt < qTo && rules::countsAsComplaint(c)) {
            ++counted;
            serious += rules::isSerious(c);
        }
    sawGrades = sawGrades || serious > 0;
    QCOMPARE(tile(q, "serious")["value"].get<std::int64_t>(), serious);
    QCOMPARE(tile(q, "received")["value"].get<std::int64_t>(), counted);

    // A department's week: the weekly report counts what the head's weekly review counts
    // (rules::weeklyReviewCounts) — complaints received and transfer sheets sent or assigned.
    for (const char* week : weeks)
        for (const char* department : {"d-cs", "d-eng", "d-sec"}) {
            ReportRequest weekly;
            weekly.kind = "weekly";
            weekly.period = week;
            weekly.department = department;
            const Json w = *service.compute(weekly);
            const Instant wFrom = at(w["period"]["from"].get<std::string>().c_str());
            const Instant wTo = at(w["period"]["to"].get<std::string>().c_str());
            const auto review = rules::weeklyReviewCounts(allComplaints, allSheets, department, wFrom, wTo);
            QCOMPARE(tile(w, "received")["value"].get<int>(), review.complaints);
            QCOMPARE(int(section(w, "transfer_sheets")["rows"].size()), review.transferSheets);
            sawSheets = sawSheets || review.transferSheets > 0;
        }
}

} // namespace

class ReportsTest : public QObject {
    Q_OBJECT
private slots:
    void monthlyCountsEveryDimension() {
        Fixture f;
        const Json r = f.report("monthly", "2026-03");
        QCOMPARE(r["period"]["from"].get<std::string>(), std::string("2026-02-28T16:00:00Z"));
        QCOMPARE(r["period"]["to"].get<std::string>(), std::string("2026-03-31T16:00:00Z"));
        QCOMPARE(r["as_of"].get<std::string>(), std::string("2026-03-20T02:00:00Z"));
        // C1–C8: the repair request, the February one and the cancelled one are not counted.
        QCOMPARE(tile(r, "received")["value"].get<int>(), 8);
        QCOMPARE(tile(r, "valid")["value"].get<int>(), 5);
        QCOMPARE(tile(r, "invalid")["value"].get<int>(), 2);
        QCOMPARE(tile(r, "undecided")["value"].get<int>(), 1);
        // Due or replied: C1, C2, C3 replied, C5 past due; C6 is still within its time.
        // On time: C1 and C3.
        CHECK_RATE(tile(r, "on_time_reply"), 2, 4);
        QCOMPARE(tile(r, "on_time_reply")["value"].get<double>(), 50.0);
        // Replied valid complaints: C1, C2 visited in time; C3's visit is overdue.
        CHECK_RATE(tile(r, "visit_rate"), 2, 3);
        QCOMPARE(tile(r, "visit_rate")["value"].get<double>(), 66.7);
        // Open: C3 (awaiting its visit), C5, C6, C8; overdue: C3 and C5.
        QCOMPARE(tile(r, "open")["value"].get<int>(), 4);
        QCOMPARE(tile(r, "overdue")["value"].get<int>(), 2);
        // Suggestions: S1–S3 (S4 cancelled); due or replied: S1 (on time), S2 (late).
        QCOMPARE(tile(r, "suggestions")["value"].get<int>(), 3);
        CHECK_RATE(tile(r, "suggestion_reply"), 1, 2);

        const Json& repairs = row(r, "by_category", "Repairs");
        QCOMPARE(repairs["total"].get<int>(), 4);
        QCOMPARE(repairs["valid"].get<int>(), 3);
        QCOMPARE(repairs["invalid"].get<int>(), 1);
        QCOMPARE(row(r, "by_category", "Security")["valid"].get<int>(), 1);
        QCOMPARE(row(r, "by_category", "Security")["invalid"].get<int>(), 1);
        QCOMPARE(row(r, "by_category", "Cleaning")["total"].get<int>(), 1);
        QCOMPARE(row(r, "by_category", "Vehicles and parking")["undecided"].get<int>(), 1);
        QCOMPARE(row(r, "by_category", "Landscaping")["total"].get<int>(), 0); // all eight are listed
        QCOMPARE(section(r, "by_category")["rows"].size(), std::size_t(8));
        QCOMPARE(section(r, "by_category")["total"]["total"].get<int>(), 8);

        QCOMPARE(row(r, "by_cause", "Our failure")["total"].get<int>(), 5);
        QCOMPARE(row(r, "by_cause", "The developer")["total"].get<int>(), 1);
        QCOMPARE(row(r, "by_cause", "An outside body")["total"].get<int>(), 1);
        QCOMPARE(row(r, "by_cause", "Not yet decided")["total"].get<int>(), 1);
        // Grades: C2 reached the media (valid, controllable, media: 3); C8 is not graded.
        QCOMPARE(row(r, "by_grade", "1 General")["total"].get<int>(), 6);
        QCOMPARE(row(r, "by_grade", "3 Serious")["total"].get<int>(), 1);
        QCOMPARE(row(r, "by_grade", "Not graded")["total"].get<int>(), 1);
        QCOMPARE(row(r, "by_channel", "Phone")["total"].get<int>(), 4);
        QCOMPARE(row(r, "by_channel", "Lobby kiosk")["total"].get<int>(), 2);
        QCOMPARE(row(r, "by_channel", "Face to face")["invalid"].get<int>(), 1);
        QCOMPARE(row(r, "by_channel", "Letter")["valid"].get<int>(), 1);

        // Open items of the month with their handlers, the most pressing first: C5's reply was
        // due on 6 March, C3's visit three days after its reply of 4 March, then C6 and C8.
        QCOMPARE(column(r, "open_items", "id"), (std::vector<std::string>{"C5", "C3", "C6", "C8"}));
        QCOMPARE(row(r, "open_items", "C5")["overdue"].get<bool>(), true);
        QCOMPARE(row(r, "open_items", "C6")["overdue"].get<bool>(), false);
        QCOMPARE(row(r, "open_items", "C3")["handler"].get<std::string>(), std::string("赵刚 Zhao Gang"));
    }

    void paretoCutsAtEightyPercent() {
        Fixture f;
        const Json r = f.report("monthly", "2026-03");
        const Json& p = section(r, "pareto_category");
        QCOMPARE(p["cut"].get<int>(), 80);
        QCOMPARE(p["total"].get<int>(), 8);
        // Repairs 4 (50%), Security 2 (75%), then the ties by name: Cleaning 1 reaches 87.5%
        // and is the last of the vital few; Vehicles is not.
        QCOMPARE(p["rows"].size(), std::size_t(4)); // categories with no complaints are left out
        QCOMPARE(p["rows"][0]["label"].get<std::string>(), std::string("Repairs"));
        QCOMPARE(p["rows"][0]["cumulative_percent"].get<double>(), 50.0);
        QCOMPARE(p["rows"][1]["label"].get<std::string>(), std::string("Security"));
        QCOMPARE(p["rows"][1]["cumulative_percent"].get<double>(), 75.0);
        QCOMPARE(p["rows"][2]["label"].get<std::string>(), std::string("Cleaning"));
        QCOMPARE(p["rows"][2]["percent"].get<double>(), 12.5);
        QCOMPARE(p["rows"][2]["cumulative_percent"].get<double>(), 87.5);
        QCOMPARE(p["rows"][2]["vital_few"].get<bool>(), true);
        QCOMPARE(p["rows"][3]["label"].get<std::string>(), std::string("Vehicles and parking"));
        QCOMPARE(p["rows"][3]["vital_few"].get<bool>(), false);
    }

    void departmentScopeCountsOnlyItsComplaints() {
        Fixture f;
        const Json r = f.report("monthly", "2026-03", "community", kSunshine, "d-eng");
        QCOMPARE(r["scope"]["department_id"].get<std::string>(), std::string("d-eng"));
        QCOMPARE(tile(r, "received")["value"].get<int>(), 4); // C1, C2, C6, C7
        QCOMPARE(tile(r, "invalid")["value"].get<int>(), 1);
        CHECK_RATE(tile(r, "on_time_reply"), 1, 2);            // C1 on time, C2 late
        CHECK_RATE(tile(r, "visit_rate"), 2, 2);
        // Jade Lake alone: C4 and C5.
        const Json jade = f.report("monthly", "2026-03", "community", kJade);
        QCOMPARE(tile(jade, "received")["value"].get<int>(), 2);
        CHECK_RATE(tile(jade, "on_time_reply"), 0, 1);
        QCOMPARE(tile(jade, "suggestions")["value"].get<int>(), 0);
    }

    void weeklyReviewListsTheWeekAndWhatIsOpen() {
        Fixture f;
        // ISO week 10 of 2026: Monday 2 to Sunday 8 March, Shanghai time.
        const Json r = f.report("weekly", "2026-W10", "company", "", "d-eng");
        QCOMPARE(r["period"]["from"].get<std::string>(), std::string("2026-03-01T16:00:00Z"));
        QCOMPARE(r["period"]["to"].get<std::string>(), std::string("2026-03-08T16:00:00Z"));
        QCOMPARE(column(r, "complaints", "id"), (std::vector<std::string>{"C1", "C2"}));
        QCOMPARE(row(r, "complaints", "C2")["replied_late"].get<bool>(), true);
        QCOMPARE(row(r, "complaints", "C1")["replied_late"].get<bool>(), false);
        QCOMPARE(tile(r, "received")["value"].get<int>(), 2);
        QCOMPARE(tile(r, "replied_late")["value"].get<int>(), 1);
        QCOMPARE(tile(r, "escalated")["value"].get<int>(), 1);
        QCOMPARE(column(r, "transfer_sheets", "id"), (std::vector<std::string>{"T1"}));
        // Open now, whenever received: of d-eng only C6 (the repair request C9 is no complaint).
        QCOMPARE(column(r, "open_now", "id"), (std::vector<std::string>{"C6"}));
        QCOMPARE(tile(r, "open")["value"].get<int>(), 1);
        QCOMPARE(tile(r, "overdue")["value"].get<int>(), 0);
    }

    void quarterlyComparesDepartmentsAndQuarters() {
        Fixture f;
        const Json r = f.report("quarterly", "2026-Q1");
        // Q1 adds C10 (February, d-sec).
        QCOMPARE(tile(r, "received")["value"].get<int>(), 9);
        const Json& eng = row(r, "departments", "工程部 Engineering");
        QCOMPARE(eng["total"].get<int>(), 4);
        QCOMPARE(eng["on_time_reply"].get<double>(), 50.0);
        const Json& sec = row(r, "departments", "保安部 Security");
        QCOMPARE(sec["total"].get<int>(), 3); // C3, C4, C10
        QCOMPARE(sec["valid"].get<int>(), 2);
        QCOMPARE(sec["on_time_reply"].get<double>(), 100.0);
        QCOMPARE(sec["visit_rate"].get<double>(), 50.0); // C10 visited, C3 not
        QCOMPARE(sec["overdue"].get<int>(), 1);
        QCOMPARE(row(r, "departments", "客服中心 Customer Service")["total"].get<int>(), 1);
        QCOMPARE(row(r, "departments", "(none)")["total"].get<int>(), 1); // C8, not yet assigned
        QCOMPARE(column(r, "trend", "period"),
                 (std::vector<std::string>{"2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"}));
        QCOMPARE(column(r, "trend", "total"), (std::vector<std::string>{"0", "0", "0", "9"}));
        // Causes of the decided: own 6 (75%), developer 1 (87.5%: reaches the cut), external 1.
        const Json& causes = section(r, "pareto_cause");
        QCOMPARE(causes["total"].get<int>(), 8);
        QCOMPARE(causes["rows"][0]["label"].get<std::string>(), std::string("Our failure"));
        QCOMPARE(causes["rows"][0]["cumulative_percent"].get<double>(), 75.0);
        // One each: ties go in label order.
        QCOMPARE(causes["rows"][1]["label"].get<std::string>(), std::string("An outside body"));
        QCOMPARE(causes["rows"][1]["vital_few"].get<bool>(), true);
        QCOMPARE(causes["rows"][2]["label"].get<std::string>(), std::string("The developer"));
        QCOMPARE(causes["rows"][2]["vital_few"].get<bool>(), false);
    }

    void annualSurveyAppliesThePenaltyAndThePareto() {
        Fixture f;
        const Json r = f.report("annual_survey", "2026");
        QCOMPARE(tile(r, "sampled")["value"].get<int>(), 10);
        QCOMPARE(tile(r, "random")["value"].get<int>(), 8);
        QCOMPARE(tile(r, "focused")["value"].get<int>(), 2);
        // Returned: u1, u2, u3, j1 (u5 not at home, the outsider not in the sample): 40%, ten
        // points under the 50% floor: two full steps of five, two points off.
        QCOMPARE(tile(r, "returned")["value"].get<int>(), 4);
        QCOMPARE(tile(r, "return_rate")["value"].get<double>(), 40.0);
        QCOMPARE(tile(r, "penalty")["value"].get<int>(), 2);
        // Satisfied answers (4 or 5): housing 3/4, security 3/4, vehicles 2/4, repairs 1/4 —
        // u1's first answer is replaced by its second.
        CHECK_RATE(tile(r, "overall"), 9, 16);
        QCOMPARE(tile(r, "overall")["value"].get<double>(), 56.3);  // 56.25
        QCOMPARE(tile(r, "adjusted")["value"].get<double>(), 54.3); // 54.25
        QCOMPARE(tile(r, "adjusted")["target"].get<int>(), 82);
        QCOMPARE(tile(r, "adjusted")["meets_target"].get<bool>(), false);
        QCOMPARE(row(r, "categories", "Housing management")["rate"].get<double>(), 75.0);
        QCOMPARE(row(r, "categories", "Vehicles and parking")["rate"].get<double>(), 50.0);
        QCOMPARE(row(r, "categories", "Repairs")["rate"].get<double>(), 25.0);
        QCOMPARE(row(r, "categories", "Repairs")["mean"].get<std::string>(), std::string("2.00"));
        QCOMPARE(row(r, "categories", "Repairs")["below_target"].get<bool>(), true);
        const Json& bars = section(r, "satisfaction");
        QCOMPARE(bars["target"].get<int>(), 82);
        QCOMPARE(bars["bars"].size(), std::size_t(4));
        // Dissatisfied answers: repairs 3, vehicles 2, housing 1, security 1 (of 7): the cut
        // falls on housing (85.7%); security is not among the vital few.
        const Json& p = section(r, "pareto_dissatisfaction");
        QCOMPARE(p["total"].get<int>(), 7);
        QCOMPARE(p["rows"][0]["label"].get<std::string>(), std::string("Repairs"));
        QCOMPARE(p["rows"][0]["percent"].get<double>(), 42.9);
        QCOMPARE(p["rows"][1]["label"].get<std::string>(), std::string("Vehicles and parking"));
        QCOMPARE(p["rows"][1]["cumulative_percent"].get<double>(), 71.4);
        QCOMPARE(p["rows"][2]["label"].get<std::string>(), std::string("Housing management"));
        QCOMPARE(p["rows"][2]["cumulative_percent"].get<double>(), 85.7);
        QCOMPARE(p["rows"][2]["vital_few"].get<bool>(), true);
        QCOMPARE(p["rows"][3]["vital_few"].get<bool>(), false);

        // The same figures as the shared rule computes from the records themselves.
        const auto score = rules::scoreSurvey(f.campaign, f.responses, f.rules->policy);
        QCOMPARE(score.returned, tile(r, "returned")["value"].get<int>());
        QCOMPARE(score.penaltyPoints, tile(r, "penalty")["value"].get<int>());
        QCOMPARE(score.satisfied, 9);

        // Sunshine alone: 6 in the sample (5 random, u6 focused), 3 returned: 50%, no penalty.
        const Json sun = f.report("annual_survey", "2026", "community", kSunshine);
        QCOMPARE(tile(sun, "sampled")["value"].get<int>(), 6);
        QCOMPARE(tile(sun, "focused")["value"].get<int>(), 1);
        QCOMPARE(tile(sun, "returned")["value"].get<int>(), 3);
        QCOMPARE(tile(sun, "penalty")["value"].get<int>(), 0);
        CHECK_RATE(tile(sun, "overall"), 7, 12);
        // No annual survey opened in 2025.
        QCOMPARE(tile(f.report("annual_survey", "2025"), "sampled")["value"].get<int>(), 0);
    }

    // A campaign planned on a tablet names only its own community (no community_ids).
    void aTabletPlannedSurveyCountsForItsCommunity() {
        Fixture f;
        SurveyCampaign local;
        Fixture::head(local, "B2026", kJade, at("2026-02-01T01:00:00Z"));
        local.kind = SurveyKind::Annual;
        local.title = "Jade Lake annual";
        local.periodStart = at("2026-02-01T01:00:00Z");
        local.periodEnd = at("2026-03-01T01:00:00Z");
        local.categories = {Category::Cleaning};
        local.state = CampaignState::Open;
        local.sample = {{Fixture::unit(kJade, 5), false}, {Fixture::unit(kJade, 6), false}};
        f.put(local);
        // A draft campaign has not gone out: it adds nothing.
        SurveyCampaign draft = local;
        draft.id = "D2026";
        draft.state = CampaignState::Draft;
        draft.sample = {{Fixture::unit(kJade, 7), false}};
        f.put(draft);
        const Json r = f.report("annual_survey", "2026", "community", kJade);
        QCOMPARE(tile(r, "sampled")["value"].get<int>(), 6); // A2026's 4 Jade Lake households + 2
        QCOMPARE(column(r, "campaigns", "campaign"),
                 (std::vector<std::string>{"2026 annual survey", "Jade Lake annual"}));
    }

    void halfYearlyTabulatesEveryAnswer() {
        Fixture f;
        const Json r = f.report("half_yearly", "2026-H1", "office", "o-east");
        // Every answered questionnaire, the latest per household: the outsider's housing 1 too.
        QCOMPARE(row(r, "categories", "Housing management")["answers"].get<int>(), 5);
        QCOMPARE(row(r, "categories", "Housing management")["rate"].get<double>(), 60.0);
        QCOMPARE(row(r, "categories", "Security")["rate"].get<double>(), 75.0);
        CHECK_RATE(tile(r, "satisfaction"), 9, 17);
        QCOMPARE(tile(r, "below_target")["value"].get<int>(), 4);
        // Complaints plus dissatisfied answers: repairs 4+3, security 3+1, vehicles 1+2,
        // housing 0+2, cleaning 1+0.
        QCOMPARE(column(r, "common_issues", "category"),
                 (std::vector<std::string>{"Repairs", "Security", "Vehicles and parking", "Housing management", "Cleaning"}));
        QCOMPARE(row(r, "common_issues", "Repairs")["total"].get<int>(), 7);
    }

    void annualComplaintSummaryByMonth() {
        Fixture f;
        const Json r = f.report("annual_complaints", "2026");
        QCOMPARE(tile(r, "received")["value"].get<int>(), 9);
        QCOMPARE(tile(r, "serious")["value"].get<int>(), 1);
        QCOMPARE(tile(r, "escalated")["value"].get<int>(), 1);
        CHECK_RATE(tile(r, "on_time_reply"), 3, 5); // C1, C3, C10 of C1, C2, C3, C5, C10
        QCOMPARE(section(r, "by_month")["rows"].size(), std::size_t(12));
        QCOMPARE(row(r, "by_month", "2026-02")["total"].get<int>(), 1);
        QCOMPARE(row(r, "by_month", "2026-03")["total"].get<int>(), 8);
        QCOMPARE(row(r, "by_month", "2026-04")["total"].get<int>(), 0);
        QCOMPARE(section(r, "pareto_category")["rows"][0]["label"].get<std::string>(), std::string("Repairs"));
        // Complaints from outside, with who follows each to the end.
        QCOMPARE(tile(r, "outside")["value"].get<int>(), 1);
        QCOMPARE(section(r, "outside_complaints")["rows"].size(), std::size_t(1));
        const Json& c10 = row(r, "outside_complaints", "C10");
        QCOMPARE(c10["channel"].get<std::string>(), std::string("Via the media"));
        QCOMPARE(c10["leader"].get<std::string>(), std::string("刘洋 Liu Yang"));
        QCOMPARE(c10["state"].get<std::string>(), std::string("Closed"));
        // The engineering department's summary has none (C10 is the security department's).
        const Json eng = f.report("annual_complaints", "2026", "company", "", "d-eng");
        QCOMPARE(tile(eng, "outside")["value"].get<int>(), 0);
        QVERIFY(section(eng, "outside_complaints")["rows"].empty());
    }

    void inspectionAndPatrolSummary() {
        Fixture f;
        const Json r = f.report("inspections", "2026-03");
        // I1: good, poor, fair; I2: all good; I3 is a draft. Six graded, five pass.
        CHECK_RATE(tile(r, "pass_rate"), 5, 6);
        const Json& badge = row(r, "items", "服务礼仪检查 Service etiquette");
        QCOMPARE(badge["item"].get<std::string>(), std::string("Item badge"));
        QCOMPARE(badge["graded"].get<int>(), 2);
        QCOMPARE(badge["passed"].get<int>(), 1);
        QCOMPARE(badge["findings"].get<int>(), 1);
        const Json& wang = row(r, "by_staff", "王敏 Wang Min");
        QCOMPARE(wang["inspections"].get<int>(), 2);
        QCOMPARE(wang["pass_rate"].get<double>(), 83.3);
        // P1 and P2 (P3 still under way): 10 checkpoint visits due, 7 on time, 1 late, 2 missed.
        const Json& route = section(r, "patrols")["rows"][0];
        QCOMPARE(route["rounds"].get<int>(), 2);
        QCOMPARE(route["checkpoints"].get<int>(), 10);
        QCOMPARE(route["on_time"].get<int>(), 7);
        QCOMPARE(route["late"].get<int>(), 1);
        QCOMPARE(route["missed"].get<int>(), 2);
        QCOMPARE(column(r, "missed", "checkpoint"), (std::vector<std::string>{"Checkpoint 3"}));
        QCOMPARE(row(r, "missed", section(r, "missed")["rows"][0]["route"].get<std::string>())["missed"].get<int>(), 2);
        // Rectification: X1–X4 raised; X1 accepted with the resident's signature; X2 with the
        // developer in its second round; closure 1 of the 3 not cancelled.
        QCOMPARE(tile(r, "raised")["value"].get<int>(), 4);
        QCOMPARE(tile(r, "signed")["value"].get<int>(), 1);
        QCOMPARE(tile(r, "developer")["value"].get<int>(), 1);
        QCOMPARE(tile(r, "second_round")["value"].get<int>(), 1);
        CHECK_RATE(tile(r, "rectification_closure"), 1, 3);
    }

    // A department head's inspection summary is their department's: the checks of their staff,
    // their guards' patrols, the items they found (or, for customer service, recorded for
    // residents) — not the other departments'.
    void departmentScopedInspectionSummary() {
        Fixture f;
        const Json cs = f.report("inspections", "2026-03", "company", "", "d-cs");
        CHECK_RATE(tile(cs, "pass_rate"), 5, 6); // 王敏's two checks
        QCOMPARE(section(cs, "patrols")["rows"].size(), std::size_t(0));
        QCOMPARE(tile(cs, "raised")["value"].get<int>(), 1); // X1, found by a resident
        CHECK_RATE(tile(cs, "rectification_closure"), 1, 1);
        const Json sec = f.report("inspections", "2026-03", "company", "", "d-sec");
        QCOMPARE(section(sec, "items")["rows"].size(), std::size_t(0));
        QCOMPARE(section(sec, "patrols")["rows"][0]["rounds"].get<int>(), 2); // 赵刚's rounds
        QCOMPARE(tile(sec, "raised")["value"].get<int>(), 0);
        const Json eng = f.report("inspections", "2026-03", "company", "", "d-eng");
        QCOMPARE(tile(eng, "raised")["value"].get<int>(), 3); // X2–X4
        CHECK_RATE(tile(eng, "rectification_closure"), 0, 2);
        QCOMPARE(tile(eng, "second_round")["value"].get<int>(), 1);
    }

    void kpiBoardPerCommunityOfficeAndCompany() {
        Fixture f;
        const Json r = f.report("kpi", "2026-03");
        CHECK_RATE(tile(r, "on_time_reply"), 2, 4);
        CHECK_RATE(tile(r, "visit_rate"), 2, 3);
        CHECK_RATE(tile(r, "suggestion_reply"), 1, 2);
        CHECK_RATE(tile(r, "rectification_closure"), 1, 3);
        QVERIFY(tile(r, "satisfaction")["value"].is_null()); // no questionnaire answered in March
        // Trend, oldest first: December, January (the survey: 9 of 17), February (C10), March.
        const Json& trend = tile(r, "satisfaction")["trend"];
        QCOMPARE(trend.size(), std::size_t(4));
        QCOMPARE(trend[1]["period"].get<std::string>(), std::string("2026-01"));
        QCOMPARE(trend[1]["value"].get<double>(), 52.9);
        QCOMPARE(tile(r, "on_time_reply")["trend"][2]["value"].get<double>(), 100.0);
        QVERIFY(tile(r, "on_time_reply")["trend"][0]["value"].is_null());
        // Per community: Sunshine C1 on time, C2 late, C3 on time; Jade Lake C5 overdue.
        QCOMPARE(row(r, "communities", "阳光花园 Sunshine Garden")["on_time_reply"].get<double>(), 66.7);
        QCOMPARE(row(r, "communities", "翠湖苑 Jade Lake Court")["on_time_reply"].get<double>(), 0.0);
        QCOMPARE(section(r, "offices")["rows"][0]["on_time_reply"].get<double>(), 50.0);
        QCOMPARE(section(r, "offices")["total"]["scope"].get<std::string>(), std::string("Company"));
        // One community: its own total, and no office row carrying one community's figures.
        const Json sun = f.report("kpi", "2026-03", "community", kSunshine);
        QCOMPARE(section(sun, "offices")["rows"].size(), std::size_t(0));
        QCOMPARE(section(sun, "offices")["total"]["on_time_reply"].get<double>(), 66.7);
        CHECK_RATE(tile(sun, "on_time_reply"), 2, 3);
    }

    void chineseLabels() {
        Fixture f;
        ReportRequest req;
        req.kind = "monthly";
        req.period = "2026-03";
        req.lang = reports::Lang::Zh;
        reports::ReportService service(*f.storage, [&] { return f.now; });
        const Json r = *service.compute(req);
        QCOMPARE(r["title"].get<std::string>(), std::string("月度投诉报告"));
        QCOMPARE(row(r, "by_category", "维修")["total"].get<int>(), 4);
    }

    void badRequestsAreRefusedClearly() {
        Fixture f;
        reports::ReportService service(*f.storage, [&] { return f.now; });
        auto expect = [&](ReportRequest r, ErrorCode code, const char* words) {
            auto out = service.compute(r);
            QVERIFY(!out);
            QCOMPARE(out.error().code, code);
            QVERIFY2(out.error().message.find(words) != std::string::npos, out.error().message.c_str());
        };
        auto req = [](std::string kind, std::string scope, std::string id, std::string dept, std::string period) {
            ReportRequest r;
            r.kind = std::move(kind);
            r.scope = std::move(scope);
            r.scopeId = std::move(id);
            r.department = std::move(dept);
            r.period = std::move(period);
            return r;
        };
        expect(req("monthly", "company", "", "", "2026-13"), ErrorCode::InvalidArgument, "a month is 01 to 12");
        expect(req("monthly", "company", "", "", "2026-W54"), ErrorCode::InvalidArgument, "ISO week");
        expect(req("monthly", "company", "", "", "March"), ErrorCode::InvalidArgument, "year");
        expect(req("monthly", "district", "x", "", ""), ErrorCode::InvalidArgument, "scope");
        expect(req("monthly", "community", "cm-nowhere", "", ""), ErrorCode::InvalidArgument, "no community");
        expect(req("monthly", "company", "", "d-nothing", ""), ErrorCode::InvalidArgument, "no department");
        expect(req("yearly", "company", "", "", ""), ErrorCode::NotFound, "no such report");
    }

    void factsAreRebuiltForAnOlderDatabase() {
        Fixture f;
        const Json before = f.report("monthly", "2026-03");
        const std::string path = f.dir.filePath("courtyard.db").toStdString();
        f.ctx.reset();
        f.escalations.reset();
        f.blobs.reset();
        f.sync.reset();
        f.storage.reset();
        {
            // A database from before the facts: empty tables, no projection version.
            auto db = store::SqliteRecordStore::open(path);
            QVERIFY(db);
            QVERIFY((*db)->database().exec("DELETE FROM fact_complaints; DELETE FROM meta WHERE key = 'report_facts'"));
        }
        f.storage = std::move(*SqliteStorage::open(path));
        const Json after = f.report("monthly", "2026-03");
        QCOMPARE(after["sections"], before["sections"]);
    }

    // A change that leaves a record's figures as they were (a comment, an escalation) writes no
    // fact row; one that moves them rewrites the row, and a deletion removes it.
    void factsThatDidNotChangeAreNotWrittenAgain() {
        Fixture f;
        const std::string path = f.dir.filePath("courtyard.db").toStdString();
        auto db = store::SqliteRecordStore::open(path);
        QVERIFY(db);
        auto found = (*db)->get("C1");
        QVERIFY(found && *found);
        store::StoredRecord record = **found;
        auto& sql = (*db)->database();
        auto changes = [&] { return **sql.queryOne("SELECT total_changes()", [](store::Statement& q) { return q.int64(0); }); };
        const auto before = factRows(sql).at("fact_complaints|C1");
        auto total = changes();
        record.body["comments"] = Json::array({Json{{"id", "n1"}, {"at", "2026-03-06T02:00:00Z"}, {"author", "s-1"},
                                                    {"text", "已回访"}}});
        QVERIFY(reports::writeFacts(sql, record));
        QCOMPARE(changes(), total);
        QCOMPARE(QString::fromStdString(factRows(sql).at("fact_complaints|C1")), QString::fromStdString(before));

        record.body["handler_id"] = "s-new";
        QVERIFY(reports::writeFacts(sql, record));
        QCOMPARE(changes(), total + 1);
        const auto after = factRows(sql).at("fact_complaints|C1");
        QVERIFY(after != before);
        QVERIFY2(after.find("'s-new'") != std::string::npos, after.c_str());

        record.deleted = true;
        QVERIFY(reports::writeFacts(sql, record));
        QCOMPARE(int(factRows(sql).count("fact_complaints|C1")), 0);
        // The statement each engine runs: the same upsert, with its own parameters.
        auto text = reports::factUpsertSql("INSERT OR REPLACE INTO fact_survey_scores (response_id, category, score) "
                                           "VALUES (?, ?, ?)");
        QVERIFY(text);
        QCOMPARE(QString::fromStdString(text->get()),
                 QString("INSERT INTO fact_survey_scores (response_id, category, score) VALUES (?, ?, ?) ON CONFLICT "
                         "(response_id, category) DO UPDATE SET score = EXCLUDED.score WHERE "
                         "(fact_survey_scores.score) IS DISTINCT FROM (EXCLUDED.score)"));
        QVERIFY(!reports::factUpsertSql("INSERT OR REPLACE INTO fact_unknown (id) VALUES (?)"));
    }

    // The push path projects a create's report facts from the record it has just derived,
    // outside the write transaction; projecting the stored bodies again (the rebuild a new
    // facts version triggers) must give exactly the same rows, for pushed creates and for the
    // records stored the other way.
    void pushedFactsAreTheRowsARebuildGives() {
        Fixture f;
        auto signedIn = f.call(http::verb::post, "/v1/auth/sign-in", "manager",
                               Json{{"schema", 2}, {"staff_number", "3001"}, {"pin", test::demoPin(std::string("3001"))}}.dump());
        QCOMPARE(signedIn.result_int(), 200);
        const auto credential = test::credentialFrom(Json::parse(signedIn.body()));
        QVERIFY(credential);
        DeviceRow device;
        QVERIFY(f.storage->read([&](ReadUnit& u) -> Status {
            device = **u.device(f.devices["manager"].id);
            return {};
        }));
        sync::PushRequest push;
        push.deviceTime = f.now;
        for (int i = 0; i < 6; ++i) {
            sync::Operation op;
            op.seq = i + 1;
            op.kind = sync::OpKind::Create;
            op.type = i % 3 == 2 ? "suggestion" : "complaint";
            op.id = "pushed-" + std::to_string(i);
            op.at = f.now - hours{i};
            op.hlc = std::to_string(toEpochMs(op.at)) + ".0000." + device.id;
            op.actor = "s-3001";
            op.body = {{"community_id", i % 2 ? kSunshine : kJade},
                       {"content", "楼道灯不亮 " + std::to_string(i)},
                       {"unit_id", Fixture::unit(i % 2 ? kSunshine : kJade, 1)},
                       {"received_at", formatInstant(op.at)}};
            if (op.type == "complaint") {
                op.body["channel"] = i % 2 ? "phone" : "letter";
                op.body["category"] = i % 2 ? "repairs" : "cleaning";
                op.body["urgent"] = i == 0;
            }
            QVERIFY(sync::signOperation(op, *credential));
            push.ops.push_back(std::move(op));
        }
        auto pushed = f.sync->push(device, Json(push));
        QVERIFY2(pushed, pushed ? "" : pushed.error().message.c_str());
        for (const auto& r : pushed->results)
            QVERIFY2(r.status == sync::OpStatus::Applied, r.error ? r.error->message.c_str() : "not applied");

        const std::string path = f.dir.filePath("courtyard.db").toStdString();
        auto db = store::SqliteRecordStore::open(path);
        QVERIFY(db);
        const auto written = factRows((*db)->database());
        QCOMPARE(int(written.count("fact_complaints|pushed-0")), 1);
        QCOMPARE(int(written.count("fact_suggestions|pushed-2")), 1);
        QVERIFY((*db)->database().exec("DELETE FROM meta WHERE key = 'report_facts'"));
        auto rebuilt = reports::rebuildFactsIfStale(**db);
        QVERIFY(rebuilt && *rebuilt > 0);
        const auto projected = factRows((*db)->database());
        QCOMPARE(projected.size(), written.size());
        for (const auto& [key, row] : written) {
            QVERIFY2(projected.count(key), key.c_str());
            QCOMPARE(QString::fromStdString(projected.at(key)), QString::fromStdString(row));
        }
    }

    void whoMayReadWhat() {
        Fixture f;
        auto status = [&](const std::string& target, const std::string& device, const std::string& staff) {
            return f.get(target, device, staff).result_int();
        };
        const std::string monthly = "/v1/reports/monthly?period=2026-03";
        // Kiosk and staff get nothing; nobody signed in is unauthenticated.
        QCOMPARE(status(monthly, "kiosk", ""), 403);
        QCOMPARE(status(monthly, "staff", "s-1001"), 403);
        QCOMPARE(status(monthly + "&scope=community&id=cm-sunshine", "supervisor", ""), 401);
        // A staff member on a supervisor's tablet is still staff.
        QCOMPARE(status(monthly + "&scope=community&id=cm-sunshine", "supervisor", "s-1001"), 403);
        // The supervisor (刘洋, d-cs): own department in own communities only.
        auto own = f.get(monthly + "&scope=community&id=cm-sunshine", "supervisor", "s-2001");
        QCOMPARE(own.result_int(), 200);
        const Json ownJson = Json::parse(own.body());
        QCOMPARE(ownJson["scope"]["department_id"].get<std::string>(), std::string("d-cs"));
        QCOMPARE(status(monthly + "&scope=community&id=cm-sunshine&department=d-eng", "supervisor", "s-2001"), 403);
        QCOMPARE(status(monthly, "supervisor", "s-2001"), 403); // the company
        QCOMPARE(status(monthly + "&scope=office&id=o-east", "supervisor", "s-2001"), 200);
        // On a tablet that serves Sunshine only, Jade Lake and the whole office are out of reach.
        QCOMPARE(status(monthly + "&scope=community&id=cm-jadelake", "supervisor-sun", "s-2001"), 403);
        QCOMPARE(status(monthly + "&scope=office&id=o-east", "supervisor-sun", "s-2001"), 403);
        QCOMPARE(status(monthly + "&scope=community&id=cm-sunshine", "supervisor-sun", "s-2001"), 200);
        // The manager reads everything.
        QCOMPARE(status(monthly, "manager", "s-3001"), 200);
        QCOMPARE(status(monthly + "&department=d-eng", "manager", "s-3001"), 200);
        // Bad parameters are 400 and name the parameter; unknown reports 404.
        auto bad = f.get("/v1/reports/monthly?period=2026-13", "manager", "s-3001");
        QCOMPARE(bad.result_int(), 400);
        QVERIFY(bad.body().find("period") != std::string::npos);
        QCOMPARE(status("/v1/reports/monthly?lang=fr", "manager", "s-3001"), 400);
        QCOMPARE(status("/v1/reports/nonsense", "manager", "s-3001"), 404);

        // The catalogue: the supervisor sees their department and communities, the manager all.
        const Json supCat = Json::parse(f.get("/v1/reports", "supervisor-sun", "s-2001").body());
        QCOMPARE(supCat["departments"].size(), std::size_t(1));
        QCOMPARE(supCat["communities"].size(), std::size_t(1));
        QCOMPARE(supCat["offices"].size(), std::size_t(0));
        QCOMPARE(supCat["kinds"].size(), std::size_t(8));
        const Json mgrCat = Json::parse(f.get("/v1/reports", "manager", "s-3001").body());
        QCOMPARE(mgrCat["departments"].size(), std::size_t(7));
        QCOMPARE(mgrCat["company"].get<bool>(), true);
        QCOMPARE(f.get("/v1/reports", "kiosk", "").result_int(), 403);
    }

    // The SQL over the facts and the shared rules over the decoded records agree, on a few
    // hundred generated records (the demo history: random times, late and missing replies).
    void sqlAgreesWithTheSharedRulesOnGeneratedHistory() {
        QTemporaryDir dir;
        const Instant now = at("2026-03-20T02:00:00Z");
        Clock clock = [&] { return now; };
        auto storage = std::move(*SqliteStorage::open(dir.filePath("courtyard.db").toStdString()));
        QVERIFY(importCompany(*storage, demoCompany(), clock, {1024, 1}));
        HistoryOptions options;
        options.months = 3;
        options.complaintsPerMonth = 40;
        options.recordsPerTransaction = 50;
        auto counts = seedHistory(*storage, options, clock);
        QVERIFY2(counts, counts ? "" : counts.error().message.c_str());
        QCOMPARE((*counts)["complaint"], std::int64_t(3 * 2 * 40)); // months × communities × rate
        QVERIFY((*counts)["survey_response"] == 0); // the annual survey opens in October

        reports::ReportService service(*storage, clock);
        std::int64_t received = 0;
        for (const char* month : {"2026-01", "2026-02", "2026-03"}) {
            ReportRequest req;
            req.kind = "monthly";
            req.period = month;
            const Json r = *service.compute(req);
            received += tile(r, "received")["value"].get<std::int64_t>();

            std::vector<Complaint> complaints;
            std::vector<Suggestion> suggestions;
            QVERIFY(storage->read([&](ReadUnit& u) -> Status {
                store::RecordQuery q;
                q.types = {"complaint", "suggestion"};
                auto rows = u.query(q);
                if (!rows)
                    return rows.error();
                const Json& period = r["period"];
                const Instant from = at(period["from"].get<std::string>().c_str());
                const Instant to = at(period["to"].get<std::string>().c_str());
                for (const auto& row : *rows) {
                    if (row.type == "complaint") {
                        auto c = row.body.get<Complaint>();
                        if (c.receivedAt >= from && c.receivedAt < to && rules::countsAsComplaint(c))
                            complaints.push_back(std::move(c));
                    } else {
                        auto sg = row.body.get<Suggestion>();
                        if (sg.receivedAt >= from && sg.receivedAt < to)
                            suggestions.push_back(std::move(sg));
                    }
                }
                return {};
            }));
            const auto onTime = rules::onTimeReplyRate(complaints, now);
            const auto visits = rules::visitRate(complaints, now);
            const auto replies = rules::suggestionReplyRate(suggestions, now);
            QVERIFY(onTime.denominator > 0);
            CHECK_RATE(tile(r, "on_time_reply"), onTime.numerator, onTime.denominator);
            CHECK_RATE(tile(r, "visit_rate"), visits.numerator, visits.denominator);
            CHECK_RATE(tile(r, "suggestion_reply"), replies.numerator, replies.denominator);
            QCOMPARE(tile(r, "received")["value"].get<std::size_t>(), complaints.size());
        }
        QCOMPARE(received, std::int64_t(3 * 2 * 40));

        bool sawGrades = false, sawSheets = false;
        reviewCountsAgree(*storage, service, "2026-Q1", {"2026-W05", "2026-W09", "2026-W11"}, sawGrades, sawSheets);
        QVERIFY(!QTest::currentTestFailed());
    }

    // The same on the hand-made records, which have grades (C2 is serious) and a transfer sheet.
    void reviewCountsAgreeWithTheSharedRules() {
        Fixture f;
        reports::ReportService service(*f.storage, [&] { return f.now; });
        bool sawGrades = false, sawSheets = false;
        reviewCountsAgree(*f.storage, service, "2026-Q1", {"2026-W10", "2026-W11", "2026-W12"}, sawGrades, sawSheets);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(sawGrades);
        QVERIFY(sawSheets);
    }

    void csvExport() {
        Fixture f;
        auto res = f.get("/v1/reports/monthly?period=2026-03&format=csv", "manager", "s-3001");
        QCOMPARE(res.result_int(), 200);
        QCOMPARE(std::string(res[http::field::content_type]), std::string("text/csv; charset=utf-8"));
        const std::string body = res.body();
        QVERIFY(body.rfind("\xEF\xBB\xBF", 0) == 0);
        QVERIFY(body.find("By category\r\nCategory,Total,Valid,Invalid,Undecided\r\n") != std::string::npos);
        QVERIFY(body.find("\r\nRepairs,4,3,1,0\r\n") != std::string::npos);
        QVERIFY(body.find("\r\nOn-time reply,50.0\r\n") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(ReportsTest)
#include "report_service_test.moc"
