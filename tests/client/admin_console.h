#pragma once
// The office's admin console (`courtyard --admin`) against the real courtyard-server on
// 127.0.0.1, as the admin page tests start it: the demo company served, an admin device enrolled
// for both communities with the administrator (9001) signed in after its first sync, a second
// admin device to read the server's word, and the console's main window offscreen, opened on the
// Staff page with the company's staff from the server.

#include "client_fixture.h"
#include "page_helpers.h"
#include "support/signed_device.h"

namespace courtyard::test {

// Fails the running test (QVERIFY) when any step fails; the caller checks
// QTest::currentTestFailed().
inline void startAdminConsole(ServerProcess& server, std::unique_ptr<ClientDevice>& console,
                              std::unique_ptr<SignedDevice>& check, std::unique_ptr<QQmlApplicationEngine>& engine,
                              QQuickWindow*& window, QSize size) {
    QVERIFY(server.initDemo());
    QVERIFY(server.start());
    const auto enrolled = server.addDevice("admin", {"cm-sunshine", "cm-jadelake"}, "office console");
    QVERIFY(!enrolled.token.isEmpty());
    console = std::make_unique<ClientDevice>(false, server.url(), enrolled.token);
    console->app->setAdminFace(true);
    console->syncNow(); // as the app does at its start
    QVERIFY2(console->signIn("9001"), qPrintable(console->session->lastError()));
    check = enrolDevice(server, "admin", {"cm-sunshine"}, {"9001"});
    QVERIFY(check);
    engine = std::make_unique<QQmlApplicationEngine>();
    window = loadMainWindow(*engine, size);
    QVERIFY(window);
    QVERIFY(QTest::qWaitFor([&] { return findNamed(window->contentItem(), "staffRow-1001") != nullptr; }, 30000));
}

// What an admin page test holds: the server, the console device and its window, and a second
// admin device (9001 signed in) to read the server's word.
struct AdminConsole {
    ServerProcess server;
    std::unique_ptr<ClientDevice> console;
    std::unique_ptr<SignedDevice> check;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow* window = nullptr;

    // startAdminConsole, in a window of `size`; fails the running test when it cannot.
    void start(QSize size) { startAdminConsole(server, console, check, engine, window, size); }
    // The window goes before the device it shows.
    void stop() {
        engine.reset();
        console.reset();
    }
};

// Sets the ComboBox named `comboName` to its entry whose value (valueRole) is `value`.
inline bool choose(QQuickWindow* window, const QString& comboName, const QVariant& value) {
    auto* combo = findNamed(window->contentItem(), comboName);
    int index = -1;
    if (!combo || !QMetaObject::invokeMethod(combo, "indexOfValue", Q_RETURN_ARG(int, index), Q_ARG(QVariant, value)))
        return false;
    return index >= 0 && combo->setProperty("currentIndex", index);
}

// A fresh tablet or kiosk (no enrolment, its own database) showing its first-start page, for a
// code the console made; the devices shown to QML before it are shown again when it goes. (The
// console's pages opened after that find no AppContext::instance(): make the codes first.)
struct FirstStart {
    struct GiveBack {
        client::QmlSingletons previous = client::exposedToQml();
        ~GiveBack() { client::exposeToQml(previous); }
    } giveBack; // first in, last out: after the device is gone
    ClientDevice device;
    std::unique_ptr<QQmlApplicationEngine> engine = std::make_unique<QQmlApplicationEngine>();
    QQuickWindow* window = nullptr;

    explicit FirstStart(bool kiosk) : device(kiosk) {
        window = loadMainWindow(*engine, kiosk ? QSize(1080, 1920) : QSize(1280, 800));
    }
    bool onFirstStartPage() const {
        return window && QTest::qWaitFor([&] { return findNamed(window->contentItem(), "enrolCode") != nullptr; }, 10000);
    }
};

// Opens the console's section (its navigation button "section-<section>") and gives the
// controller of its page (the item named `pageName`, its `controller` property). Fails the
// running test (QVERIFY) when either is missing.
template <class Controller>
inline void openSection(QQuickWindow* window, const QString& section, const QString& pageName, Controller*& controller) {
    controller = nullptr;
    QVERIFY(press(window, "section-" + section));
    QVERIFY(QTest::qWaitFor([&] { return pagesSettled(window); }, 5000));
    auto* page = findNamed(window->contentItem(), pageName);
    QVERIFY(page);
    controller = page->property("controller").template value<Controller*>();
    QVERIFY(controller);
}

// The window as a PNG in $COURTYARD_TEST_SHOTS, when it is set (to look at a page a test drove).
inline void saveShot(QQuickWindow* window, const QString& name) {
    const QString dir = qEnvironmentVariable("COURTYARD_TEST_SHOTS");
    if (!dir.isEmpty())
        window->grabWindow().save(dir + "/" + name + ".png");
}

} // namespace courtyard::test
