// The merge rules the server and every device share: creates, last-writer-wins plain fields by
// hybrid logical clock, workflow transitions (no-op when repeated, refused when illegal),
// append-only lists, and deadlines derived with the community's rules.
#include "sync/protocol/merge.h"
#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::sync;

namespace {
const Instant kAt = *parseInstant("2026-03-05T10:00:00+08:00");

Operation op(OpKind kind, std::int64_t seq, const std::string& hlc) {
    Operation o;
    o.seq = seq;
    o.kind = kind;
    o.type = "complaint";
    o.id = "c-1";
    o.hlc = hlc;
    o.at = kAt;
    o.actor = "s-1";
    return o;
}

Json body() {
    return Json{{"community_id", "cm-1"}, {"channel", "phone"}, {"category", "repairs"},
                {"content", "Lift stuck on 5"}, {"received_at", "2026-03-05T02:00:00Z"}};
}

struct Harness {
    rules::RuleContext rules{rules::Calendar::chinaDefault(), rules::Policy::defaults()};
    ApplyContext ctx(domain::Role role = domain::Role::Supervisor, bool authoritative = true,
                     const std::string& device = "dev-a", const std::string& hlc = "") {
        ApplyContext c;
        c.actor.staffId = "s-1";
        c.actor.role = role;
        c.actor.name = "Liu";
        c.at = kAt;
        c.hlc = hlc;
        c.opId = device + ":1";
        c.originDevice = device;
        c.authoritative = authoritative;
        c.rulesFor = [this](const std::string&) { return &rules; };
        return c;
    }
};
} // namespace

class MergeTest : public QObject {
    Q_OBJECT
    Harness h;

    store::StoredRecord created() {
        auto o = op(OpKind::Create, 1, "1000.0000.dev-a");
        o.body = body();
        return applyOperation(std::nullopt, o, h.ctx(domain::Role::Staff, true, "dev-a", o.hlc))->record;
    }

private slots:
    void createStampsPlainFieldsAndDerivesTheDeadline() {
        const auto r = created();
        QCOMPARE(r.body["state"], Json("received"));
        QCOMPARE(r.body["origin_device"], Json("dev-a"));
        QCOMPARE(r.body["created_by"], Json("s-1"));
        QCOMPARE(fieldStamp(r.stamps, "content"), std::string("1000.0000.dev-a"));
        QCOMPARE(fieldStamp(r.stamps, "urgent"), std::string("1000.0000.dev-a"));
        QVERIFY(r.body.contains("reply_due"));
        QCOMPARE(r.body["reply_due"]["provisional"], Json(false));
    }

    void aRepeatedCreateIsANoOpButAnotherDevicesIsRefused() {
        const auto r = created();
        auto o = op(OpKind::Create, 1, "1000.0000.dev-a");
        o.body = body();
        auto again = applyOperation(r, o, h.ctx(domain::Role::Staff, true, "dev-a"));
        QVERIFY(again && !again->changed);
        auto other = applyOperation(r, o, h.ctx(domain::Role::Staff, true, "dev-b"));
        QCOMPARE(other.error().code, ErrorCode::AlreadyExists);
    }

    void theLaterEditWinsEachFieldWhateverTheArrivalOrder() {
        const auto r = created();
        auto older = op(OpKind::Update, 2, "2000.0000.dev-a");
        older.fields = {{"content", "older text"}, {"urgent", true}};
        auto newer = op(OpKind::Update, 2, "3000.0000.dev-b");
        newer.fields = {{"content", "newer text"}};
        // Newer first, then the older one arrives late.
        auto a = applyOperation(r, newer, h.ctx(domain::Role::Staff, true, "dev-b", newer.hlc));
        QVERIFY(a && a->changed);
        auto b = applyOperation(a->record, older, h.ctx(domain::Role::Supervisor, true, "dev-a", older.hlc));
        QVERIFY(b);
        QCOMPARE(b->record.body["content"], Json("newer text")); // kept
        QCOMPARE(b->record.body["urgent"], Json(true));          // the older edit's other field still lands
        QCOMPARE(b->ignoredFields, std::vector<std::string>{"content"});
        // The other order gives the same record.
        auto c = applyOperation(r, older, h.ctx(domain::Role::Supervisor, true, "dev-a", older.hlc));
        auto d = applyOperation(c->record, newer, h.ctx(domain::Role::Staff, true, "dev-b", newer.hlc));
        QCOMPARE(d->record.body, b->record.body);
        for (const char* f : {"content", "urgent", "serious"})
            QCOMPARE(fieldStamp(d->record.stamps, f), fieldStamp(b->record.stamps, f));
        // Urgent now: the deadline moved to the 2-hour rule.
        QCOMPARE(b->record.body["reply_due"]["rule"], Json("complaint_reply.urgent"));
    }

