// The fast JSON encoder writes exactly what nlohmann's dump() writes, in both of its modes:
// every single byte and every pair of bytes as a string, every byte at every offset of a long
// string, the edges of each UTF-8 sequence length, object keys, numbers at their limits, and
// thousands of random trees. Where dump() throws (invalid UTF-8, strict mode), dumpJson throws
// the same error.
#include "shared/core/json_dump.h"

#include <QtTest>

#include <cstdint>
#include <limits>
#include <random>

using namespace courtyard;
using Json = nlohmann::json;

namespace {

// What nlohmann does with `v` in a mode: its text, or its exception's message.
std::string reference(const Json& v, InvalidUtf8 mode) {
    try {
        return mode == InvalidUtf8::Replace ? v.dump(-1, ' ', false, Json::error_handler_t::replace) : v.dump();
    } catch (const Json::exception& e) {
        return std::string("threw: ") + e.what();
    }
}

std::string ours(const Json& v, InvalidUtf8 mode) {
    try {
        return dumpJson(v, mode);
    } catch (const Json::exception& e) {
        return std::string("threw: ") + e.what();
    }
}

// Compares both modes; the message names the first value that differs.
bool sameAsNlohmann(const Json& v, std::string* why) {
    for (const auto mode : {InvalidUtf8::Throw, InvalidUtf8::Replace}) {
        const std::string want = reference(v, mode), got = ours(v, mode);
        if (want != got) {
            *why = "mode " + std::to_string(int(mode)) + ": nlohmann wrote [" + want + "], dumpJson wrote [" + got + "]";
            return false;
        }
    }
    return true;
}

std::string randomText(std::mt19937& rng) {
    static const std::vector<std::string> pieces{
        "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'), "\x01", "\x1f", "\x7f",
        "三号楼", "灯", "é", "€", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD", "\xE2\x80\xA8",
        // invalid: a lone continuation, a cut sequence, an overlong form, a surrogate, too high
        "\x80", "\xE4\xB8", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"};
    std::uniform_int_distribution<int> length(0, 12), pick(0, int(pieces.size()) - 1), clean(0, 9);
    const bool valid = clean(rng) < 8; // most strings valid, so most trees encode all the way
    std::string s;
    for (int n = length(rng); n > 0; --n) {
        int p = pick(rng);
        while (valid && p >= int(pieces.size()) - 6)
            p = pick(rng);
        s += pieces[std::size_t(p)];
    }
    return s;
}

Json randomTree(std::mt19937& rng, int depth) {
    std::uniform_int_distribution<int> kind(0, depth > 3 ? 6 : 8), count(0, 5);
    switch (kind(rng)) {
    case 0: return nullptr;
    case 1: return bool(rng() & 1);
    case 2: return std::int64_t(rng()) - std::int64_t(rng()) * 4096;
    case 3: return std::uint64_t(rng()) << 32 | rng();
    case 4: return double(std::int64_t(rng())) / 7.0;
    case 5:
    case 6: return randomText(rng);
    case 7: {
        Json a = Json::array();
        for (int n = count(rng); n > 0; --n)
            a.push_back(randomTree(rng, depth + 1));
        return a;
    }
    default: {
        Json o = Json::object();
        for (int n = count(rng); n > 0; --n)
            o[randomText(rng)] = randomTree(rng, depth + 1);
        return o;
    }
    }
}

} // namespace

class JsonDumpTest : public QObject {
    Q_OBJECT
private slots:
    void everyByteAndEveryPairOfBytesAsAString() {
        std::string why;
        for (int a = 0; a < 256; ++a) {
            QVERIFY2(sameAsNlohmann(Json(std::string(1, char(a))), &why), why.c_str());
            for (int b = 0; b < 256; ++b)
                QVERIFY2(sameAsNlohmann(Json(std::string{char(a), char(b)}), &why), why.c_str());
        }
    }

