// The admin console's Notices page and its Offices and departments page, offscreen against the
// real server on 127.0.0.1 (the demo company): a notice written on the page for one community is
// the server's and reaches that community's kiosk and no other's; changed on the page, the kiosk
// shows the change; withdrawn with a reason, the kiosk has it withdrawn; a notice the server
// refuses (pest control without a place, no community chosen) shows the reason beside the
// field and the server has nothing new. An office and a department of it added on the other
// page are the server's and reach a tablet; a department without a name is refused beside it.

#include "client/community_admin.h"
#include "client/notice_admin.h"
#include "admin_console.h"
#include "page_helpers.h"
#include "support/signed_device.h"

using namespace courtyard;
using namespace courtyard::test;

class AdminNoticesPageTest : public QObject {
    Q_OBJECT
    AdminConsole m_admin; // the server, the console and its window, a second admin device
    client::NoticeAdmin* m_notices = nullptr;
    std::string m_noticeId; // the notice the page published

    Json serverList(const std::string& target, const char* key) {
        const auto a = m_admin.check->getAs("s-9001", target);
        if (a.status != 200)
            qWarning("GET %s: %d %s", target.c_str(), a.status, a.body.dump().c_str());
        return a.body.value(key, Json::array());
    }
    Json serverNotice(const std::string& title) {
        for (const auto& n : serverList("/v1/admin/notices", "notices"))
            if (n.value("title", std::string()) == title)
                return n;
        return {};
    }
    Json byId(const Json& list, const std::string& id) {
        for (const auto& e : list)
            if (e.value("id", std::string()) == id)
                return e;
        return {};
    }
    // The record of this id in a device's pull (its last change), or null.
    static Json pulled(const Json& changes, const std::string& id) {
        Json found;
        for (const auto& c : changes)
            if (c.value("id", std::string()) == id && c.contains("record") && c["record"].is_object())
                found = c["record"];
        return found;
    }
    bool setValue(const QString& objectName, const QVariant& value) {
        auto* item = findNamed(m_admin.window->contentItem(), objectName);
        return item && item->setProperty("value", value);
    }
    bool tick(const QString& objectName) {
        auto* box = findNamed(m_admin.window->contentItem(), objectName);
        return box && box->setProperty("checked", true);
    }
    QQuickItem* page(const char* name) { return findNamed(m_admin.window->contentItem(), name); }

private slots:
    void initTestCase() {
        m_admin.start({1280, 2400});
        if (QTest::currentTestFailed())
            return;
        openSection(m_admin.window, "notices", "noticesPage", m_notices);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QTest::qWaitFor([&] { return m_notices->communitiesModel()->count() >= 2 && !m_notices->busy(); }, 30000));
    }

    void cleanupTestCase() { m_admin.stop(); }

    // Written on the page for Sunshine Garden: the server's, on Sunshine's kiosk, not on Jade Lake's.
    void aNoticeWrittenOnThePageReachesItsCommunitysKiosk() {
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "newNotice"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "noticeTitle"); }, 5000));
        QVERIFY(tick("community-cm-sunshine"));
        QVERIFY(page("noticesPage")->setProperty("kind", "water_cut"));
        QVERIFY(setText(m_admin.window, "noticeTitle", "停水通知 Water off on Tuesday"));
        QVERIFY(setText(m_admin.window, "noticeText", "二次供水水箱清洗，9:00–15:00 停水。"));
        QVERIFY(tick("noticeUrgent"));
        const QDateTime until = QDateTime::currentDateTimeUtc().addDays(3);
        QVERIFY(setValue("noticeUntil", until));
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "saveNotice"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return !serverNotice("停水通知 Water off on Tuesday").is_null(); }, 10000));
        test::saveShot(m_admin.window, "admin-notices-published");

        const Json saved = serverNotice("停水通知 Water off on Tuesday");
        m_noticeId = saved.value("id", std::string());
        QCOMPARE(saved.value("community_id", std::string()), std::string("cm-sunshine"));
        QCOMPARE(saved.value("kind", std::string()), std::string("water_cut"));
        QCOMPARE(saved.value("urgent", false), true);
        QCOMPARE(saved.value("created_by", std::string()), std::string("s-9001"));
        QCOMPARE(saved.value("state", std::string()), std::string("published"));
        // Until what the page was given, to the second (the server keeps milliseconds).
        const QDateTime savedUntil = QDateTime::fromString(QString::fromStdString(saved.value("valid_until", std::string())), Qt::ISODateWithMs);
        QVERIFY2(std::abs(savedUntil.secsTo(until)) <= 1, qPrintable(savedUntil.toString(Qt::ISODate)));
        // The page lists it as on show now (the form closed).
        QVERIFY(QTest::qWaitFor([&] { return m_notices->find(QString::fromStdString(m_noticeId)).standing == "showing"; }, 5000));
        QVERIFY(!findNamed(m_admin.window->contentItem(), "noticeForm"));

        auto sunshine = enrolDevice(m_admin.server, "kiosk", {"cm-sunshine"});
        auto jadelake = enrolDevice(m_admin.server, "kiosk", {"cm-jadelake"});
        QVERIFY(sunshine && jadelake);
        QCOMPARE(pulled(sunshine->pullAll(), m_noticeId).value("title", std::string()),
                 std::string("停水通知 Water off on Tuesday"));
        QVERIFY(pulled(jadelake->pullAll(), m_noticeId).is_null());

        // The filters: by words, and by where it stands.
        QVERIFY(setText(m_admin.window, "noticeFilter", "water off"));
        QVERIFY(QTest::qWaitFor([&] { return m_notices->shown().size() == 1; }, 5000));
        m_notices->setStanding("withdrawn");
        QCOMPARE(m_notices->shown().size(), qsizetype(0));
        m_notices->setStanding("");
        QVERIFY(setText(m_admin.window, "noticeFilter", ""));
    }

    // Changed on the page, then withdrawn with a reason: the kiosk follows.
    void aNoticeIsChangedThenWithdrawnOnThePage() {
        QVERIFY(!m_noticeId.empty());
        const QString id = QString::fromStdString(m_noticeId);
        QVERIFY(press(m_admin.window, "change-" + id));
        QVERIFY(QTest::qWaitFor([&] { return textOf(m_admin.window, "noticeTitle") == "停水通知 Water off on Tuesday"; }, 5000));
        QVERIFY(setText(m_admin.window, "noticeTitle", "停水通知（改期）Water off on Wednesday"));
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "saveNotice"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return !serverNotice("停水通知（改期）Water off on Wednesday").is_null(); }, 10000));
        auto kiosk = enrolDevice(m_admin.server, "kiosk", {"cm-sunshine"});
        QVERIFY(kiosk);
        QCOMPARE(pulled(kiosk->pullAll(), m_noticeId).value("title", std::string()),
                 std::string("停水通知（改期）Water off on Wednesday"));

        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "withdraw-" + id); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "withdrawReason"); }, 5000));
        // Without a reason: refused beside the reason, and still on show.
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "confirmWithdraw"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return m_notices->errorField() == "reason"; }, 10000));
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-reason"));
        QCOMPARE(byId(serverList("/v1/admin/notices", "notices"), m_noticeId).value("state", std::string()),
                 std::string("published"));
        QVERIFY(setText(m_admin.window, "withdrawReason", "水箱清洗取消 cleaning called off"));
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "confirmWithdraw"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] {
            return byId(serverList("/v1/admin/notices", "notices"), m_noticeId).value("state", std::string()) == "withdrawn";
        }, 10000));
        QCOMPARE(pulled(kiosk->pullAll(), m_noticeId).value("state", std::string()), std::string("withdrawn"));
        QVERIFY(QTest::qWaitFor([&] { return m_notices->find(id).standing == "withdrawn"; }, 5000));
    }

    // Refused by the server: the reason beside the field, nothing new on the server.
    void aRefusedNoticeShowsTheReasonBesideTheField() {
        const auto before = serverList("/v1/admin/notices", "notices").size();
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "newNotice"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "noticeTitle"); }, 5000));
        QVERIFY(page("noticesPage")->setProperty("kind", "pest_control"));
        QVERIFY(setText(m_admin.window, "noticeTitle", "灭鼠 Rat baiting"));
        QVERIFY(setValue("noticeUntil", QDateTime::currentDateTimeUtc().addDays(7)));
        // No community chosen.
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "saveNotice"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return m_notices->errorField() == "community_ids"; }, 10000));
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-community_ids"));
        // A community, but pest control without the place of the signs.
        QVERIFY(tick("everyCommunity"));
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "saveNotice"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return m_notices->errorField() == "location"; }, 10000));
        QVERIFY(!textOf(m_admin.window, "fieldError-location").isEmpty());
        test::saveShot(m_admin.window, "admin-notices-refused");
        QCOMPARE(serverList("/v1/admin/notices", "notices").size(), before);
        // With the place: one notice for every community.
        QVERIFY(setText(m_admin.window, "noticeWhere", "各楼栋地下室 every basement"));
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "saveNotice"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return serverList("/v1/admin/notices", "notices").size() > before; }, 10000));
        QCOMPARE(serverList("/v1/admin/notices", "notices").size(), before + m_notices->communitiesModel()->count());
    }

    // An office and a department of it, added on the other page: the server's, and on a tablet.
    void anOfficeAndADepartmentAreAddedOnTheirPage() {
        client::CommunityAdmin* places = nullptr;
        openSection(m_admin.window, "organisation", "organisationPage", places);
        QVERIFY(places);
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "departmentRow-d-cs"); }, 30000));
        QVERIFY(setText(m_admin.window, "officeId", "of-east"));
        QVERIFY(setText(m_admin.window, "officeName", "城东管理处 East office"));
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "saveOffice"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return !byId(serverList("/v1/admin/communities", "offices"), "of-east").is_null(); }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "officeRow-of-east"); }, 5000));

        // A department without a name: refused beside the name.
        QVERIFY(setText(m_admin.window, "departmentId", "d-garden"));
        QVERIFY(choose(m_admin.window, "departmentKind", "landscaping"));
        QVERIFY(choose(m_admin.window, "departmentOffice", "of-east"));
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "saveDepartment"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return places->errorField() == "name"; }, 10000));
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-name"));
        QVERIFY(byId(serverList("/v1/admin/communities", "departments"), "d-garden").is_null());

        QVERIFY(setText(m_admin.window, "departmentName", "绿化部 Gardens"));
        QVERIFY(QTest::qWaitFor([&] { return press(m_admin.window, "saveDepartment"); }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return !byId(serverList("/v1/admin/communities", "departments"), "d-garden").is_null(); }, 10000));
        const Json department = byId(serverList("/v1/admin/communities", "departments"), "d-garden");
        QCOMPARE(department.value("kind", std::string()), std::string("landscaping"));
        QCOMPARE(department.value("office_id", std::string()), std::string("of-east"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "departmentRow-d-garden"); }, 5000));
        test::saveShot(m_admin.window, "admin-organisation-saved");

        auto tablet = enrolDevice(m_admin.server, "staff", {"cm-sunshine"}, {"1001"});
        QVERIFY(tablet);
        QCOMPARE(pulled(tablet->pullAll(), "d-garden").value("name", std::string()), std::string("绿化部 Gardens"));
        QCOMPARE(pulled(tablet->pullAll(), "of-east").value("name", std::string()), std::string("城东管理处 East office"));
    }

    // A notice that ended half a year ago is counted but not listed, until asked for; a table
    // longer than 200 rows shows 200, then the rest.
    void oldNoticesAndLongTablesAreShownWhenAsked() {
        const auto ago = [](int days) {
            return formatInstant(std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()) -
                                 std::chrono::hours(24) * days);
        };
        const Json old{{"schema", 2}, {"notice", {{"community_ids", Json::array({"cm-sunshine"})}, {"kind", "activity"}, {"title", "春节联欢 Spring party"},
                                   {"body", "b"}, {"valid_from", ago(200)}, {"valid_until", ago(180)}}}};
        auto a = m_admin.check->sendAs("s-9001", "POST", "/v1/admin/notices", old.dump());
        QVERIFY2(a.status == 200, a.body.dump().c_str());
        const QString oldId = QString::fromStdString(a.body["notices"][0]["id"].get<std::string>());
        // 200 current ones, one call each for both communities.
        for (int i = 0; i < 100; ++i) {
            const Json current{{"schema", 2}, {"notice", {{"community_ids", Json::array({"cm-sunshine", "cm-jadelake"})}, {"kind", "general"},
                                           {"title", "通知 " + std::to_string(i)}, {"body", "b"}, {"valid_from", ago(1)},
                                           {"valid_until", ago(-30)}}}};
            a = m_admin.check->sendAs("s-9001", "POST", "/v1/admin/notices", current.dump());
            QVERIFY2(a.status == 200, a.body.dump().c_str());
        }
        openSection(m_admin.window, "notices", "noticesPage", m_notices); // the last test left another page open
        QVERIFY(m_notices);
        QVERIFY(QTest::qWaitFor([&] { return m_notices->total() >= 200 && !m_notices->busy(); }, 10000));
        QVERIFY(m_notices->find(oldId).id.isEmpty());
        QVERIFY(m_notices->older() >= 1);
        QVERIFY2(textOf(m_admin.window, "olderNotices").contains("not listed"), qPrintable(textOf(m_admin.window, "olderNotices")));
        // The table: the first 200 rows, and how many match.
        QCOMPARE(m_notices->shownCount(), client::AdminTable::kRowsAtOnce);
        QCOMPARE(m_notices->matching(), m_notices->total());
        QCOMPARE(m_notices->noticesModel()->count(), client::AdminTable::kRowsAtOnce);
        QVERIFY(press(m_admin.window, "showMoreRows"));
        QVERIFY(QTest::qWaitFor([&] { return m_notices->shownCount() == m_notices->total(); }, 5000));
        QVERIFY(!findNamed(m_admin.window->contentItem(), "showMoreRows")); // found only while visible
        // Asked for: the old one is listed as ended, and nothing is left out.
        QVERIFY(press(m_admin.window, "listAllNotices"));
        QVERIFY(QTest::qWaitFor([&] { return m_notices->find(oldId).standing == "ended"; }, 10000));
        QCOMPARE(m_notices->older(), 0);
        QVERIFY(!findNamed(m_admin.window->contentItem(), "listAllNotices"));
    }
};

QTEST_MAIN(AdminNoticesPageTest)
#include "admin_notices_page_test.moc"
