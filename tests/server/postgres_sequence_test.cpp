// The change sequence on PostgreSQL when several servers write at once: writers, each its own
// PostgresStorage (its own connections, as separate servers have), commit units of one to five
// new records while as many readers page through the changes the way a pulling device does
// (after the last version seen, a page at a time). Some units fail after writing and are rolled
// back. Every reader must see every committed change exactly once, never one that was rolled
// back, and each page must start exactly one version after the last one seen: a version taken
// by a transaction that commits later than a higher one would show up as a gap here (the
// reader pages past it and never sees it).
//
// COURTYARD_PG_SEQUENCE_SECONDS sets how long the writers write (default 30),
// COURTYARD_PG_SEQUENCE_WRITERS / _READERS how many (default 4 each).
#include "server/storage/postgres_storage.h"
#include "support/postgres_cluster.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace courtyard;
using namespace courtyard::server;
using courtyard::test::PostgresCluster;

namespace {

int envInt(const char* name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

// A record of a type the reports do not count: a complaint's body would have to be a whole
// complaint, since its report facts are written with it.
store::StoredRecord record(const std::string& id) {
    store::StoredRecord r;
    r.id = id;
    r.type = "unit";
    r.body = {{"id", id}};
    records::IndexFields f;
    f.communityId = "community-a";
    r.index = f;
    return r;
}

struct ReaderLog {
    std::set<std::string> seen;
    std::int64_t last = 0;
    std::int64_t pages = 0;
    std::vector<std::string> problems;
};

} // namespace

class PostgresSequenceTest : public QObject {
    Q_OBJECT
    PostgresCluster m_cluster;

private slots:
    void initTestCase() { QVERIFY(m_cluster.start()); }
    void cleanupTestCase() { m_cluster.stop(); }

    void everyReaderSeesEveryCommittedChangeOnceWithoutGaps() {
        const int seconds = envInt("COURTYARD_PG_SEQUENCE_SECONDS", 30);
        const int writers = envInt("COURTYARD_PG_SEQUENCE_WRITERS", 4);
        const int readers = envInt("COURTYARD_PG_SEQUENCE_READERS", 4);
        const std::string db = m_cluster.createDatabase("sequence").toStdString();
        QVERIFY(!db.empty());

        ChangeFilter all;
        all.communityIds = {"community-a"};
        all.types = {"unit"};

        std::atomic<bool> writing{true};
        std::mutex committedMutex;
        std::set<std::string> committed, rolledBack;
        std::atomic<int> writerErrors{0};
        std::atomic<int> writersDone{0};
        std::vector<std::thread> threads;
        for (int w = 0; w < writers; ++w) {
            threads.emplace_back([&, w] {
                auto storage = PostgresStorage::open(db, PostgresStorageOptions{2});
                if (!storage) {
                    ++writerErrors;
                    ++writersDone;
                    return;
                }
                std::mt19937 rng{static_cast<unsigned>(w)};
                for (int n = 0; writing; ++n) {
                    const int count = 1 + int(rng() % 5);
                    const bool fail = rng() % 10 == 0;
                    std::vector<std::string> ids;
                    for (int i = 0; i < count; ++i)
                        ids.push_back("w" + std::to_string(w) + "-" + std::to_string(n) + "-" + std::to_string(i));
                    auto st = (*storage)->write([&](WriteUnit& u) -> Status {
                        for (const auto& id : ids)
                            CY_TRY(u.put(record(id)));
                        if (fail)
                            return conflict("rolled back on purpose");
                        return {};
                    });
                    std::lock_guard lock(committedMutex);
                    if (st)
                        committed.insert(ids.begin(), ids.end());
                    else if (fail)
                        rolledBack.insert(ids.begin(), ids.end());
                    else
                        ++writerErrors;
                }
                ++writersDone;
            });
        }

        std::vector<ReaderLog> logs(std::size_t(readers), ReaderLog{});
        auto page = [&](PostgresStorage& storage, ReaderLog& log, int limit) -> bool {
            std::size_t got = 0;
            auto st = storage.read([&](ReadUnit& u) -> Status {
                auto changes = u.changes(all, log.last, limit);
                if (!changes)
                    return changes.error();
                got = changes->size();
                for (const auto& r : *changes) {
                    if (r.version != log.last + 1)
                        log.problems.push_back("after version " + std::to_string(log.last) + " came " +
                                               std::to_string(r.version) + " (" + r.id + ")");
                    if (!log.seen.insert(r.id).second)
                        log.problems.push_back(r.id + " seen twice");
                    log.last = r.version;
                }
                return {};
            });
            ++log.pages;
            if (!st)
                log.problems.push_back("a page failed: " + st.error().message);
            return got > 0;
        };
        for (int r = 0; r < readers; ++r) {
            threads.emplace_back([&, r] {
                auto& log = logs[std::size_t(r)];
                auto storage = PostgresStorage::open(db, PostgresStorageOptions{1});
                if (!storage) {
                    log.problems.push_back("cannot open: " + storage.error().message);
                    return;
                }
                const int limit = 7 + r * 13; // pages of different sizes
                // Paging while writers write; then, once the last unit has committed, to the end.
                while (writersDone < writers)
                    if (!page(**storage, log, limit))
                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                while (page(**storage, log, limit)) {
                }
            });
        }

        std::this_thread::sleep_for(std::chrono::seconds(seconds));
        writing = false;
        for (auto& t : threads)
            t.join();

        QCOMPARE(writerErrors.load(), 0);
        QVERIFY(committed.size() > 100);
        QVERIFY(!rolledBack.empty());
        std::int64_t pages = 0;
        for (const auto& log : logs) {
            for (const auto& p : log.problems)
                qWarning("%s", p.c_str());
            QVERIFY(log.problems.empty());
            QCOMPARE(log.seen.size(), committed.size());
            QVERIFY(log.seen == committed);
            QCOMPARE(log.last, std::int64_t(committed.size())); // versions 1..N, none lost
            pages += log.pages;
        }
        qInfo("%d writers, %d readers, %d s: %zu changes committed (%zu rolled back), each seen once by every "
              "reader; %lld pages read",
              writers, readers, seconds, committed.size(), rolledBack.size(), static_cast<long long>(pages));
    }
};

QTEST_GUILESS_MAIN(PostgresSequenceTest)
#include "postgres_sequence_test.moc"
