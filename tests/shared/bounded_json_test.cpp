// The bounded JSON reader: each limit at its edge (the last value allowed, the first refused),
// refusals that name the place, duplicate members, and whole numbers read strictly by the
// codec helpers (a fraction or an out-of-range number is refused, never cast). The reader's
// grammar is nlohmann's: hand-picked texts at its edges and thousands of damaged documents are
// read to the same values, or refused, as nlohmann's own parser reads or refuses them.
#include "shared/core/bounded_json.h"
#include "shared/core/json_util.h"
#include "test_support.h"
#include "tests/support/reads_as_nlohmann.h"

#include <QtTest>

#include <random>

using namespace courtyard;

namespace {
std::string nested(int levels) { return std::string(std::size_t(levels), '[') + std::string(std::size_t(levels), ']'); }

// Empty when the reader agrees with nlohmann about `text` (roomy sizes), else what differs.
std::string disagreement(const std::string& text) {
    JsonLimits roomy;
    roomy.maxStringBytes = roomy.maxKeyBytes = 1u << 20;
    return test::disagreementWithNlohmann(text, roomy);
}
} // namespace

class BoundedJsonTest : public QObject {
    Q_OBJECT
private slots:
    void nestingStopsAtTheLimit() {
        JsonLimits l;
        l.maxDepth = 64;
        QVERIFY(parseBoundedJson(nested(64), l));
        auto deep = parseBoundedJson(nested(65), l);
        QVERIFY(!deep);
        QCOMPARE(deep.error().code, ErrorCode::InvalidArgument);
        QVERIFY(deep.error().message.find("nested deeper than 64 levels") != std::string::npos);
        // 100,000 levels are refused after 64 of them, not built and then destroyed.
        QVERIFY(!parseBoundedJson(nested(100000), l));
        QVERIFY(!parseJson(nested(100000))); // the stored-JSON reader is bounded too
    }

    void refusalsNameThePlace() {
        auto r = parseBoundedJson(R"({"ops":[{"seq":1},{"fields":{"note":[[[[1]]]]}}]})",
                                  [] {
                                      JsonLimits l;
                                      l.maxDepth = 6;
                                      return l;
                                  }());
        QVERIFY(!r);
        QVERIFY2(r.error().message.rfind("ops[1].fields.note", 0) == 0, r.error().message.c_str());
    }

    void sizesStopAtTheirLimits_data() {
        QTest::addColumn<QString>("allowed");
        QTest::addColumn<QString>("refused");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("a text") << R"(["abcd"])" << R"(["abcde"])" << "longer than 4 bytes";
        QTest::newRow("a member name") << R"({"abcd":1})" << R"({"abcde":1})" << "member name";
        QTest::newRow("a list") << "[1,2,3,4]" << "[1,2,3,4,5]" << "more than 4 items";
        QTest::newRow("an object") << R"({"a":1,"b":2,"c":3,"d":4})" << R"({"a":1,"b":2,"c":3,"d":4,"e":5})" << "more than 4 members";
    }
    void sizesStopAtTheirLimits() {
        QFETCH(QString, allowed);
        QFETCH(QString, refused);
        QFETCH(QString, mentions);
        JsonLimits l;
        l.maxStringBytes = l.maxKeyBytes = l.maxArrayItems = l.maxObjectMembers = 4;
        QVERIFY(parseBoundedJson(allowed.toStdString(), l));
        auto r = parseBoundedJson(refused.toStdString(), l);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(r.error().message.find(mentions.toStdString()) != std::string::npos, r.error().message.c_str());
    }

