// Over 400 lines, knowingly: one server per engine started once for every case below; each case
// stands alone.
// The admin API against the real courtyard-server on 127.0.0.1 (and, as admin_api_test_postgresql,
// over PostgreSQL): only an administrator, proven, on an admin device may call it; each change
// is checked with the shared rules and refused as a whole naming the field, with nothing
// changed; an accepted change has its audit line with the administrator and reaches a synced
// tablet through its pull (a new colleague, a moved one, the policy, next year's calendar),
// and a PIN reset makes the old PIN fail at the next online sign-in.
#include "support/server_process.h"
#include "support/signed_device.h"
#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::test;

namespace {

const std::string kAdmin = "s-9001";

Json withSchema(Json body) {
    body["schema"] = 2;
    return body;
}

// The record of this id in a pull (its last change), or an empty object.
Json pulled(const Json& changes, const std::string& id) {
    Json found = Json::object();
    for (const auto& c : changes)
        if (c.value("id", std::string()) == id && c.contains("record") && c["record"].is_object())
            found = c["record"];
    return found;
}

} // namespace

class AdminApiTest : public QObject {
    Q_OBJECT

    ServerProcess m_server;
    std::unique_ptr<SignedDevice> m_admin;  // an admin device, the administrator signed in
    std::unique_ptr<SignedDevice> m_tablet; // a staff tablet of Sunshine Garden, 1001 signed in

    JsonAnswer as(const std::string& method, const std::string& target, const Json& body = nullptr) {
        return m_admin->sendAs(kAdmin, method, target, body.is_null() ? std::string() : withSchema(body).dump());
    }
    // The administrator's audit lines of this kind.
    std::vector<Json> auditLines(const std::string& kind) {
        QByteArray out;
        if (m_server.admin({"audit", "--actor", QString::fromStdString(kAdmin), "--limit", "1000"}, &out) != 0)
            return {};
        std::vector<Json> lines;
        for (const auto& line : out.split('\n'))
            if (!line.isEmpty()) {
                Json j = Json::parse(line.toStdString(), nullptr, false);
                if (j.is_object() && j.value("kind", std::string()) == kind)
                    lines.push_back(j);
            }
        return lines;
    }
    std::string calendarId() {
        auto list = as("GET", "/v1/admin/calendars");
        std::string id = list.body["calendars"].at(0).value("id", std::string());
        return id.substr(id.find(':') + 1);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        m_admin = enrolDevice(m_server, "admin", {"cm-sunshine", "cm-jadelake"}, {"9001"});
        m_tablet = enrolDevice(m_server, "staff", {"cm-sunshine"}, {"1001"});
        QVERIFY(m_admin && m_tablet);
    }

    void onlyAProvenAdministratorOnAnAdminDevice_data() {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("a staff tablet, its staff member signed in") << "tablet" << 403;
        QTest::newRow("a supervisor's tablet, the supervisor signed in") << "supervisor" << 403;
        QTest::newRow("a kiosk") << "kiosk" << 403;
        QTest::newRow("the admin device with nobody proven") << "nobody" << 401;
        QTest::newRow("the admin device, a staff member signed in on it") << "staff on admin device" << 403;
        QTest::newRow("the admin device, the administrator") << "administrator" << 200;
    }
    void onlyAProvenAdministratorOnAnAdminDevice() {
        QFETCH(QString, who);
        QFETCH(int, status);
        JsonAnswer a;
        if (who == "tablet") {
            a = m_tablet->sendAs("s-1001", "GET", "/v1/admin/staff");
        } else if (who == "supervisor") {
            auto d = enrolDevice(m_server, "supervisor", {"cm-sunshine"}, {"2001"});
            QVERIFY(d);
            a = d->sendAs("s-2001", "GET", "/v1/admin/staff");
        } else if (who == "kiosk") {
            auto d = enrolDevice(m_server, "kiosk", {"cm-sunshine"});
            QVERIFY(d);
            a = d->get("/v1/admin/staff");
        } else if (who == "nobody") {
            a = m_admin->get("/v1/admin/staff");
        } else if (who == "staff on admin device") {
            auto d = enrolDevice(m_server, "admin", {"cm-sunshine"}, {"1001"});
            QVERIFY(d);
            a = d->sendAs("s-1001", "GET", "/v1/admin/policy");
        } else {
            a = as("GET", "/v1/admin/staff");
        }
        QCOMPARE(a.status, status);
        if (status == 200)
            QVERIFY(a.body["staff"].size() >= 15);
        else
            QVERIFY(!a.errorCode().empty());
    }

    void aNewStaffMemberReachesTheTabletAndSignsIn() {
        const Json newcomer{{"id", "s-1901"},          {"number", "1901"},         {"name", "何静 He Jing"},
                            {"role", "staff"},         {"position", "staff"},      {"department_id", "d-cs"},
                            {"community_ids", Json::array({"cm-sunshine"})}, {"pin", "314159"}};
        auto a = as("POST", "/v1/admin/staff", Json{{"staff", newcomer}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        QCOMPARE(a.body["staff"].value("number", std::string()), std::string("1901"));
        QVERIFY(!a.body["staff"].contains("pin"));
        QVERIFY(a.body.dump().find("314159") == std::string::npos);
        // The tablet's next pull carries the record; the person signs in on it with the PIN.
        const Json record = pulled(m_tablet->pullAll(), "s-1901");
        QCOMPARE(record.value("name", std::string()), std::string("何静 He Jing"));
        QVERIFY(!record.contains("pin") && !record.contains("pin_hash"));
        QCOMPARE(m_tablet->signIn("1901", "314159").status, 200);
        const auto lines = auditLines("admin_staff_create");
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0].value("record", std::string()), std::string("s-1901"));
        QCOMPARE(lines[0].value("device", std::string()), m_admin->deviceId());
        QVERIFY(lines[0].dump().find("314159") == std::string::npos);
    }

