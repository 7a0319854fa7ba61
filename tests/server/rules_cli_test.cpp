// `courtyard-server rules deadline`, run as a real process: the answer on stdout, clear errors
// on stderr with a non-zero exit for an unknown rule, a malformed time or a calendar that does
// not parse.
#include "test_support.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run runRules(const QByteArray& request, const QStringList& extra = {}) {
    QProcess p;
    p.start(COURTYARD_BINARY_DIR "/server/courtyard-server", QStringList{"rules", "deadline"} + extra);
    p.waitForStarted();
    p.write(request);
    p.closeWriteChannel();
    p.waitForFinished(20000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}
} // namespace

class RulesCliTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void answersTheIssuesExample() {
        auto r = runRules(R"({"rule": "complaint_reply", "at": "2026-02-13T16:00:00+08:00", "urgent": false,
                              "serious": true, "requested_by": null})");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const auto o = QJsonDocument::fromJson(r.out).object();
        // Friday before Spring Festival: make-up Saturday 14th, then Tuesday 24th, 18:00 Beijing.
        QCOMPARE(o["due_at"].toString(), QString("2026-02-24T10:00:00Z"));
        QCOMPARE(o["rule"].toString(), QString("complaint_reply.working_days"));
        QCOMPARE(o["calendar_fallback"].toBool(), false);
        QVERIFY(o["description"].toString().contains("2 working days"));
    }

    void everyRuleNameWorks_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("due");
        QTest::newRow("urgent") << QByteArray(R"({"rule":"complaint_reply","at":"2026-03-02T10:00:00+08:00","urgent":true})")
                                << "2026-03-02T04:00:00Z";
        QTest::newRow("invalid explanation") << QByteArray(R"({"rule":"complaint_invalid_explanation","at":"2026-04-03T15:00:00+08:00"})")
                                             << "2026-04-07T10:00:00Z";
        QTest::newRow("suggestion") << QByteArray(R"({"rule":"suggestion_reply","at":"2026-03-02T10:00:00+08:00"})")
                                    << "2026-03-05T02:00:00Z";
        QTest::newRow("visit") << QByteArray(R"({"rule":"complaint_visit","at":"2026-03-06T17:00:00+08:00"})")
                               << "2026-03-09T09:00:00Z";
    }
    void everyRuleNameWorks() {
        QFETCH(QByteArray, request);
        QFETCH(QString, due);
        auto r = runRules(request);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["due_at"].toString(), due);
    }

    void aCalendarFileInAnotherZone() {
        const QString path = m_dir.filePath("ny.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"time_zone": "America/New_York", "close_of_business": "17:00", "weekend": ["sat", "sun"],
                    "holidays": ["2026-03-09"], "working_days": []})");
        f.close();
        auto r = runRules(R"({"rule":"complaint_reply","at":"2026-03-06T10:00:00-05:00"})", {"--calendar", path});
        QCOMPARE(r.exitCode, 0);
        const auto o = QJsonDocument::fromJson(r.out).object();
        // Monday 9th is a holiday in this calendar: Tuesday, Wednesday; 17:00 EDT.
        QCOMPARE(o["due_at"].toString(), QString("2026-03-11T21:00:00Z"));
        QCOMPARE(o["time_zone"].toString(), QString("America/New_York"));
    }

    void badInputIsAClearErrorAndANonZeroExit_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown rule") << QByteArray(R"({"rule":"tea_break","at":"2026-03-02T10:00:00Z"})") << ""
                                      << "tea_break";
        QTest::newRow("malformed time") << QByteArray(R"({"rule":"complaint_reply","at":"next Tuesday"})") << ""
                                        << "RFC 3339";
        QTest::newRow("time without a zone") << QByteArray(R"({"rule":"complaint_reply","at":"2026-03-02T10:00:00"})")
                                             << "" << "at";
        QTest::newRow("not JSON") << QByteArray("rule=complaint_reply") << "" << "not valid JSON (UTF-8 text) near byte 1";
        QTest::newRow("missing at") << QByteArray(R"({"rule":"complaint_reply"})") << "" << "at";
        QTest::newRow("calendar that does not parse")
            << QByteArray(R"({"rule":"complaint_reply","at":"2026-03-02T10:00:00Z"})") << R"({"time_zone": 8})"
            << "calendar";
        QTest::newRow("calendar with an unknown zone")
            << QByteArray(R"({"rule":"complaint_reply","at":"2026-03-02T10:00:00Z"})")
            << R"({"time_zone": "Moon/Tranquility"})" << "Moon/Tranquility";
    }
    void badInputIsAClearErrorAndANonZeroExit() {
        QFETCH(QByteArray, request);
        QFETCH(QString, calendar);
        QFETCH(QString, mentions);
        QStringList extra;
        if (!calendar.isEmpty()) {
            const QString path = m_dir.filePath("bad.json");
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(calendar.toUtf8());
            f.close();
            extra = {"--calendar", path};
        }
        auto r = runRules(request, extra);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(mentions.toUtf8()), r.err.constData());
    }

    void usageErrorsExitWithTwo() {
        QProcess p;
        p.start(COURTYARD_BINARY_DIR "/server/courtyard-server", {"rules", "schedule"});
        p.waitForFinished(20000);
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("usage"));
    }
};

QTEST_GUILESS_MAIN(RulesCliTest)
#include "rules_cli_test.moc"
