// Over 400 lines, knowingly: the device store is one class; its cases share the fixture that opens
// real database files.
// The device's local database: every edit writes the record and its outbox operation in one
// transaction, signed by the person signed in; pull pages land with their cursor; pending edits
// are replayed on top of the server's version; refusals are kept for the user; offline sign-in
// against a sealed credential, with its delays, its limit and its withdrawal.
#include "shared/store/database.h"
#include "shared/store/schema.h"
#include "sync/client/blob_cache.h"
#include "sync/client/blob_queue.h"
#include "sync/client/device_store.h"
#include "sync/client/sign_in.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/proof.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace courtyard;
using namespace courtyard::sync;

namespace {
const Instant kNow = *parseInstant("2026-03-05T10:00:00+08:00");

Change change(const std::string& type, const std::string& id, std::int64_t version, Json record) {
    Change c;
    c.type = type;
    c.id = id;
    c.version = version;
    record["id"] = id;
    record["type"] = type;
    c.record = std::move(record);
    c.stamps = Json::object();
    return c;
}

const std::string kSecret(32, '\x5a');

// What the server answers a sign-in of 1001 (s-1) on device dev-t.
Json serverAnswer(std::int64_t epoch = 0, Instant expires = kNow + std::chrono::hours(24 * 30)) {
    return Json{{"credential",
                 {{"id", "cr-test"},
                  {"secret", base64UrlEncode(kSecret)},
                  {"staff_id", "s-1"},
                  {"device_id", "dev-t"},
                  {"epoch", epoch},
                  {"expires_at", formatInstant(expires)}}},
                {"staff",
                 {{"id", "s-1"}, {"number", "1001"}, {"name", "Wang"}, {"role", "supervisor"},
                  {"position", "department_head"}, {"department_id", "d-cs"}}}};
}

PullResponse page(std::vector<Change> changes, const std::string& cursor) {
    PullResponse p;
    p.serverTime = kNow;
    p.changes = std::move(changes);
    p.cursor = cursor;
    return p;
}
} // namespace

class DeviceStoreTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<DeviceStore> fresh(const std::string& role = "staff") {
        auto s = std::move(*DeviceStore::open(m_dir.filePath(QString("d%1.db").arg(++m_n)).toStdString()));
        DeviceInfo info;
        info.deviceId = "dev-t";
        info.name = "t";
        info.role = role;
        info.communityIds = {"cm-1"};
        info.serverTime = kNow;
        (void)s->setDeviceInfo(info);
        // What the first pull brings: the community and two people.
        (void)s->applyPullPage(page(
            {change("community", "cm-1", 1, {{"office_id", "o"}, {"name", "Sunshine"}, {"time_zone", "Asia/Shanghai"}}),
             change("staff", "s-1", 2,
                    {{"number", "1001"}, {"name", "Wang"}, {"role", "supervisor"}, {"community_ids", {"cm-1"}}}),
             change("staff", "s-2", 3,
                    {{"number", "1002"}, {"name", "Li"}, {"role", "staff"}, {"community_ids", {"cm-9"}}})},
            "3.x"));
        // Wang's first sign-in was online: the tablet keeps the credential the server gave.
        if (role != "kiosk") {
            auto kept = keepCredential(*s, serverAnswer(), "1001", "100100");
            if (!kept)
                qFatal("keepCredential: %s", kept.error().message.c_str());
            auto a = signInOffline(*s, "1001", "100100", kNow);
            if (!a)
                qFatal("signInOffline: %s", a.error().message.c_str());
        }
        return s;
    }

    std::string path(int n) const { return m_dir.filePath(QString("d%1.db").arg(n)).toStdString(); }

    static domain::Actor supervisor() {
        domain::Actor a;
        a.staffId = "s-1";
        a.role = domain::Role::Supervisor;
        a.name = "Wang";
        return a;
    }

    static Json complaint() {
        return Json{{"community_id", "cm-1"}, {"channel", "phone"}, {"category", "cleaning"},
                    {"content", "Bins overflowing"}, {"received_at", "2026-03-05T01:00:00Z"}};
    }

    static std::int64_t outboxRows(DeviceStore& s) { return *s.pendingCount(); }

    // A complaint created here and refused by the server: returns its id, the draft in place.
    std::string refusedComplaint(DeviceStore& s, const std::string& reason = "Wang does not serve community 'cm-1'",
                                 const std::string& field = "community_id") {
        auto id = *s.create("complaint", complaint(), supervisor(), kNow);
        const auto seq = s.state()->lastSeq;
        Error e = permissionDenied(reason);
        e.field = field;
        PushResponse r;
        r.serverTime = kNow;
        r.lastSeq = seq;
        r.results = {{seq, OpStatus::Rejected, e, 0, {}, {}}};
        if (!s.applyPushResponse(r, kNow))
            qFatal("applyPushResponse failed");
        return id;
    }