    void aBadStaffMemberIsRefusedAndChangesNothing_data() {
        QTest::addColumn<QByteArray>("staff");
        QTest::addColumn<QString>("field");
        const auto row = [](Json changes) {
            Json s{{"number", "1950"},     {"name", "新人 Newcomer"}, {"role", "staff"},
                   {"position", "staff"},  {"department_id", "d-cs"}, {"community_ids", Json::array({"cm-sunshine"})},
                   {"pin", "271828"}};
            for (const auto& [k, v] : changes.items())
                if (v.is_null())
                    s.erase(k);
                else
                    s[k] = v;
            return QByteArray::fromStdString(s.dump());
        };
        QTest::newRow("a staff number already used") << row({{"number", "1001"}}) << "number";
        QTest::newRow("an unknown department") << row({{"department_id", "d-nowhere"}}) << "department_id";
        QTest::newRow("an unknown community") << row({{"community_ids", {"cm-atlantis"}}}) << "community_ids";
        QTest::newRow("a PIN anyone would guess") << row({{"pin", "123456"}}) << "pin";
        QTest::newRow("a PIN too short") << row({{"pin", "2718"}}) << "pin";
        QTest::newRow("no name") << row({{"name", nullptr}}) << "name";
        QTest::newRow("a role that is no role") << row({{"role", "janitor"}}) << "role";
        QTest::newRow("a field the API does not set") << row({{"salary", 9000}}) << "salary";
        QTest::newRow("an id taken by a community") << row({{"id", "cm-sunshine"}}) << "id";
    }
    void aBadStaffMemberIsRefusedAndChangesNothing() {
        QFETCH(QByteArray, staff);
        QFETCH(QString, field);
        const auto before = as("GET", "/v1/admin/staff").body;
        const auto linesBefore = auditLines("admin_staff_create").size();
        auto a = as("POST", "/v1/admin/staff", Json{{"staff", Json::parse(staff.toStdString())}});
        QVERIFY2(a.status == 400 || a.status == 409, a.body.dump().c_str());
        QCOMPARE(a.body["error"].value("field", std::string()), field.toStdString());
        QVERIFY(!a.body["error"].value("message", std::string()).empty());
        QCOMPARE(as("GET", "/v1/admin/staff").body, before);
        QCOMPARE(auditLines("admin_staff_create").size(), linesBefore);
        auto fresh = enrolDevice(m_server, "staff", {"cm-sunshine"}); // wrong PINs cost a device time
        QVERIFY(fresh);
        QCOMPARE(fresh->signIn("1950", "271828").status, 401);
    }

    void aPinResetMakesTheOldPinFail() {
        auto tablet = enrolDevice(m_server, "staff", {"cm-sunshine"}, {"1002"});
        QVERIFY(tablet);
        auto a = as("POST", "/v1/admin/staff/s-1002/pin", Json{{"pin", "583920"}});
        QCOMPARE(a.status, 200);
        QVERIFY(a.body.dump().find("583920") == std::string::npos);
        QCOMPARE(tablet->signIn("1002", demoPin(std::string("1002"))).status, 401);
        QCOMPARE(tablet->signIn("1002", "583920").status, 200);
        // A bad PIN is refused, and the one just set still works.
        auto weak = as("POST", "/v1/admin/staff/s-1002/pin", Json{{"pin", "000000"}});
        QCOMPARE(weak.status, 400);
        QCOMPARE(weak.body["error"].value("field", std::string()), std::string("pin"));
        QCOMPARE(tablet->signIn("1002", "583920").status, 200);
        QCOMPARE(as("POST", "/v1/admin/staff/s-nobody/pin", Json{{"pin", "583920"}}).status, 404);
        const auto lines = auditLines("pin_set");
        QVERIFY(!lines.empty());
        QCOMPARE(lines[0].value("record", std::string()), std::string("s-1002"));
        QCOMPARE(lines[0].value("device", std::string()), m_admin->deviceId());
    }

