// The language each face starts in survives a restart: switched on the real pages (the tablet's
// language button, the kiosk administrator's start language), then the real `courtyard` binary
// started afresh with the same settings comes up in it. A kiosk resident's own switch is not
// kept: the idle reset returns to the administrator's choice.

#include "client/language_settings.h"
#include "client_fixture.h"
#include "page_helpers.h"

#include <QDir>
#include <QProcess>
#include <QSet>

using namespace courtyard;
using namespace courtyard::test;

namespace {
// Devices here never reach a server: the URL only has to be well formed.
const QString kNoServer = "http://127.0.0.1:9";
} // namespace

class LanguageTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_config; // XDG_CONFIG_HOME for this test and the binaries it starts

    // The real app started afresh with this test's settings: the language its pages come up in,
    // read from the file names `--screenshot` gives them (<face>-<page>-<language>.png).
    QString languageAtStart(bool kiosk, const QStringList& extra = {}) {
        QTemporaryDir out;
        QProcess app;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CONFIG_HOME", m_config.path());
        env.insert("QT_QPA_PLATFORM", "offscreen");
        app.setProcessEnvironment(env);
        QStringList args{"--db", out.filePath("device.db"), "--screenshot", out.filePath("pictures")};
        if (kiosk)
            args.prepend("--kiosk");
        app.start(QStringLiteral(COURTYARD_BINARY_DIR "/client/courtyard"), args + extra);
        if (!app.waitForFinished(120000) || app.exitCode() != 0)
            return "failed: " + QString::fromUtf8(app.readAllStandardError());
        QSet<QString> languages;
        for (const auto& file : QDir(out.filePath("pictures")).entryList({"*.png"}))
            languages << file.section('-', -1).chopped(4);
        return languages.size() == 1 ? *languages.begin() : "pages in " + QStringList(languages.values()).join(", ");
    }

private slots:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        // Before anything reads QSettings (it settles its paths once), and under the app's own
        // names, so the binaries started below read what the pages here write.
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QCoreApplication::setOrganizationName("Courtyard");
        QCoreApplication::setApplicationName("courtyard");
        QCOMPARE(languageAtStart(false), QString("zh_CN")); // nothing remembered yet
    }

    void tabletStartsInTheLanguageLastChosen() {
        ClientDevice tablet(false, kNoServer, "tablet-token");
        tablet.app->setLanguage("zh_CN");
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 800});
        QVERIFY(window);
        QQuickItem* button = nullptr;
        QTRY_VERIFY((button = findNamed(window->contentItem(), "languageButton")) != nullptr);
        tap(button);
        QCOMPARE(tablet.app->language(), QString("en"));
        QCOMPARE(client::LanguageSettings::stored(false), QString("en"));
        QCOMPARE(languageAtStart(false), QString("en"));
        // --lang is for one run and does not overwrite what was chosen.
        QCOMPARE(languageAtStart(false, {"--lang", "zh_CN"}), QString("zh_CN"));
        QCOMPARE(languageAtStart(false), QString("en"));
        tap(button);
        QCOMPARE(languageAtStart(false), QString("zh_CN"));
        // The kiosk keeps its own: the tablet's choice is not the lobby's.
        tap(button);
        QCOMPARE(languageAtStart(true), QString("zh_CN"));
    }

    void kioskStartsInTheAdministratorsLanguage() {
        ClientDevice kiosk(true, kNoServer, "kiosk-token");
        kiosk.app->setLanguage("zh_CN");
        auto& controller = *kiosk.kioskController;
        QVERIFY(controller.setAdminPin("2468"));
        QVERIFY(controller.unlockAdmin("2468"));
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1080, 1920});
        QVERIFY(window);
        QVERIFY(showPage(window, "KioskAdminPage.qml"));
        QQuickItem* row = nullptr;
        QTRY_VERIFY((row = findNamed(window->contentItem(), "startLanguage")) != nullptr);
        QQuickItem* english = findVisible(row, [](QQuickItem* i) {
            return i->inherits("QQuickAbstractButton") && i->property("text").toString() == "English";
        });
        QVERIFY(english);
        tap(english);
        QCOMPARE(kiosk.app->language(), QString("en")); // the administrator sees it at once
        QCOMPARE(client::LanguageSettings::stored(true), QString("en"));
        // A resident switches to Chinese; the idle reset returns to the start language, and the
        // resident's choice was never stored.
        kiosk.app->setLanguage("zh_CN");
        controller.reset();
        QCOMPARE(kiosk.app->language(), QString("en"));
        QCOMPARE(client::LanguageSettings::stored(true), QString("en"));
        QCOMPARE(languageAtStart(true), QString("en"));
    }
};

QTEST_MAIN(LanguageTest)
#include "language_test.moc"
