// A create's history entry, written directly by createEntryText before the push's write, is the
// very text historyEntry and appendHistory give for it: for staff and residents, for names and
// device ids that need escaping or hold invalid UTF-8, with and without a state. Appended text
// joins a history as appendHistory joins it. (router_test checks the entries a real push stores.)
#include "server/service/history.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::server;

namespace {

sync::Operation createOp(std::int64_t seq, Instant at) {
    sync::Operation op;
    op.seq = seq;
    op.kind = sync::OpKind::Create;
    op.type = "complaint";
    op.id = "c-1";
    op.at = at;
    return op;
}

domain::Actor staff(std::string id, std::string name, domain::Role role) {
    domain::Actor a;
    a.staffId = std::move(id);
    a.name = std::move(name);
    a.role = role;
    return a;
}

} // namespace

class HistoryTest : public QObject {
    Q_OBJECT
private slots:
    void aPreparedCreateEntryIsTheEntryHistoryEntryEncodes() {
        const Instant at = fromEpochMs(1'795'000'000'123);
        const std::vector<domain::Actor> actors{
            staff("s-1001", "王小明", domain::Role::Staff),
            staff("s-1002", "Quote \" back\\slash\ttab\nline\x01", domain::Role::Manager),
            staff("s-1003", "bad \xE4\xB8 utf-8 \xFF", domain::Role::Staff),
            domain::Actor{}, // a resident at a kiosk: no staff id
        };
        const std::vector<std::string> devices{"d-7", "设备\"1\"", "d-\xC0\xAF"};
        const std::vector<Json> bodies{Json{{"state", "registered"}, {"content", "x"}}, Json{{"content", "no state"}},
                                       Json{{"state", "a\"b\xFF"}}};
        for (const auto& actor : actors)
            for (const auto& device : devices)
                for (const auto& body : bodies)
                    for (const std::int64_t seq : {std::int64_t{1}, std::int64_t{9'007'199'254}}) {
                        const auto op = createOp(seq, at);
                        store::StoredRecord after;
                        after.body = body;
                        std::string history;
                        const std::string want =
                            appendHistory(history, historyEntry(op, actor, device, std::nullopt, after));
                        QCOMPARE(createEntryText(op, actor, device, stringAt(body, "state")), want);
                    }
    }

    void preparedTextJoinsAHistoryAsAnEntryDoes() {
        const auto op = createOp(3, fromEpochMs(1'795'000'000'000));
        const auto actor = staff("s-1001", "王小明", domain::Role::Staff);
        const Json body{{"state", "registered"}};
        store::StoredRecord after;
        after.body = body;
        for (const std::string start : {"", "[]", R"([{"op":"d-1:1"}])"}) {
            std::string viaEntry = start, viaText = start;
            appendHistory(viaEntry, historyEntry(op, actor, "d-1", std::nullopt, after));
            appendHistoryText(viaText, createEntryText(op, actor, "d-1", "registered"));
            QCOMPARE(viaText, viaEntry);
            QVERIFY(Json::parse(viaText).is_array());
        }
    }

    void theSameActorIsTheOneTheEntryNamesAlike() {
        const auto a = staff("s-1001", "王小明", domain::Role::Staff);
        auto b = a;
        b.departmentId = "dep-other"; // not in the entry
        QVERIFY(sameHistoryActor(a, b));
        QVERIFY(!sameHistoryActor(a, staff("s-1002", "王小明", domain::Role::Staff)));
        QVERIFY(!sameHistoryActor(a, staff("s-1001", "王小红", domain::Role::Staff)));
        QVERIFY(!sameHistoryActor(a, staff("s-1001", "王小明", domain::Role::Manager)));
    }
};

QTEST_GUILESS_MAIN(HistoryTest)
#include "history_test.moc"
