// The admin console's Patrol routes page offscreen against the real server on 127.0.0.1 (the demo
// company): the table lists the server's routes with their schedules; a route drawn on the page —
// two checkpoints typed in, a schedule, the security department — is the server's and reaches a
// guard's tablet; reordering and renaming its checkpoints keeps their QR codes; its QR sheet
// prints to PDF with one code per checkpoint; a time of day that is none is refused beside the
// schedule and the server's route is unchanged.

#include "client/route_admin.h"
#include "admin_console.h"
#include "page_helpers.h"
#include "support/signed_device.h"

#include <QFile>
#include <QTemporaryDir>

using namespace courtyard;
using namespace courtyard::test;

class AdminRoutesPageTest : public QObject {
    Q_OBJECT
    AdminConsole m_admin; // the server, the console and its window, a second admin device
    client::RouteAdmin* m_controller = nullptr;

    Json serverRoute(const std::string& id) {
        const auto a = m_admin.check->getAs("s-9001", "/v1/admin/patrol-routes");
        if (a.status != 200)
            qWarning("GET /v1/admin/patrol-routes: %d %s", a.status, a.body.dump().c_str());
        for (const auto& r : a.body.value("routes", Json::array()))
            if (r.value("id", std::string()) == id)
                return r;
        return {};
    }
    // Types into a field as a person does (the page listens for edits, not for any change).
    bool type(const QString& objectName, const QString& text) {
        auto* item = findNamed(m_admin.window->contentItem(), objectName);
        return item && item->setProperty("text", text) && QMetaObject::invokeMethod(item, "textEdited");
    }
    void saveShot(const QString& name) { test::saveShot(m_admin.window, name); }

private slots:
    void initTestCase() {
        m_admin.start({1280, 2400});
        if (QTest::currentTestFailed())
            return;
        openSection(m_admin.window, "routes", "routesPage", m_controller);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "routeRow-route-sunshine"); }, 30000));
    }

    void cleanupTestCase() { m_admin.stop(); }

    // The table is the server's list: the demo's night patrol with its times of day.
    void theTableListsTheServersRoutes() {
        const Json sunshine = serverRoute("route-sunshine");
        QVERIFY(!sunshine.is_null());
        const auto row = m_controller->find("route-sunshine");
        QCOMPARE(row.name, QString::fromStdString(sunshine.value("name", std::string())));
        QCOMPARE(row.checkpoints, int(sunshine["checkpoints"].size()));
        QStringList times;
        for (const auto& t : sunshine["schedule"]["times"])
            times << QString::fromStdString(t.get<std::string>());
        QCOMPARE(row.times, times.join(", "));
        QVERIFY(!row.departmentName.isEmpty() && row.departmentName != row.departmentId);
    }

    // Drawn on the page, saved, on the server and on a guard's tablet; edited, codes kept; printed.
    void aRouteDrawnOnThePageReachesTheTabletAndKeepsItsCodes() {
        QVERIFY(press(m_admin.window, "addRoute"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "checkpointName-0"); }, 5000));
        QVERIFY(setText(m_admin.window, "routeId", "route-garage"));
        QVERIFY(setText(m_admin.window, "routeName", "车库巡逻 Garage patrol"));
        QVERIFY(choose(m_admin.window, "routeCommunity", "cm-sunshine"));
        QVERIFY(choose(m_admin.window, "routeDepartment", "d-sec"));
        QVERIFY(setText(m_admin.window, "routeTimes", "23:00，03:00"));
        QVERIFY(setText(m_admin.window, "routeTolerance", "20"));
        QVERIFY(type("checkpointName-0", "B1 入口"));
        QVERIFY(type("checkpointLocation-0", "B1"));
        QVERIFY(press(m_admin.window, "addCheckpoint"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "checkpointName-1"); }, 5000));
        QCOMPARE(textOf(m_admin.window, "checkpointName-0"), QString("B1 入口")); // kept when a row is added
        QCOMPARE(textOf(m_admin.window, "checkpointDue-1"), QString("10"));
        QVERIFY(type("checkpointName-1", "B2 水泵房"));
        QVERIFY(type("checkpointDue-1", "15"));
        QVERIFY(press(m_admin.window, "saveRoute"));
        QVERIFY(QTest::qWaitFor([&] { return !serverRoute("route-garage").is_null(); }, 10000));
        saveShot("admin-routes-saved");

        Json saved = serverRoute("route-garage");
        QCOMPARE(saved.value("name", std::string()), std::string("车库巡逻 Garage patrol"));
        QCOMPARE(saved.value("department_id", std::string()), std::string("d-sec"));
        QCOMPARE(saved["schedule"]["times"], (Json{"23:00", "03:00"}));
        QCOMPARE(saved["schedule"].value("tolerance_minutes", 0), 20);
        QCOMPARE(saved["checkpoints"].size(), std::size_t(2));
        QCOMPARE(saved["checkpoints"][0].value("name", std::string()), std::string("B1 入口"));
        QCOMPARE(saved["checkpoints"][1].value("due_after_minutes", 0), 15);
        const std::string codeEntrance = saved["checkpoints"][0].value("code", std::string());
        const std::string codePump = saved["checkpoints"][1].value("code", std::string());
        QVERIFY(!codeEntrance.empty() && codeEntrance != codePump);
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "routeRow-route-garage"); }, 5000));
        // The page goes on editing the saved route, its checkpoints now with the server's codes.
        QVERIFY(QTest::qWaitFor([&] { return m_controller->editingId() == "route-garage"; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return m_controller->checkpoints().size() == 2 && !m_controller->checkpoints()[0].code.isEmpty(); }, 5000));

        // A guard's tablet at Sunshine gets it at its next sync.
        auto guard = enrolDevice(m_admin.server, "staff", {"cm-sunshine"}, {"1003"});
        QVERIFY(guard);
        bool onTablet = false;
        for (const auto& c : guard->pullAll())
            onTablet = onTablet || (c.value("id", std::string()) == "route-garage" && c["record"]["checkpoints"].size() == 2);
        QVERIFY(onTablet);

        // The pump room is walked first now, and the entrance renamed: both keep their codes.
        QVERIFY(press(m_admin.window, "checkpointUp-1"));
        QVERIFY(QTest::qWaitFor([&] { return textOf(m_admin.window, "checkpointName-0") == "B2 水泵房"; }, 5000));
        QVERIFY(type("checkpointName-1", "B1 入口（东）"));
        QVERIFY(press(m_admin.window, "saveRoute"));
        QVERIFY(QTest::qWaitFor([&] { return serverRoute("route-garage")["checkpoints"][0].value("name", std::string()) == "B2 水泵房"; }, 10000));
        saved = serverRoute("route-garage");
        QCOMPARE(saved["checkpoints"][0].value("code", std::string()), codePump);
        QCOMPARE(saved["checkpoints"][1].value("code", std::string()), codeEntrance);
        QCOMPARE(saved["checkpoints"][1].value("name", std::string()), std::string("B1 入口（东）"));

        // The QR sheet: an A4 PDF with the route's checkpoints.
        QTemporaryDir dir;
        const QString pdf = dir.filePath("route-garage.pdf");
        QVERIFY(QTest::qWaitFor([&] { return m_controller->find("route-garage").checkpoints == 2; }, 5000));
        QVERIFY2(m_controller->printSheet("route-garage", QUrl::fromLocalFile(pdf)), qPrintable(m_controller->error()));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.size() > 2000);
        // A route not saved yet has no sheet: its codes are the server's to make.
        QVERIFY(!m_controller->printSheet("route-nowhere", QUrl::fromLocalFile(dir.filePath("x.pdf"))));
        QVERIFY(!QFile::exists(dir.filePath("x.pdf")));
    }

    // 25:00 is no time of day: the reason stands beside the schedule, and nothing changes.
    void aTimeThatIsNoneIsRefusedBesideTheSchedule() {
        QVERIFY(findNamed(m_admin.window->contentItem(), "routeRow-route-garage"));
        const Json before = serverRoute("route-garage");
        QVERIFY(!before.is_null());
        QVERIFY(QTest::qWaitFor([&] { return !m_controller->busy(); }, 5000)); // the last save's reload
        QVERIFY(setText(m_admin.window, "routeTimes", "23:00, 25:00"));
        QVERIFY(press(m_admin.window, "saveRoute"));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(m_admin.window, "fieldError-schedule").isEmpty(); }, 10000));
        saveShot("admin-routes-refused");
        QVERIFY2(textOf(m_admin.window, "fieldError-schedule").startsWith("schedule.times: '25:00' is not a time of day"),
                 qPrintable(textOf(m_admin.window, "fieldError-schedule")));
        QVERIFY(textOf(m_admin.window, "routesError").isEmpty()); // beside the field, not in the banner
        QCOMPARE(serverRoute("route-garage"), before);
    }
};

QTEST_MAIN(AdminRoutesPageTest)
#include "admin_routes_page_test.moc"
