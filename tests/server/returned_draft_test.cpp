// A new record the server refuses, against the real server binary: it stays on the tablet as a
// returned draft with the server's reason, a pull leaves it alone, it is corrected and sent
// again as a create of the same id (a refusal changes nothing on the server, so the id is still
// free), and it arrives exactly once — with the answer to the second sending lost on the way and
// the operation retried, and with "Send again" tapped twice.
#include "support/server_process.h"
#include "support/test_device.h"
#include "test_support.h"

#include <QtTest>

using namespace courtyard;
using namespace courtyard::test;

namespace {

std::vector<store::StoredRecord> complaintsSaying(TestDevice& d, const std::string& content) {
    store::RecordQuery q;
    q.types = {"complaint"};
    std::vector<store::StoredRecord> out;
    for (auto& r : *d.store().query(q))
        if (r.body.value("content", std::string()) == content)
            out.push_back(std::move(r));
    return out;
}

} // namespace

class ReturnedDraftTest : public QObject {
    Q_OBJECT

    ServerProcess m_server;

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
    }

    void aRefusedComplaintIsCorrectedSentAgainAndArrivesOnce() {
        // The tablet serves both communities; 1003 (security) serves Sunshine only. The tablet
        // lets him file a complaint in Jade Lake; the server, which knows whom he serves,
        // refuses it.
        const auto enrolled =
            m_server.addDevice("supervisor", {"cm-sunshine", "cm-jadelake"}, "gate tablet");
        TestDevice tablet(m_server.url(), enrolled.token);
        QVERIFY(tablet.sync().complete);
        QVERIFY2(tablet.signIn("1003"), tablet.lastError().message.c_str());
        const auto id = tablet.fileComplaint("cm-jadelake", "Gate 2 barrier stuck");
        QVERIFY2(id, id ? "" : id.error().message.c_str());
        auto report = tablet.sync();
        QCOMPARE(report.rejected, 1);

        // Kept as a returned draft: the record as written, the reason, nothing to push.
        auto draft = *tablet.store().get(*id);
        QVERIFY(draft);
        QCOMPARE(draft->version, std::int64_t(0));
        QCOMPARE(draft->body["content"], Json("Gate 2 barrier stuck"));
        auto refusal = *tablet.store().returnedRefusal(*id);
        QVERIFY(refusal);
        QCOMPARE(refusal->error.code, ErrorCode::PermissionDenied);
        QVERIFY2(refusal->error.message.find("cm-jadelake") != std::string::npos,
                 refusal->error.message.c_str());
        QCOMPARE(*tablet.store().pendingCount(), std::int64_t(0));
        // Syncing again pushes nothing and the pull leaves the draft alone.
        report = tablet.sync();
        QVERIFY(report.complete);
        QCOMPARE(report.pushed, 0);
        QVERIFY(*tablet.store().get(*id));
        QVERIFY(*tablet.store().returnedRefusal(*id));

        // The security head, who serves Jade Lake, corrects it and sends it again.
        QVERIFY2(tablet.signIn("2003"), tablet.lastError().message.c_str());
        QVERIFY(tablet.store().update(*id, {{"content", "Gate 2 barrier stuck open"}},
                                      tablet.actor(), tablet.now()));
        QCOMPARE(*tablet.store().pendingCount(), std::int64_t(0)); // a local correction only
        QVERIFY(tablet.store().sendAgain(*id, tablet.actor(), tablet.now()));
        // A second tap: refused here, nothing more queued.
        QCOMPARE(tablet.store().sendAgain(*id, tablet.actor(), tablet.now()).error().code,
                 ErrorCode::FailedPrecondition);
        QCOMPARE(*tablet.store().pendingCount(), std::int64_t(1));

        // The server applies it but its answer is lost; the retry sends the same operation.
        tablet.useFaults(14, {0, 1.0, 0, 0});
        report = tablet.sync();
        QVERIFY(!report.complete);
        QCOMPARE(*tablet.store().pendingCount(), std::int64_t(1));
        tablet.healFaults();
        report = tablet.sync();
        QVERIFY(report.complete);
        QCOMPARE(*tablet.store().pendingCount(), std::int64_t(0));
        QVERIFY(!*tablet.store().returnedRefusal(*id));
        QVERIFY(tablet.store().rejections()->empty()); // the refusal is acknowledged
        draft = *tablet.store().get(*id);
        QVERIFY(draft);
        QVERIFY(draft->version > 0); // the server's version came with the pull
        QCOMPARE(draft->body["created_by"], Json("s-2003"));

        // Another device sees it once, corrected, under the same id.
        const auto other = m_server.addDevice("supervisor", {"cm-jadelake"}, "office tablet");
        TestDevice office(m_server.url(), other.token);
        QVERIFY(office.sync().complete);
        const auto seen = complaintsSaying(office, "Gate 2 barrier stuck open");
        QCOMPARE(seen.size(), std::size_t(1));
        QCOMPARE(seen[0].id, *id);
        QVERIFY(complaintsSaying(office, "Gate 2 barrier stuck").empty());
    }

    void aDiscardedDraftNeverReachesTheServer() {
        const auto enrolled =
            m_server.addDevice("supervisor", {"cm-sunshine", "cm-jadelake"}, "second gate tablet");
        TestDevice tablet(m_server.url(), enrolled.token);
        QVERIFY(tablet.sync().complete);
        QVERIFY(tablet.signIn("1003"));
        const auto id = tablet.fileComplaint("cm-jadelake", "Lift lobby light out");
        QVERIFY(id);
        QCOMPARE(tablet.sync().rejected, 1);
        QVERIFY(tablet.store().discardReturned(*id));
        QVERIFY(!*tablet.store().get(*id));
        QVERIFY(tablet.sync().complete);
        QVERIFY(!*tablet.store().get(*id));
        QCOMPARE(*tablet.store().pendingCount(), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(ReturnedDraftTest)
#include "returned_draft_test.moc"
