// The attachment rules (BlobService) over both blob stores, each with its engine: files under a
// data directory with SQLite, chunks in PostgreSQL (a throw-away cluster this test starts and
// stops, support/postgres_cluster.h). Two "servers" are two services over their own storage
// connections and stores, sharing the data: an upload resumes at the other one, a wrong offset
// is told where the upload stands, bytes that do not match their hash are discarded, the
// per-device quota of unfinished bytes holds (across servers on PostgreSQL), abandoned uploads
// are removed, a complete blob is idempotent, and the same chunk sent to both at once is kept
// once. The real binaries over one PostgreSQL database: blob_servers_test.
#include "server/service/blob_service.h"
#include "server/storage/file_blob_store.h"
#include "server/storage/postgres/pg_blob_store.h"
#include "server/storage/postgres/pg_connection.h"
#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"
#include "support/patterned.h"
#include "support/postgres_cluster.h"
#include "sync/protocol/crypto.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <future>
#include <thread>

using namespace courtyard;
using courtyard::test::patterned;
using namespace courtyard::server;
using courtyard::test::PostgresCluster;

namespace {

// One server: its storage and its blob service. Several over one data directory or database.
struct Server {
    std::unique_ptr<ServerStorage> storage;
    std::unique_ptr<BlobService> blobs;
};

} // namespace

class BlobStoreTest : public QObject {
    Q_OBJECT
    PostgresCluster m_cluster;
    bool m_pg = false;
    QTemporaryDir m_dir;
    int m_made = 0;
    QString m_where; // this case's data directory or database

    // A fresh data directory (SQLite) or database (PostgreSQL) for the current case.
    void freshPlace() {
        QFETCH(QString, engine);
        m_pg = engine == "postgresql";
        const QString name = QStringLiteral("case_%1").arg(++m_made);
        if (m_pg) {
            m_where = m_cluster.createDatabase(name);
        } else {
            m_where = m_dir.filePath(name);
            QDir().mkpath(m_where);
        }
        QVERIFY(!m_where.isEmpty());
    }

    // Another server over the current case's data; at most 8 MiB an attachment, the real clock.
    Server server() {
        Server s;
        if (m_pg) {
            auto pg = PostgresStorage::open(m_where.toStdString(), {2});
            if (!pg)
                qFatal("PostgreSQL: %s", pg.error().message.c_str());
            auto store = std::make_unique<PgBlobStore>(**pg);
            s.storage = std::move(*pg);
            s.blobs = std::make_unique<BlobService>(*s.storage, std::move(store), systemNow, 8 << 20);
        } else {
            auto sqlite = SqliteStorage::open((m_where + "/courtyard.db").toStdString());
            if (!sqlite)
                qFatal("SQLite: %s", sqlite.error().message.c_str());
            s.storage = std::move(*sqlite);
            s.blobs = std::make_unique<BlobService>(*s.storage, std::make_unique<FileBlobStore>((m_where + "/blobs").toStdString()),
                                                    systemNow, 8 << 20);
        }
        return s;
    }

    // What is left of a blob's unfinished upload: chunk rows, or a .part file.
    int leftovers(const std::string& sha) {
        if (m_pg) {
            auto c = pg::Connection::open(m_where.toStdString());
            if (!c)
                return -1;
            auto n = (*c)->exec("SELECT count(*) FROM blob_chunks WHERE sha256 = $1", {sha});
            return n ? int(n->int64(0, 0)) : -1;
        }
        return QFile::exists(m_where + "/blobs/" + QString::fromStdString(sha.substr(0, 2) + "/" + sha + ".part")) ? 1 : 0;
    }

    static void engines() {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QString("sqlite");
        QTest::newRow("postgresql") << QString("postgresql");
    }

private slots:
    void initTestCase() { QVERIFY(m_cluster.start()); }
    void cleanupTestCase() { m_cluster.stop(); }