    void aMoveReachesTheTabletAndADeactivatedPersonCannotSignIn() {
        auto moved = as("PATCH", "/v1/admin/staff/s-1005", Json{{"staff", {{"department_id", "d-clean"}}}});
        QCOMPARE(moved.status, 200);
        QCOMPARE(pulled(m_tablet->pullAll(), "s-1005").value("department_id", std::string()), std::string("d-clean"));
        auto bad = as("PATCH", "/v1/admin/staff/s-1005", Json{{"staff", {{"department_id", "d-nowhere"}}}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.body["error"].value("field", std::string()), std::string("department_id"));
        auto active = as("PATCH", "/v1/admin/staff/s-1005", Json{{"staff", {{"active", false}}}});
        QCOMPARE(active.status, 400);
        QCOMPARE(pulled(m_tablet->pullAll(), "s-1005").value("department_id", std::string()), std::string("d-clean"));

        auto tablet = enrolDevice(m_server, "staff", {"cm-sunshine"});
        QVERIFY(tablet);
        QCOMPARE(as("POST", "/v1/admin/staff/s-1004/deactivate", Json::object()).status, 200);
        QCOMPARE(tablet->signIn("1004", demoPin(std::string("1004"))).status, 403);
        QCOMPARE(pulled(m_tablet->pullAll(), "s-1004").value("active", true), false);
        QCOMPARE(as("POST", "/v1/admin/staff/s-1004/activate", Json::object()).status, 200);
        QCOMPARE(tablet->signIn("1004", demoPin(std::string("1004"))).status, 200);
        QCOMPARE(auditLines("staff_deactivate").size(), std::size_t(1));
    }

    void devicesAreListedEnrolledAndRevoked() {
        QCOMPARE(m_tablet->push(Json::array()).status, 200); // a device's last contact is its last push
        auto list = as("GET", "/v1/admin/devices");
        QCOMPARE(list.status, 200);
        const auto count = list.body["devices"].size();
        bool found = false;
        for (const auto& d : list.body["devices"])
            if (d.value("id", std::string()) == m_tablet->deviceId()) {
                found = true;
                QCOMPARE(d.value("sync_state", std::string()), std::string("synced"));
                QVERIFY(d["last_seen_at"].is_string());
                QVERIFY(!d.contains("token") && !d.contains("token_hash"));
            }
        QVERIFY(found);

        auto bad = as("POST", "/v1/admin/devices",
                      Json{{"device", {{"name", "Lobby"}, {"role", "janitor"}, {"community_ids", Json::array({"cm-sunshine"})}}}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.body["error"].value("field", std::string()), std::string("role"));
        auto twoLobbies = as("POST", "/v1/admin/devices",
                             Json{{"device", {{"name", "Lobby"}, {"role", "kiosk"},
                                              {"community_ids", Json::array({"cm-sunshine", "cm-jadelake"})}}}});
        QCOMPARE(twoLobbies.body["error"].value("field", std::string()), std::string("community_ids"));
        QCOMPARE(as("GET", "/v1/admin/devices").body["devices"].size(), count);

        auto added = as("POST", "/v1/admin/devices",
                        Json{{"device", {{"name", "Lobby kiosk"}, {"role", "kiosk"}, {"community_ids", Json::array({"cm-sunshine"})}}}});
        QCOMPARE(added.status, 200);
        SignedDevice kiosk(m_server.port(), added.body.value("token", std::string()));
        auto who = kiosk.get("/v1/whoami");
        QCOMPARE(who.status, 200);
        QCOMPARE(who.body.value("role", std::string()), std::string("kiosk"));
        const std::string id = added.body.value("device_id", std::string());
        QCOMPARE(as("POST", "/v1/admin/devices/" + id + "/revoke", Json::object()).status, 200);
        QCOMPARE(kiosk.get("/v1/whoami").errorReason(), std::string("device_revoked"));
        QCOMPARE(as("POST", "/v1/admin/devices/" + id + "/revoke", Json::object()).status, 404);
        QCOMPARE(as("POST", "/v1/admin/devices/" + m_admin->deviceId() + "/revoke", Json::object()).status, 409);
        QCOMPARE(auditLines("admin_device_enrol").size(), std::size_t(1));
        QCOMPARE(auditLines("admin_device_revoke").size(), std::size_t(1));
    }

    void aPolicyOutOfRangeIsRefused_data() {
        QTest::addColumn<QByteArray>("change");
        QTest::addColumn<QString>("field");
        QTest::newRow("no time to reply") << QByteArray(R"({"urgent_reply_hours": 0})") << "urgent_reply_hours";
        QTest::newRow("2000 hours for 2") << QByteArray(R"({"urgent_reply_hours": 2000})") << "urgent_reply_hours";
        QTest::newRow("a target above 100") << QByteArray(R"({"quality_target": 101})") << "quality_target";
        QTest::newRow("a sample above 100%") << QByteArray(R"({"monthly_sample_percent": 150})") << "monthly_sample_percent";
        QTest::newRow("days as words") << QByteArray(R"({"reply_working_days": "two"})") << "reply_working_days";
        QTest::newRow("a setting that does not exist") << QByteArray(R"({"reply_workng_days": 3})") << "reply_workng_days";
        QTest::newRow("one good, one bad") << QByteArray(R"({"visit_days": 4, "credential_days": 0})") << "credential_days";
        QTest::newRow("an enrolment code for two days") << QByteArray(R"({"enrolment_code_minutes": 2880})") << "enrolment_code_minutes";
    }
    void aPolicyOutOfRangeIsRefused() {
        QFETCH(QByteArray, change);
        QFETCH(QString, field);
        const auto before = as("GET", "/v1/admin/policy").body;
        auto a = as("PATCH", "/v1/admin/policy", Json{{"policy", Json::parse(change.toStdString())}});
        QCOMPARE(a.status, 400);
        QCOMPARE(a.body["error"].value("field", std::string()), field.toStdString());
        QCOMPARE(as("GET", "/v1/admin/policy").body, before);
    }

    void aPolicyChangeReachesTheTablet() {
        auto a = as("PATCH", "/v1/admin/policy", Json{{"policy", {{"reply_working_days", 3}}}});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body["policy"].value("reply_working_days", 0), 3);
        QCOMPARE(a.body["policy"].value("urgent_reply_hours", 0), 2); // the others kept
        QCOMPARE(pulled(m_tablet->pullAll(), "policy:default").value("reply_working_days", 0), 3);
        const auto lines = auditLines("admin_policy_change");
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0]["detail"]["before"].value("reply_working_days", 0), 2);
    }

    void aCalendarYearIsAddedAndReachesTheTablet() {
        const std::string cal = calendarId();
        const Json year2027{{"holidays",
                             {"2027-01-01..2027-01-03", "2027-02-05..2027-02-13", "2027-04-03..2027-04-05",
                              "2027-05-01..2027-05-05", "2027-06-09..2027-06-11", "2027-09-15..2027-09-17",
                              "2027-10-01..2027-10-07"}},
                            {"working_days", {"2027-01-30", "2027-02-20", "2027-04-10", "2027-05-08", "2027-09-26",
                                              "2027-10-09"}}};
        auto a = as("PUT", "/v1/admin/calendars/" + cal + "/years/2027", year2027);
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        QCOMPARE(a.body.value("weekdays_in_year", 0), 261);
        QCOMPARE(a.body.value("working_days_in_year", 0), 245);
        const Json onTablet = pulled(m_tablet->pullAll(), "calendar:" + cal);
        QVERIFY(onTablet["years"].dump().find("2027") != std::string::npos);
        QVERIFY(onTablet["years"].dump().find("2026") != std::string::npos); // the other years kept
        QVERIFY(onTablet["working_days"].dump().find("2027-02-20") != std::string::npos);
        QCOMPARE(auditLines("admin_calendar_year").size(), std::size_t(1));
    }

    void aBadCalendarYearIsRefused_data() {
        QTest::addColumn<QByteArray>("year");
        QTest::addColumn<QString>("field");
        QTest::newRow("a make-up working day on a Wednesday")
            << QByteArray(R"({"holidays": ["2028-01-01"], "working_days": ["2028-02-09"]})") << "working_days";
        QTest::newRow("a holiday in another year")
            << QByteArray(R"({"holidays": ["2027-12-31"], "working_days": []})") << "holidays";
        QTest::newRow("a quarter of a year off")
            << QByteArray(R"({"holidays": ["2028-01-01..2028-03-31"]})") << "holidays";
        QTest::newRow("a day both off and worked")
            << QByteArray(R"({"holidays": ["2028-01-01"], "working_days": ["2028-01-01"]})") << "working_days";
        QTest::newRow("not a date") << QByteArray(R"({"holidays": ["2028-02-30"]})") << "holidays";
        QTest::newRow("no holidays") << QByteArray(R"({"working_days": ["2028-01-01"]})") << "holidays";
    }
    void aBadCalendarYearIsRefused() {
        QFETCH(QByteArray, year);
        QFETCH(QString, field);
        const std::string cal = calendarId();
        const auto before = as("GET", "/v1/admin/calendars").body;
        auto a = as("PUT", "/v1/admin/calendars/" + cal + "/years/2028", Json::parse(year.toStdString()));
        QCOMPARE(a.status, 400);
        QCOMPARE(a.body["error"].value("field", std::string()), field.toStdString());
        QCOMPARE(as("GET", "/v1/admin/calendars").body, before);
    }

    // A route drawn in the office reaches the tablet; editing it keeps the QR codes on the walls.
    void aPatrolRouteIsDrawnEditedAndReachesTheTablet() {
        const Json route{{"community_id", "cm-sunshine"},
                         {"name", "车库巡逻 Garage patrol"},
                         {"department_id", "d-sec"},
                         {"schedule", {{"times", {"23:00", "03:00"}}, {"weekdays", {1, 2, 3, 4, 5}}, {"tolerance_minutes", 20}}},
                         {"checkpoints",
                          {{{"name", "B1 入口"}, {"location", "B1"}, {"due_after_minutes", 0}},
                           {{"name", "B2 水泵房"}, {"location", "B2"}, {"due_after_minutes", 15}, {"tolerance_minutes", 10}}}}};
        auto a = as("PUT", "/v1/admin/patrol-routes/route-garage", Json{{"route", route}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        const Json saved = a.body["route"];
        QCOMPARE(saved["checkpoints"].size(), std::size_t(2));
        const std::string firstId = saved["checkpoints"][0].value("id", std::string());
        const std::string firstCode = saved["checkpoints"][0].value("code", std::string());
        QCOMPARE(firstId, std::string("route-garage-1"));
        QVERIFY2(firstCode.rfind("courtyard:cp:route-garage-1:", 0) == 0, firstCode.c_str());
        QVERIFY(firstCode != saved["checkpoints"][1].value("code", std::string()));
        QCOMPARE(saved["schedule"]["times"], (Json{"23:00", "03:00"}));
        QCOMPARE(pulled(m_tablet->pullAll(), "route-garage").value("name", std::string()), std::string("车库巡逻 Garage patrol"));

        // Reordered, one renamed, a third added; a code sent along is ignored.
        Json edit = saved;
        edit.erase("id");
        edit.erase("type");
        std::swap(edit["checkpoints"][0], edit["checkpoints"][1]);
        edit["checkpoints"][1]["name"] = "B1 入口（东）";
        edit["checkpoints"][1]["code"] = "courtyard:cp:forged";
        edit["checkpoints"].push_back(Json{{"name", "B3 配电房"}, {"due_after_minutes", 30}});
        a = as("PUT", "/v1/admin/patrol-routes/route-garage", Json{{"route", edit}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        const Json& cps = a.body["route"]["checkpoints"];
        QCOMPARE(cps.size(), std::size_t(3));
        QCOMPARE(cps[1].value("id", std::string()), firstId);
        QCOMPARE(cps[1].value("code", std::string()), firstCode); // the sheet on the wall still works
        QCOMPARE(cps[2].value("id", std::string()), std::string("route-garage-3"));
        const auto listed = as("GET", "/v1/admin/patrol-routes").body["routes"];
        bool found = false;
        for (const auto& r : listed)
            found = found || (r["id"] == "route-garage" && r["checkpoints"].size() == 3);
        QVERIFY(found);
        QCOMPARE(auditLines("admin_route_save").size(), std::size_t(2));
    }

    void aBadPatrolRouteIsRefused_data() {
        QTest::addColumn<QByteArray>("route");
        QTest::addColumn<QString>("field");
        QTest::newRow("no checkpoints")
            << QByteArray(R"({"community_id": "cm-sunshine", "name": "x", "checkpoints": []})") << "checkpoints";
        QTest::newRow("an unknown community")
            << QByteArray(R"({"community_id": "cm-atlantis", "name": "x", "checkpoints": [{"name": "a"}]})") << "community_id";
        QTest::newRow("a time of day twice")
            << QByteArray(R"({"community_id": "cm-sunshine", "name": "x", "department_id": "d-sec",
                             "schedule": {"times": ["22:00", "22:00"]}, "checkpoints": [{"name": "a"}]})") << "schedule";
        QTest::newRow("not a time of day")
            << QByteArray(R"({"community_id": "cm-sunshine", "name": "x", "department_id": "d-sec",
                             "schedule": {"times": ["25:00"]}, "checkpoints": [{"name": "a"}]})") << "schedule";
        QTest::newRow("a schedule without a department")
            << QByteArray(R"({"community_id": "cm-sunshine", "name": "x", "schedule": {"times": ["22:00"]},
                             "checkpoints": [{"name": "a"}]})") << "department_id";
        QTest::newRow("a checkpoint without a name")
            << QByteArray(R"({"community_id": "cm-sunshine", "name": "x", "checkpoints": [{"location": "B1"}]})") << "checkpoints";
        QTest::newRow("an unknown department")
            << QByteArray(R"({"community_id": "cm-sunshine", "name": "x", "department_id": "d-moon",
                             "checkpoints": [{"name": "a"}]})") << "department_id";
        QTest::newRow("a field routes do not have")
            << QByteArray(R"({"community_id": "cm-sunshine", "name": "x", "colour": "red", "checkpoints": [{"name": "a"}]})") << "colour";
    }
    void aBadPatrolRouteIsRefused() {
        QFETCH(QByteArray, route);
        QFETCH(QString, field);
        const auto before = as("GET", "/v1/admin/patrol-routes").body;
        auto a = as("PUT", "/v1/admin/patrol-routes/route-bad", Json{{"route", Json::parse(route.toStdString())}});
        QCOMPARE(a.status, 400);
        QCOMPARE(a.body["error"].value("field", std::string()), field.toStdString());
        QCOMPARE(as("GET", "/v1/admin/patrol-routes").body, before);
    }

    // A template's items are edited: the kept ones keep their ids, a new one gets the next; a
    // tablet gets the template.
    void anInspectionTemplateIsWrittenEditedAndReachesTheTablet() {
        const Json scale = Json::array({{{"id", "ok"}, {"label", "合格"}, {"pass", true}},
                                        {{"id", "fail"}, {"label", "不合格"}, {"pass", false}}});
        const Json tmpl{{"name", "电梯机房检查 Lift machine room"}, {"kind", "custom"}, {"subject", "area"},
                        {"community_id", "cm-sunshine"}, {"scale", scale},
                        {"items", {{{"title", "门锁完好"}}, {{"title", "无积水"}, {"photo_on_fail", true}}}}};
        auto a = as("PUT", "/v1/admin/inspection-templates/t-lift", Json{{"template", tmpl}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        QCOMPARE(a.body["template"]["items"][0].value("id", std::string()), std::string("t-lift-1"));
        QCOMPARE(a.body["template"]["items"][1].value("id", std::string()), std::string("t-lift-2"));
        QCOMPARE(a.body["template"]["items"][1].value("photo_on_fail", false), true);
        // The lock item goes, the water item is renamed, a lighting item is added.
        Json edit = a.body["template"];
        edit.erase("type");
        edit["items"] = Json::array({{{"id", "t-lift-2"}, {"title", "地面无积水"}}, {{"title", "照明正常"}}});
        a = as("PUT", "/v1/admin/inspection-templates/t-lift", Json{{"template", edit}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        QCOMPARE(a.body["template"]["items"].size(), std::size_t(2));
        QCOMPARE(a.body["template"]["items"][0].value("id", std::string()), std::string("t-lift-2"));
        QCOMPARE(a.body["template"]["items"][1].value("id", std::string()), std::string("t-lift-3")); // 1 is not reused
        QCOMPARE(pulled(m_tablet->pullAll(), "t-lift")["items"][1].value("title", std::string()), std::string("照明正常"));
        const auto all = as("GET", "/v1/admin/inspection-templates");
        bool listed = false;
        for (const auto& t : all.body["templates"])
            listed = listed || t["id"] == "t-lift";
        QVERIFY2(listed, all.body.dump().substr(0, 400).c_str());
        QCOMPARE(auditLines("admin_template_save").size(), std::size_t(2));
    }

    void aBadInspectionTemplateIsRefused_data() {
        QTest::addColumn<QByteArray>("tmpl");
        QTest::addColumn<QString>("field");
        const QByteArray scale = R"([{"id": "ok", "pass": true}, {"id": "fail", "pass": false}])";
        QTest::newRow("no items") << QByteArray(R"({"name": "x", "kind": "custom", "scale": )" + scale + R"(, "items": []})")
                                  << "items";
        QTest::newRow("an item without a title")
            << QByteArray(R"({"name": "x", "kind": "custom", "scale": )" + scale + R"(, "items": [{"hint": "h"}]})") << "items";
        QTest::newRow("a scale nobody fails")
            << QByteArray(R"({"name": "x", "kind": "custom", "scale": [{"id": "a", "pass": true}, {"id": "b", "pass": true}],
                             "items": [{"title": "t"}]})") << "scale";
        QTest::newRow("an unknown kind")
            << QByteArray(R"({"name": "x", "kind": "magic", "scale": )" + scale + R"(, "items": [{"title": "t"}]})") << "kind";
        QTest::newRow("a grade without an id")
            << QByteArray(R"({"name": "x", "kind": "custom", "scale": [{"id": "", "pass": true}, {"id": "fail", "pass": false}],
                             "items": [{"title": "t"}]})") << "scale";
        QTest::newRow("an unknown community")
            << QByteArray(R"({"name": "x", "kind": "custom", "community_id": "cm-atlantis", "scale": )" + scale +
                          R"(, "items": [{"title": "t"}]})") << "community_id";
        QTest::newRow("no name") << QByteArray(R"({"kind": "custom", "scale": )" + scale + R"(, "items": [{"title": "t"}]})")
                                 << "name";
    }
    void aBadInspectionTemplateIsRefused() {
        QFETCH(QByteArray, tmpl);
        QFETCH(QString, field);
        const auto before = as("GET", "/v1/admin/inspection-templates").body;
        auto a = as("PUT", "/v1/admin/inspection-templates/t-bad", Json{{"template", Json::parse(tmpl.toStdString())}});
        QCOMPARE(a.status, 400);
        QCOMPARE(a.body["error"].value("field", std::string()), field.toStdString());
        QCOMPARE(as("GET", "/v1/admin/inspection-templates").body, before);
    }

    void aNoticeIsPublishedToEveryCommunityChangedAndWithdrawn() {
        const auto places = as("GET", "/v1/admin/communities").body["communities"];
        QVERIFY(places.size() >= 2);
        auto kiosk = enrolDevice(m_server, "kiosk", {"cm-sunshine"});
        QVERIFY(kiosk);
        const Json notice{{"company_wide", true},
                          {"kind", "water_cut"},
                          {"title", "停水通知 Water off"},
                          {"body", "12月8日9:00-15:00 二次供水水箱清洗"},
                          {"valid_from", "2026-01-01T00:00:00Z"},
                          {"valid_until", "2036-01-01T00:00:00Z"},
                          {"urgent", true}};
        auto a = as("POST", "/v1/admin/notices", Json{{"notice", notice}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        QCOMPARE(a.body["notices"].size(), places.size()); // one per community
        std::string sunshine;
        for (const auto& n : a.body["notices"]) {
            QCOMPARE(n.value("state", std::string()), std::string("published"));
            QCOMPARE(n.value("created_by", std::string()), kAdmin);
            QCOMPARE(n.value("origin_device", std::string()), m_admin->deviceId());
            if (n.value("community_id", std::string()) == "cm-sunshine")
                sunshine = n.value("id", std::string());
        }
        QVERIFY(!sunshine.empty());
        // The kiosk of Sunshine Garden receives its community's notice and no other.
        Json kioskPull = kiosk->pullAll();
        int notices = 0;
        for (const auto& c : kioskPull)
            if (c.contains("record") && c["record"].value("type", std::string()) == "notice" &&
                c["record"].value("created_by", std::string()) == kAdmin)
                ++notices;
        QCOMPARE(notices, 1);
        QCOMPARE(pulled(kioskPull, sunshine).value("title", std::string()), std::string("停水通知 Water off"));
        // The tablet has it with its history: the administrator, on the admin device.
        Json tabletPull = m_tablet->pullAll();
        Json history;
        for (const auto& c : tabletPull)
            if (c.value("id", std::string()) == sunshine)
                history = c.value("history", Json::array());
        QVERIFY2(history.size() == 1, tabletPull.dump().substr(0, 600).c_str());
        QCOMPARE(history[0].value("by", std::string()), kAdmin);
        QCOMPARE(history[0].value("kind", std::string()), std::string("create"));
        QVERIFY(history[0].value("op", std::string()).rfind(m_admin->deviceId() + ":admin-", 0) == 0);

        a = as("PATCH", "/v1/admin/notices/" + sunshine, Json{{"notice", {{"title", "停水通知（延长）"}}}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        QCOMPARE(pulled(kiosk->pullAll(), sunshine).value("title", std::string()), std::string("停水通知（延长）"));
        QCOMPARE(as("POST", "/v1/admin/notices/" + sunshine + "/withdraw", Json::object()).status, 400); // no reason
        a = as("POST", "/v1/admin/notices/" + sunshine + "/withdraw", Json{{"reason", "水箱清洗改期"}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        QCOMPARE(pulled(kiosk->pullAll(), sunshine).value("state", std::string()), std::string("withdrawn"));
        // A withdrawn notice changes no more; an unknown one is not there.
        a = as("PATCH", "/v1/admin/notices/" + sunshine, Json{{"notice", {{"title", "x"}}}});
        QCOMPARE(a.status, 409);
        QCOMPARE(as("POST", "/v1/admin/notices/nt-none/withdraw", Json{{"reason", "r"}}).status, 404);
        QCOMPARE(auditLines("admin_notice_publish").size(), places.size());
        QCOMPARE(auditLines("admin_notice_change").size(), std::size_t(1));
        QCOMPARE(auditLines("admin_notice_withdraw").size(), std::size_t(1));
        bool listed = false;
        const auto all = as("GET", "/v1/admin/notices");
        for (const auto& n : all.body["notices"])
            listed = listed || (n["id"] == sunshine && n["state"] == "withdrawn");
        QVERIFY2(listed, (std::to_string(all.status) + " " + all.body.dump().substr(0, 600)).c_str());

        // A notice that ended half a year ago is not listed unless asked for; it is counted.
        const auto ago = [](int days) {
            return formatInstant(std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()) -
                                 std::chrono::hours(24) * days);
        };
        a = as("POST", "/v1/admin/notices",
               Json{{"notice", {{"community_ids", Json::array({"cm-sunshine"})}, {"kind", "activity"}, {"title", "春节联欢 Spring party"},
                                {"body", "b"}, {"valid_from", ago(200)}, {"valid_until", ago(180)}}}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        const std::string old = a.body["notices"][0]["id"].get<std::string>();
        const auto has = [&](const Json& list, const std::string& id) {
            for (const auto& n : list)
                if (n["id"] == id)
                    return true;
            return false;
        };
        const auto recent = as("GET", "/v1/admin/notices");
        QVERIFY(has(recent.body["notices"], sunshine));
        QVERIFY(!has(recent.body["notices"], old));
        QVERIFY(recent.body["older"].get<int>() >= 1);
        const auto since = parseInstant(recent.body["ended_since"].get<std::string>());
        QVERIFY(since && std::abs(std::chrono::duration_cast<std::chrono::hours>(std::chrono::system_clock::now() - *since).count() - 90 * 24) <= 1);
        const auto everything = as("GET", "/v1/admin/notices?ended_since=2000-01-01T00:00:00Z");
        QVERIFY(has(everything.body["notices"], old));
        QCOMPARE(everything.body["older"].get<int>(), 0);
        QCOMPARE(everything.body["notices"].size(), recent.body["notices"].size() + recent.body["older"].get<std::size_t>());
        a = as("GET", "/v1/admin/notices?ended_since=last%20spring");
        QCOMPARE(a.status, 400);
        QCOMPARE(a.body["error"].value("field", std::string()), std::string("ended_since"));
    }

    void aBadNoticeIsRefused_data() {
        QTest::addColumn<QByteArray>("notice");
        QTest::addColumn<QString>("field");
        const QByteArray rest = R"("kind": "activity", "title": "t", "body": "b", "valid_from": "2026-01-01T00:00:00Z",
                                   "valid_until": "2026-02-01T00:00:00Z")";
        QTest::newRow("no community") << QByteArray("{" + rest + "}") << "community_ids";
        QTest::newRow("communities and company-wide")
            << QByteArray(R"({"community_ids": ["cm-sunshine"], "company_wide": true, )" + rest + "}") << "community_ids";
        QTest::newRow("an unknown community")
            << QByteArray(R"({"community_ids": ["cm-sunshine", "cm-atlantis"], )" + rest + "}") << "community_ids";
        QTest::newRow("no title")
            << QByteArray(R"({"community_ids": ["cm-sunshine"], "kind": "activity", "title": " ", "body": "b",
                             "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2026-02-01T00:00:00Z"})") << "title";
        QTest::newRow("ends before it starts")
            << QByteArray(R"({"community_ids": ["cm-sunshine"], "kind": "activity", "title": "t", "body": "b",
                             "valid_from": "2026-03-01T00:00:00Z", "valid_until": "2026-02-01T00:00:00Z"})") << "valid_until";
        QTest::newRow("pest control, nowhere")
            << QByteArray(R"({"community_ids": ["cm-sunshine"], "kind": "pest_control", "title": "t", "body": "b",
                             "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2026-02-01T00:00:00Z"})") << "location";
        QTest::newRow("an unknown kind")
            << QByteArray(R"({"community_ids": ["cm-sunshine"], "kind": "magic", "title": "t", "body": "b",
                             "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2026-02-01T00:00:00Z"})") << "kind";
        QTest::newRow("a field notices lack") << QByteArray(R"({"community_ids": ["cm-sunshine"], "colour": "red", )" + rest + "}")
                                             << "colour";
    }
    void aBadNoticeIsRefused() {
        QFETCH(QByteArray, notice);
        QFETCH(QString, field);
        // Every notice, ended or not (the default list's beginning moves with the clock).
        const std::string all = "/v1/admin/notices?ended_since=2000-01-01T00:00:00Z";
        const auto before = as("GET", all).body;
        auto a = as("POST", "/v1/admin/notices", Json{{"notice", Json::parse(notice.toStdString())}});
        QVERIFY2(a.status == 400, a.body.dump().c_str());
        QCOMPARE(a.body["error"].value("field", std::string()), field.toStdString());
        QCOMPARE(as("GET", all).body, before);
    }

    void anOfficeAndADepartmentAreAddedAndRenamed() {
        auto a = as("PUT", "/v1/admin/offices/of-east", Json{{"office", {{"name", "城东管理处"}}}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        a = as("PUT", "/v1/admin/departments/d-garden",
               Json{{"department", {{"name", "绿化部"}, {"kind", "landscaping"}, {"office_id", "of-east"}}}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        QCOMPARE(pulled(m_tablet->pullAll(), "d-garden").value("office_id", std::string()), std::string("of-east"));
        a = as("PUT", "/v1/admin/departments/d-garden", Json{{"department", {{"name", "园林绿化部"}, {"kind", "landscaping"}}}});
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        const Json record = pulled(m_tablet->pullAll(), "d-garden");
        QCOMPARE(record.value("name", std::string()), std::string("园林绿化部"));
        QVERIFY(record.value("office_id", std::string()).empty()); // now a company-level department
        const auto places = as("GET", "/v1/admin/communities").body;
        bool office = false, department = false;
        for (const auto& o : places["offices"])
            office = office || (o["id"] == "of-east" && o["name"] == "城东管理处");
        for (const auto& d : places["departments"])
            department = department || d["id"] == "d-garden";
        QVERIFY(office && department);
        QCOMPARE(auditLines("admin_office_save").size(), std::size_t(1));
        QCOMPARE(auditLines("admin_department_save").size(), std::size_t(2));
    }

    void aBadOfficeOrDepartmentIsRefused_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("an office without a name") << "/v1/admin/offices/of-x" << QByteArray(R"({"office": {"name": ""}})") << 400 << "name";
        QTest::newRow("a department of an unknown kind")
            << "/v1/admin/departments/d-x" << QByteArray(R"({"department": {"name": "x", "kind": "magic"}})") << 400 << "kind";
        QTest::newRow("a department of an unknown office")
            << "/v1/admin/departments/d-x"
            << QByteArray(R"({"department": {"name": "x", "kind": "security", "office_id": "of-atlantis"}})") << 400 << "office_id";
        QTest::newRow("a department under a community's id")
            << "/v1/admin/departments/cm-sunshine" << QByteArray(R"({"department": {"name": "x", "kind": "security"}})") << 409
            << "id";
        QTest::newRow("an id with a space") << "/v1/admin/offices/of%20x" << QByteArray(R"({"office": {"name": "x"}})") << 400 << "id";
    }
    void aBadOfficeOrDepartmentIsRefused() {
        QFETCH(QString, target);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const auto before = as("GET", "/v1/admin/communities").body;
        auto a = as("PUT", target.toStdString(), Json::parse(body.toStdString()));
        QVERIFY2(a.status == status, a.body.dump().c_str());
        QCOMPARE(a.body["error"].value("field", std::string()), field.toStdString());
        QCOMPARE(as("GET", "/v1/admin/communities").body, before);
    }

    void aCommunityItsBuildingsAndItsUnits() {
        auto c = as("POST", "/v1/admin/communities",
                    Json{{"community", {{"id", "cm-harbour"}, {"office_id", "o-east"}, {"name", "港湾小区 Harbour"}}}});
        QCOMPARE(c.status, 200);
        auto unknownOffice = as("POST", "/v1/admin/communities",
                                Json{{"community", {{"id", "cm-x"}, {"office_id", "o-west"}, {"name", "X"}}}});
        QCOMPARE(unknownOffice.body["error"].value("field", std::string()), std::string("office_id"));
        auto badZone = as("POST", "/v1/admin/communities",
                          Json{{"community", {{"id", "cm-y"}, {"office_id", "o-east"}, {"name", "Y"},
                                              {"time_zone", "Mars/Olympus"}}}});
        QCOMPARE(badZone.body["error"].value("field", std::string()), std::string("time_zone"));
        QCOMPARE(as("POST", "/v1/admin/communities/cm-harbour/buildings", Json{{"building", {{"name", "1栋"}}}}).status,
                 200);
        auto twice = as("POST", "/v1/admin/communities/cm-harbour/buildings", Json{{"building", {{"name", "1栋"}}}});
        QCOMPARE(twice.body["error"].value("field", std::string()), std::string("name"));
        // The listing holds the new community and building, and the departments a staff form picks from.
        const auto listing = as("GET", "/v1/admin/communities").body;
        const auto has = [&](const char* list, const std::string& key, const std::string& value) {
            for (const auto& r : listing[list])
                if (r.value(key, std::string()) == value)
                    return true;
            return false;
        };
        QVERIFY(has("communities", "id", "cm-harbour"));
        QVERIFY(has("buildings", "name", "1栋"));
        QVERIFY(has("departments", "id", "d-cs"));

        auto roster = [&](const std::string& csv, const std::string& community = "cm-harbour") {
            return m_admin->sendAs(kAdmin, "POST", "/v1/admin/communities/" + community + "/units", csv, "text/csv");
        };
        auto first = roster("楼栋,房号,楼层,业主,电话,入住\n1栋,1-101,1,张三,13800000001,是\n1栋,1-102,1,,,否\n");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body.value("created", -1), 2);
        // A unit in a building the community does not have: the whole roster refused.
        auto unknown = roster("building,unit\n1栋,1-201\n9栋,9-101\n");
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.body["error"].value("field", std::string()), std::string("building"));
        QVERIFY(unknown.body["error"].value("message", std::string()).find("line 3") != std::string::npos);
        auto again = roster("building,unit\n1栋,1-201\n1栋,1-101\n");
        QCOMPARE(again.body.value("created", -1), 1); // 1-201 was not written by the refused roster
        QCOMPARE(again.body.value("updated", -1) + again.body.value("unchanged", -1), 1);
        // The listing counts the community's units (not listing them).
        const auto counts = as("GET", "/v1/admin/communities").body["unit_counts"].value("cm-harbour", Json());
        QCOMPARE(counts.value("units", -1), 3);
        QVERIFY(counts.value("occupied", -1) >= 1 && counts.value("occupied", -1) <= 3);
        QCOMPARE(roster("building,unit\n1栋,1-101\n", "cm-atlantis").status, 404);
        auto badFloor = roster("building,unit,floor\n1栋,1-301,three\n");
        QCOMPARE(badFloor.body["error"].value("field", std::string()), std::string("floor"));
        QCOMPARE(first.body.value("encoding", std::string()), std::string("utf-8"));
        // Saved by a spreadsheet on a Chinese Windows: GBK. "楼栋,房号,业主" and "1栋,1-401,张三";
        // the building is found by its name, so the name was read right.
        auto gbk = roster("\xc2\xa5\xb6\xb0,\xb7\xbf\xba\xc5,\xd2\xb5\xd6\xf7\n1\xb6\xb0,1-401,\xd5\xc5\xc8\xfd\n");
        QVERIFY2(gbk.status == 200, gbk.body.dump().c_str());
        QCOMPARE(gbk.body.value("created", -1), 1);
        QCOMPARE(gbk.body.value("encoding", std::string()), std::string("gb18030"));
        // Neither UTF-8 nor GBK: refused, nothing written.
        auto neither = roster("building,unit\n1\xff\xfe,1-402\n");
        QCOMPARE(neither.status, 400);
        QCOMPARE(neither.body["error"].value("field", std::string()), std::string("units"));
        QVERIFY2(neither.body["error"].value("message", std::string()).find("CSV UTF-8") != std::string::npos,
                 neither.body.dump().c_str());
        auto nul = roster(std::string("building,unit\n1栋,1-4\0" "03\n", 26));
        QCOMPARE(nul.status, 400);
        QVERIFY2(nul.body["error"].value("message", std::string()).find("NUL") != std::string::npos, nul.body.dump().c_str());
        QCOMPARE(as("GET", "/v1/admin/communities").body["unit_counts"]["cm-harbour"].value("units", -1), 4);
        const auto imports = auditLines("admin_units_import");
        QCOMPARE(imports.size(), std::size_t(3));
    }

    void anEnrolmentCodeEnrolsOneDeviceOnce() {
        auto made = as("POST", "/v1/admin/enrolment-codes",
                       Json{{"enrolment", {{"name", "Tablet 7"}, {"role", "staff"}, {"community_ids", {"cm-jadelake"}}}}});
        QVERIFY2(made.status == 200, made.body.dump().c_str());
        const std::string code = made.body.value("code", std::string());
        QCOMPARE(code.size(), std::size_t(19));
        QVERIFY(made.body["expires_at"].is_string());
        auto enrol = [&](const std::string& typed) {
            const RawAnswer raw = exchange(m_server.port(), httpRequest("POST", "/v1/enrol",
                                                                        {{"X-Courtyard-Schema", "2"},
                                                                         {"Content-Type", "application/json"}},
                                                                        Json{{"schema", 2}, {"code", typed}}.dump()));
            JsonAnswer a;
            a.status = raw.status;
            a.body = Json::parse(raw.body, nullptr, false);
            return a;
        };
        // Typed in lower case without dashes, as someone reading it off a screen might.
        std::string typed;
        for (char c : code)
            if (c != '-')
                typed.push_back(char(std::tolower(static_cast<unsigned char>(c))));
        auto first = enrol(typed);
        QVERIFY2(first.status == 200, first.body.dump().c_str());
        SignedDevice tablet(m_server.port(), first.body.value("token", std::string()));
        auto who = tablet.get("/v1/whoami");
        QCOMPARE(who.status, 200);
        QCOMPARE(who.body.value("name", std::string()), std::string("Tablet 7"));
        QCOMPARE(who.body["community_ids"], Json::array({"cm-jadelake"}));
        QCOMPARE(tablet.signIn("1006", demoPin(std::string("1006"))).status, 200);

        auto second = enrol(code);
        QCOMPARE(second.status, 401);
        QCOMPARE(second.errorReason(), std::string("enrolment_code_used"));
        QCOMPARE(enrol("AAAA-BBBB-CCCC-DDDD").errorReason(), std::string("enrolment_code_unknown"));
        // A tablet or supervisor cannot make codes; and the code is never in the audit.
        QCOMPARE(m_tablet->sendAs("s-1001", "POST", "/v1/admin/enrolment-codes",
                                  withSchema(Json{{"enrolment", {{"name", "x"}, {"role", "admin"},
                                                                 {"community_ids", Json::array({"cm-sunshine"})}}}})
                                      .dump())
                     .status,
                 403);
        const auto made1 = auditLines("admin_enrolment_code");
        QCOMPARE(made1.size(), std::size_t(1));
        QVERIFY(made1[0].dump().find(code) == std::string::npos);
        const auto used = auditLines("device_enrol");
        QCOMPARE(used.size(), std::size_t(1));
        QCOMPARE(used[0].value("device", std::string()), first.body.value("device_id", std::string()));
    }

    void unknownPathsAndMethods() {
        QCOMPARE(as("GET", "/v1/admin/teleporters").status, 404);
        QCOMPARE(as("DELETE", "/v1/admin/staff").status, 405);
        QCOMPARE(m_tablet->sendAs("s-1001", "GET", "/v1/admin/teleporters").status, 403);
    }

    void cleanupTestCase() { m_server.terminate(); }
};

QTEST_GUILESS_MAIN(AdminApiTest)
#include "admin_api_test.moc"
