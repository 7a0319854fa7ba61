// The JSON wire form of every record: golden files (tests/data/golden/<type>.in.json → the
// normal form in <type>.out.json), unknown fields tolerated, enums as strings, and malformed
// input refused with a message that names the field.
#include "shared/records/record_type.h"

#include <QDir>
#include <QFile>
#include "test_support.h"

#include <QtTest>
#include <set>

using namespace courtyard;

namespace {
Json readJsonFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Json();
    return Json::parse(f.readAll().toStdString(), nullptr, false);
}
} // namespace

class CodecTest : public QObject {
    Q_OBJECT
private slots:
    void goldenFiles_data() {
        QTest::addColumn<QString>("type");
        QDir dir(COURTYARD_TEST_DATA_DIR "/golden");
        const auto files = dir.entryList({"*.in.json"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 9);
        for (const auto& f : files) {
            const QString type = f.left(f.size() - int(qstrlen(".in.json")));
            QTest::newRow(qPrintable(type)) << type;
        }
    }
    void goldenFiles() {
        QFETCH(QString, type);
        const QString base = QStringLiteral(COURTYARD_TEST_DATA_DIR "/golden/") + type;
        const Json in = readJsonFile(base + ".in.json");
        const Json expected = readJsonFile(base + ".out.json");
        QVERIFY2(!in.is_discarded() && !expected.is_discarded(), "golden file is not JSON");
        const auto* rt = records::findRecordType(type.toStdString());
        QVERIFY2(rt, "no record type of that name");
        auto actual = rt->normalize(in);
        QVERIFY2(actual.has_value(), actual ? "" : actual.error().message.c_str());
        if (*actual != expected) {
            QFile out(base + ".actual.json");
            if (out.open(QIODevice::WriteOnly))
                out.write(QByteArray::fromStdString(actual->dump(2) + "\n"));
            qWarning().noquote() << "differences (JSON patch from expected to actual):\n"
                                 << QString::fromStdString(Json::diff(expected, *actual).dump(2))
                                 << "\nactual output written to" << out.fileName();
            QFAIL("normal form differs from the golden file");
        }
        // The normal form is a fixed point.
        auto again = rt->normalize(*actual);
        QVERIFY(again.has_value());
        QCOMPARE(*again, *actual);
    }

    void malformedRecordsNameTheField_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mentions");
        const QString base = R"({"id":"c1","channel":"phone","category":"repairs","content":"x",
                                 "received_at":"2026-03-02T10:00:00Z")";
        QTest::newRow("unknown enum value") << "complaint" << base + R"(,"urgent":true,"cause":"weather"})" << "cause";
        QTest::newRow("enum given as a number") << "complaint" << base + R"(,"category":3})"
                                                << "category";
        QTest::newRow("boolean given as a string") << "complaint" << base + R"(,"urgent":"yes"})" << "urgent";
        QTest::newRow("missing required content")
            << "complaint" << R"({"id":"c1","channel":"phone","category":"repairs","received_at":"2026-03-02T10:00:00Z"})"
            << "content";
        QTest::newRow("time without a zone") << "complaint" << base + R"(,"requested_reply_by":"2026-03-03 10:00"})"
                                             << "requested_reply_by";
        QTest::newRow("nested field has the wrong type")
            << "complaint" << base + R"(,"visits":[{"id":"v","at":"2026-03-02T10:00:00Z","opinion":5,"satisfied":true}]})"
            << "visits";
        QTest::newRow("attachment hash is not SHA-256")
            << "complaint" << base + R"(,"attachments":[{"sha256":"abc","kind":"photo"}]})" << "sha256";
        QTest::newRow("score category unknown")
            << "survey_response"
            << R"({"id":"r","campaign_id":"c","unit_id":"u","answered_at":"2026-03-02T10:00:00Z","scores":{"food":3}})"
            << "food";
        QTest::newRow("id missing") << "notice" << R"({"kind":"general","title":"t","body":"b","valid_from":"2026-03-02T10:00:00Z","valid_until":"2026-03-03T10:00:00Z"})" << "id";
        QTest::newRow("not an object") << "complaint" << R"([1,2,3])" << "object";
        QTest::newRow("calendar with an unknown zone")
            << "calendar" << R"({"id":"x","time_zone":"Mars/Olympus"})" << "time_zone";
        QTest::newRow("calendar holiday that is not a date")
            << "calendar" << R"({"id":"x","time_zone":"Asia/Shanghai","holidays":["2026-13-01"]})" << "holidays";
        QTest::newRow("policy percentage out of range")
            << "policy" << R"({"id":"p","monthly_sample_percent":140})" << "monthly_sample_percent";
        QTest::newRow("staff with the resident role")
            << "staff" << R"({"id":"s","number":"1","name":"n","role":"resident"})" << "role";
    }
    void malformedRecordsNameTheField() {
        QFETCH(QString, type);
        QFETCH(QString, json);
        QFETCH(QString, mentions);
        const Json in = Json::parse(json.toStdString());
        auto out = records::findRecordType(type.toStdString())->normalize(in);
        QVERIFY(!out.has_value());
        QCOMPARE(out.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(out.error().message.find(mentions.toStdString()) != std::string::npos,
                 out.error().message.c_str());
    }

    void everyRecordTypeIsRegisteredOnce() {
        std::set<std::string> names;
        for (const auto* t : records::allRecordTypes())
            QVERIFY2(names.insert(std::string(t->name())).second, "duplicate record type name");
        for (const char* expected : {"complaint", "suggestion", "transfer_sheet", "arrangement_notice",
                                     "rectification", "survey_campaign", "survey_response", "patrol_round",
                                     "inspection", "notice", "shift_handover", "weekly_review", "office", "community", "building", "unit",
                                     "department", "staff", "calendar", "policy", "inspection_template",
                                     "patrol_route"})
            QVERIFY2(names.count(expected), expected);
        QVERIFY(!records::findRecordType("spaceship"));
    }
};

QTEST_GUILESS_MAIN(CodecTest)
#include "codec_test.moc"
