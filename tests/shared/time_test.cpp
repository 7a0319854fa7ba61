// RFC 3339 instants, dates and clock times: the forms every record and request carries.
#include "shared/core/time.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;

class TimeTest : public QObject {
    Q_OBJECT
private slots:
    void parsesInstants_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("epochMs");
        QTest::newRow("UTC with Z") << "2026-02-13T08:00:00Z" << qint64(1770969600000);
        QTest::newRow("Beijing offset is eight hours ahead") << "2026-02-13T16:00:00+08:00"
                                                           << qint64(1770969600000);
        QTest::newRow("negative offset") << "2026-02-13T03:00:00-05:00" << qint64(1770969600000);
        QTest::newRow("milliseconds kept") << "2026-02-13T08:00:00.123Z" << qint64(1770969600123);
        QTest::newRow("nanoseconds truncated to milliseconds")
            << "2026-02-13T08:00:00.123456789Z" << qint64(1770969600123);
        QTest::newRow("one fraction digit is tenths") << "2026-02-13T08:00:00.5Z" << qint64(1770969600500);
        QTest::newRow("lower-case t and z") << "2026-02-13t08:00:00z" << qint64(1770969600000);
    }
    void parsesInstants() {
        QFETCH(QString, text);
        QFETCH(qint64, epochMs);
        auto t = parseInstant(text.toStdString());
        QVERIFY2(t.has_value(), t ? "" : t.error().message.c_str());
        QCOMPARE(qint64(toEpochMs(*t)), epochMs);
    }

    void rejectsMalformedInstants_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("no zone") << "2026-02-13T08:00:00";
        QTest::newRow("date only") << "2026-02-13";
        QTest::newRow("February 30th") << "2026-02-30T08:00:00Z";
        QTest::newRow("hour 24") << "2026-02-13T24:00:00Z";
        QTest::newRow("trailing junk") << "2026-02-13T08:00:00Zjunk";
        QTest::newRow("empty fraction") << "2026-02-13T08:00:00.Z";
        QTest::newRow("bad offset") << "2026-02-13T08:00:00+8:00";
        QTest::newRow("words") << "tomorrow at noon";
        QTest::newRow("empty") << "";
    }
    void rejectsMalformedInstants() {
        QFETCH(QString, text);
        auto t = parseInstant(text.toStdString());
        QVERIFY(!t.has_value());
        QCOMPARE(t.error().code, ErrorCode::InvalidArgument);
        QVERIFY(t.error().message.find("RFC 3339") != std::string::npos);
    }

    void formatsRoundTrip() {
        const auto t = *parseInstant("2026-10-10T23:59:59.001+08:00");
        QCOMPARE(QString::fromStdString(formatInstant(t)), QString("2026-10-10T15:59:59.001Z"));
        QCOMPARE(toEpochMs(*parseInstant(formatInstant(t))), toEpochMs(t));
        const auto whole = *parseInstant("2026-01-01T00:00:00Z");
        QCOMPARE(QString::fromStdString(formatInstant(whole)), QString("2026-01-01T00:00:00Z"));
        // Every field at its widest and at its narrowest, and years outside four digits.
        QCOMPARE(QString::fromStdString(formatInstant(*parseInstant("1999-12-31T23:59:59.999Z"))),
                 QString("1999-12-31T23:59:59.999Z"));
        QCOMPARE(QString::fromStdString(formatInstant(*parseInstant("0001-02-03T04:05:06.070Z"))),
                 QString("0001-02-03T04:05:06.070Z"));
        QCOMPARE(QString::fromStdString(formatInstant(fromEpochMs(253402300800000))), QString("10000-01-01T00:00:00Z"));
        QCOMPARE(QString::fromStdString(formatInstant(fromEpochMs(253402300800005))),
                 QString("10000-01-01T00:00:00.005Z"));
    }

    void datesAndClockTimes() {
        QCOMPARE(QString::fromStdString(formatDate(*parseDate("2026-02-28"))), QString("2026-02-28"));
        QVERIFY(!parseDate("2026-2-28"));
        QVERIFY(!parseDate("2025-02-29"));
        QVERIFY(parseDate("2024-02-29"));
        QCOMPARE(*parseClockTime("18:00"), 18 * 60);
        QCOMPARE(*parseClockTime("00:05"), 5);
        QVERIFY(!parseClockTime("18:60"));
        QVERIFY(!parseClockTime("6pm"));
        QCOMPARE(QString::fromStdString(formatClockTime(17 * 60 + 9)), QString("17:09"));
    }

    void durationsReadCompactly() {
        using namespace std::chrono;
        QCOMPARE(QString::fromStdString(formatDuration(minutes{80})), QString("1 h 20 m"));
        QCOMPARE(QString::fromStdString(formatDuration(minutes{-5})), QString("-5 m"));
        QCOMPARE(QString::fromStdString(formatDuration(hours{75})), QString("3 d 3 h"));
    }
};

QTEST_GUILESS_MAIN(TimeTest)
#include "time_test.moc"