    void anEditThatLostEveryFieldIsANoOp() {
        const auto r = created();
        auto newer = op(OpKind::Update, 2, "3000.0000.dev-b");
        newer.fields = {{"content", "newer"}};
        auto a = applyOperation(r, newer, h.ctx(domain::Role::Staff, true, "dev-b", newer.hlc));
        auto older = op(OpKind::Update, 3, "2000.0000.dev-a");
        older.fields = {{"content", "older"}};
        auto b = applyOperation(a->record, older, h.ctx(domain::Role::Supervisor, true, "dev-a", older.hlc));
        QVERIFY(b && !b->changed);
        QVERIFY(!b->note.empty());
    }

    void transitionsFollowTheWorkflow() {
        const auto r = created();
        auto accept = op(OpKind::Transition, 2, "2000.0000.dev-a");
        accept.action = "accept";
        accept.params = {{"reach", "community"}};
        auto a = applyOperation(r, accept, h.ctx());
        QVERIFY(a && a->changed);
        QCOMPARE(a->record.body["state"], Json("handling"));
        QCOMPARE(a->record.body["grade"], Json(1));
        // The same decision from another device: nothing changes.
        auto again = applyOperation(a->record, accept, h.ctx(domain::Role::Manager, true, "dev-b"));
        QVERIFY(again && !again->changed);
        // A rival decision: refused with a reason.
        auto reject = op(OpKind::Transition, 3, "2500.0000.dev-b");
        reject.action = "reject";
        reject.params = {{"cause", "external"}, {"reason", "City water main"}};
        auto b = applyOperation(a->record, reject, h.ctx(domain::Role::Supervisor, true, "dev-b"));
        QCOMPARE(b.error().code, ErrorCode::FailedPrecondition);
        // A resident may not take it.
        auto c = applyOperation(r, accept, h.ctx(domain::Role::Resident));
        QCOMPARE(c.error().code, ErrorCode::PermissionDenied);
    }

    void gradeInputsChangeOnlyThroughTheSupervisorsDecision() {
        const auto r = created();
        auto accept = op(OpKind::Transition, 2, "5000.0000.dev-a");
        accept.action = "accept";
        accept.params = {{"reach", "media"}};
        auto a = applyOperation(r, accept, h.ctx(domain::Role::Supervisor, true, "dev-a", accept.hlc));
        QCOMPARE(a->record.body["reach"], Json("media"));
        QCOMPARE(a->record.body["grade"], Json(3));
        // Not a plain field: nobody edits it directly, whatever their role.
        auto edit = op(OpKind::Update, 3, "6000.0000.dev-b");
        edit.fields = {{"reach", "community"}};
        for (auto role : {domain::Role::Staff, domain::Role::Supervisor, domain::Role::Manager})
            QCOMPARE(applyOperation(a->record, edit, h.ctx(role, true, "dev-b", edit.hlc)).error().code,
                     ErrorCode::PermissionDenied);
        // A supervisor's regrade changes it, and the grade with it; staff may not regrade.
        auto regrade = op(OpKind::Transition, 4, "7000.0000.dev-b");
        regrade.action = "regrade";
        regrade.params = {{"reach", "community"}};
        QCOMPARE(applyOperation(a->record, regrade, h.ctx(domain::Role::Staff, true, "dev-b")).error().code,
                 ErrorCode::PermissionDenied);
        auto b = applyOperation(a->record, regrade, h.ctx(domain::Role::Supervisor, true, "dev-b", regrade.hlc));
        QVERIFY(b && b->changed);
        QCOMPARE(b->record.body["grade"], Json(1));
        // Nor can a new complaint arrive already graded by its author.
        auto graded = op(OpKind::Create, 1, "1000.0000.dev-c");
        graded.id = "c-graded";
        graded.body = body();
        graded.body["reach"] = "media";
        QCOMPARE(applyOperation(std::nullopt, graded, h.ctx(domain::Role::Staff, true, "dev-c")).error().code,
                 ErrorCode::PermissionDenied);
    }

