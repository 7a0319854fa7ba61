// A record's body written straight to text (JsonTextMembers, domain::bodyText) is the text
// dumpJson makes of the tree to_json builds, byte for byte: for members of every kind, keys
// written out of order or twice, nested objects, thousands of random complaints (invalid UTF-8
// throwing alike), and for every record type's create as the server's push prepares it.
#include "shared/core/json_members.h"
#include "shared/domain/body_text.h"
#include "shared/domain/complaint.h"
#include "shared/records/record_type.h"
#include "shared/rules/calendar.h"
#include "shared/rules/policy.h"
#include "support/record_samples.h"

#include <QtTest>

#include <cstdint>
#include <limits>
#include <map>
#include <random>

using namespace courtyard;

namespace {

std::string viaTree(const Json& j) {
    try {
        return dumpJson(j);
    } catch (const Json::exception& e) {
        return std::string("threw: ") + e.what();
    }
}

template <typename F>
std::string viaText(F&& makeText) {
    try {
        return makeText();
    } catch (const Json::exception& e) {
        return std::string("threw: ") + e.what();
    }
}

// Writes the same members to both outputs; returns {tree's text, text}.
template <typename Write>
std::pair<std::string, std::string> bothWays(Write&& write) {
    Json tree;
    JsonTreeMembers treeOut(tree);
    write(treeOut);
    JsonTextMembers textOut;
    write(textOut);
    return {viaTree(tree), viaText([&] { return textOut.text(); })};
}

template <typename E>
E pickEnum(std::mt19937& rng) {
    const auto& names = enumNames(E{});
    return names[rng() % names.size()].first;
}

std::string randomText(std::mt19937& rng) {
    static const std::vector<std::string> pieces{"a", " ", "\"", "\\", "/", "\n", "\t", std::string(1, '\0'), "\x1f",
                                                 "\x7f", "三号楼", "é", "\xF0\x9F\x98\x80", "\xE2\x80\xA8"};
    std::string s;
    for (int n = int(rng() % 8); n > 0; --n)
        s += pieces[rng() % pieces.size()];
    return s;
}

Instant randomInstant(std::mt19937& rng) { return fromEpochMs(1'700'000'000'000 + std::int64_t(rng() % 100'000'000'000)); }

template <typename T>
std::optional<T> maybe(std::mt19937& rng, T v) {
    return rng() % 2 ? std::optional<T>(std::move(v)) : std::nullopt;
}

domain::Deadline randomDeadline(std::mt19937& rng) {
    domain::Deadline d;
    d.dueAt = randomInstant(rng);
    d.rule = "complaint_reply.default";
    d.provisional = rng() % 2;
    d.calendarFallback = rng() % 2;
    d.startedAt = randomInstant(rng);
    d.basis = randomText(rng);
    return d;
}

domain::Complaint randomComplaint(std::mt19937& rng) {
    auto text = [&] { return rng() % 3 ? randomText(rng) : std::string(); };
    domain::Complaint c;
    c.id = "c-" + std::to_string(rng());
    c.communityId = text();
    c.createdAt = randomInstant(rng);
    c.createdBy = text();
    c.originDevice = text();
    c.state = pickEnum<domain::ComplaintState>(rng);
    c.kind = pickEnum<domain::ComplaintKind>(rng);
    c.channel = pickEnum<domain::Channel>(rng);
    c.complainant = {text(), text()};
    c.unitId = text();
    c.buildingId = text();
    c.category = pickEnum<domain::Category>(rng);
    c.content = randomText(rng);
    c.receivedAt = randomInstant(rng);
    c.requestedReplyBy = maybe(rng, randomInstant(rng));
    c.urgent = rng() % 2;
    c.serious = rng() % 2;
    c.receiptCode = text();
    c.fingerprint = text();
    c.validity = pickEnum<domain::Validity>(rng);
    c.cause = maybe(rng, pickEnum<domain::Cause>(rng));
    c.invalidReason = text();
    c.controllability = pickEnum<domain::Controllability>(rng);
    c.reach = pickEnum<domain::Reach>(rng);
    c.grade = maybe(rng, int(rng() % 5));
    c.residentType = maybe(rng, pickEnum<domain::ResidentType>(rng));
    c.decidedAt = maybe(rng, randomInstant(rng));
    c.handlerId = text();
    c.departmentId = text();
    c.handlingMode = maybe(rng, pickEnum<domain::HandlingMode>(rng));
    c.agreedBy = maybe(rng, randomInstant(rng));
    c.measures = text();
    c.result = text();
    c.reply = text();
    c.firstRepliedAt = maybe(rng, randomInstant(rng));
    c.repliedAt = maybe(rng, randomInstant(rng));
    c.explanation = text();
    c.explainedAt = maybe(rng, randomInstant(rng));
    c.referralResult = text();
    c.transferSheetId = text();
    c.leaderId = text();
    c.round = rng() % 4 ? 1 : int(rng() % 1000) - 500;
    for (int n = int(rng() % 3); n > 0; --n)
        c.visits.push_back({text(), randomInstant(rng), text(), pickEnum<domain::VisitMethod>(rng), text(), bool(rng() % 2)});
    c.closedAt = maybe(rng, randomInstant(rng));
    c.replyDue = maybe(rng, randomDeadline(rng));
    c.explanationDue = maybe(rng, randomDeadline(rng));
    c.visitDue = maybe(rng, randomDeadline(rng));
    c.roundReplyDue = maybe(rng, randomDeadline(rng));
    if (rng() % 2)
        c.escalation = domain::Escalation{int(rng() % 4), pickEnum<domain::Position>(rng), randomInstant(rng),
                                          text(), maybe(rng, randomInstant(rng))};
    for (int n = int(rng() % 3); n > 0; --n)
        c.timeline.push_back({text(), randomInstant(rng), text(), text(), "accept", text(), text(), text(), text()});
    for (int n = int(rng() % 3); n > 0; --n)
        c.comments.push_back({text(), randomInstant(rng), text(), text()});
    for (int n = int(rng() % 3); n > 0; --n)
        c.attachments.push_back({std::string(64, 'a'), pickEnum<domain::AttachmentKind>(rng), "image/jpeg",
                                 std::int64_t(rng()), text()});
    return c;
}

} // namespace

class BodyTextTest : public QObject {
    Q_OBJECT
private slots:
    void membersOfEveryKindAreWrittenAsTheTreeWritesThem() {
        const auto [tree, text] = bothWays([](auto& out) {
            out.put("string", std::string("三号楼 \"quoted\" \\ \n"));
            out.put("literal", "kiosk");
            out.put("view", std::string_view("a view"));
            out.put("true", true);
            out.put("false", false);
            out.put("int", -7);
            out.put("int64 min", std::numeric_limits<std::int64_t>::min());
            out.put("int64 max", std::numeric_limits<std::int64_t>::max());
            out.put("uint64 max", std::numeric_limits<std::uint64_t>::max());
            out.put("instant", fromEpochMs(1'795'000'000'123));
            out.put("enum", domain::Channel::FaceToFace);
            out.put("list", std::vector<int>{3, 1, 2});
            out.put("empty list", std::vector<std::string>{});
            out.put("empty object", Json::object());
            out.put("null", Json());
            out.put("empty map", std::map<std::string, int>{});
            out.put("optional, empty", std::optional<int>());
            out.putIf("absent", std::optional<int>());
            out.putIf("present", std::optional<Instant>(fromEpochMs(0)));
            out.putIfNotEmpty("absent too", std::string());
            out.putIfNotEmpty("present too", std::string("x"));
            out.object("nested", [](auto& inner) {
                inner.put("z", 1);
                inner.put("a", "first");
                inner.object("deeper", [](auto&) {});
            });
        });
        QCOMPARE(QString::fromStdString(text), QString::fromStdString(tree));
        QVERIFY(text.find("\"absent") == std::string::npos);
        QVERIFY(text.find("\"deeper\":{}") != std::string::npos);
    }

    void keysComeOutSortedAndTheLastWriteOfAKeyStays() {
        const auto [tree, text] = bothWays([](auto& out) {
            out.put("b", 1);
            out.put("a", 2);
            out.put("b", 3);
            out.put("ab", 4);
            out.put("B", 5);
            out.put("a", "again");
            out.put("b", 6);
        });
        QCOMPARE(QString::fromStdString(text), QString::fromStdString(tree));
        QCOMPARE(QString::fromStdString(text), QStringLiteral("{\"B\":5,\"a\":\"again\",\"ab\":4,\"b\":6}"));
        QCOMPARE(QString::fromStdString(JsonTextMembers().text()), QStringLiteral("{}"));
    }

    void aComplaintsTextIsTheTextOfItsTree() {
        std::mt19937 rng(20261207);
        int threw = 0;
        for (int i = 0; i < 3000; ++i) {
            auto c = randomComplaint(rng);
            if (i % 10 == 9) { // invalid UTF-8 (a lone continuation byte, a cut sequence) in one text
                const std::vector<std::string*> texts{&c.content, &c.complainant.name, &c.unitId, &c.reply,
                                                      &c.createdBy};
                *texts[rng() % texts.size()] += rng() % 2 ? "\x80" : "\xE4\xB8";
            }
            const std::string tree = viaTree(Json(c));
            const std::string text = viaText([&] { return domain::bodyText(c); });
            const bool refused = tree.rfind("threw: ", 0) == 0;
            if (refused) { // the first bad string each meets may differ: they write in other orders
                QVERIFY2(text.rfind("threw: ", 0) == 0, text.c_str());
                ++threw;
                continue;
            }
            if (text != tree)
                QFAIL(qPrintable(QString("complaint %1:\n tree %2\n text %3")
                                     .arg(i)
                                     .arg(QString::fromStdString(tree), QString::fromStdString(text))));
        }
        QCOMPARE(threw, 300); // each complaint with invalid UTF-8, and no other, refused by both
    }

    void everyRecordTypesCreateIsTheSameAsTextAndAsATree() {
        const rules::RuleContext ctx{rules::Calendar::chinaDefault(), rules::Policy::defaults()};
        const Instant now = fromEpochMs(1'795'000'000'000);
        using Form = records::RecordType::BodyForm;
        int direct = 0;
        for (const auto* type : records::allRecordTypes()) {
            if (type->isReference())
                continue;
            for (int n = 1; n <= 3; ++n) {
                Json body = test::sampleBody(type->name(), "cm-sunshine", n, now);
                body["id"] = std::string(type->name()) + "-" + std::to_string(n);
                body["origin_device"] = "d-1";
                body["created_by"] = "s-3001";
                body["created_at"] = formatInstant(now);
                const auto asTree = type->prepareNewDerived(body, &ctx, {true, false}, Form::Tree);
                const auto asText = type->prepareNewDerived(body, &ctx, {true, false}, Form::Text);
                QVERIFY2(asTree && asText, std::string(type->name()).c_str());
                QVERIFY(asTree->text.empty());
                QCOMPARE(QString::fromStdString(asText->text), QString::fromStdString(dumpJson(asTree->body)));
                QCOMPARE(QString::fromStdString(asText->state), QString::fromStdString(stringAt(asTree->body, "state")));
                QCOMPARE(QString::fromStdString(asTree->state), QString::fromStdString(asText->state));
                QCOMPARE(Json(asText->index), Json(asTree->index));
                QVERIFY(asText->body.is_null() || asText->body == asTree->body);
                direct += asText->body.is_null();
            }
        }
        QCOMPARE(direct, 3); // the complaints: written directly, no tree built
    }
};

QTEST_GUILESS_MAIN(BodyTextTest)
#include "body_text_test.moc"