    void tooManyValuesIsTooBigNotMalformed() {
        JsonLimits l;
        l.maxValues = 5;
        QVERIFY(parseBoundedJson("[1,2,3,4]", l)); // the list and four numbers
        auto r = parseBoundedJson("[1,2,3,4,5]", l);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::ResourceExhausted);
    }

    void aMemberTwiceIsRefused() {
        auto r = parseBoundedJson(R"({"seq":1,"seq":2})", JsonLimits::request());
        QVERIFY(!r);
        QVERIFY(r.error().message.find("seq: the member appears twice") != std::string::npos);
    }

    void aNulIsRefusedInRequestsAndReadInStoredJson() {
        const std::string text = "{\"ops\":[{\"body\":{\"content\":\"a\\u0000b\"}}]}";
        auto r = parseBoundedJson(text, JsonLimits::request());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(r.error().message, std::string("ops[0].body.content: a text with a NUL character (U+0000)"));
        auto key = parseBoundedJson("{\"ops\":[{\"body\":{\"a\":1,\"x\\u0000\":2}}]}", JsonLimits::request());
        QVERIFY(!key);
        QCOMPARE(key.error().message, std::string("ops[0].body: a member name with a NUL character (U+0000)"));
        // In a list: the item's own index.
        auto item = parseBoundedJson("{\"comments\":[\"a\",\"b\",\"c\\u0000\"]}", JsonLimits::request());
        QVERIFY(!item);
        QCOMPARE(item.error().message, std::string("comments[2]: a text with a NUL character (U+0000)"));
        // A backslash and "u0000" as text is no NUL.
        QVERIFY(parseBoundedJson("[\"\\\\u0000\"]", JsonLimits::request()));

        // What was stored before is still read, and the place found again.
        auto stored = parseBoundedJson(text, JsonLimits::stored());
        QVERIFY(stored);
        QCOMPARE((*stored)["ops"][0]["body"]["content"].get<std::string>(), std::string("a\0b", 3));
        QCOMPARE(nulPlace(*stored).value_or("none"), std::string("ops[0].body.content"));
        QCOMPARE(nulPlace(Json{{"list", {"a", std::string("b\0", 2)}}}).value_or("none"), std::string("list[1]"));
        QCOMPARE(nulPlace(Json(std::string(1, '\0'))).value_or("none"), std::string());
        QCOMPARE(nulPlace(Json{{std::string("k\0", 2), 1}}).value_or("none"), std::string());
        QVERIFY(!nulPlace(Json{{"a", {"b", 1, nullptr}}}));
    }

    void syntaxErrorsSayWhere() {
        auto r = parseBoundedJson(R"({"a":})", JsonLimits::request());
        QVERIFY(!r);
        QVERIFY(r.error().message.find("not valid JSON") != std::string::npos);
        QVERIFY(!parseBoundedJson("{} trailing", JsonLimits::request()));
        QVERIFY(!parseBoundedJson("", JsonLimits::request()));
        QCOMPARE(*parseBoundedJson(R"({"b":[1,"x",null,true,2.5],"a":{}})", JsonLimits::request()),
                 Json::parse(R"({"b":[1,"x",null,true,2.5],"a":{}})"));
    }

    void readsWhatNlohmannReadsAndRefusesTheRest_data() {
        QTest::addColumn<QByteArray>("text");
        const char* texts[] = {
            // white space, the byte order mark, literals, what may follow a value
            " {} ", "\t\r\n[]\n", "\xEF\xBB\xBF{}", "\xEF\xBB{}", "\xEF\xBB\xBF", "", "   ", "true", "false", "null",
            "tru", "nul", "True", "nulll", "{} {}", "{}x", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}",
            "{a:1}", "{\"a\":}", "{'a':1}", "]", "[", "{", "[[]", "{\"a\":[}", "\"\\u00e9\"x",
            // numbers: signs, zeros, fractions, exponents, the edges of the whole-number types
            "0", "-0", "-0.0", "01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "1E-3", "2.5e+10", "1e400", "-1e400",
            "1e-400", "4.9e-324", "1.7976931348623157e308", "0.1", "123456789012345678901234567890",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551615", "18446744073709551616", "[1.5,-2,3e2,0e0,-0e-0]", "1x", "-x", "0x10", "Infinity",
            "NaN", "[-]", "[1e5.5]",
            // texts: escapes, \u forms, surrogate pairs and their misuse, control characters, UTF-8
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0041\\u00e9\\u4e09\\uFFFF\"", "\"\\uD83D\\uDE00\"",
            "\"\\uDE00\"", "\"\\uD83D\"", "\"\\uD83Dx\"", "\"\\uD83D\\u0041\"", "\"\\uD83D\\uD83D\"", "\"\\u12\"",
            "\"\\u12G4\"", "\"\\x41\"", "\"\\\"", "\"abc", "\"a\tb\"", "\"a\nb\"", "\"\x7f\"", "\"\\u0000\"",
            "\"三号楼\"", "\"\xE4\xB8\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xFF\"",
            "\"\xF0\x9F\x98\x80\"", "{\"\xE4\xB8\x89\":1}", "{\"\\u0061\":1,\"a\":2}", "[\"a\"\"b\"]"};
        for (const char* t : texts)
            QTest::newRow(t) << QByteArray(t);
        QTest::newRow("a NUL byte") << QByteArray("\"a\0b\"", 5);
    }
    void readsWhatNlohmannReadsAndRefusesTheRest() {
        QFETCH(QByteArray, text);
        const std::string why = disagreement(text.toStdString());
        QVERIFY2(why.empty(), why.c_str());
    }

    void aNulByteAfterTheValueIsMoreText() {
        // nlohmann stops reading at a NUL byte (the end of a C string) and takes "{}\0x" as
        // "{}"; the reader reads the whole body it was given.
        auto r = parseBoundedJson(std::string("{}\0x", 4), JsonLimits::request());
        QVERIFY(!r);
        QCOMPARE(r.error().message, std::string("body is not valid JSON (UTF-8 text) near byte 3: more text after the JSON value"));
    }

    void agreesWithNlohmannOnDamagedDocuments() {
        // Real documents, cut short and with bytes changed, removed or inserted at random:
        // each version is read as nlohmann reads it or refused as nlohmann refuses it.
        const std::string seeds[] = {
            "{\"schema\":2,\"ops\":[{\"seq\":1,\"kind\":\"create\",\"type\":\"complaint\",\"body\":{\"content\":\"三号楼 \\\"灯\\\" 坏了\\n\",\"urgent\":true,\"round\":0,\"score\":4.5,\"tags\":[\"a\",\"\\u00e9\"],\"n\":null}}]}",
            "[{\"id\":\"x\",\"at\":\"2026-12-07T10:00:00.000Z\",\"big\":18446744073709551615,\"neg\":-9223372036854775808,\"e\":1e-7}]"};
        const char alphabet[] = "{}[]\":,\\u0123456789abcdefE+-. \t\n\xE4\xB8\x89\xF0\x9F\x80\xED\xA0tfn";
        std::mt19937 rng(20261207);
        int refused = 0, read = 0;
        for (int round = 0; round < 20000; ++round) {
            std::string text = seeds[std::size_t(round % 2)];
            for (int edits = 1 + int(rng() % 3); edits > 0; --edits) {
                const std::size_t at = rng() % (text.size() + 1);
                const char c = alphabet[rng() % (sizeof alphabet - 1)];
                switch (rng() % 4) {
                case 0: text.resize(at); break;
                case 1: if (at < text.size()) text[at] = c; break;
                case 2: if (at < text.size()) text.erase(at, 1); break;
                default: text.insert(at, 1, c);
                }
            }
            const std::string why = disagreement(text);
            QVERIFY2(why.empty(), why.c_str());
            ++(test::nlohmannReads(text) == "refused" ? refused : read);
        }
        // Both kinds were tried many times.
        QVERIFY2(refused > 1000 && read > 1000, (std::to_string(refused) + " refused, " + std::to_string(read) + " read").c_str());
    }

    void wholeNumbersAreReadStrictly_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("asInt");
        QTest::addColumn<bool>("asInt64");
        QTest::addColumn<bool>("asUnsigned");
        QTest::newRow("42") << "42" << true << true << true;
        QTest::newRow("-1") << "-1" << true << true << false;
        QTest::newRow("1.5") << "1.5" << false << false << false;
        QTest::newRow("1.0") << "1.0" << false << false << false;
        QTest::newRow("1e300") << "1e300" << false << false << false;
        QTest::newRow("2^31") << "2147483648" << false << true << true;
        QTest::newRow("2^64 - 1") << "18446744073709551615" << false << false << true;
        QTest::newRow("text") << "\"1\"" << false << false << false;
    }
    void wholeNumbersAreReadStrictly() {
        QFETCH(QString, value);
        QFETCH(bool, asInt);
        QFETCH(bool, asInt64);
        QFETCH(bool, asUnsigned);
        const Json j = Json::parse("{\"n\":" + value.toStdString() + "}");
        auto ok = [&](auto probe) {
            try {
                probe();
                return true;
            } catch (const DecodeError&) {
                return false;
            }
        };
        QCOMPARE(ok([&] { (void)required<int>(j, "n"); }), asInt);
        QCOMPARE(ok([&] { (void)required<std::int64_t>(j, "n"); }), asInt64);
        QCOMPARE(ok([&] { (void)required<std::uint64_t>(j, "n"); }), asUnsigned);
        std::optional<int> opt;
        QCOMPARE(ok([&] { optionalInto(j, "n", opt); }), asInt);
    }
};

QTEST_GUILESS_MAIN(BoundedJsonTest)
#include "bounded_json_test.moc"