    void everyByteAtEveryOffsetOfALongString() {
        // Plain ASCII is skipped eight bytes at a time: every byte, alone and as the lead of a
        // three-byte character (三), is put at each offset of a 24-byte line, so it falls in
        // each lane of a word, across word ends, and in the tail shorter than a word.
        const std::string line = "Building 3, unit 2: 402.";
        std::string why;
        for (int a = 0; a < 256; ++a)
            for (std::size_t at = 0; at <= line.size(); ++at)
                for (const std::string& piece : {std::string(1, char(a)), std::string{char(a), '\xB8', '\x89'}}) {
                    const std::string s = line.substr(0, at) + piece + line.substr(at);
                    QVERIFY2(sameAsNlohmann(Json(s), &why), why.c_str());
                }
    }

    void theEdgesOfEveryUtf8SequenceLength() {
        // Each lead byte from 0xC0 on, followed by one to three bytes at the edges of the
        // continuation ranges (and just outside them), with text after it.
        const unsigned edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
        std::string why;
        for (unsigned lead = 0xC0; lead <= 0xFF; ++lead)
            for (unsigned b1 : edges)
                for (unsigned b2 : edges)
                    for (unsigned b3 : edges) {
                        const std::string s{'x', char(lead), char(b1), char(b2), char(b3), 'y'};
                        QVERIFY2(sameAsNlohmann(Json(s), &why), why.c_str());
                        QVERIFY2(sameAsNlohmann(Json(s.substr(0, 3)), &why), why.c_str()); // cut short
                    }
    }

    void invalidUtf8ThrowsOrIsReplacedAsNlohmannDoes() {
        const Json v{{"ok", "三号楼"}, {"list", {1, "\xE4\xB8", true}}};
        QVERIFY_THROWS_EXCEPTION(Json::type_error, (void)dumpJson(v));
        QCOMPARE(dumpJson(v, InvalidUtf8::Replace), v.dump(-1, ' ', false, Json::error_handler_t::replace));
        // In a key as well, and with text already in `out`: the prefix stays, nothing half-written.
        Json key = Json::object();
        key["a\xFF"] = 1;
        std::string out = "prefix:";
        appendJson(out, key, InvalidUtf8::Replace);
        QCOMPARE(out, "prefix:" + key.dump(-1, ' ', false, Json::error_handler_t::replace));
        out = "prefix:";
        QVERIFY_THROWS_EXCEPTION(Json::type_error, appendJson(out, key));
    }

    void numbersAndScalarsAtTheirLimits() {
        std::string why;
        for (const Json& v :
             {Json(nullptr), Json(true), Json(false), Json(0), Json(-1), Json(std::numeric_limits<std::int64_t>::min()),
              Json(std::numeric_limits<std::int64_t>::max()), Json(std::numeric_limits<std::uint64_t>::max()),
              Json(0.1), Json(-0.0), Json(1e300), Json(1.0), Json(std::numeric_limits<double>::quiet_NaN()),
              Json(std::numeric_limits<double>::infinity()), Json::object(), Json::array(), Json(""),
              Json::binary({1, 2, 3})})
            QVERIFY2(sameAsNlohmann(v, &why), why.c_str());
    }

    void randomTreesEncodeAsNlohmannEncodesThem() {
        std::mt19937 rng(20261207);
        std::string why;
        int thrown = 0;
        for (int i = 0; i < 5000; ++i) {
            const Json v = randomTree(rng, 0);
            QVERIFY2(sameAsNlohmann(v, &why), why.c_str());
            thrown += reference(v, InvalidUtf8::Throw).rfind("threw", 0) == 0;
        }
        // Both paths were taken: trees that encode and trees with invalid UTF-8 in them.
        QVERIFY2(thrown > 100 && thrown < 4000, std::to_string(thrown).c_str());
    }
};

QTEST_GUILESS_MAIN(JsonDumpTest)
#include "json_dump_test.moc"
