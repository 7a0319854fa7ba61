// The protocol's building blocks: hybrid logical clocks, ids, receipt codes, hashing, PIN
// hashes, and the wire codecs of operations and pushes.
#include "shared/auth/pin_rules.h"
#include "shared/core/bounded_json.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/hlc.h"
#include "sync/protocol/ids.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/proof.h"
#include "test_support.h"

#include <QtTest>
#include <atomic>
#include <set>
#include <thread>

using namespace courtyard;
using namespace courtyard::sync;

class ProtocolTest : public QObject {
    Q_OBJECT
private slots:
    void hlcNeverGoesBackwards() {
        HlcClock c("dev-a");
        const auto a = c.now(1000);
        const auto b = c.now(1000); // same millisecond: the counter moves
        const auto d = c.now(900);  // the wall clock stepped back: still later
        QVERIFY(a < b);
        QVERIFY(b < d);
        QCOMPARE(d.wallMs, std::int64_t(1000));
        QCOMPARE(d.counter, 2u);
        const auto e = c.now(2000);
        QCOMPARE(e.counter, 0u);
        QVERIFY(d < e);
    }

    void hlcOrdersAfterWhatItHasSeenButNotTooFarAhead() {
        HlcClock c("dev-a");
        c.now(1000);
        c.observe(Hlc{5000, 7, "dev-b"}, 1000, 60000);
        const auto next = c.now(1000);
        QVERIFY(Hlc({5000, 7, "dev-b"}) < next);
        // A remote clock a day ahead is not adopted beyond the bound.
        HlcClock d("dev-c");
        d.observe(Hlc{1000 + 86'400'000, 0, "dev-bad"}, 1000, 60000);
        QCOMPARE(d.now(1000).wallMs, std::int64_t(1000 + 60000));
    }

    void hlcTextSortsAndParses() {
        const Hlc h{1772416800123, 42, "dev-x_9"};
        const auto text = h.toString();
        QCOMPARE(QString::fromStdString(text), QString("1772416800123.0042.dev-x_9"));
        QCOMPARE(*Hlc::parse(text), h);
        QVERIFY((Hlc{1, 2, "a"}.toString() < Hlc{1, 10, "a"}.toString()));
        for (const char* bad : {"", "abc", "1.2", "1..x", ".1.x", "1.x.node", "9999999999999999999999.0.n", "yesterday",
                                "1772416800123.0042.", "1772416800123.42.x", "17724168001234.0042.x",
                                "1772416800123.0042.a b", "1772416800123.99999999999.x", "177241680012a.0042.x"})
            QVERIFY2(!Hlc::parse(bad), bad);
    }

    void uuidsAreV7TimeOrderedAndUnique() {
        const Instant t = *parseInstant("2026-03-02T02:00:00Z");
        std::set<std::string> seen;
        std::string previous;
        for (int i = 0; i < 2000; ++i) {
            const auto id = newUuidV7(t + Milliseconds{i});
            QVERIFY(isUuid(id));
            QCOMPARE(id[14], '7');
            QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
            QVERIFY(seen.insert(id).second);
            QVERIFY(id > previous);
            previous = id;
        }
        QVERIFY(!isUuid("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5"));
        QVERIFY(!isUuid("0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B"));
    }

    void receiptCodesAreReadableAndForgiving() {
        std::set<std::string> seen;
        for (int i = 0; i < 1000; ++i) {
            const auto code = newReceiptCode();
            QCOMPARE(code.size(), std::size_t(9));
            QCOMPARE(code[4], '-');
            for (char c : code)
                QVERIFY(c != 'I' && c != 'L' && c != 'O' && c != 'U');
            seen.insert(code);
        }
        QVERIFY(seen.size() > 995);
        QCOMPARE(QString::fromStdString(normalizeReceiptCode("k7m2 q9xd")), QString("K7M2-Q9XD"));
        QCOMPARE(QString::fromStdString(normalizeReceiptCode("ab0o-il1x")), QString("AB00-111X"));
    }

