// The tablet's inbox judges scheduled patrol rounds itself when it cannot reach the server
// (sync/client/device_inbox.h): a synced expected round whose start window closed with no round
// of the route is missed for the guard supervisor, provisionally; a round walked on the tablet
// keeps it; after a long time without signal it predicts the rounds the server has made since,
// from the synced schedule; and it never predicts a round from before the last sync that the
// server did not send (a schedule newer than that time). Real device database, no server.
#include "shared/rules/patrol_schedule.h"
#include "sync/client/device_inbox.h"
#include "sync/client/device_store.h"

#include "test_support.h"

#include <QTemporaryDir>
#include <QtTest>
#include <set>

using namespace courtyard;
using namespace courtyard::sync;

namespace {

Instant at(const char* s) { return *parseInstant(s); }

domain::PatrolRoute route() {
    domain::PatrolRoute r;
    r.id = "route-1";
    r.communityId = "cm-1";
    r.name = "Night patrol";
    r.departmentId = "d-sec";
    r.checkpoints = {{"cp-1", "Gate", "", "courtyard:cp:cp-1:x", 10, 15}};
    r.schedule = domain::PatrolSchedule{{22 * 60}, {}, 30};
    return r;
}

const domain::Actor kHead{"s-head", domain::Role::Supervisor, domain::Position::DepartmentHead, "d-sec", "Huang Lei"};
const domain::Actor kGuard{"s-guard", domain::Role::Staff, domain::Position::Staff, "d-sec", "Zhao Gang"};

} // namespace

class DevicePatrolInboxTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<DeviceStore> open() {
        auto s = DeviceStore::open(m_dir.filePath(QString("d%1.db").arg(++m_n)).toStdString());
        if (!s)
            qFatal("open: %s", s.error().message.c_str());
        return std::move(*s);
    }
    static void put(DeviceStore& s, const std::string& id, std::string_view type, Json body) {
        store::StoredRecord r;
        r.id = id;
        r.type = std::string(type);
        r.body = std::move(body);
        if (auto st = s.records().put(r); !st)
            qFatal("put: %s", st.error().message.c_str());
    }
    static std::vector<rules::InboxItem> inbox(DeviceStore& s, const domain::Actor& who, Instant now) {
        auto items = deviceInbox(s, who, now);
        if (!items)
            qFatal("inbox: %s", items.error().message.c_str());
        return *items;
    }
    // A synced store: the route, and the server's expected round for each of `times`.
    std::unique_ptr<DeviceStore> synced(Instant lastSync, const std::vector<Instant>& times) {
        auto s = open();
        put(*s, "route-1", "patrol_route", route());
        for (Instant t : times) {
            const auto slot = rules::expectedSlot(route(), t);
            put(*s, slot.id, "patrol_slot", slot);
        }
        if (auto st = s->setLastSync(lastSync); !st)
            qFatal("setLastSync: %s", st.error().message.c_str());
        return s;
    }

private slots:
    void aSyncedRoundNobodyStartsIsMissedOfflineAndARoundWalkedHereKeepsIt() {
        const Instant ten = at("2026-03-20T22:00:00+08:00");
        auto s = synced(at("2026-03-20T21:00:00+08:00"), {ten});
        const std::string id = rules::slotId("route-1", ten);

        // 21:45: the guard is told to walk it (the server's own figure); the head is not told.
        auto guard = inbox(*s, kGuard, at("2026-03-20T21:45:00+08:00"));
        QCOMPARE(guard.size(), std::size_t(1));
        QCOMPARE(guard[0].recordId, id);
        QCOMPARE(guard[0].action, rules::InboxAction::Patrol);
        QVERIFY(!guard[0].provisional);
        QVERIFY(inbox(*s, kHead, at("2026-03-20T21:45:00+08:00")).empty());

        // 22:40, still no signal: nobody started it. The head learns it was missed, provisionally,
        // under the key the server's item will have; the guard's item is gone.
        const Instant late = at("2026-03-20T22:40:00+08:00");
        auto head = inbox(*s, kHead, late);
        QCOMPARE(head.size(), std::size_t(1));
        QCOMPARE(head[0].recordId, id);
        QCOMPARE(head[0].reason, rules::InboxReason::Overdue);
        QCOMPARE(head[0].key, std::string("overdue.missed"));
        QCOMPARE(head[0].state, std::string("missed"));
        QVERIFY(head[0].provisional);
        QVERIFY(inbox(*s, kGuard, late).empty());

        // A round of the route started at 22:10 on this tablet: not missed.
        domain::PatrolRound round;
        round.id = "round-1";
        round.communityId = "cm-1";
        round.createdAt = round.startedAt = at("2026-03-20T22:10:00+08:00");
        round.createdBy = round.guardId = "s-guard";
        round.routeId = "route-1";
        put(*s, round.id, "patrol_round", round);
        QVERIFY(inbox(*s, kHead, late).empty());
    }

    void afterALongTimeWithoutSignalItPredictsTheRoundsTheServerHasMadeSince() {
        // Last synced at 09:00 on the 19th, with that night's expected round; now it is 23:00 on
        // the 20th. The 20th's 22:00 round was made by the server after the tablet last heard
        // from it: predicted, and missed too.
        const Instant first = at("2026-03-19T22:00:00+08:00"), second = at("2026-03-20T22:00:00+08:00");
        auto s = synced(at("2026-03-19T09:00:00+08:00"), {first});
        auto head = inbox(*s, kHead, at("2026-03-20T23:00:00+08:00"));
        QCOMPARE(head.size(), std::size_t(2));
        std::set<std::string> ids;
        for (const auto& i : head) {
            ids.insert(i.recordId);
            QCOMPARE(i.key, std::string("overdue.missed"));
            QVERIFY(i.provisional);
        }
        QCOMPARE(ids, (std::set<std::string>{rules::slotId("route-1", first), rules::slotId("route-1", second)}));
    }

    void aRoundTheServerDidNotSendBeforeTheLastSyncIsNotPredicted() {
        // The schedule reached the tablet at 21:00 on the 20th, with no expected round before it
        // (the office scheduled the route that evening): last night's 22:00 is nobody's miss.
        auto s = synced(at("2026-03-20T21:00:00+08:00"), {});
        QVERIFY(inbox(*s, kHead, at("2026-03-20T21:30:00+08:00")).empty());
        // Without a schedule, a route predicts nothing at all.
        auto plain = open();
        auto r = route();
        r.schedule.reset();
        put(*plain, r.id, "patrol_route", r);
        QVERIFY(inbox(*plain, kHead, at("2026-03-21T23:00:00+08:00")).empty());
        // Another department's head is never told.
        auto s2 = synced(at("2026-03-20T21:00:00+08:00"), {at("2026-03-20T22:00:00+08:00")});
        const domain::Actor other{"s-cs", domain::Role::Supervisor, domain::Position::DepartmentHead, "d-cs", "Liu"};
        QVERIFY(inbox(*s2, other, at("2026-03-20T22:40:00+08:00")).empty());
    }
};

QTEST_GUILESS_MAIN(DevicePatrolInboxTest)
#include "device_patrol_inbox_test.moc"
