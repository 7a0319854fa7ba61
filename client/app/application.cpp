#include "client/app/application.h"

#include "client/app_context.h"
#include "client/directory.h"
#include "client/kiosk_controller.h"
#include "client/language_settings.h"
#include "client/media.h"
#include "client/qml_singletons.h"
#include "client/qt_transport.h"
#include "client/session_controller.h"
#include "client/sync_controller.h"
#include "sync/client/sign_in.h"

#include "courtyard/version.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <chrono>

Q_IMPORT_QML_PLUGIN(Courtyard_CorePlugin)
Q_IMPORT_QML_PLUGIN(CourtyardPlugin)

namespace courtyard::client {

namespace {

// In --self-test every Qt warning counts, not only the engine's own QML errors: a ListView
// whose delegate cannot be created says so only through qWarning. Noise from the test
// machine (no audio server, no runtime directory) is not the app's fault.
QStringList* g_selfTestWarnings = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void selfTestMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (g_selfTestWarnings && (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) &&
        !message.contains("XDG_RUNTIME_DIR") && !message.contains("PulseAudio") && !message.startsWith("qt.multimedia"))
        g_selfTestWarnings->append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

void waitFor(int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

// Every page and component of the face, instantiated on its own: a binding error, a missing
// property or a type that does not resolve fails the run.
int selfTest(QQmlApplicationEngine& engine, const QString& face, const QStringList& warnings) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    // A page that never settles must fail the run, not hang it (a thread, because a QML loop can
    // starve the event loop that would run a timer).
    std::thread([] {
        std::this_thread::sleep_for(std::chrono::seconds(150));
        std::fprintf(stderr, "FAIL self-test did not finish within 150 s\n");
        std::fflush(stderr);
        std::_Exit(2);
    }).detach();
    int failures = 0;
    QStringList files;
    const QStringList dirs{QStringLiteral(":/qt/qml/Courtyard/components"), ":/qt/qml/Courtyard/" + face};
    for (const QString& dir : dirs) {
        QDirIterator it(dir, {"*.qml"}, QDir::Files);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    for (const auto& file : files) {
        const int before = int(warnings.size());
        QQmlComponent component(&engine, QUrl("qrc" + file));
        // Delegates declare required roles; give them a realistic row.
        const QVariantMap row{{"recordId", "c-1"},           {"recordType", "complaint"},
                              {"recordState", "accepted"},   {"title", "Water leaking"},
                              {"subtitle", "B1-1-502"},      {"category", "housing"},
                              {"unitId", "cm-b1-1-502"},     {"dueAt", QDateTime::currentDateTimeUtc()},
                              {"dueRule", "complaint.reply"}, {"provisional", true},
                              {"overdue", false},            {"pending", true},
                              {"returned", false},
                              {"urgent", true},              {"happenedAt", QDateTime::currentDateTimeUtc()},
                              {"assignee", "1001"}};
        QObject* obj = file.endsWith("Delegate.qml") ? component.createWithInitialProperties(row, engine.rootContext())
                                                     : component.create(engine.rootContext());
        if (component.isError() || !obj) {
            std::fprintf(stderr, "FAIL %s: %s\n", qPrintable(file), qPrintable(component.errorString()));
            ++failures;
            continue;
        }
        if (auto* item = qobject_cast<QQuickItem*>(obj); item && window)
            item->setParentItem(window->contentItem());
        waitFor(50);
        if (int(warnings.size()) > before) {
            for (int i = before; i < warnings.size(); ++i)
                std::fprintf(stderr, "FAIL %s: %s\n", qPrintable(file), qPrintable(warnings[i]));
            ++failures;
        } else {
            std::printf("ok   %s\n", qPrintable(file));
        }
        delete obj;
    }
    std::printf("%s: %lld pages and components, %d failed\n", qPrintable(face), qlonglong(files.size()),
                failures);
    return failures == 0 && warnings.isEmpty() ? 0 : 1;
}

// Whether a visible page is still waiting for the server (the Reports page has `busy`).
bool pageBusy(QQuickItem* root) {
    if (!root->isVisible())
        return false;
    if (const QVariant busy = root->property("busy"); busy.isValid() && busy.toBool())
        return true;
    const auto children = root->childItems();
    return std::any_of(children.begin(), children.end(), [](QQuickItem* child) { return pageBusy(child); });
}

// Each main page shown in the window and grabbed to <dir>/<face>-<page>-<language>.png.
int screenshots(QQmlApplicationEngine& engine, const QString& dir, const QString& face, const QString& language) {
    QDir().mkpath(dir);
    auto* root = engine.rootObjects().value(0);
    auto* window = qobject_cast<QQuickWindow*>(root);
    if (!window)
        return 1;
    waitFor(800); // models load on the next turn of the event loop
    QVariant pages;
    QMetaObject::invokeMethod(root, "screenshotPages", Q_RETURN_ARG(QVariant, pages));
    int saved = 0;
    for (const auto& p : pages.toList()) {
        const auto page = p.toMap();
        QMetaObject::invokeMethod(root, "showForScreenshot", Q_ARG(QVariant, page.value("page")),
                                  Q_ARG(QVariant, page.value("props")));
        waitFor(600);
        // A report is computed by the server: wait for it (30 s at most), then for its charts.
        QElapsedTimer waited;
        waited.start();
        if (pageBusy(window->contentItem())) {
            while (pageBusy(window->contentItem()) && waited.elapsed() < 30000)
                waitFor(100);
            waitFor(800);
        }
        const QImage img = window->grabWindow();
        const QString file = QString("%1/%2-%3-%4.png").arg(dir, face, page.value("name").toString(), language);
        if (img.save(file)) {
            std::printf("saved %s\n", qPrintable(file));
            ++saved;
        }
    }
    return saved > 0 ? 0 : 1;
}

} // namespace

int runApp(int argc, char** argv) {
    QElapsedTimer started; // for --first-frame: from entering the app to the first frame
    started.start();
    // No display: run offscreen rather than fail, and say so.
    bool offscreen = false;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        offscreen = true;
    }
    // The kiosk's on-screen keyboard is Qt Virtual Keyboard unless the platform brings its own
    // input method (fcitx5 for Chinese on a Linux kiosk): set QT_IM_MODULE to choose.
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]) == "--kiosk" && qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
            qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    // QApplication, not QGuiApplication: the Reports page's Qt Charts are Graphics View items.
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName("courtyard");
    QCoreApplication::setOrganizationName("Courtyard");
    QCoreApplication::setApplicationVersion(COURTYARD_VERSION);
    QQuickStyle::setStyle("Material");

    QCommandLineParser cli;
    cli.setApplicationDescription("Courtyard: the staff tablet, with --kiosk the lobby kiosk, with --admin the "
                                  "office's admin console.");
    cli.addHelpOption();
    cli.addVersionOption();
    QCommandLineOption kioskOpt("kiosk", "Run as the lobby kiosk.");
    QCommandLineOption adminOpt("admin", "Run as the admin console (online: staff, devices, enrolment codes).");
    QCommandLineOption dbOpt("db", "The device's local database.", "file");
    QCommandLineOption serverOpt("server", "The sync server, e.g. http://127.0.0.1:8080.", "url");
    QCommandLineOption tokenOpt("token", "This device's token (from 'courtyard-server device add').", "token");
    QCommandLineOption langOpt("lang", "zh_CN or en for this run (default: the language remembered for this face, "
                                       "else zh_CN).", "language");
    QCommandLineOption selfTestOpt("self-test", "Load every page offscreen; exit non-zero on any QML error.");
    QCommandLineOption shotOpt("screenshot", "Render each main page to PNG in this directory, then exit.", "dir");
    QCommandLineOption sizeOpt("size", "Window size, e.g. 1280x800 or 1080x1920.", "WxH");
    QCommandLineOption asOpt("as", "Sign in as this staff number (with --pin).", "number");
    QCommandLineOption pinOpt("pin", "The PIN for --as.", "pin");
    QCommandLineOption adminPinOpt("admin-pin", "Kiosk: the administrator PIN, set on first start.", "pin");
    QCommandLineOption intervalOpt("sync-interval", "Seconds between automatic syncs (default 20).", "seconds", "20");
    QCommandLineOption idleOpt("idle", "Kiosk: seconds without a touch before it resets (default 60).", "seconds", "60");
    QCommandLineOption windowedOpt("windowed", "Kiosk: do not go full screen.");
    QCommandLineOption syncFirstOpt("sync-first", "Sync once before showing the first page.");
    QCommandLineOption caOpt("ca-file", "Trust this CA (PEM) for an https server, e.g. the company's own CA.", "file");
    QCommandLineOption pinCertOpt("pin-sha256", "Accept only the server certificate with this SHA-256 (hex).", "digest");
    QCommandLineOption cacheOpt("attachment-cache-mib", "MiB of photos and signatures downloaded from the server kept on "
                                "this device (default 256; those taken here do not count).", "MiB", "256");
    QCommandLineOption firstFrameOpt("first-frame", "Print the milliseconds to the first frame shown, then exit (benchmarks).");
    for (const auto* o : {&kioskOpt, &adminOpt, &dbOpt, &serverOpt, &tokenOpt, &langOpt, &selfTestOpt, &shotOpt, &sizeOpt, &asOpt,
                          &pinOpt, &adminPinOpt, &intervalOpt, &idleOpt, &windowedOpt, &syncFirstOpt, &firstFrameOpt, &caOpt, &pinCertOpt,
                          &cacheOpt})
        cli.addOption(*o);
    cli.process(app);
    const bool kiosk = cli.isSet(kioskOpt);
    const bool admin = !kiosk && cli.isSet(adminOpt);
    const QString face = kiosk ? "kiosk" : admin ? "admin" : "tablet";
    if (offscreen && !cli.isSet(selfTestOpt) && !cli.isSet(shotOpt))
        std::printf("No display found: running offscreen (set DISPLAY or WAYLAND_DISPLAY to see the window).\n");

    if (auto st = QtTransport::setTrust(cli.value(caOpt), cli.value(pinCertOpt)); !st) {
        std::fprintf(stderr, "error: %s\n", st.error().message.c_str());
        return 2;
    }

    QString db = cli.value(dbOpt);
    if (db.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        // The store holds residents' data: the folder is the app user's alone.
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        db = dir + "/" + face + ".db";
    }
    auto store = sync::DeviceStore::open(db.toStdString());
    if (!store) {
        std::fprintf(stderr, "error: %s\n", store.error().message.c_str());
        return 1;
    }
    AppContext ctx(std::move(*store), kiosk);
    ctx.setAdminFace(admin);
    ctx.setDbPath(db.toStdString());
    // --lang is for this run only; otherwise the face starts in its remembered language.
    ctx.setLanguage(cli.isSet(langOpt) ? cli.value(langOpt) : LanguageSettings::stored(kiosk));
    if (cli.isSet(serverOpt) && cli.isSet(tokenOpt) && !ctx.enrol(cli.value(serverOpt), cli.value(tokenOpt))) {
        std::fprintf(stderr, "error: --server must be an http(s):// URL and --token not empty\n");
        return 2;
    }
    SyncController syncController(ctx);
    syncController.setInterval(cli.value(intervalOpt).toInt());
    syncController.attachments().setCacheLimitBytes(cli.value(cacheOpt).toLongLong() << 20);
    SessionController session(ctx);
    Directory directory(ctx);
    KioskController kioskController(ctx);
    kioskController.setIdleSeconds(cli.value(idleOpt).toInt());
    if (kiosk && cli.isSet(adminPinOpt) && !kioskController.adminPinSet())
        kioskController.setAdminPin(cli.value(adminPinOpt));
    if (kiosk)
        kioskController.watchInput(&app);
    exposeToQml({&ctx, &session, &syncController, &directory, &kioskController});
    // Pictures and scripted runs start from the server's current data: one sync first.
    auto syncFirst = [&] {
        QEventLoop loop;
        QObject::connect(&syncController, &SyncController::syncFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        syncController.syncNow();
        loop.exec();
        if (!syncController.lastError().isEmpty())
            std::fprintf(stderr, "warning: first sync: %s\n", qPrintable(syncController.lastError()));
    };
    const bool wantsSync = ctx.enrolled() && (cli.isSet(shotOpt) || cli.isSet(syncFirstOpt));
    // Someone this tablet can sign in offline signs in first and the sync runs once the pages are
    // up, as for a person opening the app: what it brings is then new to them (the inbox
    // banner). The first sign-in on a tablet needs the staff records the sync brings, so it waits.
    const bool signInFirst = !kiosk && cli.isSet(asOpt) && sync::hasCredential(ctx.store(), cli.value(asOpt).toStdString());
    if (wantsSync && !signInFirst)
        syncFirst();
    if (!kiosk && cli.isSet(asOpt)) {
        // Sign-in runs on its own thread (it may ask the server): wait for it here.
        QEventLoop loop;
        bool ok = false;
        QObject::connect(&session, &SessionController::finished, &loop, [&](bool done) {
            ok = done;
            loop.quit();
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        session.signIn(cli.value(asOpt), cli.value(pinOpt));
        loop.exec();
        if (!ok)
            std::fprintf(stderr, "warning: could not sign in as %s: %s\n", qPrintable(cli.value(asOpt)),
                         qPrintable(session.lastError()));
    }

    // Chinese by default; English on request, switchable at any time.
    QTranslator translator;
    auto applyLanguage = [&](QQmlApplicationEngine* engine) {
        QCoreApplication::removeTranslator(&translator);
        if (ctx.language() != "en" && translator.load(":/i18n/courtyard_" + ctx.language() + ".qm"))
            QCoreApplication::installTranslator(&translator);
        if (engine)
            engine->retranslate();
    };
    applyLanguage(nullptr);

    QStringList warnings;
    if (cli.isSet(selfTestOpt)) {
        g_selfTestWarnings = &warnings;
        g_previousHandler = qInstallMessageHandler(selfTestMessageHandler);
    }
    QQmlApplicationEngine engine;
    if (!cli.isSet(selfTestOpt))
        QObject::connect(&engine, &QQmlEngine::warnings, [&](const QList<QQmlError>& list) {
            for (const auto& w : list)
                warnings << w.toString();
        });
    QObject::connect(&ctx, &AppContext::languageChanged, [&] { applyLanguage(&engine); });
    engine.addImportPath("qrc:/qt/qml");
    engine.addImageProvider("blob", new BlobImageProvider);
    engine.addImageProvider("qr", new QrImageProvider);
    QSize size = kiosk ? QSize(1080, 1920) : QSize(1280, 800);
    if (cli.isSet(sizeOpt)) {
        const auto parts = cli.value(sizeOpt).split('x');
        if (parts.size() == 2)
            size = QSize(parts[0].toInt(), parts[1].toInt());
    }
    engine.setInitialProperties({{"width", size.width()},
                                 {"height", size.height()},
                                 {"fullScreen", kiosk && !cli.isSet(windowedOpt) && !offscreen}});
    engine.load(QUrl("qrc:/qt/qml/Courtyard/Main.qml"));
    if (engine.rootObjects().isEmpty()) {
        for (const auto& w : warnings)
            std::fprintf(stderr, "%s\n", qPrintable(w));
        return 1;
    }
    if (wantsSync && signInFirst)
        syncFirst();
    if (cli.isSet(selfTestOpt))
        return selfTest(engine, face, warnings);
    if (cli.isSet(shotOpt))
        return screenshots(engine, cli.value(shotOpt), face, ctx.language());
    if (cli.isSet(firstFrameOpt)) {
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
            std::printf("first frame after %lld ms\n", qlonglong(started.elapsed()));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        }, Qt::QueuedConnection);
        return app.exec();
    }
    if (ctx.enrolled())
        QTimer::singleShot(0, &syncController, &SyncController::syncNow);
    return app.exec();
}

} // namespace courtyard::client
