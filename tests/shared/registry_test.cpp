// The record-type registry: what a device may create, which fields merge as plain fields, the
// append-only lists, what only the server computes, the index columns, and what a kiosk sees.
#include "shared/records/record_type.h"

#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using records::findRecordType;

namespace {
Json newComplaint() {
    return Json{{"id", "c-1"},
                {"community_id", "cm-1"},
                {"channel", "kiosk"},
                {"complainant", {{"name", "王女士"}, {"phone", "13800000000"}}},
                {"unit_id", "u-1"},
                {"category", "cleaning"},
                {"content", "垃圾没有清运"},
                {"received_at", "2026-03-02T02:00:00Z"},
                {"receipt_code", "AB12-CD34"}};
}
const Instant kNow = *parseInstant("2026-03-02T10:00:00+08:00");
} // namespace

class RegistryTest : public QObject {
    Q_OBJECT
private slots:
    void aNewRecordStartsAtTheBeginningAndCarriesNothingComputed() {
        const auto* t = findRecordType("complaint");
        Json body = newComplaint();
        body["reply_due"] = {{"due_at", "2030-01-01T00:00:00Z"}, {"rule", "made_up"}};
        body["grade"] = 4;
        auto out = t->prepareNew(body);
        QVERIFY2(out, out ? "" : out.error().message.c_str());
        QVERIFY(!out->contains("reply_due")); // only the rules engine sets deadlines
        QVERIFY(!out->contains("grade"));
        QCOMPARE((*out)["state"], Json("received"));

        body = newComplaint();
        body["state"] = "closed";
        QCOMPARE(t->prepareNew(body).error().code, ErrorCode::InvalidArgument);
        body = newComplaint();
        body["validity"] = "valid";
        QCOMPARE(t->prepareNew(body).error().code, ErrorCode::InvalidArgument);
        body = newComplaint();
        body["content"] = "  ";
        QCOMPARE(t->prepareNew(body).error().code, ErrorCode::InvalidArgument);
    }

