// The admin console's real pages offscreen against the real server on 127.0.0.1 (the demo
// company): the administrator, signed in on an admin device, adds a person on the Staff page
// and the server has them (they sign in on a tablet with the PIN given); a create the server
// refuses shows its reason beside the field and adds nobody; the Devices page makes a one-time
// code, shown as text and as a QR code that decodes to the server's address and the code; a
// fresh tablet's first-start page enrols with the code typed, and the code does not work twice.

#include "client/enrolment.h"
#include "client/media.h"
#include "client/staff_admin.h"
#include "admin_console.h"

#include <QQuickItemGrabResult>

using namespace courtyard;
using namespace courtyard::test;

namespace {

} // namespace

class AdminPageTest : public QObject {
    Q_OBJECT
    AdminConsole m_admin; // the server, the console and its window, a second admin device

    Json serverStaff() {
        const auto a = m_admin.check->getAs("s-9001", "/v1/admin/staff");
        return a.status == 200 ? a.body.value("staff", Json::array()) : Json();
    }
    bool serverHasNumber(const std::string& number) {
        for (const auto& s : serverStaff())
            if (s.value("number", std::string()) == number)
                return true;
        return false;
    }

private slots:
    void initTestCase() {
        // Tall: the forms and the table at once. The console opens on the Staff page with the
        // company's staff from the server.
        m_admin.start({1280, 2000});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_admin.console->session->role(), QString("admin"));
        QVERIFY(findNamed(m_admin.window->contentItem(), "serverUnreachable") == nullptr);
    }

    void cleanupTestCase() { m_admin.stop(); }

    // Sorting and filtering happen on the page: the same rows in another order, or fewer.
    void theStaffTableSortsAndFilters() {
        QVERIFY(showPage(m_admin.window, "StaffPage.qml"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "staffRow-9001") != nullptr; }, 30000));
        auto* page = findNamed(m_admin.window->contentItem(), "staffPage");
        QVERIFY(page);
        auto* controller = page->property("controller").value<client::StaffAdmin*>();
        QVERIFY(controller);
        const int all = controller->total();
        QVERIFY(all >= 15);
        QCOMPARE(controller->shown().first().number, QString("1001"));
        QVERIFY(press(m_admin.window, "sort-number")); // the same key again: the order turned round
        QVERIFY(QTest::qWaitFor([&] { return controller->shown().first().number == "9001"; }, 5000));
        QVERIFY(setText(m_admin.window, "staffFilter", "Engineering"));
        QVERIFY(QTest::qWaitFor([&] { return controller->shown().size() == 2; }, 5000)); // 1002 and 2002
        QVERIFY(findNamed(m_admin.window->contentItem(), "staffRow-1001") == nullptr);
        QVERIFY(findNamed(m_admin.window->contentItem(), "staffRow-2002") != nullptr);
        QVERIFY(setText(m_admin.window, "staffFilter", ""));
        QVERIFY(press(m_admin.window, "sort-number"));
        QVERIFY(QTest::qWaitFor([&] { return controller->shown().size() == all; }, 5000));
    }

    // A person added on the page is on the server, and signs in on a tablet with the PIN given.
    void aPersonAddedOnThePageIsOnTheServer() {
        QVERIFY(showPage(m_admin.window, "StaffPage.qml"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "staffRow-1001") != nullptr; }, 30000));
        QVERIFY(!serverHasNumber("5001"));
        QVERIFY(press(m_admin.window, "addStaff"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "createCard") != nullptr; }, 5000));
        QVERIFY(setText(m_admin.window, "newNumber", "5001"));
        QVERIFY(setText(m_admin.window, "newName", "何平 He Ping"));
        QVERIFY(choose(m_admin.window, "newRole", "staff"));
        QVERIFY(choose(m_admin.window, "newPosition", "staff"));
        QVERIFY(choose(m_admin.window, "newDepartment", "d-eng"));
        auto* sunshine = findNamed(m_admin.window->contentItem(), "community-cm-sunshine");
        QVERIFY(sunshine);
        sunshine->setProperty("checked", true);
        QVERIFY(setText(m_admin.window, "newPin", "582914"));
        QVERIFY(press(m_admin.window, "createStaff"));
        // The table lists them once the server has said yes, and the form closes.
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "staffRow-5001") != nullptr; }, 30000));
        QVERIFY(findNamed(m_admin.window->contentItem(), "createCard") == nullptr);
        QVERIFY(serverHasNumber("5001"));
        for (const auto& s : serverStaff())
            if (s.value("number", std::string()) == "5001") {
                QCOMPARE(s.value("department_id", std::string()), std::string("d-eng"));
                QCOMPARE(s.value("community_ids", Json::array()), Json::array({"cm-sunshine"}));
                QVERIFY(!s.contains("pin"));
            }
        auto tablet = enrolDevice(m_admin.server, "staff", {"cm-sunshine"}, {});
        QVERIFY(tablet);
        QCOMPARE(tablet->signIn("5001", "582914").status, 200);
    }

    // A staff number already used: the server's reason beside the number, nobody added.
    void aRefusedCreateShowsTheReasonBesideTheField() {
        QVERIFY(showPage(m_admin.window, "StaffPage.qml"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "staffRow-1001") != nullptr; }, 30000));
        const auto before = serverStaff();
        QVERIFY(press(m_admin.window, "addStaff"));
        QVERIFY(setText(m_admin.window, "newNumber", "1001"));
        QVERIFY(setText(m_admin.window, "newName", "重复 Duplicate"));
        QVERIFY(choose(m_admin.window, "newDepartment", "d-cs"));
        QVERIFY(setText(m_admin.window, "newPin", "582914"));
        QVERIFY(press(m_admin.window, "createStaff"));
        QString message;
        QVERIFY(QTest::qWaitFor([&] { return !(message = textOf(m_admin.window, "fieldError-number")).isEmpty(); }, 30000));
        QVERIFY2(message.contains("1001"), qPrintable(message));
        // Beside the number only, and not in the page's general banner.
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-name") == nullptr);
        QVERIFY(findNamed(m_admin.window->contentItem(), "staffError") == nullptr);
        QVERIFY(findNamed(m_admin.window->contentItem(), "createCard") != nullptr); // the form stays open
        QCOMPARE(serverStaff(), before);
        // A PIN against the rules: the reason beside the PIN.
        QVERIFY(setText(m_admin.window, "newNumber", "5002"));
        QVERIFY(setText(m_admin.window, "newPin", "111111"));
        QVERIFY(press(m_admin.window, "createStaff"));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(m_admin.window, "fieldError-pin").isEmpty(); }, 30000));
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-number") == nullptr);
        QCOMPARE(serverStaff(), before);
    }

    // The Devices page makes a code (text and QR code); a fresh tablet's first-start page
    // enrols with it typed; the code does not work twice.
    void aCodeFromTheDevicesPageEnrolsAFreshTablet() {
        QVERIFY(showPage(m_admin.window, "DevicesPage.qml"));
        // The list, with the console itself and the devices the test enrolled.
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "deviceRow-office console") != nullptr; },
                                30000));
        QVERIFY(press(m_admin.window, "enrolDevice"));
        QVERIFY(setText(m_admin.window, "deviceName", "前台平板 Front desk"));
        QVERIFY(choose(m_admin.window, "deviceRole", "staff"));
        auto* sunshine = findNamed(m_admin.window->contentItem(), "community-cm-sunshine");
        QVERIFY(sunshine);
        sunshine->setProperty("checked", true);
        QVERIFY(press(m_admin.window, "makeCode"));
        QString code;
        QVERIFY(QTest::qWaitFor([&] { return !(code = textOf(m_admin.window, "codeText")).isEmpty(); }, 30000));
        QVERIFY2(QRegularExpression("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$").match(code).hasMatch(), qPrintable(code));
        QCOMPARE(textOf(m_admin.window, "codeServer"), m_admin.server.url());
        // The QR code on the screen holds the server's address and the code.
        auto* qr = findNamed(m_admin.window->contentItem(), "codeQr");
        QVERIFY(qr);
        QVERIFY(QTest::qWaitFor([&] { return qr->property("status").toInt() == 1; }, 10000)); // Image.Ready
        QTest::qWait(100);
        const QImage shown = m_admin.window->grabWindow();
        const QRectF rect = qr->mapRectToScene(QRectF(0, 0, qr->width(), qr->height()));
        const QString link = client::Media::decodeQrImage(shown.copy(rect.toAlignedRect()));
        QString server, linked;
        QVERIFY2(client::parseEnrolmentLink(link, &server, &linked), qPrintable(link));
        QCOMPARE(server, m_admin.server.url());
        QCOMPARE(linked, code);

        // A fresh tablet: nothing enrolled, its first-start page.
        {
            FirstStart tablet(false);
            QVERIFY(tablet.onFirstStartPage());
            auto* window = tablet.window;
            auto& app = *tablet.device.app;
            auto& sync = *tablet.device.sync;
            QVERIFY(setText(window, "enrolServer", m_admin.server.url()));
            // Typed as people type it: lower case, no dashes.
            QVERIFY(setText(window, "enrolCode", code.toLower().remove('-')));
            QSignalSpy synced(&sync, &client::SyncController::syncFinished);
            QVERIFY(press(window, "enrolButton"));
            QVERIFY(QTest::qWaitFor([&] { return app.enrolled(); }, 30000));
            QVERIFY(synced.wait(30000) || synced.count() > 0);
            QVERIFY2(sync.lastError().isEmpty(), qPrintable(sync.lastError()));
            // Enrolled as the code said: a staff tablet of Sunshine Garden; the sign-in page next.
            QCOMPARE(app.deviceName(), QString("前台平板 Front desk"));
            QCOMPARE(app.deviceRole(), QString("staff"));
            QCOMPARE(app.communityIds(), QStringList{"cm-sunshine"});
            QVERIFY(QTest::qWaitFor([&] { return findNamed(window->contentItem(), "enrolCode") == nullptr; }, 5000));
        }

        // The same code again, on another device: refused as used.
        client::EnrolmentController again;
        QSignalSpy done(&again, &client::EnrolmentController::finished);
        again.enrolWithCode(m_admin.server.url(), code);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().value(0).toBool(), false);
        QVERIFY2(again.error().contains("used"), qPrintable(again.error()));
        QCOMPARE(again.errorField(), QString("code"));

        // The console lists the new tablet once the code is put away.
        QVERIFY(press(m_admin.window, "codeDone"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "deviceRow-前台平板 Front desk") != nullptr; },
                                30000));
        QVERIFY(textOf(m_admin.window, "codeText").isEmpty());
    }
};

QTEST_MAIN(AdminPageTest)
#include "admin_page_test.moc"