private slots:

    void anEditWritesTheRecordAndItsOperationTogether() {
        auto s = fresh();
        auto id = s->create("complaint", complaint(), supervisor(), kNow);
        QVERIFY2(id, id ? "" : id.error().message.c_str());
        auto rec = *s->get(*id);
        QVERIFY(rec);
        QCOMPARE(rec->version, std::int64_t(0));
        QCOMPARE(rec->body["reply_due"]["provisional"], Json(true));
        QCOMPARE(outboxRows(*s), std::int64_t(1));
        QVERIFY(s->transition(*id, "accept", {{"reach", "community"}}, supervisor(), kNow));
        auto ops = *s->pendingOperations(100);
        QCOMPARE(ops.size(), std::size_t(2));
        QCOMPARE(ops[0].seq, std::int64_t(1));
        QCOMPARE(ops[1].seq, std::int64_t(2));
        QCOMPARE(ops[1].kind, OpKind::Transition);
        QVERIFY(ops[0].hlc < ops[1].hlc);
        QCOMPARE(s->state()->lastSeq, std::int64_t(2));
    }

    void aRefusedEditLeavesNoTrace() {
        auto s = fresh();
        auto id = *s->create("complaint", complaint(), supervisor(), kNow);
        const auto before = (*s->get(id))->body;
        domain::Actor staff = supervisor();
        staff.role = domain::Role::Staff;
        auto st = s->transition(id, "accept", Json::object(), staff, kNow); // staff may not decide validity
        QCOMPARE(st.error().code, ErrorCode::PermissionDenied);
        QCOMPARE((*s->get(id))->body, before);
        QCOMPARE(outboxRows(*s), std::int64_t(1));
        QCOMPARE(s->state()->lastSeq, std::int64_t(1)); // no sequence number used
        QCOMPARE(s->create("unit", {{"community_id", "cm-1"}}, supervisor(), kNow).error().code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(s->create("complaint", {{"community_id", "cm-1"}}, supervisor(), kNow).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(s->state()->lastSeq, std::int64_t(1));
    }

    void aTextWithANulIsRefusedBeforeItIsQueued() {
        // The server refuses a push holding one whole: queued, it would hold up every later edit.
        auto s = fresh();
        Json body = complaint();
        body["content"] = std::string("Bins\0overflowing", 16);
        auto created = s->create("complaint", body, supervisor(), kNow);
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(created.error().field, std::string("content"));
        QVERIFY2(created.error().message.rfind("content: ", 0) == 0, created.error().message.c_str());
        QCOMPARE(outboxRows(*s), std::int64_t(0));
        QCOMPARE(s->state()->lastSeq, std::int64_t(0));

        auto id = *s->create("complaint", complaint(), supervisor(), kNow);
        auto st = s->append(id, "comments", Json{{"text", std::string("a\0", 2)}}, supervisor(), kNow);
        QCOMPARE(st.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(st.error().message.rfind("text: ", 0) == 0, st.error().message.c_str());
        st = s->update(id, Json{{"content", "fine"}, {"notes", {"ok", std::string(1, '\0')}}}, supervisor(), kNow);
        QCOMPARE(st.error().field, std::string("notes"));
        QVERIFY2(st.error().message.rfind("notes[1]: ", 0) == 0, st.error().message.c_str());
        QCOMPARE(outboxRows(*s), std::int64_t(1));
        QCOMPARE(s->state()->lastSeq, std::int64_t(1));
        QCOMPARE((*s->get(id))->body["content"], Json("Bins overflowing"));
    }

    void pendingOperationsComeInOrderWithinAByteBudget() {
        auto s = fresh();
        for (int i = 0; i < 10; ++i) {
            auto body = complaint();
            body["content"] = std::string(2000, 'x');
            QVERIFY(s->create("complaint", body, supervisor(), kNow));
        }
        QCOMPARE(s->pendingOperations(100)->size(), std::size_t(10));
        QCOMPARE(s->pendingOperations(3)->size(), std::size_t(3));
        const auto budget = *s->pendingOperations(100, 5000);
        QVERIFY(budget.size() >= 1 && budget.size() < 4);
        QCOMPARE(budget.front().seq, std::int64_t(1));
    }

    void pushResultsClearTheOutboxAndKeepRefusals() {
        auto s = fresh();
        auto kept = *s->create("complaint", complaint(), supervisor(), kNow);
        auto refused = *s->create("complaint", complaint(), supervisor(), kNow);
        PushResponse r;
        r.serverTime = kNow;
        r.lastSeq = 2;
        r.results = {{1, OpStatus::Applied, {}, 10, {}, {}},
                     {2, OpStatus::Rejected, permissionDenied("community 'cm-1' is not one of this device's"), 0, {}, {}}};
        QVERIFY(s->applyPushResponse(r, kNow));
        QCOMPARE(outboxRows(*s), std::int64_t(0));
        QVERIFY(*s->get(kept));
        QVERIFY(*s->get(refused)); // the server refused the create: the record stays as a draft …
        auto rej = *s->rejections();
        QCOMPARE(rej.size(), std::size_t(1)); // … and the refusal is kept with the reason
        QCOMPARE(rej[0].recordId, refused);
        QCOMPARE(rej[0].error.code, ErrorCode::PermissionDenied);
        QCOMPARE(rej[0].op.body["content"], Json("Bins overflowing"));
        QVERIFY(s->acknowledgeRejection(rej[0].seq));
        QVERIFY(s->rejections()->empty());
        QCOMPARE(s->rejections(true)->size(), std::size_t(1));
        // A duplicated response changes nothing more.
        QVERIFY(s->applyPushResponse(r, kNow));
        QCOMPARE(s->rejections(true)->size(), std::size_t(1));
    }

    // ---- a refused new record stays as a returned draft (sync/client/returned_drafts.h)

    void aRefusedCreateStaysAsAReturnedDraft() {
        auto s = fresh();
        const auto id = refusedComplaint(*s);
        auto rec = *s->get(id);
        QVERIFY(rec);
        QCOMPARE(rec->version, std::int64_t(0));
        QVERIFY(!rec->serverBody);
        QCOMPARE(rec->body["content"], Json("Bins overflowing"));
        QCOMPARE(rec->body["state"], Json("received"));
        QCOMPARE(outboxRows(*s), std::int64_t(0)); // never pushed by itself
        auto refusal = *s->returnedRefusal(id);
        QVERIFY(refusal);
        QCOMPARE(refusal->error.code, ErrorCode::PermissionDenied);
        QCOMPARE(refusal->error.message, std::string("Wang does not serve community 'cm-1'"));
        QCOMPARE(refusal->error.field, std::string("community_id"));
        QCOMPARE(s->rejections()->front().error.field, std::string("community_id"));
        // It waits for the person: no workflow step on a record the server has never accepted.
        const auto lastSeq = s->state()->lastSeq;
        QCOMPARE(s->transition(id, "accept", {{"reach", "community"}}, supervisor(), kNow).error().code,
                 ErrorCode::FailedPrecondition);
        QCOMPARE(s->append(id, "comments", {{"id", "c1"}, {"text", "x"}}, supervisor(), kNow).error().code,
                 ErrorCode::FailedPrecondition);
        QCOMPARE(s->state()->lastSeq, lastSeq);
        QCOMPARE(outboxRows(*s), std::int64_t(0));
        // "Understood" on the refusal leaves the draft where it is.
        QVERIFY(s->acknowledgeRejection(refusal->seq));
        QVERIFY(*s->get(id));
        QVERIFY(*s->returnedRefusal(id));
    }

    // A record the server purged under its retention policy takes off this device the
    // attachments no other record here refers to: downloads, and photos taken here once the
    // server has them all; one not yet wholly uploaded stays (nothing captured is lost).
    void aPurgedRecordTakesItsAttachmentsOffTheDevice() {
        auto s = fresh();
        const std::string own = "the lamp", shared = "the stairwell", taken = "taken here", unsent = "not yet sent";
        sync::BlobCache cache(s->records());
        sync::BlobQueue captured(s->records());
        QVERIFY(cache.keep(sha256Hex(own), "image/jpeg", own));
        QVERIFY(cache.keep(sha256Hex(shared), "image/jpeg", shared));
        QVERIFY(captured.put(taken, "image/jpeg"));
        QVERIFY(captured.setUploaded(sha256Hex(taken), std::int64_t(taken.size())));
        QVERIFY(captured.put(unsent, "image/jpeg"));
        auto ref = [](const std::string& bytes) {
            return Json{{"sha256", sha256Hex(bytes)}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", bytes.size()}};
        };
        QVERIFY(s->applyPullPage(page(
            {change("complaint", "c-old", 50,
                    {{"community_id", "cm-1"}, {"attachments", {ref(own), ref(shared), ref(taken), ref(unsent)}}}),
             change("complaint", "c-open", 51, {{"community_id", "cm-1"}, {"attachments", {ref(shared)}}})},
            "51.x")));
        auto purged = change("complaint", "c-old", 60, {{"community_id", "cm-1"}, {"purged_at", "2028-03-06T00:00:00Z"}});
        purged.deleted = true;
        QVERIFY(s->applyPullPage(page({purged}, "60.x")));
        QVERIFY((*s->get("c-old"))->deleted);
        QVERIFY(!*cache.has(sha256Hex(own)));
        QVERIFY(*cache.has(sha256Hex(shared))); // the open complaint still shows it
        QVERIFY(!*cache.has(sha256Hex(taken)));
        QVERIFY(*cache.has(sha256Hex(unsent)));
        QCOMPARE(**captured.data(sha256Hex(unsent)), unsent);
    }

    // A page purges many records at once: an attachment one of them shares with a record
    // arriving later in the same page stays, the others go, all in one pass over the records.
    void aPageOfPurgesKeepsWhatTheSamePageStillUses() {
        auto s = fresh();
        sync::BlobCache cache(s->records());
        std::vector<std::string> photos;
        for (int i = 0; i < 40; ++i) {
            photos.push_back("photo " + std::to_string(i));
            QVERIFY(cache.keep(sha256Hex(photos.back()), "image/jpeg", photos.back()));
        }
        auto ref = [](const std::string& bytes) {
            return Json{{"sha256", sha256Hex(bytes)}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", bytes.size()}};
        };
        std::vector<Change> stored;
        for (int i = 0; i < 20; ++i)
            stored.push_back(change("complaint", "c-" + std::to_string(i), 100 + i,
                                    {{"community_id", "cm-1"}, {"attachments", {ref(photos[2 * i]), ref(photos[2 * i + 1])}}}));
        QVERIFY(s->applyPullPage(page(stored, "119.x")));
        std::vector<Change> purges;
        for (int i = 0; i < 20; ++i) {
            auto purged = change("complaint", "c-" + std::to_string(i), 200 + i,
                                 {{"community_id", "cm-1"}, {"purged_at", "2028-03-06T00:00:00Z"}});
            purged.deleted = true;
            purges.push_back(purged);
        }
        // Later in the same page, a record that shows photo 7.
        purges.push_back(change("complaint", "c-new", 220, {{"community_id", "cm-1"}, {"attachments", {ref(photos[7])}}}));
        QVERIFY(s->applyPullPage(page(purges, "220.x")));
        for (int i = 0; i < 40; ++i)
            QVERIFY2(*cache.has(sha256Hex(photos[i])) == (i == 7), photos[i].c_str());
    }

    void aPullDoesNotTouchAReturnedDraft() {
        auto s = fresh();
        const auto id = refusedComplaint(*s);
        const auto before = (*s->get(id))->body;
        auto gone = change("complaint", id, 40, {{"community_id", "cm-1"}, {"content", "someone else's"}});
        gone.deleted = true;
        QVERIFY(s->applyPullPage(page({gone}, "40.x")));
        auto rec = *s->get(id);
        QVERIFY(rec);
        QVERIFY(!rec->deleted);
        QCOMPARE(rec->version, std::int64_t(0));
        QCOMPARE(rec->body, before);
        QVERIFY(*s->returnedRefusal(id));
        QCOMPARE(s->state()->cursor, std::string("40.x"));
    }

    void correctingAReturnedDraftQueuesNothing() {
        auto s = fresh();
        const auto id = refusedComplaint(*s);
        const auto lastSeq = s->state()->lastSeq;
        QVERIFY(s->update(id, {{"content", "Bins overflowing at block 3"}}, supervisor(), kNow));
        QCOMPARE((*s->get(id))->body["content"], Json("Bins overflowing at block 3"));
        QCOMPARE(outboxRows(*s), std::int64_t(0));
        QCOMPARE(s->state()->lastSeq, lastSeq); // no sequence number: the server sees no gap
        // Checked as any edit: not a plain field, no change.
        QCOMPARE(s->update(id, {{"grade", 3}}, supervisor(), kNow).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(s->update(id, {{"content", std::string("a\0", 2)}}, supervisor(), kNow).error().field,
                 std::string("content"));
        QCOMPARE((*s->get(id))->body["content"], Json("Bins overflowing at block 3"));
        QVERIFY(*s->returnedRefusal(id));
    }

    void sendingAgainQueuesExactlyOneCreateOfTheSameRecord() {
        auto s = fresh();
        const auto id = refusedComplaint(*s);
        const auto firstRefusal = (*s->returnedRefusal(id))->seq;
        QVERIFY(s->update(id, {{"content", "Bins overflowing at block 3"}}, supervisor(), kNow));
        QVERIFY(s->sendAgain(id, supervisor(), kNow + std::chrono::minutes(5)));
        auto ops = *s->pendingOperations(100);
        QCOMPARE(ops.size(), std::size_t(1));
        QCOMPARE(ops[0].kind, OpKind::Create);
        QCOMPARE(ops[0].id, id);
        QCOMPARE(ops[0].body["content"], Json("Bins overflowing at block 3"));
        QCOMPARE(ops[0].body["channel"], Json("phone"));
        QVERIFY(ops[0].seq > firstRefusal);
        QVERIFY(!ops[0].proofSig.empty()); // signed by the person sending it
        QVERIFY(!*s->returnedRefusal(id));
        QVERIFY(s->rejections()->empty()); // the refusal is acknowledged
        // A second tap while it waits: refused here, nothing more queued.
        auto again = s->sendAgain(id, supervisor(), kNow);
        QCOMPARE(again.error().code, ErrorCode::FailedPrecondition);
        QVERIFY(again.error().message.find("already waiting") != std::string::npos);
        QCOMPARE(outboxRows(*s), std::int64_t(1));
        // Refused a second time: returned again, with the new reason.
        Error e = invalidArgument("content: still not right");
        e.field = "content";
        PushResponse r;
        r.serverTime = kNow;
        r.lastSeq = ops[0].seq;
        r.results = {{ops[0].seq, OpStatus::Rejected, e, 0, {}, {}}};
        QVERIFY(s->applyPushResponse(r, kNow));
        auto second = *s->returnedRefusal(id);
        QVERIFY(second);
        QCOMPARE(second->seq, ops[0].seq);
        QCOMPARE(second->error.field, std::string("content"));
        QCOMPARE((*s->get(id))->body["content"], Json("Bins overflowing at block 3"));
        // Sent once more and accepted: the server's version arrives by the pull.
        QVERIFY(s->sendAgain(id, supervisor(), kNow));
        const auto third = (*s->pendingOperations(100)).front().seq;
        r.lastSeq = third;
        r.results = {{third, OpStatus::Applied, {}, 50, {}, {}}};
        QVERIFY(s->applyPushResponse(r, kNow));
        QCOMPARE(outboxRows(*s), std::int64_t(0));
        QCOMPARE(s->sendAgain(id, supervisor(), kNow).error().code, ErrorCode::FailedPrecondition);
        QVERIFY(s->applyPullPage(page({change("complaint", id, 50, {{"community_id", "cm-1"}, {"content", "Bins overflowing at block 3"}})}, "50.x")));
        QCOMPARE((*s->get(id))->version, std::int64_t(50));
    }

    void discardingAReturnedDraftRemovesItAndAcknowledgesTheRefusal() {
        auto s = fresh();
        const auto id = refusedComplaint(*s);
        QVERIFY(s->discardReturned(id));
        QVERIFY(!*s->get(id));
        QVERIFY(!*s->returnedRefusal(id));
        QVERIFY(s->rejections()->empty());
        QCOMPARE(s->rejections(true)->size(), std::size_t(1)); // what was sent stays on record
        QCOMPARE(outboxRows(*s), std::int64_t(0));
        QCOMPARE(s->discardReturned(id).error().code, ErrorCode::FailedPrecondition);
        // Only a returned draft can be discarded.
        auto kept = *s->create("complaint", complaint(), supervisor(), kNow);
        QCOMPARE(s->discardReturned(kept).error().code, ErrorCode::FailedPrecondition);
        QVERIFY(*s->get(kept));
    }

    void anOldDevicesDatabaseMigratesWithItsRefusals() {
        const auto p = path(++m_n);
        {
            auto db = std::move(*store::Database::open(p));
            for (const auto& m : store::migrations())
                if (m.version <= 7)
                    QVERIFY(db->exec(std::string(m.sql)));
            QVERIFY(db->exec("PRAGMA user_version = 7"));
            QVERIFY(db->exec("INSERT INTO rejections (seq, record_id, op, code, message, at) "
                             "VALUES (4, 'r-1', '{}', 'permission_denied', 'not yours', 0)"));
        }
        auto s = DeviceStore::open(p);
        QVERIFY2(s, s ? "" : s.error().message.c_str());
        auto rej = *(*s)->rejections();
        QCOMPARE(rej.size(), std::size_t(1));
        QCOMPARE(rej[0].error.message, std::string("not yours"));
        QCOMPARE(rej[0].error.field, std::string());
        QVERIFY(!*(*s)->returnedRefusal("r-1")); // an old refusal returns nothing by itself
        QCOMPARE(*store::schemaVersion((*s)->records().database()), store::currentSchemaVersion());
    }

    void aPullPageLandsWithItsCursor() {
        auto s = fresh();
        QVERIFY(s->applyPullPage(page({change("notice", "n-1", 7, {{"community_id", "cm-1"}, {"kind", "general"},
                                                                   {"title", "t"}, {"body", "b"},
                                                                   {"valid_from", "2026-03-01T00:00:00Z"},
                                                                   {"valid_until", "2026-03-09T00:00:00Z"}})},
                                      "7.x")));
        QCOMPARE(s->state()->cursor, std::string("7.x"));
        QCOMPARE((*s->get("n-1"))->version, std::int64_t(7));
        // Today's server sends each record's index columns with it: the record is stored as
        // sent (its text, not re-read) and found by the columns the server computed.
        auto indexed = change("notice", "n-2", 9, {{"community_id", "cm-2"}, {"kind", "general"},
                                                  {"title", "t2"}, {"body", "b2"},
                                                  {"valid_from", "2026-03-01T00:00:00Z"},
                                                  {"valid_until", "2026-03-09T00:00:00Z"}});
        records::IndexFields columns;
        columns.communityId = "cm-2";
        columns.state = "published";
        indexed.index = columns;
        QVERIFY(s->applyPullPage(page({indexed}, "9.x")));
        QCOMPARE((*s->get("n-2"))->body, indexed.record);
        store::RecordQuery q;
        q.types = {"notice"};
        q.communityIds = {"cm-2"};
        q.states = {"published"};
        auto found = s->query(q);
        QVERIFY(found);
        QCOMPARE(found->size(), std::size_t(1));
        QCOMPARE(found->front().id, std::string("n-2"));
        // A page taken from its text (takePullPage) brings each record's and stamps' text: the
        // device stores those bytes, not the tree printed again.
        auto taken = indexed;
        taken.id = "n-3";
        taken.version = 10;
        taken.rawRecord = "{\n  " + indexed.record.dump().substr(1); // spaced as no printer would
        taken.stamps = Json{{"title", "1.0.d-1"}};
        taken.rawStamps = "{\"title\" : \"1.0.d-1\"}";
        QVERIFY(s->applyPullPage(page({taken}, "10.x")));
        auto text = s->records().database().prepare("SELECT body, stamps FROM records WHERE id = 'n-3'");
        QVERIFY(text && *text->step());
        QCOMPARE(text->text(0), taken.rawRecord);
        QCOMPARE(text->text(1), taken.rawStamps);
        QCOMPARE((*s->get("n-3"))->body, indexed.record);
        QCOMPARE((*s->get("n-3"))->stamps, taken.stamps);
        // A record of a type this app does not know yet is skipped, not an error.
        QVERIFY(s->applyPullPage(page({change("hovercraft", "h-1", 8, Json::object())}, "8.x")));
        QCOMPARE(s->state()->cursor, std::string("8.x"));
        QVERIFY(!*s->get("h-1"));
    }

    void pendingEditsAreReplayedOnTopOfTheServersVersion() {
        auto s = fresh();
        // The server's complaint, then a local comment and urgency flag not yet pushed.
        Json server = complaint();
        server["state"] = "received";
        server["origin_device"] = "dev-other";
        QVERIFY(s->applyPullPage(page({change("complaint", "c-9", 20, server)}, "20.x")));
        QVERIFY(s->update("c-9", {{"urgent", true}}, supervisor(), kNow));
        QVERIFY(s->append("c-9", "comments", {{"id", "n1"}, {"at", "2026-03-05T02:30:00Z"}, {"author", "s-1"},
                                              {"text", "Cleaners told"}},
                          supervisor(), kNow));
        // Meanwhile the server moved on: someone else accepted it.
        Json newer = server;
        newer["state"] = "handling";
        newer["validity"] = "valid";
        newer["handler_id"] = "s-7";
        QVERIFY(s->applyPullPage(page({change("complaint", "c-9", 25, newer)}, "25.x")));
        auto rec = **s->get("c-9");
        QCOMPARE(rec.version, std::int64_t(25));
        QCOMPARE(rec.body["state"], Json("handling"));   // the server's decision …
        QCOMPARE(rec.body["urgent"], Json(true));        // … with my pending edits on top
        QCOMPARE(rec.body["comments"].size(), std::size_t(1));
        QVERIFY(rec.serverBody);
        // The server then applies my two edits; once they are acknowledged and the next pull
        // brings the result, the local copy is exactly the server's.
        PushResponse r;
        r.serverTime = kNow;
        r.lastSeq = 2;
        r.results = {{1, OpStatus::Applied, {}, 26, {}, {}}, {2, OpStatus::Applied, {}, 27, {}, {}}};
        QVERIFY(s->applyPushResponse(r, kNow));
        Json final = newer;
        final["urgent"] = true;
        QVERIFY(s->applyPullPage(page({change("complaint", "c-9", 27, final)}, "27.x")));
        rec = **s->get("c-9");
        QVERIFY(!rec.serverBody);
        QCOMPARE(rec.body["comments"].size(), std::size_t(0)); // the server's version is the truth
    }

    void aRefusedTransitionFallsBackToTheServersVersion() {
        auto s = fresh();
        Json server = complaint();
        server["state"] = "received";
        QVERIFY(s->applyPullPage(page({change("complaint", "c-5", 30, server)}, "30.x")));
        QVERIFY(s->transition("c-5", "reject", {{"cause", "external"}, {"reason", "Water company"}}, supervisor(), kNow));
        QCOMPARE((**s->get("c-5")).body["state"], Json("explaining"));
        PushResponse r;
        r.serverTime = kNow;
        r.lastSeq = 1;
        r.results = {{1, OpStatus::Rejected, failedPrecondition("cannot 'reject' a complaint that is handling"), 0, {}, {}}};
        QVERIFY(s->applyPushResponse(r, kNow));
        QCOMPARE((**s->get("c-5")).body["state"], Json("received"));
        QCOMPARE(s->rejections()->size(), std::size_t(1));
    }

    void everyOperationCarriesTheSignedInPersonsProof() {
        auto s = fresh();
        auto id = s->create("complaint", complaint(), supervisor(), kNow);
        QVERIFY(id);
        auto ops = *s->pendingOperations(10);
        QCOMPARE(ops[0].proofCredential, std::string("cr-test"));
        QVERIFY(*operationProofValid("dev-t", ops[0], kSecret));
        QVERIFY(!*operationProofValid("dev-other", ops[0], kSecret)); // bound to the device
        ops[0].body["content"] = "changed on the way";
        QVERIFY(!*operationProofValid("dev-t", ops[0], kSecret)); // and to every byte of the edit
        // Signed out: nothing is recorded under anyone's name.
        signOut(*s);
        auto refused = s->create("complaint", complaint(), supervisor(), kNow);
        QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
        QCOMPARE(outboxRows(*s), std::int64_t(1));
        QCOMPARE(s->state()->lastSeq, std::int64_t(1));
    }

    void offlineSignInOpensTheCredentialOnlyWithTheRightPin() {
        auto s = fresh("staff");
        auto a = signInOffline(*s, "1001", "100100", kNow);
        QVERIFY2(a, a ? "" : a.error().message.c_str());
        QCOMPARE(a->staffId, std::string("s-1"));
        QCOMPARE(a->role, domain::Role::Staff); // a supervisor on a staff tablet acts as staff
        QCOMPARE(s->signer()->secret, kSecret);
        auto wrong = signInOffline(*s, "1001", "999999", kNow);
        QCOMPARE(wrong.error().code, ErrorCode::Unauthenticated);
        // Someone who never signed in here: the first sign-in needs the server.
        auto unknown = signInOffline(*s, "1002", "100200", kNow);
        QCOMPARE(unknown.error().reason, std::string("online_sign_in_needed"));
        auto sup = fresh("supervisor");
        QCOMPARE(signInOffline(*sup, "1001", "100100", kNow)->role, domain::Role::Supervisor);
        auto kiosk = fresh("kiosk");
        QCOMPARE(signInOffline(*kiosk, "1001", "100100", kNow).error().code, ErrorCode::PermissionDenied);
        // A credential that has run out needs the server again.
        auto old = fresh();
        QVERIFY(keepCredential(*old, serverAnswer(0, kNow + std::chrono::hours(1)), "1001", "100100"));
        QCOMPARE(signInOffline(*old, "1001", "100100", kNow + std::chrono::hours(2)).error().reason,
                 std::string("online_sign_in_needed"));
    }

    void wrongPinsWaitLongerAndLongerThenTheCredentialIsForgotten() {
        auto s = fresh();
        const int n = m_n;
        Instant t = kNow;
        // Policy defaults: 3 free attempts, then 30 s doubling; forgotten after 10.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(signInOffline(*s, "1001", "000001", t).error().code, ErrorCode::Unauthenticated);
        auto soon = signInOffline(*s, "1001", "100100", t + std::chrono::seconds(10));
        QCOMPARE(soon.error().reason, std::string("pin_delay")); // even the right PIN waits
        QCOMPARE(soon.error().retryAfterSeconds, 20);
        // The count survives a restart of the app.
        s.reset();
        s = std::move(*DeviceStore::open(path(n)));
        QCOMPARE(signInOffline(*s, "1001", "100100", t + std::chrono::seconds(10)).error().reason,
                 std::string("pin_delay"));
        int expectedWait = 30;
        for (int failures = 3; failures < 9; ++failures) {
            t += std::chrono::seconds(expectedWait);
            QCOMPARE(signInOffline(*s, "1001", "000001", t).error().code, ErrorCode::Unauthenticated);
            expectedWait *= 2;
            auto early = signInOffline(*s, "1001", "000001", t + std::chrono::seconds(1));
            QCOMPARE(early.error().retryAfterSeconds, expectedWait - 1);
        }
        t += std::chrono::seconds(expectedWait);
        auto last = signInOffline(*s, "1001", "000001", t);
        QCOMPARE(last.error().reason, std::string("credential_forgotten"));
        QVERIFY(!hasCredential(*s, "1001"));
        QCOMPARE(signInOffline(*s, "1001", "100100", t + std::chrono::hours(2)).error().reason,
                 std::string("online_sign_in_needed"));
        // The right PIN in time clears the count.
        auto again = fresh();
        QVERIFY(!signInOffline(*again, "1001", "000001", kNow));
        QVERIFY(signInOffline(*again, "1001", "100100", kNow));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(signInOffline(*again, "1001", "000001", kNow).error().code, ErrorCode::Unauthenticated);
    }

    void theOfficeWithdrawingASignInReachesTheTabletThroughSync() {
        auto s = fresh();
        QVERIFY(s->signer());
        // A PIN reset: the staff record comes back with a newer credential epoch.
        QVERIFY(s->applyPullPage(page({change("staff", "s-1", 4,
                                              {{"number", "1001"}, {"name", "Wang"}, {"role", "supervisor"},
                                               {"community_ids", {"cm-1"}}, {"credential_epoch", 1}})},
                                      "4.x")));
        QVERIFY(!hasCredential(*s, "1001"));
        QVERIFY(!s->signer());
        QCOMPARE(signInOffline(*s, "1001", "100100", kNow).error().reason, std::string("online_sign_in_needed"));
        // Deactivation likewise.
        auto d = fresh();
        QVERIFY(d->applyPullPage(page({change("staff", "s-1", 4,
                                              {{"number", "1001"}, {"name", "Wang"}, {"role", "supervisor"},
                                               {"community_ids", {"cm-1"}}, {"active", false}})},
                                      "4.x")));
        QVERIFY(!hasCredential(*d, "1001"));
        // Anything else about the person leaves the credential alone.
        auto k = fresh();
        QVERIFY(k->applyPullPage(page({change("staff", "s-1", 4,
                                              {{"number", "1001"}, {"name", "Wang Min"}, {"role", "supervisor"},
                                               {"community_ids", {"cm-1"}}})},
                                      "4.x")));
        QVERIFY(hasCredential(*k, "1001"));
    }

    void theDatabaseIsTheAppUsersAlone() {
        auto s = fresh();
        QVERIFY(s->create("complaint", complaint(), supervisor(), kNow));
        for (const char* suffix : {"", "-wal"}) {
            const QFileInfo info(QString::fromStdString(path(m_n) + suffix));
            QVERIFY2(info.exists(), suffix);
            QCOMPARE(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                           QFileDevice::WriteOther),
                     QFileDevice::Permissions());
        }
    }

    void aTamperedCredentialDoesNotOpen() {
        auto s = fresh();
        // Someone with the file makes the row say a later epoch, to outlive a withdrawal.
        QVERIFY(s->records().database().exec("UPDATE credentials SET epoch = 7"));
        QCOMPARE(signInOffline(*s, "1001", "100100", kNow).error().code, ErrorCode::Unauthenticated);
    }

    void aRevokedDeviceErasesWhatItHolds() {
        auto s = fresh();
        QVERIFY(s->create("complaint", complaint(), supervisor(), kNow));
        QVERIFY(s->putBlob("photo", "image/jpeg"));
        QVERIFY(s->wipe());
        QVERIFY(s->query({})->empty());
        QCOMPARE(*s->pendingCount(), std::int64_t(0));
        QVERIFY(s->blobsToUpload()->empty());
        QVERIFY(!hasCredential(*s, "1001"));
        QVERIFY(!s->signer());
        QVERIFY(s->state()->token.empty());
        // Nothing of it is left in the file either.
        s.reset();
        QFile f(QString::fromStdString(path(m_n)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("Bins overflowing"));
    }

    void aKioskOnlyFilesSubmissions() {
        auto s = fresh("kiosk");
        domain::Actor resident;
        Json c = complaint();
        c["channel"] = "kiosk";
        auto id = s->create("complaint", c, resident, kNow);
        QVERIFY(id);
        QCOMPARE(s->transition(*id, "cancel", {{"reason", "x"}}, resident, kNow).error().code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(s->create("notice", {{"community_id", "cm-1"}}, resident, kNow).error().code,
                 ErrorCode::PermissionDenied);
    }

    void attachmentsAreKeptUntilUploaded() {
        auto s = fresh();
        const std::string photo(5000, '\x7f');
        auto sha = s->putBlob(photo, "image/jpeg");
        QVERIFY(sha);
        QCOMPARE(*sha, sha256Hex(photo));
        QVERIFY(s->putBlob(photo, "image/jpeg")); // the same photo twice is one blob
        QCOMPARE(s->blobsToUpload()->size(), std::size_t(1));
        QCOMPARE(**s->blobData(*sha), photo);
        QVERIFY(s->setBlobUploaded(*sha, 5000));
        QVERIFY(s->blobsToUpload()->empty());
    }

    void anotherDevicesDatabaseIsRefused() {
        auto s = fresh();
        DeviceInfo other;
        other.deviceId = "dev-other";
        other.role = "staff";
        other.serverTime = kNow;
        QCOMPARE(s->setDeviceInfo(other).error().code, ErrorCode::FailedPrecondition);
    }
};

QTEST_GUILESS_MAIN(DeviceStoreTest)
#include "device_store_test.moc"
