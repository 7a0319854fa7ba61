// The admin console's Communities page offscreen against the real server on 127.0.0.1 (the demo
// company): the table lists the server's communities with their counts, sorts and filters; a
// community added through the page, a building added to it and its unit roster imported (read
// from a CSV file, then pasted) are the server's, and a staff tablet of that community synced
// afterwards has its units. A roster naming a building the community lacks is refused beside the
// import and the server's units are unchanged; a community id already used is refused beside the
// id field and nothing is added.

#include "client/community_admin.h"
#include "admin_console.h"
#include "page_helpers.h"
#include "support/signed_device.h"

#include <QTemporaryDir>

using namespace courtyard;
using namespace courtyard::test;

class AdminCommunitiesPageTest : public QObject {
    Q_OBJECT
    AdminConsole m_admin; // the server, the console and its window, a second admin device
    client::CommunityAdmin* m_controller = nullptr;

    Json serverPlaces() {
        const auto a = m_admin.check->getAs("s-9001", "/v1/admin/communities");
        if (a.status != 200)
            qWarning("GET /v1/admin/communities: %d %s", a.status, a.body.dump().c_str());
        return a.status == 200 ? a.body : Json();
    }
    Json serverCommunity(const std::string& id) {
        for (const auto& c : serverPlaces().value("communities", Json::array()))
            if (c.value("id", std::string()) == id)
                return c;
        return {};
    }
    Json serverUnitCounts(const std::string& id) {
        return serverPlaces().value("unit_counts", Json::object()).value(id, Json::object());
    }
    void saveShot(const QString& name) { test::saveShot(m_admin.window, name); }

private slots:
    void initTestCase() {
        m_admin.start({1280, 2400});
        if (QTest::currentTestFailed())
            return;
        openSection(m_admin.window, "communities", "communitiesPage", m_controller);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "communityRow-cm-sunshine"); }, 30000));
    }

    void cleanupTestCase() { m_admin.stop(); }

    // The table is the server's list, with its counts; it sorts and filters.
    void theTableListsSortsAndFilters() {
        const Json places = serverPlaces();
        QCOMPARE(m_controller->total(), int(places["communities"].size()));
        QVERIFY(m_controller->total() >= 2);
        int sunshineBuildings = 0;
        for (const auto& b : places["buildings"])
            if (b.value("community_id", std::string()) == "cm-sunshine")
                ++sunshineBuildings;
        const auto sunshine = m_controller->find("cm-sunshine");
        QCOMPARE(sunshine.buildings, sunshineBuildings);
        QCOMPARE(sunshine.units, places["unit_counts"]["cm-sunshine"].value("units", -1));
        QCOMPARE(sunshine.occupied, places["unit_counts"]["cm-sunshine"].value("occupied", -1));
        QVERIFY(sunshine.units > 0);
        QVERIFY(!sunshine.officeName.isEmpty() && sunshine.officeName != sunshine.officeId);

        QVERIFY(press(m_admin.window, "sort-units"));
        auto rows = m_controller->shown();
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].units <= rows[i].units);
        QVERIFY(press(m_admin.window, "sort-units")); // again: the other way round
        rows = m_controller->shown();
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].units >= rows[i].units);
        QVERIFY(press(m_admin.window, "sort-name"));

        QVERIFY(setText(m_admin.window, "communityFilter", "jade"));
        QCOMPARE(m_controller->shown().size(), qsizetype(1));
        QCOMPARE(m_controller->shown().first().communityId, QString("cm-jadelake"));
        QVERIFY(findNamed(m_admin.window->contentItem(), "communityRow-cm-sunshine") == nullptr);
        QVERIFY(setText(m_admin.window, "communityFilter", ""));
        QCOMPARE(int(m_controller->shown().size()), m_controller->total());
    }

    // A community, its buildings and its roster, all through the page; the server has them.
    void aCommunityItsBuildingsAndUnitsAddedThroughThePage() {
        QVERIFY(press(m_admin.window, "addCommunity"));
        QVERIFY(setText(m_admin.window, "newCommunityId", "cm-harbour"));
        QVERIFY(setText(m_admin.window, "newCommunityName", "Harbour View"));
        QCOMPARE(textOf(m_admin.window, "newCommunityZone"), QString("Asia/Shanghai"));
        QVERIFY(press(m_admin.window, "createCommunity"));
        QVERIFY2(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "communityRow-cm-harbour"); }, 30000),
                 qPrintable(m_controller->error()));
        QCOMPARE(m_controller->selectedId(), QString("cm-harbour")); // the new one is chosen
        QVERIFY(findNamed(m_admin.window->contentItem(), "createCard") == nullptr);
        const Json created = serverCommunity("cm-harbour");
        QCOMPARE(created.value("name", std::string()), std::string("Harbour View"));
        QCOMPARE(created.value("time_zone", std::string()), std::string("Asia/Shanghai"));
        QCOMPARE(created.value("calendar_id", std::string()), std::string("cn-mainland"));
        QCOMPARE(QString::fromStdString(created.value("office_id", std::string())), m_controller->find("cm-sunshine").officeId);

        for (const QString& name : {QString("1栋"), QString("2栋")}) {
            QVERIFY(setText(m_admin.window, "newBuildingName", name));
            QVERIFY(press(m_admin.window, "addBuilding"));
            QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "building-" + name); }, 30000));
        }
        QCOMPARE(m_controller->find("cm-harbour").buildings, 2);
        int buildings = 0;
        const Json places = serverPlaces();
        for (const auto& b : places["buildings"])
            if (b.value("community_id", std::string()) == "cm-harbour")
                ++buildings;
        QCOMPARE(buildings, 2);

        // The roster from a file (what the file dialog hands the page), with a spreadsheet's BOM.
        QTemporaryDir dir;
        const QString file = dir.filePath("harbour.csv");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xEF\xBB\xBF");
            f.write(QString("楼栋,房号,楼层,业主,电话,入住\n1栋,1-101,1,张三,13800000001,是\n1栋,1-102,1,,,否\n"
                            "2栋,2-101,1,李四,13800000002,是\n")
                        .toUtf8());
        }
        const QString csv = m_controller->readFile(QUrl::fromLocalFile(file));
        QVERIFY(csv.startsWith(QString("楼栋,")));
        // The same roster saved as GBK (a spreadsheet on a Chinese Windows) reads the same; a
        // file that is neither is refused with a word on what to do.
        {
            const QString gbk = dir.filePath("harbour-gbk.csv");
            QFile f(gbk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // "楼栋,房号,业主\n1栋,1-101,张三\n"
            f.write("\xc2\xa5\xb6\xb0,\xb7\xbf\xba\xc5,\xd2\xb5\xd6\xf7\n1\xb6\xb0,1-101,\xd5\xc5\xc8\xfd\n");
            f.close();
            QCOMPARE(m_controller->readFile(QUrl::fromLocalFile(gbk)), QString("楼栋,房号,业主\n1栋,1-101,张三\n"));
            const QString neither = dir.filePath("neither.csv");
            QFile g(neither);
            QVERIFY(g.open(QIODevice::WriteOnly));
            g.write("building,unit\n1\xff\xfe,1-101\n");
            g.close();
            QVERIFY(m_controller->readFile(QUrl::fromLocalFile(neither)).isEmpty());
            QVERIFY2(m_controller->error().contains("CSV UTF-8"), qPrintable(m_controller->error()));
        }
        QVERIFY(setText(m_admin.window, "csvText", csv));
        QVERIFY(press(m_admin.window, "importUnits"));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(m_admin.window, "importResult").isEmpty(); }, 30000));
        QVERIFY2(textOf(m_admin.window, "importResult").contains("3 units added, 0 changed, 0 unchanged"),
                 qPrintable(textOf(m_admin.window, "importResult")));
        QCOMPARE(serverUnitCounts("cm-harbour"), (Json{{"units", 3}, {"occupied", 2}}));
        QVERIFY(QTest::qWaitFor([&] { return m_controller->find("cm-harbour").units == 3; }, 30000));
        QCOMPARE(m_controller->find("cm-harbour").occupied, 2);
        QVERIFY(textOf(m_admin.window, "communityCounts").contains("3 units"));

        // Pasted: 1-102 now occupied, 1-101 as it was.
        QVERIFY(setText(m_admin.window, "csvText", "building,unit,floor,owner,phone,occupied\n1栋,1-101,1,张三,13800000001,是\n"
                                             "1栋,1-102,1,,,是\n"));
        QVERIFY(press(m_admin.window, "importUnits"));
        QVERIFY(QTest::qWaitFor([&] { return m_controller->importUpdated() == 1; }, 30000));
        QCOMPARE(m_controller->importCreated(), 0);
        QCOMPARE(m_controller->importUnchanged(), 1);
        QVERIFY(QTest::qWaitFor([&] { return m_controller->find("cm-harbour").occupied == 3; }, 30000));
        QCOMPARE(serverUnitCounts("cm-harbour"), (Json{{"units", 3}, {"occupied", 3}}));
        saveShot("communities-imported");
    }

    // A unit in a building the community lacks: refused beside the import, nothing stored.
    void aRosterWithAnUnknownBuildingIsRefusedBesideTheImport() {
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "communityRow-cm-harbour"); }, 30000));
        QVERIFY(press(m_admin.window, "communityRow-cm-harbour"));
        const Json before = serverUnitCounts("cm-harbour");
        QCOMPARE(before.value("units", -1), 3);
        QVERIFY(setText(m_admin.window, "csvText", "building,unit,occupied\n1栋,1-201,是\n9栋,9-101,是\n"));
        QVERIFY(press(m_admin.window, "importUnits"));
        QString message;
        QVERIFY(QTest::qWaitFor([&] { return !(message = textOf(m_admin.window, "importError")).isEmpty(); }, 30000));
        QVERIFY2(message.contains("9栋") && message.contains("line 3"), qPrintable(message));
        QCOMPARE(m_controller->errorField(), QString("building"));
        QVERIFY(findNamed(m_admin.window->contentItem(), "communitiesError") == nullptr); // beside the import only
        QVERIFY(findNamed(m_admin.window->contentItem(), "importResult") == nullptr);
        QCOMPARE(textOf(m_admin.window, "csvText"), QString("building,unit,occupied\n1栋,1-201,是\n9栋,9-101,是\n"));
        saveShot("communities-import-refused");
        QCOMPARE(serverUnitCounts("cm-harbour"), before); // 1-201 not stored either
        QCOMPARE(m_controller->find("cm-harbour").units, 3);
    }

    // An id already used: refused beside the id field, nothing added.
    void aDuplicateCommunityIdIsRefusedBesideTheIdField() {
        const auto before = serverPlaces()["communities"];
        QVERIFY(press(m_admin.window, "addCommunity"));
        QVERIFY(setText(m_admin.window, "newCommunityId", "cm-sunshine"));
        QVERIFY(setText(m_admin.window, "newCommunityName", "Sunshine Again"));
        QVERIFY(press(m_admin.window, "createCommunity"));
        QString message;
        QVERIFY(QTest::qWaitFor([&] { return !(message = textOf(m_admin.window, "fieldError-id")).isEmpty(); }, 30000));
        QVERIFY2(message.contains("cm-sunshine") && message.contains("already"), qPrintable(message));
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-name") == nullptr);
        QVERIFY(findNamed(m_admin.window->contentItem(), "communitiesError") == nullptr);
        QVERIFY(findNamed(m_admin.window->contentItem(), "importError") == nullptr); // not the import's
        QVERIFY(findNamed(m_admin.window->contentItem(), "createCard")); // still open to correct
        saveShot("communities-duplicate");
        QCOMPARE(serverPlaces()["communities"], before);
        QCOMPARE(serverCommunity("cm-sunshine").value("name", std::string()) == "Sunshine Again", false);
    }

    // A staff tablet of the new community, synced afterwards, has its units.
    void aTabletOfTheNewCommunityHasItsUnits() {
        const auto previous = client::exposedToQml(); // the console's window keeps its singletons
        const auto enrolled = m_admin.server.addDevice("staff", {"cm-harbour"}, "harbour tablet");
        QVERIFY(!enrolled.token.isEmpty());
        ClientDevice tablet(false, m_admin.server.url(), enrolled.token);
        client::exposeToQml(previous);
        QVERIFY(tablet.syncNow());
        store::RecordQuery q;
        q.types = {"unit"};
        q.communityIds = {"cm-harbour"};
        auto units = tablet.app->store().query(q);
        QVERIFY(bool(units));
        QStringList numbers;
        int occupied = 0;
        for (const auto& u : *units) {
            numbers << QString::fromStdString(u.body.value("number", std::string()));
            occupied += u.body.value("occupied", false) ? 1 : 0;
        }
        numbers.sort();
        QCOMPARE(numbers, (QStringList{"1-101", "1-102", "2-101"}));
        QCOMPARE(occupied, 3);
    }
};

QTEST_MAIN(AdminCommunitiesPageTest)
#include "admin_communities_page_test.moc"
