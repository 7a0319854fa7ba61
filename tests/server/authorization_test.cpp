// The authorization table (shared/auth/access.h) as the real server enforces it on push: for
// every record type × operation (create, each plain field as an update, each workflow
// transition, each append list) × device role (a person of that role signed in, and the
// administrator signed in on it, capped to the device's role) × community (the device's own,
// another), the server answers exactly what the table says — computed here from shared/auth, so
// a check the server forgets or adds shows as a cell that differs. Hand-written rows pin the
// table's content for the abuses issue 12 names, so the table cannot quietly grow permissive.
#include "shared/auth/access.h"
#include "shared/domain/organization.h"
#include "shared/records/record_type.h"
#include "support/record_samples.h"
#include "support/server_process.h"
#include "support/signed_device.h"
#include "sync/protocol/roles.h"
#include "test_support.h"

#include <QtTest>
#include <algorithm>

using namespace courtyard;
using namespace courtyard::test;

namespace {

const std::string kOwn = "cm-sunshine";   // every tested device serves this community …
const std::string kOther = "cm-jadelake"; // … and not this one

// One operation of the matrix and what became of it.
struct Cell {
    std::string community;
    std::string what; // "complaint update urgent", for the failure message
    Json op;
    std::string state; // the record's state before a transition
    Json record;       // the record acted on, as created
};

domain::Role deviceRoleOf(const std::string& role) {
    return role == "kiosk" ? domain::Role::Resident : Json(role).get<domain::Role>();
}

// What the server answered for one operation: its status, or the error's code when refused.
std::string outcome(const Json& result) {
    if (result.value("status", std::string()) == "rejected")
        return result["error"].value("code", std::string());
    return result.value("status", std::string());
}

} // namespace

class AuthorizationTest : public QObject {
    Q_OBJECT

    ServerProcess m_server;
    std::unique_ptr<SignedDevice> m_setup; // a department head's supervisor tablet of both communities
    std::map<std::string, domain::Staff> m_staff;
    Instant m_now{};
    int m_serial = 0;

    std::string nextId(std::string_view type) { return std::string(type) + "-" + std::to_string(++m_serial); }

    // A device of the role in the own community with this person signed in (none: a kiosk).
    std::unique_ptr<SignedDevice> enrol(const std::string& role, const std::string& staffId) {
        auto device = enrolDevice(m_server, role, {kOwn},
                                  staffId.empty() ? std::vector<std::string>{} : std::vector{m_staff.at(staffId).number});
        if (!device)
            qFatal("%s cannot sign in on a %s device", staffId.c_str(), role.c_str());
        return device;
    }

    domain::Actor actorFor(const std::string& deviceRole, const std::string& staffId) const {
        domain::Actor a;
        a.role = domain::Role::Resident;
        if (staffId.empty())
            return a;
        const auto& s = m_staff.at(staffId);
        a.staffId = s.id;
        a.position = s.position;
        a.departmentId = s.departmentId;
        a.role = sync::effectiveRole(s.role, deviceRoleOf(deviceRole));
        return a;
    }

    // Pushes the setup device's operations (signed by the department head); all must apply.
    void setUp(Json ops) {
        for (auto& op : ops)
            op["actor"] = "s-2001";
        const std::string refused = m_setup->pushApplied(ops);
        QVERIFY2(refused.empty(), refused.c_str());
    }

    // The matrix's cells for one person on one device (staffId empty: a kiosk), with the
    // records they act on created first by the setup device in the state they start in.
    std::vector<Cell> cellsFor(const std::string& staffId) {
        // A second after the records were made, so each edit is the later one by its clock.
        const Instant at = m_now + std::chrono::seconds(1);
        std::vector<Cell> cells;
        Json setup = Json::array();
        for (const auto& community : {kOwn, kOther}) {
            for (const auto& access : auth::accessTable()) {
                const std::string type(access.type);
                const auto* recordType = records::findRecordType(type);
                const Json body = sampleBody(type, community, ++m_serial, m_now);
                // A fresh record for every operation, so no cell depends on another.
                auto target = [&] {
                    const std::string id = nextId(type);
                    setup.push_back(createOp(type, id, "", body, m_now));
                    return id;
                };
                Json stored = body; // as the server keeps it: with its id
                stored["id"] = "x";
                const auto prepared = recordType->prepareNew(stored);
                if (!prepared)
                    qFatal("the sample %s is refused: %s", type.c_str(), prepared.error().message.c_str());
                const std::string state = recordType->index(*prepared).state;
                auto cell = [&](std::string what, Json op) {
                    cells.push_back({community, type + " " + what, std::move(op), state, body});
                };
                cell("create", createOp(type, nextId(type), staffId, body, at));
                for (const auto field : auth::plainFields(type))
                    cell("update " + std::string(field),
                         updateOp(type, target(), staffId, Json{{field, sampleFieldValue(type, field, community, m_now)}},
                                  at));
                for (const auto& action : recordType->actions())
                    cell(action, transitionOp(type, target(), staffId, action, sampleParams(type, action, m_now), at));
                for (const auto list : auth::appendLists(type))
                    cell("append " + std::string(list),
                         appendOp(type, target(), staffId, list, sampleItem(type, list, ++m_serial, m_now), at));
            }
        }
        setUp(setup);
        return cells;
    }

