// The record list over a real SQLite device store, page by page: QAbstractItemModelTester
// watches every signal while the list is read to its end, and the rows arrive in exactly the
// order the whole list has, whatever the page size. The store holds what makes keyset paging
// go wrong: records with no deadline or no date, many with the same deadline, a deleted one,
// another type, and for "my work" records that are both mine and my department's.

#include "client/app_context.h"
#include "client/record_list_model.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace courtyard;

namespace {

struct Seeded {
    std::string id;
    std::optional<Instant> due, happened;
    bool mine = false;
};

const Instant kT0 = fromEpochMs(1'780'000'000'000);

} // namespace

class RecordListModelTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<client::AppContext> m_app;
    std::vector<Seeded> m_seeded; // the complaints the lists should show

    void put(const std::string& id, const std::string& type, const Seeded& s, bool deleted, int i) {
        store::StoredRecord r;
        r.id = id;
        r.type = type;
        r.version = i % 2; // every other one not yet confirmed by a server
        r.deleted = deleted;
        r.body = Json{{"id", id},
                      {"community_id", "cm-1"},
                      {"channel", "phone"},
                      {"category", i % 2 ? "housing" : "security"},
                      {"content", "投诉 " + id},
                      {"urgent", i % 5 == 0},
                      {"reply_due", {{"rule", "reply"}, {"provisional", i % 3 != 0}}},
                      {"notes", "only in the whole body"}};
        records::IndexFields idx;
        idx.communityId = "cm-1";
        idx.state = "received";
        idx.unitId = "u-1";
        idx.assignee = i % 3 == 0 ? "s-me" : "s-other";
        idx.departmentId = i % 4 == 0 ? "d-mine" : "d-other";
        idx.dueAt = s.due;
        idx.dueRule = s.due ? "reply" : "";
        idx.happenedAt = s.happened;
        r.index = idx;
        QVERIFY(m_app->store().records().put(r));
    }

    // The seeded complaints in a list's order, written out here apart from the store's SQL.
    std::vector<std::string> expected(const QString& order, bool workOnly) const {
        auto rows = m_seeded;
        if (workOnly)
            std::erase_if(rows, [](const Seeded& s) { return !s.mine; });
        std::stable_sort(rows.begin(), rows.end(), [&](const Seeded& x, const Seeded& y) {
            const auto& kx = order == "due" ? x.due : x.happened;
            const auto& ky = order == "due" ? y.due : y.happened;
            if (kx.has_value() != ky.has_value())
                return order == "oldest" ? !kx.has_value() : kx.has_value(); // undated first only when oldest first
            if (kx && *kx != *ky)
                return order == "recent" ? *kx > *ky : *kx < *ky;
            return x.id < y.id;
        });
        std::vector<std::string> ids;
        for (const auto& s : rows)
            ids.push_back(s.id);
        return ids;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto store = sync::DeviceStore::open(m_dir.filePath("tablet.db").toStdString());
        QVERIFY2(bool(store), store ? "" : store.error().message.c_str());
        m_app = std::make_unique<client::AppContext>(std::move(*store), false);
        domain::Actor me;
        me.staffId = "s-me";
        me.departmentId = "d-mine";
        me.role = domain::Role::Staff;
        m_app->setActor(me);
        for (int i = 0; i < 41; ++i) {
            Seeded s;
            // Ids out of step with the keys, so ties and key order are told apart.
            s.id = "c-" + std::to_string(100 + (i * 17) % 41);
            if (i % 7 != 0)
                s.due = kT0 + std::chrono::hours{i % 5}; // five deadlines shared by many
            if (i % 9 != 0)
                s.happened = kT0 - std::chrono::hours{24 * (i % 6)};
            s.mine = i % 3 == 0 || i % 4 == 0;
            const bool deleted = i == 13;
            put(s.id, "complaint", s, deleted, i);
            if (!deleted)
                m_seeded.push_back(s);
        }
        put("s-1", "suggestion", Seeded{"s-1", kT0, kT0, true}, false, 1); // another type
    }
    void cleanupTestCase() { m_app.reset(); }

    void pagesFollowTheWholeListsOrder_data() {
        QTest::addColumn<QString>("order");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<int>("pageSize");
        for (const char* order : {"due", "recent", "oldest"})
            for (const char* scope : {"all", "work"})
                for (int size : {5, 7, 1000})
                    QTest::addRow("%s order, %s, pages of %d", order, scope, size) << QString(order) << QString(scope) << size;
    }
    void pagesFollowTheWholeListsOrder() {
        QFETCH(QString, order);
        QFETCH(QString, scope);
        QFETCH(int, pageSize);
        client::RecordListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTypes({"complaint"});
        model.setOrder(order);
        model.setScope(scope);
        model.setPageSize(pageSize);
        QTRY_VERIFY(model.rowCount() > 0);
        QCOMPARE(model.rowCount(), std::min(pageSize, int(expected(order, scope == "work").size())));
        int pages = 1;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            ++pages;
        }
        const auto want = expected(order, scope == "work");
        std::vector<std::string> got;
        for (int r = 0; r < model.rowCount(); ++r)
            got.push_back(model.idAt(r).toStdString());
        QCOMPARE(got, want);
        if (pageSize < int(want.size()))
            QVERIFY(pages > 2); // read in pages, not at once
        if (scope == "all")
            QCOMPARE(model.total(), int(want.size()));
    }

    void aRowShowsItsFieldsAndTheWholeBodyOnRequest() {
        client::RecordListModel model;
        model.setTypes({"complaint"});
        model.setOrder("due");
        QTRY_VERIFY(model.rowCount() > 0);
        const auto roles = model.roleNames();
        const QModelIndex first = model.index(0);
        const QString id = model.idAt(0);
        QCOMPARE(model.data(first, roles.key("title")).toString(), "投诉 " + id);
        QCOMPARE(model.data(first, roles.key("subtitle")).toString(), QString("phone"));
        QVERIFY(!model.data(first, roles.key("category")).toString().isEmpty());
        QCOMPARE(model.data(first, roles.key("recordState")).toString(), QString("received"));
        QCOMPARE(model.data(first, roles.key("dueRule")).toString(), QString("reply"));
        QCOMPARE(model.data(first, roles.key("dueAt")).toDateTime().toMSecsSinceEpoch(), toEpochMs(kT0));
        QCOMPARE(model.data(first, roles.key("unitId")).toString(), QString("u-1"));
        // Rows the server has not confirmed are pending; the deadline's own flag says provisional.
        int pending = 0, provisional = 0, urgent = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            pending += model.data(model.index(r), roles.key("pending")).toBool();
            provisional += model.data(model.index(r), roles.key("provisional")).toBool();
            urgent += model.data(model.index(r), roles.key("urgent")).toBool();
        }
        QVERIFY(pending > 0 && pending < model.rowCount());
        QVERIFY(provisional > 0 && provisional < model.rowCount());
        QVERIFY(urgent > 0 && urgent < model.rowCount());
        // A field no row shows comes with the whole body, read when asked for.
        const QVariantMap body = model.data(first, roles.key("body")).toMap();
        QCOMPARE(body.value("id").toString(), id);
        QCOMPARE(body.value("notes").toString(), QString("only in the whole body"));
    }

    void theStoreRefusesAKeyWithAnOffset() {
        store::RecordQuery q;
        q.types = {"complaint"};
        q.order = store::RecordQuery::Order::DueAt;
        q.limit = 5;
        q.offset = 5;
        q.after = store::RecordQuery::After{"c-100", kT0};
        QVERIFY(!m_app->store().records().query(q));
        QVERIFY(!m_app->store().records().summaries(q, {"content"}));
        q.offset = 0;
        QVERIFY(m_app->store().records().query(q));
        QVERIFY(!m_app->store().records().summaries(q, {"content', '$.x"})); // a field is a plain key
    }
};

QTEST_GUILESS_MAIN(RecordListModelTest)
#include "record_list_model_test.moc"
