// The command lines of courtyard-server, courtyard-device (and the app), run as real processes:
// --version prints the project's version (project(VERSION) in CMakeLists.txt, handed to this
// test by CMake, not read from the header the programs use); every command answers --help on
// its own; usage errors exit 2; and a setting comes from a flag, else an environment variable,
// else the config file — checked with `init`/`device list` on a real data directory and with
// `serve` listening where the winning setting says.
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kServer = QStringLiteral(COURTYARD_BINARY_DIR "/server/courtyard-server");
const QString kDevice = QStringLiteral(COURTYARD_BINARY_DIR "/sync/courtyard-device");

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run run(const QString& program, const QStringList& args, const QMap<QString, QString>& env = {}) {
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(text);
    return path;
}

} // namespace

class CommandLineTest : public QObject {
    Q_OBJECT

private slots:
    void versionIsTheProjectVersion_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("name");
        QTest::newRow("the server prints its version") << kServer << "courtyard-server";
        QTest::newRow("the device tool prints its version") << kDevice << "courtyard-device";
#ifdef COURTYARD_CLIENT_BINARY
        QTest::newRow("the app prints its version") << QStringLiteral(COURTYARD_CLIENT_BINARY) << "courtyard";
#endif
    }
    void versionIsTheProjectVersion() {
        QFETCH(QString, program);
        QFETCH(QString, name);
        const Run r = run(program, {"--version"}, {{"QT_QPA_PLATFORM", "offscreen"}});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), name + " " + COURTYARD_PROJECT_VERSION);
    }

    void everyCommandAnswersHelp_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("mentions");
        const QList<std::tuple<const char*, QStringList, const char*>> rows = {
            {"serve lists its settings and their variables", {"serve"}, "COURTYARD_LISTEN"},
            {"init", {"init"}, "--company"},
            {"import-units", {"import-units"}, "--community"},
            {"device add", {"device", "add"}, "--role"},
            {"device list", {"device", "list"}, "--json"},
            {"device revoke", {"device", "revoke"}, "DEVICE_ID"},
            {"staff pin", {"staff", "pin"}, "STAFF_ID"},
            {"staff deactivate", {"staff", "deactivate"}, "STAFF_ID"},
            {"audit", {"audit"}, "--rejected"},
            {"deadlines recompute", {"deadlines", "recompute"}, "--community"},
            {"report", {"report"}, "--period"},
            {"backup", {"backup"}, "--to"},
            {"restore", {"restore"}, "--replace"},
            {"retention", {"retention"}, "--dry-run"},
            {"demo-company", {"demo-company"}, "demo company"},
            {"rules deadline", {"rules", "deadline"}, "complaint_reply"},
            {"the server lists its commands", {}, "import-units"},
        };
        for (const auto& [name, command, mentions] : rows)
            QTest::newRow((QByteArray("server ") + name).constData()) << kServer << command << mentions;
        const QList<std::tuple<const char*, QStringList, const char*>> deviceRows = {
            {"sync", {"sync"}, "outbox"},
            {"create", {"create"}, "TYPE"},
            {"transition", {"transition"}, "ACTION"},
            {"list", {"list"}, "--state"},
            {"rejections", {"rejections"}, "--all"},
            {"send-again", {"send-again"}, "returned record"},
            {"discard", {"discard"}, "returned record"},
            {"the device lists its commands", {}, "COURTYARD_DEVICE_DB"},
        };
        for (const auto& [name, command, mentions] : deviceRows)
            QTest::newRow((QByteArray("device ") + name).constData()) << kDevice << command << mentions;
    }
    void everyCommandAnswersHelp() {
        QFETCH(QString, program);
        QFETCH(QStringList, command);
        QFETCH(QString, mentions);
        const Run r = run(program, command + QStringList{"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("usage:") || r.out.contains("\nusage:"), r.out.constData());
        QVERIFY2(r.out.contains(mentions.toUtf8()), r.out.constData());
        QVERIFY(r.err.isEmpty());
    }

    void usageErrorsExitWithTwo_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << kServer << QStringList{};
        QTest::newRow("an unknown command") << kServer << QStringList{"frobnicate"};
        QTest::newRow("an unknown option") << kServer << QStringList{"serve", "--data", "/tmp", "--colour", "red"};
        QTest::newRow("init with neither --company nor --demo") << kServer << QStringList{"init", "--data", "/tmp/x"};
        QTest::newRow("--history without --demo") << kServer << QStringList{"init", "--company", "c.json", "--history", "3"};
        QTest::newRow("a listen address without a port") << kServer << QStringList{"serve", "--data", "/tmp", "--listen", "localhost"};
        QTest::newRow("a body budget under its floor") << kServer << QStringList{"serve", "--data", "/tmp", "--body-budget-mib", "1"};
        QTest::newRow("a report in a third format") << kServer << QStringList{"report", "weekly", "--format", "xml"};
        QTest::newRow("retention: --as-of without --dry-run")
            << kServer << QStringList{"retention", "--data", "/tmp", "--as-of", "2030-01-01"};
        QTest::newRow("device: a group without its command") << kServer << QStringList{"device"};
        QTest::newRow("the device tool without --db") << kDevice << QStringList{"status"};
        QTest::newRow("the device tool with an unknown command") << kDevice << QStringList{"--db", "/tmp/x.db", "teleport"};
        QTest::newRow("create without a type") << kDevice << QStringList{"--db", "/tmp/x.db", "create"};
    }
    void usageErrorsExitWithTwo() {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        const Run r = run(program, args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("usage"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    // A flag beats the environment, which beats the config file; a typo in the file is an error.
    void settingsComeFromFlagsThenEnvironmentThenFile() {
        QTemporaryDir tmp;
        const QString data = tmp.filePath("data");
        const QString missing = tmp.filePath("missing");
        // The data directory from the environment alone.
        Run r = run(kServer, {"init", "--demo"}, {{"COURTYARD_DATA", data}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFile::exists(data + "/courtyard.db"));

        const QString config = writeFile(tmp, "server.conf", "# the service's settings\ndata = \"" + data.toUtf8() +
                                                                 "\"\n[serve]\nlisten = \"127.0.0.2:0\"\n");
        // From the file alone: the demo's devices are listed.
        r = run(kServer, {"device", "list", "--json", "--config", config});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.trimmed().startsWith("["));
        // The environment beats the file: the missing directory is used, and refused.
        r = run(kServer, {"device", "list", "--config", config}, {{"COURTYARD_DATA", missing}});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(missing.toUtf8()), r.err.constData());
        // The flag beats both.
        r = run(kServer, {"device", "list", "--data", data, "--config", config}, {{"COURTYARD_DATA", missing}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The config file named by COURTYARD_CONFIG.
        r = run(kServer, {"device", "list"}, {{"COURTYARD_CONFIG", config}});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // A command's own section: `device add` takes its role and name from [device.add].
        const QString enrol = writeFile(tmp, "enrol.conf", "data = \"" + data.toUtf8() +
                                                               "\"\n[device.add]\nrole = \"kiosk\"\nname = \"Lobby 2\"\n");
        r = run(kServer, {"device", "add", "--community", "cm-sunshine", "--json", "--config", enrol});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run(kServer, {"device", "list", "--config", enrol});
        QVERIFY2(r.out.contains("kiosk  Lobby 2  [cm-sunshine]"), r.out.constData());

        // A misspelt key, a section that names no command, and a file that is not there.
        const QString typo = writeFile(tmp, "typo.conf", "data = \"" + data.toUtf8() + "\"\nlisten_adress = \"x\"\n");
        r = run(kServer, {"device", "list", "--config", typo});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("listen_adress"), r.err.constData());
        const QString section = writeFile(tmp, "section.conf", "[sevre]\nlisten = \"127.0.0.1:0\"\n");
        r = run(kServer, {"device", "list", "--data", data, "--config", section});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("sevre"), r.err.constData());
        r = run(kServer, {"device", "list", "--config", tmp.filePath("nowhere.conf")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("nowhere.conf"), r.err.constData());
    }

    // `serve` takes its address from the file, unless the environment names another.
    void serveListensWhereTheWinningSettingSays_data() {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("address");
        QTest::newRow("the file's address") << "" << "127.0.0.2";
        QTest::newRow("the environment's address over the file's") << "127.0.0.1:0" << "127.0.0.1";
    }
    void serveListensWhereTheWinningSettingSays() {
        QFETCH(QString, environment);
        QFETCH(QString, address);
        QTemporaryDir tmp;
        const QString data = tmp.filePath("data");
        QCOMPARE(run(kServer, {"init", "--demo", "--data", data}).exitCode, 0);
        const QString config = writeFile(tmp, "server.conf",
                                         "data = \"" + data.toUtf8() + "\"\nlisten = \"127.0.0.2:0\"\nworkers = 4\n");
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        if (!environment.isEmpty())
            e.insert("COURTYARD_LISTEN", environment);
        p.setProcessEnvironment(e);
        p.start(kServer, {"serve", "--config", config});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        while (!out.contains("\n") && p.state() == QProcess::Running && p.waitForReadyRead(20000))
            out += p.readAllStandardOutput();
        p.terminate(); // SIGTERM: a clean stop
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QRegularExpression listening(R"re(\{"listening":"([0-9.]+):[0-9]+"\})re");
        const auto m = listening.match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        QCOMPARE(m.captured(1), address);
    }

    // A company file that is not JSON, or holds a NUL in a text, is refused naming the place,
    // before the data directory is opened; the same file without the NUL is loaded.
    void aCompanyFileIsRefusedWithItsPlaceBeforeAnythingIsOpened() {
        QTemporaryDir tmp;
        const Run demo = run(kServer, {"demo-company"});
        QCOMPARE(demo.exitCode, 0);
        const QByteArray good = demo.out;
        const QString data = tmp.filePath("data");
        struct Bad {
            const char* file;
            QByteArray text;
            const char* says;
        };
        QByteArray nul = good;
        const QByteArray office = "\"东区管理处 East Management Office\"";
        QVERIFY(nul.contains(office));
        nul.replace(office, "\"东区管理处\\u0000\"");
        for (const Bad& b : {Bad{"cut.json", good.left(good.size() / 2), "is not valid JSON (UTF-8 text) near byte"},
                             Bad{"nul.json", nul, "offices[0].name: a text with a NUL character (U+0000)"}}) {
            const Run r = run(kServer, {"init", "--data", data, "--company", writeFile(tmp, b.file, b.text)});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QByteArray("company file '") + tmp.filePath(b.file).toUtf8() + "': "), r.err.constData());
            QVERIFY2(r.err.contains(b.says), r.err.constData());
            QVERIFY2(!QFileInfo::exists(data), "the data directory was created"); // nothing opened
        }
        const Run r = run(kServer, {"init", "--data", data, "--company", writeFile(tmp, "good.json", good)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("company: "), r.out.constData());
    }

    // The device tool's database from its environment variable.
    void theDeviceToolTakesItsDatabaseFromTheEnvironment() {
        QTemporaryDir tmp;
        const QString db = tmp.filePath("tablet.db");
        const Run r = run(kDevice, {"status"}, {{"COURTYARD_DEVICE_DB", db}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("\"pending\":0"));
        QVERIFY(QFile::exists(db));
    }
};

QTEST_GUILESS_MAIN(CommandLineTest)
#include "command_line_test.moc"