    // The table's answer: what shared/auth says this actor may do (the record's state decides a
    // transition only once the role may take it: the workflow checks the role first).
    static std::string expected(const Cell& c, domain::Role deviceRole, const domain::Actor& actor) {
        if (c.community != kOwn)
            return "permission_denied"; // not one of the device's communities
        const std::string type = c.op["type"];
        const std::string kind = c.op["kind"];
        if (kind != "create" && !auth::mayReadRecord(type, deviceRole, c.record))
            return "permission_denied"; // a device changes only what it may read
        Status st;
        if (kind == "create")
            st = auth::checkCreate(type, c.op["body"], actor);
        else if (kind == "update")
            st = auth::checkUpdate(type, c.op["fields"], actor);
        else if (kind == "append")
            st = auth::checkAppend(type, c.op["list"].get<std::string>(), actor);
        else {
            st = auth::checkTransition(type, c.op["action"].get<std::string>(), actor);
            // The steps of its state, less those the record itself rules out (a leader is named
            // only for a complaint from outside).
            Json stored = c.record; // as the server keeps it: in its normal form, with its id
            stored["id"] = "x";
            const auto* recordType = records::findRecordType(type);
            const auto prepared = recordType->prepareNew(stored);
            const auto legal = prepared ? recordType->availableActionsOn(*prepared, actor.role) : std::vector<std::string>{};
            if (st && std::find(legal.begin(), legal.end(), c.op["action"].get<std::string>()) == legal.end())
                return "failed_precondition";
        }
        return st ? "applied" : std::string(errorCodeName(st.error().code));
    }

private slots:
    void initTestCase() {
        m_now = std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now());
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        m_setup = enrolDevice(m_server, "supervisor", {kOwn, kOther}, {"2001"});
        QVERIFY(m_setup);
        for (const auto& change : m_setup->pullAll())
            if (change["type"] == "staff") {
                auto s = change["record"].get<domain::Staff>();
                m_staff[s.id] = s;
            }
        QVERIFY(m_staff.count("s-9001"));
        // The survey responses of the matrix answer an open kiosk survey in each community.
        for (const auto& community : {kOwn, kOther}) {
            Json body = sampleBody("survey_campaign", community, 0, m_now);
            setUp(Json::array({createOp("survey_campaign", openCampaignId(community), "", body, m_now),
                               transitionOp("survey_campaign", openCampaignId(community), "", "open", {}, m_now)}));
        }
    }

    void theServerAnswersWhatTheTableSays_data() {
        QTest::addColumn<QString>("deviceRole");
        QTest::addColumn<QString>("person"); // staff id; empty at a kiosk
        QTest::newRow("a staff member on a staff tablet") << "staff" << "s-1001";
        QTest::newRow("the administrator on a staff tablet acts as staff") << "staff" << "s-9001";
        QTest::newRow("a department head on a supervisor tablet") << "supervisor" << "s-2001";
        QTest::newRow("the administrator on a supervisor tablet acts as a supervisor") << "supervisor" << "s-9001";
        QTest::newRow("a manager on a manager tablet") << "manager" << "s-3001";
        QTest::newRow("the administrator on a manager tablet acts as a manager") << "manager" << "s-9001";
        QTest::newRow("the developer's service on its own device") << "developer_cs" << "s-4001";
        QTest::newRow("the administrator on the developer's device acts as its service") << "developer_cs" << "s-9001";
        QTest::newRow("the administrator on an administrator's device") << "admin" << "s-9001";
        QTest::newRow("a resident at a kiosk") << "kiosk" << "";
    }
    void theServerAnswersWhatTheTableSays() {
        QFETCH(QString, deviceRole);
        QFETCH(QString, person);
        const std::string role = deviceRole.toStdString(), staffId = person.toStdString();
        auto device = enrol(role, staffId);
        const auto cells = cellsFor(staffId);
        Json ops = Json::array();
        for (const auto& c : cells)
            ops.push_back(c.op);
        const auto answer = device->push(ops);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body["results"].size(), cells.size());
        const auto actor = actorFor(role, staffId);
        QStringList wrong;
        std::map<std::string, int> tally;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto& result = answer.body["results"][i];
            const std::string got = outcome(result), want = expected(cells[i], deviceRoleOf(role), actor);
            ++tally[want];
            if (got != want)
                wrong << QString::fromStdString(cells[i].what + " in " + cells[i].community + ": the server says " +
                                                got + ", the table " + want + " — " +
                                                result.value("error", Json::object()).value("message", std::string()));
        }
        qInfo("%zu cells: %d applied, %d permission_denied, %d failed_precondition", cells.size(), tally["applied"],
              tally["permission_denied"], tally["failed_precondition"]);
        QVERIFY2(wrong.isEmpty(), qPrintable("\n" + wrong.join("\n")));
        // Each role is allowed something and refused something: the cells can fail both ways.
        QVERIFY(tally["permission_denied"] > 0);
        QVERIFY(tally["applied"] > 0);
    }

    // The table's content for the abuses issue 12 names, written out by hand: a change to the
    // table that allows one of them fails here even though the matrix above follows it.
    void theTableForbidsWhatIssue12Names_data() {
        QTest::addColumn<QString>("deviceRole");
        QTest::addColumn<QString>("person");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("kind");      // create, or update of a record the office made
        QTest::addColumn<QByteArray>("payload"); // merged into the body (create) or the fields (update)
        QTest::addColumn<QString>("answer");
        const char* denied = "permission_denied";
        const char* applied = "applied";
        auto row = [](const char* name, const char* deviceRole, const char* person, const char* type, const char* kind,
                      const char* payload, const char* answer) {
            QTest::newRow(name) << deviceRole << person << type << kind << QByteArray(payload) << answer;
        };
        row("a staff member cannot publish a notice",
            "staff", "s-1001", "notice", "create", "{}", denied);
        row("a supervisor publishes a notice",
            "supervisor", "s-2001", "notice", "create", "{}", applied);
        row("a staff member cannot create a survey campaign",
            "staff", "s-1001", "survey_campaign", "create", "{}", denied);
        row("a staff member cannot move an arrangement notice's due_by",
            "staff", "s-1001", "arrangement_notice", "update", R"({"due_by":"2031-01-01T00:00:00Z"})", denied);
        row("a staff member cannot reassign an arrangement notice",
            "staff", "s-1001", "arrangement_notice", "update", R"({"assignee_id":"s-1004"})", denied);
        row("a supervisor moves an arrangement notice's due_by",
            "supervisor", "s-2001", "arrangement_notice", "update", R"({"due_by":"2031-01-01T00:00:00Z"})", applied);
        row("a staff member cannot set a complaint's reach by a plain edit",
            "staff", "s-1001", "complaint", "update", R"({"reach":"media"})", denied);
        row("a staff member cannot set a complaint's controllability by a plain edit",
            "staff", "s-1001", "complaint", "update", R"({"controllability":"low"})", denied);
        row("not even a manager sets a complaint's reach by a plain edit",
            "manager", "s-3001", "complaint", "update", R"({"reach":"media"})", denied);
        row("a staff member cannot file a complaint that reached the media",
            "staff", "s-1001", "complaint", "create", R"({"reach":"media"})", denied);
        row("a staff member cannot file a complaint of low controllability",
            "staff", "s-1001", "complaint", "create", R"({"controllability":"low"})", denied);
        row("nor can a supervisor: the grade inputs come with the decision",
            "supervisor", "s-2001", "complaint", "create", R"({"reach":"media"})", denied);
        row("a complaint filed with the initial grade inputs is taken",
            "staff", "s-1001", "complaint", "create", R"({"reach":"community","controllability":"high"})", applied);
        row("a staff member files an urgent and serious complaint",
            "staff", "s-1001", "complaint", "create", R"({"urgent":true,"serious":true})", applied);
        row("a staff member cannot make a filed complaint urgent",
            "staff", "s-1001", "complaint", "update", R"({"urgent":true})", denied);
        row("a staff member cannot make a filed complaint serious",
            "staff", "s-1001", "complaint", "update", R"({"serious":true})", denied);
        row("a staff member cannot move the reply time the resident asked for",
            "staff", "s-1001", "complaint", "update", R"({"requested_reply_by":"2031-01-01T00:00:00Z"})", denied);
        row("a supervisor makes a filed complaint urgent",
            "supervisor", "s-2001", "complaint", "update", R"({"urgent":true})", applied);
        row("a department head creates a weekly review",
            "supervisor", "s-2001", "weekly_review", "create", "{}", applied);
        row("an office director, a supervisor too, cannot create a weekly review",
            "supervisor", "s-2010", "weekly_review", "create", "{}", denied);
        row("a manager cannot create a weekly review",
            "manager", "s-3001", "weekly_review", "create", "{}", denied);
        row("a staff member cannot create a weekly review",
            "staff", "s-1001", "weekly_review", "create", "{}", denied);
        row("the developer's service cannot edit a complaint",
            "developer_cs", "s-4001", "complaint", "update", R"({"content":"nothing to see"})", denied);
    }
    void theTableForbidsWhatIssue12Names() {
        QFETCH(QString, deviceRole);
        QFETCH(QString, person);
        QFETCH(QString, type);
        QFETCH(QString, kind);
        QFETCH(QByteArray, payload);
        QFETCH(QString, answer);
        const std::string t = type.toStdString(), staffId = person.toStdString();
        auto device = enrol(deviceRole.toStdString(), staffId);
        const Instant at = m_now + std::chrono::seconds(1);
        Json body = sampleBody(t, kOwn, ++m_serial, m_now);
        const Json patch = Json::parse(payload.toStdString());
        Json op;
        if (kind == "create") {
            body.update(patch);
            op = createOp(t, nextId(t), staffId, body, at);
        } else {
            const std::string id = nextId(t);
            setUp(Json::array({createOp(t, id, "", body, m_now)}));
            op = updateOp(t, id, staffId, patch, at);
        }
        const auto pushed = device->push(Json::array({op}));
        QCOMPARE(pushed.status, 200);
        const Json& result = pushed.body["results"][0];
        QVERIFY2(QString::fromStdString(outcome(result)) == answer, result.dump().c_str());
    }

    // The developer's service receives only complaints referred to the developer; it must not
    // change the others either (comment, attach, close a referral) by naming their ids.
    void theDeveloperActsOnlyOnComplaintsReferredToIt_data() {
        QTest::addColumn<QString>("cause"); // why the office referred the complaint ("": it did not)
        QTest::addColumn<QString>("action"); // a list to append to, or a transition
        QTest::addColumn<QString>("answer");
        QTest::newRow("it comments on a complaint referred to the developer") << "developer" << "comments" << "applied";
        QTest::newRow("it attaches a photo to a complaint referred to the developer")
            << "developer" << "attachments" << "applied";
        QTest::newRow("it closes the referral of a complaint referred to the developer")
            << "developer" << "close_referral" << "applied";
        QTest::newRow("it cannot comment on a complaint nobody referred") << "" << "comments" << "permission_denied";
        QTest::newRow("it cannot attach a photo to a complaint nobody referred")
            << "" << "attachments" << "permission_denied";
        QTest::newRow("it cannot close the referral of a complaint referred to an outside body")
            << "external" << "close_referral" << "permission_denied";
    }
    void theDeveloperActsOnlyOnComplaintsReferredToIt() {
        QFETCH(QString, cause);
        QFETCH(QString, action);
        QFETCH(QString, answer);
        const std::string id = nextId("complaint");
        Json setup = Json::array({createOp("complaint", id, "", sampleBody("complaint", kOwn, ++m_serial, m_now), m_now)});
        if (!cause.isEmpty()) { // invalid, explained to the resident, referred
            setup.push_back(transitionOp("complaint", id, "", "reject",
                                         {{"cause", cause.toStdString()}, {"reason", "not ours to repair"}}, m_now));
            setup.push_back(transitionOp("complaint", id, "", "explain", {{"explanation", "the builder repairs it"}},
                                         m_now));
        }
        setUp(setup);
        auto developer = enrol("developer_cs", "s-4001");
        const Instant at = m_now + std::chrono::seconds(1);
        const std::string a = action.toStdString();
        const Json op = a == "close_referral"
                            ? transitionOp("complaint", id, "s-4001", a, sampleParams("complaint", a, m_now), at)
                            : appendOp("complaint", id, "s-4001", a, sampleItem("complaint", a, ++m_serial, m_now), at);
        const auto pushed = developer->push(Json::array({op}));
        QCOMPARE(pushed.status, 200);
        const Json& result = pushed.body["results"][0];
        QVERIFY2(QString::fromStdString(outcome(result)) == answer, result.dump().c_str());
    }

    void cleanupTestCase() { m_server.terminate(); }
};

QTEST_GUILESS_MAIN(AuthorizationTest)
#include "authorization_test.moc"