    void sha256MatchesKnownVectors() {
        QCOMPARE(QString::fromStdString(sha256Hex("abc")),
                 QString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(QString::fromStdString(sha256Hex("")),
                 QString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        Sha256 h;
        h.update("a");
        h.update("bc");
        QCOMPARE(h.finishHex(), sha256Hex("abc"));
    }

    // RFC 4231's cases 1, 2 and 6 (a key longer than a block), an empty key, and the same
    // thread switching keys and hashing between MACs: each thread reuses one context.
    void hmacMatchesKnownVectorsWhateverCameBefore() {
        auto hex = [](const std::string& raw) { return QString(QByteArray::fromStdString(raw).toHex()); };
        const std::string longKey(131, '\xaa');
        for (int round = 0; round < 3; ++round) {
            QCOMPARE(hex(hmacSha256(std::string(20, '\x0b'), "Hi There")),
                     QString("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
            QCOMPARE(hex(hmacSha256("Jefe", "what do ya want for nothing?")),
                     QString("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
            QCOMPARE(sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
            QCOMPARE(hex(hmacSha256(longKey, "Test Using Larger Than Block-Size Key - Hash Key First")),
                     QString("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
            QCOMPARE(hex(hmacSha256("", "abc")),
                     QString("fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351"));
        }
        // Threads at once, each with its own contexts, agree with this one.
        const std::string expected = hmacSha256("Jefe", "what do ya want for nothing?");
        const std::string expectedSha = sha256Hex("what do ya want for nothing?");
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 2000; ++i) {
                    if (hmacSha256("Jefe", "what do ya want for nothing?") != expected)
                        ++wrong;
                    if (sha256Hex("what do ya want for nothing?") != expectedSha)
                        ++wrong;
                    (void)hmacSha256(std::string(std::size_t(t + i % 7), 'k'), std::string(std::size_t(i), 'd'));
                }
            });
        for (auto& th : threads)
            th.join();
        QCOMPARE(wrong.load(), 0);
    }

    void base64UrlRoundTrips() {
        for (const auto& s : {std::string(), std::string("f"), std::string("fo"), std::string("foo"),
                                    std::string("\xff\x00\xfe", 3)}) {
            auto back = base64UrlDecode(base64UrlEncode(s));
            QVERIFY(back);
            QCOMPARE(*back, s);
        }
        QVERIFY(!base64UrlDecode("a+b/"));
        const auto t = newDeviceToken();
        QVERIFY(t.rfind("cyt_", 0) == 0);
        QVERIFY(newDeviceToken() != t);
        QCOMPARE(tokenHash(t).size(), std::size_t(64));
    }

    void pinHashesVerifyOnlyTheRightPin() {
        const PinHashCost cheap{1024, 1};
        auto h = hashPin("2468", cheap);
        QVERIFY(h);
        QVERIFY(h->rfind("$argon2id$", 0) == 0);
        QVERIFY(verifyPin("2468", *h));
        QVERIFY(!verifyPin("2469", *h));
        QVERIFY(!verifyPin("", *h));
        QVERIFY(*hashPin("2468", cheap) != *h); // salted
        QVERIFY(!verifyPin("2468", "$2b$10$notargon"));
        QVERIFY(!hashPin(""));
        // The real cost, as measured and documented (the tests run with the cheap one).
        qunsetenv("COURTYARD_INSECURE_FAST_PIN_HASH");
        QCOMPARE(defaultPinHashCost().memoryKiB, 131072u);
        QCOMPARE(defaultPinHashCost().passes, 3u);
        qputenv("COURTYARD_INSECURE_FAST_PIN_HASH", "1");
        QVERIFY(defaultPinHashCost().memoryKiB < 1024);
    }

    void newPinsFollowThePolicy_data() {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("six digits") << "260413" << true;
        QTest::newRow("twelve digits") << "260413260413" << true;
        QTest::newRow("five digits: under the policy's six") << "26041" << false;
        QTest::newRow("thirteen digits") << "2604132604132" << false;
        QTest::newRow("a letter") << "26041a" << false;
        QTest::newRow("one digit repeated") << "777777" << false;
        QTest::newRow("a run up") << "123456" << false;
        QTest::newRow("a run down") << "987654" << false;
    }
    void newPinsFollowThePolicy() {
        QFETCH(QString, pin);
        QFETCH(bool, allowed);
        QCOMPARE(bool(auth::checkNewPin(pin.toStdString(), rules::Policy::defaults())), allowed);
        rules::Policy four = rules::Policy::defaults();
        four.pinMinLength = 4;
        QVERIFY(auth::checkNewPin("2604", four));
    }

    void wrongPinsWaitLongerAndLonger() {
        const auto& p = rules::Policy::defaults(); // 3 free, then 30 s doubling to an hour
        QCOMPARE(auth::pinRetryDelaySeconds(0, p), 0);
        QCOMPARE(auth::pinRetryDelaySeconds(2, p), 0);
        QCOMPARE(auth::pinRetryDelaySeconds(3, p), 30);
        QCOMPARE(auth::pinRetryDelaySeconds(4, p), 60);
        QCOMPARE(auth::pinRetryDelaySeconds(9, p), 1920);
        QCOMPARE(auth::pinRetryDelaySeconds(10, p), 3600);
        QCOMPARE(auth::pinRetryDelaySeconds(1000, p), 3600);
        QVERIFY(!auth::offlineAttemptsExhausted(9, p));
        QVERIFY(auth::offlineAttemptsExhausted(10, p));
    }

    void aProofBindsThePersonTheDeviceAndEveryByteOfTheOperation() {
        Credential c{"cr-1", "s-1001", "dev-a", std::string(32, 'k')};
        Operation op;
        op.seq = 3;
        op.kind = OpKind::Update;
        op.type = "complaint";
        op.id = "c-1";
        op.hlc = "1772676000000.0000.dev-a";
        op.at = *parseInstant("2026-03-05T02:00:00Z");
        op.actor = "s-1001";
        op.fields = {{"content", "楼道灯坏了"}, {"urgent", true}, {"score", 4.0}};
        QVERIFY(signOperation(op, c));
        QCOMPARE(op.fields["score"], Json(4)); // whole numbers travel as integers: one text form
        QVERIFY(*operationProofValid("dev-a", op, c.secret));
        // Over the wire and back: still valid.
        Operation back = Json::parse(Json(op).dump()).get<Operation>();
        QVERIFY(*operationProofValid("dev-a", back, c.secret));
        // Another device, another key, another sequence, another person, another byte: not valid.
        QVERIFY(!*operationProofValid("dev-b", op, c.secret));
        QVERIFY(!*operationProofValid("dev-a", op, std::string(32, 'j')));
        Operation reused = op;
        reused.seq = 4;
        QVERIFY(!*operationProofValid("dev-a", reused, c.secret));
        Operation other = op;
        other.actor = "s-2001";
        QVERIFY(!*operationProofValid("dev-a", other, c.secret));
        Operation edited = op;
        edited.fields["content"] = "楼道灯好了";
        QVERIFY(!*operationProofValid("dev-a", edited, c.secret));
        // A fraction has no single text form: refused, not guessed.
        Operation fraction = op;
        fraction.fields["score"] = 4.5;
        QCOMPARE(signOperation(fraction, c).error().code, ErrorCode::InvalidArgument);
    }

    // The server encodes a received operation once for its replay fingerprint and its proof:
    // both texts must be byte for byte those of the general encoders, for every kind.
    void oneEncodingGivesTheCanonicalTextAndTheSigningInput() {
        Credential c{"cr-1", "s-1001", "dev-a", std::string(32, 'k')};
        std::vector<Operation> ops;
        Operation base;
        base.seq = 12;
        base.type = "complaint";
        base.id = "c-\"quoted\"\n";
        base.hlc = "1772676000000.0003.dev-a";
        base.at = *parseInstant("2026-03-05T02:00:00.250Z");
        base.actor = "s-1001";
        Operation create = base;
        create.kind = OpKind::Create;
        create.body = {{"content", "楼道灯坏了\t\x01"}, {"nested", {{"z", 1}, {"a", {1, 2, "三"}}}}, {"urgent", true}};
        ops.push_back(create);
        Operation update = base;
        update.kind = OpKind::Update;
        update.fields = {{"content", "x"}, {"whole", 4.0}}; // a float: the general path
        ops.push_back(update);
        Operation transition = base;
        transition.kind = OpKind::Transition;
        transition.action = "reply";
        ops.push_back(transition); // params null: encoded as {}
        transition.params = {{"reply", "好的"}, {"n", -3}};
        ops.push_back(transition);
        Operation append = base;
        append.kind = OpKind::Append;
        append.list = "comments";
        append.item = {{"id", "cm-1"}, {"text", "ok"}};
        ops.push_back(append);
        Operation fraction = update;
        fraction.fields["whole"] = 4.5; // refused by both
        ops.push_back(fraction);
        for (auto op : ops) {
            for (bool signedOp : {false, true}) {
                if (signedOp) {
                    op.proofCredential = c.id;
                    op.proofSig = "c2lnbmF0dXJl";
                }
                const auto e = encodeOperation("dev-a", op);
                QCOMPARE(QString::fromStdString(e.canonical), QString::fromStdString(Json(op).dump()));
                const auto general = operationSigningInput("dev-a", op);
                QCOMPARE(e.signingInput.has_value(), general.has_value());
                if (general)
                    QCOMPARE(QString::fromStdString(*e.signingInput), QString::fromStdString(*general));
            }
        }
        // And a proof checked over the ready input holds exactly when the general check holds.
        Operation signedCreate = create;
        QVERIFY(signOperation(signedCreate, c));
        const auto e = encodeOperation("dev-a", signedCreate);
        QVERIFY(signingInputProofValid(*e.signingInput, signedCreate.proofSig, c.secret));
        QVERIFY(!signingInputProofValid(*e.signingInput, signedCreate.proofSig, std::string(32, 'j')));
        signedCreate.body["urgent"] = false;
        QVERIFY(!signingInputProofValid(*encodeOperation("dev-a", signedCreate).signingInput, signedCreate.proofSig,
                                        c.secret));
    }

    void aRequestProofBindsTheTargetAndParses() {
        Credential c{"cr-1", "s-3001", "dev-a", std::string(32, 'k')};
        const std::string header = actorHeaderValue(c, "GET", "/v1/reports/monthly?period=2026-03", 1772676000000);
        auto p = parseActorHeader(header);
        QVERIFY(p);
        QCOMPARE(p->credential, std::string("cr-1"));
        QCOMPARE(p->timestampMs, std::int64_t(1772676000000));
        QVERIFY(requestProofValid(*p, "dev-a", "GET", "/v1/reports/monthly?period=2026-03", c.secret));
        QVERIFY(!requestProofValid(*p, "dev-a", "GET", "/v1/reports/monthly?period=2026-02", c.secret));
        QVERIFY(!requestProofValid(*p, "dev-b", "GET", "/v1/reports/monthly?period=2026-03", c.secret));
        QVERIFY(!parseActorHeader("cr-1.notanumber.n.s"));
        QVERIFY(!parseActorHeader("only-one-part"));
        QVERIFY(!parseActorHeader(""));
    }

    void sealedSecretsOpenOnlyWithTheRightKeyAndContext() {
        const std::string key(32, 'a');
        auto box = seal(key, "the secret", "context");
        QVERIFY(box);
        QCOMPARE(*open(key, *box, "context"), std::string("the secret"));
        QCOMPARE(open(std::string(32, 'b'), *box, "context").error().code, ErrorCode::Unauthenticated);
        QCOMPARE(open(key, *box, "other context").error().code, ErrorCode::Unauthenticated);
        std::string flipped = *box;
        flipped[15] ^= 1;
        QCOMPARE(open(key, flipped, "context").error().code, ErrorCode::Unauthenticated);
        QVERIFY(*seal(key, "the secret", "context") != *box); // a fresh nonce each time
        auto k1 = deriveKey("100100", std::string(16, 's'), {256, 1});
        auto k2 = deriveKey("100101", std::string(16, 's'), {256, 1});
        QVERIFY(k1 && k2 && *k1 != *k2 && k1->size() == 32);
    }

    void operationsRoundTripByKind() {
        for (auto kind : {OpKind::Create, OpKind::Update, OpKind::Transition, OpKind::Append}) {
            Operation op;
            op.seq = 7;
            op.kind = kind;
            op.type = "complaint";
            op.id = "c-1";
            op.hlc = "1772416800000.0000.dev";
            op.at = *parseInstant("2026-03-02T02:00:00Z");
            op.actor = "s-1";
            op.body = {{"content", "x"}};
            op.fields = {{"urgent", true}};
            op.action = "accept";
            op.params = {{"reach", "media"}};
            op.list = "comments";
            op.item = {{"id", "n"}};
            auto back = decodeJson<Operation>(Json(op));
            QVERIFY2(back, back ? "" : back.error().message.c_str());
            QCOMPARE(Json(*back), Json(op));
        }
    }

    void malformedOperationsAreRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("sequence zero") << R"({"seq":0,"kind":"create","type":"t","id":"i","at":"2026-03-02T02:00:00Z","body":{}})" << "seq";
        QTest::newRow("unknown kind") << R"({"seq":1,"kind":"delete","type":"t","id":"i","at":"2026-03-02T02:00:00Z"})" << "kind";
        QTest::newRow("create without body") << R"({"seq":1,"kind":"create","type":"t","id":"i","at":"2026-03-02T02:00:00Z"})" << "body";
        QTest::newRow("update with no fields") << R"({"seq":1,"kind":"update","type":"t","id":"i","at":"2026-03-02T02:00:00Z","fields":{}})" << "fields";
        QTest::newRow("transition without action") << R"({"seq":1,"kind":"transition","type":"t","id":"i","at":"2026-03-02T02:00:00Z"})" << "action";
        QTest::newRow("an id that is too long") << QString(R"({"seq":1,"kind":"create","type":"t","id":"%1","at":"2026-03-02T02:00:00Z","body":{}})").arg(QString(80, 'x')) << "id";
        QTest::newRow("seq as text") << R"({"seq":"1","kind":"create","type":"t","id":"i","at":"2026-03-02T02:00:00Z","body":{}})" << "seq";
        QTest::newRow("seq with a fraction") << R"({"seq":1.5,"kind":"create","type":"t","id":"i","at":"2026-03-02T02:00:00Z","body":{}})" << "seq: must be a whole number";
        QTest::newRow("a clock stamp 'yesterday'") << R"({"seq":1,"kind":"create","type":"t","id":"i","hlc":"yesterday","at":"2026-03-02T02:00:00Z","body":{}})" << "hlc";
        QTest::newRow("a type in capitals") << R"({"seq":1,"kind":"create","type":"T","id":"i","at":"2026-03-02T02:00:00Z","body":{}})" << "type";
        QTest::newRow("an id with a space") << R"({"seq":1,"kind":"create","type":"t","id":"i j","at":"2026-03-02T02:00:00Z","body":{}})" << "id";
        QTest::newRow("an action with punctuation") << R"({"seq":1,"kind":"transition","type":"t","id":"i","at":"2026-03-02T02:00:00Z","action":"go!"})" << "action";
    }
    void malformedOperationsAreRefused() {
        QFETCH(QString, json);
        QFETCH(QString, mentions);
        auto op = decodeJson<Operation>(Json::parse(json.toStdString()));
        QVERIFY(!op);
        QVERIFY2(op.error().message.find(mentions.toStdString()) != std::string::npos, op.error().message.c_str());
    }

    void schemaVersionsAreChecked() {
        QVERIFY(checkSchema({{"schema", kSchemaVersion}}));
        QCOMPARE(checkSchema({{"schema", kSchemaVersion + 1}}).error().code, ErrorCode::FailedPrecondition);
        QCOMPARE(checkSchema({{"schema", kOldestSchemaVersion - 1}}).error().code, ErrorCode::FailedPrecondition);
        QCOMPARE(checkSchema(Json::object()).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(checkSchema({{"schema", "1"}}).error().code, ErrorCode::InvalidArgument);
    }

    void errorBodiesRoundTrip() {
        const Error e = conflict("someone else closed it");
        const auto back = errorFromBody(errorBody(e).dump(), 409);
        QCOMPARE(back.code, ErrorCode::Conflict);
        QCOMPARE(back.message, e.message);
        QCOMPARE(errorFromBody("<html>bad gateway</html>", 502).code, ErrorCode::Unavailable);
    }

    // The server writes a pull page by hand (stored texts spliced in): it must read back as the
    // page does through Json, for every kind of change and for text that needs escaping.
    void aPageWrittenByHandReadsBackAsThePage() {
        PullResponse page;
        page.serverTime = *parseInstant("2026-12-05T08:00:00.125Z");
        page.cursor = "42.ab12cd34.db-1";
        page.hasMore = true;
        page.database = "db-1";
        page.remaining = 7;
        Change stored;
        stored.type = "complaint";
        stored.id = "c-1";
        stored.version = 41;
        stored.rawRecord = Json{{"id", "c-1"}, {"content", "三号楼 \"灯\" 不亮\n"}}.dump();
        stored.stamps = Json{{"content", "1733385600000.0001.d-1"}};
        records::IndexFields index;
        index.communityId = "cm-sunshine";
        index.state = "received";
        index.unitId = "u \"3\"\t\\ 楼";
        index.dueAt = *parseInstant("2026-12-06T08:00:00Z");
        index.happenedAt = *parseInstant("2026-12-05T07:59:00Z");
        stored.index = index;
        stored.history = Json::array({Json{{"at", "2026-12-05T08:00:00Z"}, {"by", "s-1"}}}).dump();
        page.changes.push_back(stored);
        Change parsed;
        parsed.type = "receipt";
        parsed.id = "c-2";
        parsed.version = 42;
        parsed.deleted = true;
        parsed.record = Json{{"id", "c-2"}, {"note", std::string("bad \xff byte")}};
        records::IndexFields bare;
        bare.communityId = "";
        parsed.index = bare;
        page.changes.push_back(parsed);

        Json expected = page;
        expected["changes"][0]["record"] = Json::parse(stored.rawRecord); // Json(page) leaves rawRecord out
        expected["changes"][1]["record"]["note"] = "bad \xef\xbf\xbd byte";  // invalid UTF-8 replaced
        const auto text = encodePullResponse(page);
        QCOMPARE(Json::parse(text).dump(), expected.dump());
        auto back = decodeJson<PullResponse>(Json::parse(text));
        QVERIFY(back);
        QCOMPARE(back->changes.size(), std::size_t(2));
        QCOMPARE(back->changes[0].index->unitId, index.unitId);
        QVERIFY(back->changes[0].index->dueAt == index.dueAt);
        QVERIFY(!back->changes[1].index->dueAt);
    }

    // A device keeps each change's record, stamps and history as the page's text carried them
    // (no printing again), whatever the spacing and whatever the strings hold; the values are
    // the ones the tree holds. A change (or a page) with a member name written with escapes
    // keeps no texts: its values are printed from the tree instead.
    void aDevicePageKeepsEachValuesText() {
        const std::string record0 = "{ \"id\" : \"c-1\", \"content\" : \"a } ] { [ \\\" \\\\ , : \\n \\u001f é 三号楼\",\n              \"n\" : [ 1.5e3, -0, true, null, { \"x\" : [ ] } ] }";
        const std::string stamps0 = "{\"content\":\"1733385600000.0001.d-1\"}";
        const std::string history0 = "[ {\"at\":\"2026-12-05T08:00:00Z\",\"by\":\"s-1\"} ]";
        const std::string record1 = "{\"id\":\"c-2\"}";
        const std::string text = "{ \"schema\" : 2, \"server_time\" : \"2026-12-05T08:00:00Z\",\n"
                                 "  \"changes\" : [ { \"type\" : \"complaint\", \"id\" : \"c-1\", \"version\" : 41,\n"
                                 "      \"record\" : " + record0 + " , \"stamps\":" + stamps0 + ",\"history\" :\t" +
                                 history0 + " },\n"
                                 "    {\"type\":\"complaint\",\"\\u0069d\":\"c-2\",\"version\":42,\"record\":" + record1 +
                                 ",\"stamps\":{\"id\":\"1.0.d\"}},\n"
                                 "    {\"type\":\"complaint\",\"id\":\"c-3\",\"version\":43,\"deleted\":true,"
                                 "\"record\":{\"purged_at\":\"2026-12-05T08:00:00Z\"},\"stamps\":[]},\n"
                                 "    {\"type\":\"complaint\",\"id\":\"c-4\",\"version\":44,\"record\":{\"id\":\"c-4\"},"
                                 "\"stamps\":null},\n"
                                 "    {\"type\":\"complaint\",\"id\":\"c-5\",\"version\":45,"
                                 "\"record\":{\"content\":\"a\\/b \\u0041\"},\"stamps\":{\"id\":\"1.0.d\"}}\n"
                                 "  ], \"cursor\" : \"43.x\", \"has_more\" : false }";
        auto parsed = parseBoundedJson(text, JsonLimits::stored());
        QVERIFY(parsed);
        auto page = takePullPage(Json(*parsed), text);
        QVERIFY2(page, page ? "" : page.error().message.c_str());
        QCOMPARE(page->changes.size(), std::size_t(5));
        const auto& c0 = page->changes[0];
        QCOMPARE(c0.rawRecord, record0);
        QCOMPARE(c0.record.dump(), Json::parse(record0).dump());
        QCOMPARE(c0.record["content"].get<std::string>(), std::string("a } ] { [ \" \\ , : \n \x1f é 三号楼"));
        QCOMPARE(c0.rawStamps, stamps0);
        QCOMPARE(c0.stamps.dump(), Json::parse(stamps0).dump());
        QCOMPARE(c0.history, history0);
        // "\u0069d" is "id": decoded, but this change's texts are not trusted to be the values.
        const auto& c1 = page->changes[1];
        QCOMPARE(c1.id, std::string("c-2"));
        QVERIFY(c1.rawRecord.empty() && c1.rawStamps.empty());
        QCOMPARE(c1.record.dump(), Json::parse(record1).dump());
        // Stamps that are not an object keep no text (the device stores none for them).
        const auto& c2 = page->changes[2];
        QVERIFY(c2.deleted);
        QCOMPARE(c2.rawRecord, std::string("{\"purged_at\":\"2026-12-05T08:00:00Z\"}"));
        QVERIFY(c2.rawStamps.empty());
        // Null stamps read as {}: no text ("null" is not the value).
        QCOMPARE(page->changes[3].rawRecord, std::string("{\"id\":\"c-4\"}"));
        QVERIFY(page->changes[3].rawStamps.empty());
        QCOMPARE(page->changes[3].stamps, Json::object());
        // Escapes nlohmann never writes (\/, \u0041): the device would search a text that does
        // not say "a/b A", so it keeps none for this change and prints the values instead.
        const auto& c4 = page->changes[4];
        QVERIFY(c4.rawRecord.empty() && c4.rawStamps.empty());
        QCOMPARE(c4.record["content"].get<std::string>(), std::string("a/b A"));
        QCOMPARE(page->cursor, std::string("43.x"));

        // The same page through from_json: the same values, no texts.
        auto copied = decodeJson<PullResponse>(*parsed);
        QVERIFY(copied);
        QCOMPARE(copied->changes[0].record.dump(), c0.record.dump());
        QVERIFY(copied->changes[0].rawRecord.empty());

        // A top-level name with escapes: no texts anywhere; text that is not the page: none either.
        std::string escapedTop = text;
        escapedTop.replace(escapedTop.find("\"cursor\""), 8, "\"\\u0063ursor\"");
        auto top = takePullPage(Json(*parseBoundedJson(escapedTop, JsonLimits::stored())), escapedTop);
        QVERIFY(top);
        QVERIFY(top->changes[0].rawRecord.empty() && top->changes[0].rawStamps.empty());
        QCOMPARE(top->changes[0].history, Json::parse(history0).dump());
        auto other = takePullPage(Json(*parsed), "{\"changes\":[]}");
        QVERIFY(other);
        QVERIFY(other->changes[0].rawRecord.empty());
        QCOMPARE(other->changes[0].record.dump(), c0.record.dump());

        // A page that does not decode says where.
        Json bad = *parsed;
        bad["changes"][2].erase("record");
        auto refused = takePullPage(std::move(bad), text);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message, std::string("changes[2].record: is required"));
    }
};

QTEST_GUILESS_MAIN(ProtocolTest)
#include "protocol_test.moc"