    void plainFieldsAreEditableWhileOpenAndNothingElseIs() {
        const auto* t = findRecordType("complaint");
        Json body = *t->prepareNew(newComplaint());
        QVERIFY(t->update(body, {{"urgent", true}, {"content", "垃圾三天没有清运"}}));
        QCOMPARE(body["urgent"], Json(true));
        QCOMPARE(body["content"], Json("垃圾三天没有清运"));

        const Json before = body;
        auto st = t->update(body, {{"state", "closed"}});
        QCOMPARE(st.error().code, ErrorCode::InvalidArgument);
        QVERIFY(st.error().message.find("state") != std::string::npos);
        QCOMPARE(t->update(body, {{"urgent", "very"}}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(t->update(body, {{"content", ""}}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(t->update(body, Json::object()).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(body, before);

        body["state"] = "closed";
        QCOMPARE(t->update(body, {{"urgent", false}}).error().code, ErrorCode::FailedPrecondition);
    }

    void appendsAreIdempotentAndOrdered() {
        const auto* t = findRecordType("complaint");
        Json body = *t->prepareNew(newComplaint());
        const Json later{{"id", "n2"}, {"at", "2026-03-02T05:00:00Z"}, {"author", "s1"}, {"text", "second"}};
        const Json earlier{{"id", "n1"}, {"at", "2026-03-02T04:00:00Z"}, {"author", "s2"}, {"text", "first"}};
        QCOMPARE(*t->append(body, "comments", later), true);
        QCOMPARE(*t->append(body, "comments", earlier), true);
        QCOMPARE(*t->append(body, "comments", later), false); // a retried append
        QCOMPARE(body["comments"].size(), std::size_t(2));
        QCOMPARE(body["comments"][0]["id"], Json("n1"));
        QCOMPARE(t->append(body, "timeline", earlier).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(t->append(body, "comments", Json{{"id", "n3"}}).error().code, ErrorCode::InvalidArgument);
        const Json photo{{"sha256", std::string(64, 'e')}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", 10}};
        QCOMPARE(*t->append(body, "attachments", photo), true);
        QCOMPARE(*t->append(body, "attachments", photo), false);
    }

    void checkpointVisitsAreCheckedBeforeTheyAreAppended() {
        const auto* t = findRecordType("patrol_round");
        Json body = *t->prepareNew({{"id", "pr"}, {"route_id", "r"}, {"started_at", "2026-03-02T02:00:00Z"},
                                    {"checkpoints", {{{"id", "a"}, {"name", "Gate"}, {"code", "qa"}}}}});
        QCOMPARE(*t->append(body, "visits", {{"id", "v1"}, {"checkpoint_id", "a"}, {"at", "2026-03-02T02:05:00Z"}}), true);
        QCOMPARE(t->append(body, "visits", {{"id", "v2"}, {"checkpoint_id", "zz"}, {"at", "2026-03-02T02:05:00Z"}})
                     .error().code, ErrorCode::InvalidArgument);
        QCOMPARE(t->append(body, "visits", {{"id", "v3"}, {"checkpoint_id", "a"}, {"method", "manual"},
                                            {"at", "2026-03-02T02:06:00Z"}}).error().code,
                 ErrorCode::InvalidArgument);
    }

    void transitionsRunThroughTheTypedWorkflow() {
        const auto* t = findRecordType("complaint");
        Json body = *t->prepareNew(newComplaint());
        domain::TransitionRequest req{"accept", {{"reach", "media"}}, {"s-1", domain::Role::Supervisor,
                                                                      domain::Position::DepartmentHead, "d-1", "Zhang"},
                                      kNow, "dev:1"};
        auto out = t->transition(body, req);
        QVERIFY(out && !out->noop);
        QCOMPARE(body["state"], Json("handling"));
        QCOMPARE(body["handler_id"], Json("s-1"));
        req.actor.role = domain::Role::Resident;
        req.action = "cancel";
        const Json before = body;
        QCOMPARE(t->transition(body, req).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(body, before);
        QCOMPARE(findRecordType("survey_response")->transition(body, req).error().code,
                 ErrorCode::FailedPrecondition);
    }

    void companyDataIsNotEditableFromADevice() {
        const auto* t = findRecordType("unit");
        QVERIFY(t->isReference());
        Json body = *t->normalize({{"id", "u"}, {"community_id", "c"}, {"building_id", "b"}, {"number", "1-101"}});
        QCOMPARE(t->update(body, {{"occupied", false}}).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(t->index(body).communityId, std::string("c"));
        QCOMPARE(findRecordType("staff")->index(*findRecordType("staff")->normalize(
                     {{"id", "s"}, {"number", "1"}, {"name", "n"}, {"role", "staff"}})).communityId,
                 std::string());
    }

    void indexColumnsComeFromTheBody() {
        const auto* t = findRecordType("complaint");
        Json body = *t->prepareNew(newComplaint());
        rules::RuleContext ctx{rules::Calendar::chinaDefault(), rules::Policy::defaults()};
        t->derive(body, ctx, {true, false});
        const auto idx = t->index(body);
        QCOMPARE(idx.communityId, std::string("cm-1"));
        QCOMPARE(idx.state, std::string("received"));
        QCOMPARE(idx.unitId, std::string("u-1"));
        QVERIFY(idx.dueAt.has_value());
        QCOMPARE(idx.dueRule, std::string("complaint_reply.working_days"));
        // Monday 10:00 Beijing → 2 working days → Wednesday 18:00 Beijing = 10:00 UTC.
        QCOMPARE(formatInstant(*idx.dueAt), std::string("2026-03-04T10:00:00Z"));
        QCOMPARE(body["reply_due"]["provisional"], Json(false));
    }

    void aKioskReceiptShowsStatusAndReplyButNoPersonalData() {
        const auto* t = findRecordType("complaint");
        Json body = *t->prepareNew(newComplaint());
        body["state"] = "replied";
        body["reply"] = "已安排清运";
        const Json receipt = t->receiptView(body);
        QCOMPARE(receipt["status"], Json("replied"));
        QCOMPARE(receipt["reply"], Json("已安排清运"));
        QCOMPARE(receipt["receipt_code"], Json("AB12-CD34"));
        const std::string text = receipt.dump();
        QVERIFY(text.find("13800000000") == std::string::npos);
        QVERIFY(text.find("王女士") == std::string::npos);
        QVERIFY(text.find("垃圾") == std::string::npos); // not even the content
        QVERIFY(findRecordType("transfer_sheet")->receiptView(body).empty());
    }
};

QTEST_GUILESS_MAIN(RegistryTest)
#include "registry_test.moc"
