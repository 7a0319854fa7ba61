// Enrolment by QR code, end to end, against the real server on 127.0.0.1 (the demo company) with
// the real pages offscreen: the admin console's Devices page makes a one-time code and the QR code
// it draws is saved as a picture; a fresh tablet's first-start page is given that picture (its
// "Use a picture of the QR code" path), fills in the address and the code, enrols, syncs the
// company's data and asks who is working. A second fresh tablet given the same picture is refused
// with the server's word on its page and keeps nothing. A kiosk's setup page enrols from a picture
// of a kiosk code and asks for the administrator PIN. A picture of a patrol checkpoint's code, a
// blank picture and a file that is no picture each leave a clear message and change nothing; so does a frame
// of the live camera scanner holding a checkpoint's code, while a frame with no code in view is
// passed over without a word.

#include "client/enrolment.h"
#include "client/media.h"
#include "admin_console.h"


using namespace courtyard;
using namespace courtyard::test;

namespace {

// A ComboBox set to the entry whose value is `value`.
bool choose(QQuickWindow* window, const QString& objectName, const QString& value) {
    auto* box = findNamed(window->contentItem(), objectName);
    if (!box)
        return false;
    int index = -1;
    QMetaObject::invokeMethod(box, "indexOfValue", Q_RETURN_ARG(int, index), Q_ARG(QVariant, value));
    return index >= 0 && box->setProperty("currentIndex", index);
}

// The first object under the window named `objectName`, shown or not (a dialog, a hidden scanner).
QObject* objectNamed(QQuickWindow* window, const QString& objectName) {
    for (auto* item : itemsUnder(window->contentItem()))
        if (auto* o = item->findChild<QObject*>(objectName, Qt::FindDirectChildrenOnly))
            return o;
    return nullptr;
}

// The picture path of a first-start page: the file chosen in its dialog, as a person would choose it.
bool choosePicture(QQuickWindow* window, const QString& path) {
    auto* dialog = objectNamed(window, "enrolPicture");
    if (!dialog || !findNamed(window->contentItem(), "pictureQr"))
        return false;
    const QUrl url = QUrl::fromLocalFile(path);
    if (!dialog->setProperty("selectedFile", url) || dialog->property("selectedFile").toUrl() != url)
        return false; // the dialog takes only a file that is there
    return QMetaObject::invokeMethod(dialog, "accepted");
}

} // namespace

class EnrolScanPageTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<ClientDevice> m_console;
    std::unique_ptr<SignedDevice> m_check;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
    QTemporaryDir m_pictures;
    QString m_tabletCode, m_kioskCode; // made on the Devices page, their QR codes saved as pictures

    // A code made on the console's Devices page for a device of `role` in Sunshine Garden, into
    // `code`; the QR code the page draws, as it is on the screen, saved to `picture`. Fails the
    // running test when a step fails.
    void codeFromDevicesPage(const QString& name, const QString& role, const QString& picture, QString& code) {
        QVERIFY(showPage(m_window, "DevicesPage.qml"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_window->contentItem(), "enrolDevice") != nullptr; }, 30000));
        QVERIFY(press(m_window, "enrolDevice"));
        QVERIFY(setText(m_window, "deviceName", name));
        QVERIFY(choose(m_window, "deviceRole", role));
        QQuickItem* sunshine = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (sunshine = findNamed(m_window->contentItem(), "community-cm-sunshine")); }, 30000));
        sunshine->setProperty("checked", true);
        QVERIFY(press(m_window, "makeCode"));
        QVERIFY2(QTest::qWaitFor([&] { return !(code = textOf(m_window, "codeText")).isEmpty(); }, 30000),
                 qPrintable(textOf(m_window, "devicesError")));
        auto* qr = findNamed(m_window->contentItem(), "codeQr");
        QVERIFY(qr);
        QVERIFY(QTest::qWaitFor([&] { return qr->property("status").toInt() == 1; }, 10000)); // Image.Ready
        QTest::qWait(100);
        const QRectF rect = qr->mapRectToScene(QRectF(0, 0, qr->width(), qr->height()));
        QVERIFY(m_window->grabWindow().copy(rect.toAlignedRect()).save(picture));
        saveShot(m_window, "devices-code-" + role);
        // Put away, as the administrator does once the device has it.
        QVERIFY(press(m_window, "codeDone"));
    }

    // The device the server lists under `name`, as the server reads it (null when none).
    Json serverDevice(const QString& name) {
        const auto a = m_check->getAs("s-9001", "/v1/admin/devices");
        if (a.status != 200)
            return {};
        for (const auto& d : a.body.value("devices", Json::array()))
            if (d.value("name", std::string()) == name.toStdString())
                return d;
        return {};
    }