    void deadlineInputsChangeOnlyBySupervisorsOnceFiled() {
        const auto r = created();
        auto urgent = op(OpKind::Update, 2, "3000.0000.dev-b");
        urgent.fields = {{"urgent", true}};
        QCOMPARE(applyOperation(r, urgent, h.ctx(domain::Role::Staff, true, "dev-b", urgent.hlc)).error().code,
                 ErrorCode::PermissionDenied);
        QVERIFY(applyOperation(r, urgent, h.ctx(domain::Role::Supervisor, true, "dev-b", urgent.hlc)));
        auto content = op(OpKind::Update, 3, "3000.0000.dev-b");
        content.fields = {{"content", "the lift again"}};
        QVERIFY(applyOperation(r, content, h.ctx(domain::Role::Staff, true, "dev-b", content.hlc)));
    }

    void appendsNeverConflict() {
        const auto r = created();
        auto note = op(OpKind::Append, 2, "2000.0000.dev-a");
        note.list = "comments";
        note.item = {{"id", "n1"}, {"at", "2026-03-05T03:00:00Z"}, {"author", "s-1"}, {"text", "Called the lift company"}};
        auto a = applyOperation(r, note, h.ctx());
        QVERIFY(a && a->changed);
        auto again = applyOperation(a->record, note, h.ctx());
        QVERIFY(again && !again->changed);
        QCOMPARE(again->record.body["comments"].size(), std::size_t(1));
    }

    void aDeviceFigureIsProvisional() {
        auto o = op(OpKind::Create, 1, "1000.0000.dev-a");
        o.body = body();
        auto r = applyOperation(std::nullopt, o, h.ctx(domain::Role::Staff, false));
        QCOMPARE(r->record.body["reply_due"]["provisional"], Json(true));
    }

    void wrongTargetsAreRefused() {
        const auto r = created();
        auto u = op(OpKind::Update, 2, "2000.0000.dev-a");
        u.fields = {{"content", "x"}};
        QCOMPARE(applyOperation(std::nullopt, u, h.ctx()).error().code, ErrorCode::NotFound);
        u.type = "suggestion";
        QCOMPARE(applyOperation(r, u, h.ctx()).error().code, ErrorCode::InvalidArgument);
        u.type = "starship";
        QCOMPARE(applyOperation(r, u, h.ctx()).error().code, ErrorCode::InvalidArgument);
        auto c = op(OpKind::Create, 1, "1000.0000.dev-a");
        c.body = body();
        c.body["id"] = "another-id";
        QCOMPARE(applyOperation(std::nullopt, c, h.ctx()).error().code, ErrorCode::InvalidArgument);
    }

    void hlcComparison() {
        QVERIFY(hlcNewer("2000.0000.a", "1999.0000.z"));
        QVERIFY(hlcNewer("2000.0001.a", "2000.0000.z"));
        QVERIFY(hlcNewer("2000.0000.b", "2000.0000.a"));
        QVERIFY(!hlcNewer("", "1.0000.a"));
        QVERIFY(hlcNewer("1.0000.a", ""));
    }
};

QTEST_GUILESS_MAIN(MergeTest)
#include "merge_test.moc"