    void anUploadResumesAtAnotherServer_data() { engines(); }
    void anUploadResumesAtAnotherServer() {
        freshPlace();
        Server a = server(), b = server();
        const std::string bytes = patterned(2500000, 1);
        const std::string sha = sync::sha256Hex(bytes);
        QCOMPARE(a.blobs->state(sha)->known, false);
        auto first = a.blobs->put(sha, 0, std::int64_t(bytes.size()), std::string_view(bytes).substr(0, 1000000), "image/jpeg");
        QVERIFY2(first, first ? "" : first.error().message.c_str());
        QCOMPARE(first->received, std::int64_t(1000000));
        QVERIFY(!first->complete);
        // The other server knows where the upload stands, and its size.
        auto there = b.blobs->state(sha);
        QVERIFY(there->known);
        QVERIFY(!there->complete);
        QCOMPARE(there->received, std::int64_t(1000000));
        QCOMPARE(there->total, std::int64_t(bytes.size()));
        QVERIFY(!b.blobs->read(sha)); // not complete: not readable
        // A wrong offset is a conflict that says where to continue.
        auto wrong = b.blobs->put(sha, 500000, std::int64_t(bytes.size()), std::string_view(bytes).substr(500000, 10), "");
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::Conflict);
        QVERIFY2(wrong.error().message.find("stands at offset 1000000") != std::string::npos, wrong.error().message.c_str());
        auto second = b.blobs->put(sha, 1000000, std::int64_t(bytes.size()), std::string_view(bytes).substr(1000000, 1000000), "");
        QVERIFY2(second, second ? "" : second.error().message.c_str());
        auto last = a.blobs->put(sha, 2000000, std::int64_t(bytes.size()), std::string_view(bytes).substr(2000000), "");
        QVERIFY2(last, last ? "" : last.error().message.c_str());
        QVERIFY(last->complete);
        QCOMPARE(last->received, std::int64_t(bytes.size()));
        for (auto* s : {&a, &b}) {
            auto got = s->blobs->read(sha);
            QVERIFY2(got, got ? "" : got.error().message.c_str());
            QVERIFY(*got == bytes);
            QVERIFY(s->blobs->state(sha)->complete);
        }
        // Complete: any later chunk is answered as done, and changes nothing.
        auto again = b.blobs->put(sha, 0, std::int64_t(bytes.size()), "garbage", "");
        QVERIFY(again && again->complete);
        QVERIFY(*a.blobs->read(sha) == bytes);
    }

    void bytesThatDoNotMatchTheirHashAreDiscarded_data() { engines(); }
    void bytesThatDoNotMatchTheirHashAreDiscarded() {
        freshPlace();
        Server a = server(), b = server();
        const std::string real = patterned(300000, 2);
        const std::string sha = sync::sha256Hex(real);
        std::string tampered = real;
        tampered[250000] ^= 1;
        QVERIFY(a.blobs->put(sha, 0, 300000, std::string_view(tampered).substr(0, 200000), ""));
        auto bad = b.blobs->put(sha, 200000, 300000, std::string_view(tampered).substr(200000), "");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(bad.error().message.find("hash") != std::string::npos, bad.error().message.c_str());
        for (auto* s : {&a, &b}) {
            QCOMPARE(s->blobs->state(sha)->known, false); // nothing kept: start again from 0
            QCOMPARE(s->blobs->read(sha).error().code, ErrorCode::NotFound);
        }
        // The upload starts again from 0, and the right bytes are kept.
        QCOMPARE(leftovers(sha), 0); // no chunk, no part file of the tampered upload
        QCOMPARE(a.blobs->put(sha, 100, 300000, "x", "").error().code, ErrorCode::Conflict);
        auto good = a.blobs->put(sha, 0, 300000, real, "");
        QVERIFY2(good && good->complete, good ? "" : good.error().message.c_str());
        QVERIFY(*b.blobs->read(sha) == real);
    }

    void unfinishedBytesHaveAQuotaPerDevice_data() { engines(); }
    void unfinishedBytesHaveAQuotaPerDevice() {
        freshPlace();
        Server a = server(), b = server();
        const UploadQuota sun{"d-sun", 1 << 20}, jade{"d-jade", 1 << 20};
        const std::string x = patterned(600000, 3), y = patterned(600000, 4), z = patterned(600000, 5);
        auto start = [&](Server& s, const std::string& bytes, const UploadQuota& q) {
            return s.blobs->put(sync::sha256Hex(bytes), 0, std::int64_t(bytes.size()),
                                std::string_view(bytes).substr(0, 1000), "", q);
        };
        QVERIFY(start(a, x, sun));
        auto over = start(a, y, sun); // 1.2 MB started and unfinished: over 1 MiB
        QVERIFY(!over);
        QCOMPARE(over.error().code, ErrorCode::ResourceExhausted);
        QCOMPARE(over.error().retryAfterSeconds, 60);
        QVERIFY(start(a, y, jade)); // per device
        if (m_pg) {
            // The other server counts what this one started: the uploads are in the database.
            auto there = start(b, z, sun);
            QVERIFY(!there);
            QCOMPARE(there.error().code, ErrorCode::ResourceExhausted);
        }
        // The unfinished upload continues (from another device too): no new quota is taken.
        QVERIFY(a.blobs->put(sync::sha256Hex(x), 1000, 600000, std::string_view(x).substr(1000, 1000), "", jade));
        // Finishing one makes room.
        QVERIFY(a.blobs->put(sync::sha256Hex(x), 2000, 600000, std::string_view(x).substr(2000), "", sun));
        QVERIFY(start(m_pg ? b : a, z, sun));
    }

    void abandonedUploadsAreRemoved_data() { engines(); }
    void abandonedUploadsAreRemoved() {
        freshPlace();
        Server a = server(), b = server();
        const UploadQuota sun{"d-sun", 1 << 20};
        const std::string x = patterned(600000, 6), done = patterned(1000, 7);
        QVERIFY(a.blobs->put(sync::sha256Hex(x), 0, 600000, std::string_view(x).substr(0, 1000), "", sun));
        QVERIFY(a.blobs->put(sync::sha256Hex(done), 0, 1000, done, ""));
        const Instant now = systemNow();
        QCOMPARE(b.blobs->removeAbandoned(now, std::chrono::hours{24}), std::int64_t(0)); // fresh
        // A day and more later (the file store reads the files' times, the database its column).
        QCOMPARE(b.blobs->removeAbandoned(now + std::chrono::hours{25}, std::chrono::hours{24}), std::int64_t(1));
        QCOMPARE(a.blobs->state(sync::sha256Hex(x))->known, false);
        QVERIFY(*a.blobs->read(sync::sha256Hex(done)) == done); // a complete blob is never removed
        QCOMPARE(b.blobs->removeAbandoned(now + std::chrono::hours{25}, std::chrono::hours{24}), std::int64_t(0));
        // The upload starts again from 0.
        QCOMPARE(a.blobs->put(sync::sha256Hex(x), 1000, 600000, "x", "", sun).error().code, ErrorCode::Conflict);
        auto again = a.blobs->put(sync::sha256Hex(x), 0, 600000, x, "", sun);
        QVERIFY2(again && again->complete, again ? "" : again.error().message.c_str());
    }

    void theSameChunkAtTwoServersAtOnceIsKeptOnce_data() { engines(); }
    void theSameChunkAtTwoServersAtOnceIsKeptOnce() {
        freshPlace();
        Server a = server(), b = server();
        for (int round = 0; round < 8; ++round) {
            const std::string bytes = patterned(1500000, 100 + std::uint32_t(round));
            const std::string sha = sync::sha256Hex(bytes);
            const auto total = std::int64_t(bytes.size());
            // Both servers get the first chunk at once: one takes it, the other is told the offset.
            auto sendBoth = [&](std::int64_t offset, std::size_t n) {
                std::promise<void> go;
                auto ready = go.get_future().share();
                auto send = [&](Server& s) {
                    ready.wait();
                    return s.blobs->put(sha, offset, total, std::string_view(bytes).substr(std::size_t(offset), n), "");
                };
                auto fa = std::async(std::launch::async, send, std::ref(a));
                auto fb = std::async(std::launch::async, send, std::ref(b));
                go.set_value();
                return std::pair{fa.get(), fb.get()};
            };
            auto [a1, b1] = sendBoth(0, 1000000);
            QVERIFY2(bool(a1) != bool(b1), "exactly one server takes the same first chunk");
            const auto& refused = a1 ? b1 : a1;
            QCOMPARE(refused.error().code, ErrorCode::Conflict);
            QVERIFY2(refused.error().message.find("stands at offset 1000000") != std::string::npos,
                     refused.error().message.c_str());
            QCOMPARE(a.blobs->state(sha)->received, std::int64_t(1000000));
            // The last chunk at both at once: one completes it, the other finds it complete.
            auto [a2, b2] = sendBoth(1000000, 500000);
            QVERIFY2(a2, a2 ? "" : a2.error().message.c_str());
            QVERIFY2(b2, b2 ? "" : b2.error().message.c_str());
            QVERIFY(a2->complete && b2->complete);
            QVERIFY(*a.blobs->read(sha) == bytes);
            QVERIFY(*b.blobs->read(sha) == bytes);
        }
    }

    // A figure for the notes, not an assertion: a 5 MB photo in the engine's 1 MiB chunks.
    void fiveMegabytesInChunks_data() { engines(); }
    void fiveMegabytesInChunks() {
        freshPlace();
        Server a = server();
        const std::string bytes = patterned(5000000, 42);
        const std::string sha = sync::sha256Hex(bytes);
        QElapsedTimer t;
        t.start();
        for (std::size_t at = 0; at < bytes.size(); at += 1 << 20) {
            auto r = a.blobs->put(sha, std::int64_t(at), std::int64_t(bytes.size()),
                                  std::string_view(bytes).substr(at, 1 << 20), "image/jpeg");
            QVERIFY2(r, r ? "" : r.error().message.c_str());
        }
        const auto upMs = t.restart();
        QVERIFY(*a.blobs->read(sha) == bytes);
        const auto readMs = t.elapsed();
        QFETCH(QString, engine);
        qInfo("%s: 5 MB uploaded in 1 MiB chunks in %lld ms (%.1f MB/s), read back in %lld ms", qPrintable(engine),
              static_cast<long long>(upMs), 5000.0 / double(std::max<qint64>(upMs, 1)), static_cast<long long>(readMs));
    }
};

QTEST_GUILESS_MAIN(BlobStoreTest)
#include "blob_store_test.moc"