private slots:
    void initTestCase() {
        startAdminConsole(m_server, m_console, m_check, m_engine, m_window, {1280, 2000});
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_pictures.isValid());
        // Both codes first: the pages the console opens find the device they run on through
        // AppContext::instance(), the last one made, and the fresh devices below are made later.
        codeFromDevicesPage("扫码平板 Scan tablet", "staff", m_pictures.filePath("tablet-code.png"), m_tabletCode);
        if (QTest::currentTestFailed())
            return;
        codeFromDevicesPage("大堂扫码 Lobby scan", "kiosk", m_pictures.filePath("kiosk-code.png"), m_kioskCode);
        QVERIFY(m_tabletCode != m_kioskCode);
    }

    void cleanupTestCase() {
        m_engine.reset();
        m_console.reset();
    }

    // The tablet: the picture of the console's QR code enrols it; the same picture on a second
    // fresh tablet is refused and that tablet keeps nothing.
    void aPictureOfTheConsolesCodeEnrolsATabletOnce() {
        const QString picture = m_pictures.filePath("tablet-code.png");
        const QString code = m_tabletCode;
        {
            FirstStart tablet(false);
            QVERIFY(tablet.onFirstStartPage());
            auto* window = tablet.window;
            auto& app = *tablet.device.app;
            QVERIFY(!app.enrolled());
            QVERIFY(tablet.device.directory->staffIds().isEmpty());
            QVERIFY(textOf(window, "enrolServer") != m_server.url()); // the page's example address
            QVERIFY(textOf(window, "enrolCode").isEmpty());
            // No server yet: the sync bar says so, not that the tablet is offline.
            QCOMPARE(textOf(window, "syncStatus"), QString("Not enrolled — enrol to sync"));
            saveShot(window, "tablet-first-start");
            QSignalSpy synced(tablet.device.sync.get(), &client::SyncController::syncFinished);
            QVERIFY(choosePicture(window, picture));
            // What the picture held, on the page, and spent at once.
            QCOMPARE(textOf(window, "enrolServer"), m_server.url());
            QCOMPARE(textOf(window, "enrolCode"), code);
            QVERIFY(QTest::qWaitFor([&] { return app.enrolled(); }, 30000));
            QVERIFY(synced.wait(30000) || synced.count() > 0);
            QVERIFY2(tablet.device.sync->lastError().isEmpty(), qPrintable(tablet.device.sync->lastError()));
            QVERIFY2(QTest::qWaitFor([&] { return textOf(window, "syncStatus").startsWith("Synced"); }, 10000),
                     qPrintable(textOf(window, "syncStatus")));
            QCOMPARE(app.serverUrl(), m_server.url());
            QCOMPARE(app.deviceName(), QString("扫码平板 Scan tablet"));
            QCOMPARE(app.deviceRole(), QString("staff"));
            QCOMPARE(app.communityIds(), QStringList{"cm-sunshine"});
            // The company's data came with the first sync: Sunshine Garden by name, its staff.
            QVERIFY(tablet.device.directory->communityName("cm-sunshine") != "cm-sunshine");
            QVERIFY(tablet.device.directory->staffIds().size() >= 5);
            // And the tablet asks who is working.
            QVERIFY(QTest::qWaitFor([&] { return findNamed(window->contentItem(), "signInNumber") != nullptr; }, 10000));
            QVERIFY(QTest::qWaitFor([&] { return findNamed(window->contentItem(), "enrolCode") == nullptr; }, 5000));
            saveShot(window, "tablet-enrolled");
        }
        // The server knows the tablet by the name the code was made for.
        QCOMPARE(serverDevice("扫码平板 Scan tablet").value("role", std::string()), std::string("staff"));

        // The same picture on another fresh tablet: the server's word, and nothing kept.
        FirstStart second(false);
        QVERIFY(second.onFirstStartPage());
        QVERIFY(choosePicture(second.window, picture));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(second.window, "enrolError").isEmpty(); }, 30000));
        QVERIFY2(textOf(second.window, "enrolError").contains("used already"), qPrintable(textOf(second.window, "enrolError")));
        QVERIFY(!second.device.app->enrolled());
        QVERIFY(second.device.app->serverUrl().isEmpty());
        QVERIFY(second.device.directory->staffIds().isEmpty());
        QVERIFY(findNamed(second.window->contentItem(), "enrolCode") != nullptr); // still the first-start page
        saveShot(second.window, "tablet-code-used");
    }

    // The kiosk's setup page enrols from a picture of a kiosk code, then asks for its PIN.
    void aPictureOfAKioskCodeEnrolsAKiosk() {
        const QString picture = m_pictures.filePath("kiosk-code.png");
        const QString code = m_kioskCode;
        FirstStart kiosk(true);
        QVERIFY(kiosk.onFirstStartPage());
        QVERIFY(findNamed(kiosk.window->contentItem(), "kioskSetupPage"));
        QSignalSpy synced(kiosk.device.sync.get(), &client::SyncController::syncFinished);
        saveShot(kiosk.window, "kiosk-first-start");
        QVERIFY(choosePicture(kiosk.window, picture));
        QCOMPARE(textOf(kiosk.window, "enrolCode"), code);
        QVERIFY(QTest::qWaitFor([&] { return kiosk.device.app->enrolled(); }, 30000));
        QVERIFY(synced.wait(30000) || synced.count() > 0);
        QVERIFY2(kiosk.device.sync->lastError().isEmpty(), qPrintable(kiosk.device.sync->lastError()));
        QCOMPARE(kiosk.device.app->deviceRole(), QString("kiosk"));
        QCOMPARE(kiosk.device.app->communityIds(), QStringList{"cm-sunshine"});
        QVERIFY(kiosk.device.directory->communityName("cm-sunshine") != "cm-sunshine");
        // Next on the same page: the administrator PIN that guards the way out.
        QVERIFY(QTest::qWaitFor([&] { return findNamed(kiosk.window->contentItem(), "newAdminPin") != nullptr; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(kiosk.window->contentItem(), "enrolCode") == nullptr; }, 5000));
        saveShot(kiosk.window, "kiosk-enrolled");
    }

    // Pictures that hold no enrolment code: a clear message each, the fields as they were, no
    // request, not enrolled.
    void otherPicturesAreRefusedOnThePage() {
        FirstStart tablet(false);
        QVERIFY(tablet.onFirstStartPage());
        auto* window = tablet.window;
        const QString typedServer = textOf(window, "enrolServer");
        QVERIFY(setText(window, "enrolCode", "ABCD"));
        auto unchanged = [&] {
            return textOf(window, "enrolServer") == typedServer && textOf(window, "enrolCode") == "ABCD"
                   && !tablet.device.app->enrolled() && tablet.device.app->serverUrl().isEmpty();
        };
        auto* enrolment = objectNamed(window, "enrolment");
        QVERIFY(enrolment);

        const QString checkpoint = m_pictures.filePath("checkpoint.png");
        QVERIFY(client::Media::qrImage("courtyard:cp:route-sunshine-gate").save(checkpoint));
        QVERIFY(choosePicture(window, checkpoint));
        QVERIFY2(textOf(window, "scanError").contains("not an enrolment code"), qPrintable(textOf(window, "scanError")));
        QVERIFY(!enrolment->property("busy").toBool());
        QVERIFY(unchanged());
        saveShot(window, "tablet-checkpoint-picture");

        QImage white(480, 480, QImage::Format_RGB32);
        white.fill(Qt::white);
        const QString blank = m_pictures.filePath("blank.png");
        QVERIFY(white.save(blank));
        QVERIFY(choosePicture(window, blank));
        QVERIFY2(textOf(window, "scanError").contains("No QR code found"), qPrintable(textOf(window, "scanError")));
        QVERIFY(unchanged());

        // An enrolment link to a server that is not http(s): not taken either.
        const QString ftp = m_pictures.filePath("ftp.png");
        QVERIFY(client::Media::qrImage(client::enrolmentLink("ftp://127.0.0.1", "ABCD-EFGH-JKLM-NPQR")).save(ftp));
        QVERIFY(choosePicture(window, ftp));
        QVERIFY2(textOf(window, "scanError").contains("not an enrolment code"), qPrintable(textOf(window, "scanError")));
        QVERIFY(unchanged());

        // A file that is no picture at all.
        const QString notes = m_pictures.filePath("notes.png");
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a picture\n");
        file.close();
        QVERIFY(!choosePicture(window, m_pictures.filePath("no-such-picture.png")));
        QVERIFY(choosePicture(window, notes));
        QVERIFY2(textOf(window, "scanError").contains("cannot be opened"), qPrintable(textOf(window, "scanError")));
        QVERIFY(unchanged());

        // The live scanner's frames, as the camera reports them: one with no code in view is
        // passed over without a word (the last message stays); one with a checkpoint's code says so.
        QVERIFY(objectNamed(window, "enrolScanner"));
        QVERIFY(!objectNamed(window, "enrolScanner")->property("visible").toBool());
        QVERIFY(press(window, "scanQr"));
        auto* scanner = findNamed(window->contentItem(), "enrolScanner");
        QVERIFY(scanner);
        QVERIFY(QMetaObject::invokeMethod(scanner, "captured", Q_ARG(QString, blank)));
        QVERIFY2(textOf(window, "scanError").contains("cannot be opened"), qPrintable(textOf(window, "scanError")));
        QVERIFY(QMetaObject::invokeMethod(scanner, "captured", Q_ARG(QString, checkpoint)));
        QVERIFY2(textOf(window, "scanError").contains("not an enrolment code"), qPrintable(textOf(window, "scanError")));
        QVERIFY(scanner->isVisible()); // still scanning for the right code
        QVERIFY(unchanged());
        saveShot(window, "tablet-scanning");
    }
};

QTEST_MAIN(EnrolScanPageTest)
#include "enrol_scan_page_test.moc"
