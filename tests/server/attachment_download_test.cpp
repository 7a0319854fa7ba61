// Attachments reach the other tablet, against the real courtyard-server on 127.0.0.1: tablet A
// files a complaint with a photo and syncs; tablet B pulls it and, opening it, downloads the
// photo, verified against its SHA-256, into its attachment cache. Bytes that do not match are
// not kept; a photo the server does not have is remembered for a while instead of asked for on
// every opening; with the server stopped nothing is kept and nothing breaks; the cache stays
// under its limit, least recently used out first, and a photo captured on B and not uploaded is
// never evicted. After a sync, the photos of the person's work are fetched ahead, a bounded
// number per sync.
#include "support/server_process.h"
#include "support/test_device.h"
#include "sync/client/blob_download.h"
#include "sync/protocol/crypto.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QtTest>
#include <random>

using namespace courtyard;
using namespace courtyard::test;

namespace {

std::string randomBytes(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::string out(n, '\0');
    for (auto& c : out)
        c = char(rng() & 0xff);
    return out;
}

Json photoRef(const std::string& bytes) {
    return Json{{"sha256", sync::sha256Hex(bytes)}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", bytes.size()}};
}

// A complaint referring to `photo`; the bytes are captured on the device when `capture`.
Result<std::string> complaintWithPhoto(TestDevice& d, const std::string& content, const std::string& photo,
                                       bool capture = true, const std::string& department = {}) {
    if (capture)
        if (auto sha = d.store().putBlob(photo, "image/jpeg"); !sha)
            return sha.error();
    Json body{{"community_id", "cm-sunshine"}, {"channel", "phone"},     {"category", "repairs"},
              {"content", content},            {"received_at", formatInstant(d.now())},
              {"attachments", Json::array({photoRef(photo)})}};
    if (!department.empty())
        body["department_id"] = department;
    return d.store().create("complaint", body, d.actor(), d.now());
}

// Counts the attachment downloads that reach the wire; optionally hands back damaged bytes, as
// a broken proxy would.
class WatchedTransport final : public sync::Transport {
public:
    explicit WatchedTransport(sync::Transport& inner) : m_inner(inner) {}
    Result<sync::HttpResponse> send(const sync::HttpRequest& r) override {
        const bool blobGet = r.method == "GET" && r.target.rfind("/v1/blobs/", 0) == 0;
        if (blobGet)
            ++downloads;
        auto resp = m_inner.send(r);
        if (blobGet && corrupt && resp && resp->status == 200 && !resp->body.empty())
            resp->body[resp->body.size() / 2] ^= 0x5a;
        return resp;
    }
    int downloads = 0;
    bool corrupt = false;

private:
    sync::Transport& m_inner;
};

Json bodyOf(TestDevice& d, const std::string& id) {
    auto r = d.store().get(id);
    return r && *r ? (*r)->body : Json();
}

} // namespace

class AttachmentDownloadTest : public QObject {
    Q_OBJECT

    ServerProcess m_server;
    std::unique_ptr<TestDevice> m_a, m_b;

    bool syncBoth() { return m_a->sync().complete && m_b->sync().complete; }
    sync::BlobDownloader downloaderFor(TestDevice& d, sync::Transport& via, std::int64_t limit = sync::BlobCache::kDefaultLimitBytes) {
        return sync::BlobDownloader(d.store(), via, [&d] { return d.now(); }, limit);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        const auto a = m_server.addDevice("staff", {"cm-sunshine"}, "tablet A");
        const auto b = m_server.addDevice("staff", {"cm-sunshine"}, "tablet B");
        QVERIFY(m_server.start());
        m_a = std::make_unique<TestDevice>(m_server.url(), a.token);
        m_b = std::make_unique<TestDevice>(m_server.url(), b.token);
        QVERIFY(syncBoth());
        QVERIFY(m_a->signIn("1001"));
        QVERIFY(m_b->signIn("1002"));
    }

    void aPhotoTakenOnTabletAIsDownloadedOnTabletBWhenTheRecordIsOpened() {
        const std::string photo = randomBytes(2u << 20, 1);
        const auto id = complaintWithPhoto(*m_a, "lift door scraped", photo);
        QVERIFY(id);
        auto pushed = m_a->sync();
        QVERIFY(pushed.complete);
        QCOMPARE(pushed.blobsUploaded, 1);
        QVERIFY(m_b->sync().complete);

        WatchedTransport wire(m_b->transport());
        auto dl = downloaderFor(*m_b, wire);
        const std::string sha = sync::sha256Hex(photo);
        QCOMPARE(*dl.cache().has(sha), false);
        QElapsedTimer t;
        t.start();
        const auto results = dl.fetchAll(bodyOf(*m_b, *id));
        qInfo("2 MiB photo downloaded, verified and kept over loopback in %lld ms", qint64(t.elapsed()));
        QCOMPARE(results.size(), std::size_t(1));
        QCOMPARE(results[0].first, sha);
        QCOMPARE(int(results[0].second.outcome), int(sync::BlobFetch::Downloaded));
        QCOMPARE(results[0].second.bytes, std::int64_t(photo.size()));
        QCOMPARE(**dl.cache().read(sha), photo);
        QCOMPARE(*dl.cache().bytes(), std::int64_t(photo.size()));
        // It is a download, not a capture: B has nothing of its own to upload.
        QVERIFY(m_b->store().blobsToUpload()->empty());
        // Opened again: from the device, no request.
        QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::Here));
        QCOMPARE(wire.downloads, 1);
    }

    void bytesThatDoNotMatchTheirHashAreNotKept() {
        const std::string photo = randomBytes(300000, 2);
        const auto id = complaintWithPhoto(*m_a, "graffiti in the stairwell", photo);
        QVERIFY(id);
        QVERIFY(syncBoth());
        WatchedTransport wire(m_b->transport());
        wire.corrupt = true;
        auto dl = downloaderFor(*m_b, wire);
        const std::string sha = sync::sha256Hex(photo);
        QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::Corrupt));
        QCOMPARE(*dl.cache().has(sha), false);
        QVERIFY(!*dl.cache().read(sha));
        // Not asked again at once, even with an honest wire...
        wire.corrupt = false;
        QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::Deferred));
        QCOMPARE(wire.downloads, 1);
        // ...but after the wait.
        m_b->shiftClock(std::chrono::minutes(3));
        QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::Downloaded));
        QCOMPARE(**dl.cache().read(sha), photo);
        QVERIFY(!*dl.cache().miss(sha));
    }

    void aPhotoTheServerDoesNotHaveIsRememberedNotAskedForEveryTime() {
        // A's record refers to a photo whose bytes A never had: the server has the record only.
        const std::string photo = randomBytes(1000, 3);
        const auto id = complaintWithPhoto(*m_a, "a photo that never arrives", photo, false);
        QVERIFY(id);
        QVERIFY(syncBoth());
        WatchedTransport wire(m_b->transport());
        auto dl = downloaderFor(*m_b, wire);
        QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::NotOnServer));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::Deferred));
        QCOMPARE(wire.downloads, 1);
        const auto miss = *dl.cache().miss(sync::sha256Hex(photo));
        QVERIFY(miss);
        QCOMPARE(miss->status, 404);
        // Tried again later, with a longer wait after each miss.
        m_b->shiftClock(std::chrono::minutes(3));
        QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::NotOnServer));
        QCOMPARE(wire.downloads, 2);
        QCOMPARE((*dl.cache().miss(sync::sha256Hex(photo)))->attempts, 2);
        m_b->shiftClock(std::chrono::minutes(3));
        QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::Deferred));
    }

    void withTheServerStoppedNothingIsKeptAndItIsTriedAgainLater() {
        const std::string photo = randomBytes(500000, 4);
        const auto id = complaintWithPhoto(*m_a, "water on the car park ramp", photo);
        QVERIFY(id);
        QVERIFY(syncBoth());
        const std::string sha = sync::sha256Hex(photo);
        m_server.terminate();
        {
            auto dl = downloaderFor(*m_b, m_b->transport());
            QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::Offline));
            QCOMPARE(*dl.cache().has(sha), false);
            QVERIFY(!*dl.cache().miss(sha)); // a network failure is not remembered: next time asks again
            const auto report = dl.prefetch({*m_b->store().get(*id).value()});
            QVERIFY(report.offline);
            QCOMPARE(report.downloaded, 0);
        }
        QVERIFY(m_server.start());
        auto dl = downloaderFor(*m_b, m_b->transport());
        QCOMPARE(int(dl.fetchAll(bodyOf(*m_b, *id))[0].second.outcome), int(sync::BlobFetch::Downloaded));
        QCOMPARE(**dl.cache().read(sha), photo);
    }

    void theCacheStaysUnderItsLimitAndNeverEvictsWhatWasCapturedHere() {
        // A fresh tablet B with a cache of 3 MiB, and a photo of its own not yet uploaded.
        const auto b2 = m_server.addDevice("staff", {"cm-sunshine"}, "tablet B2");
        TestDevice b(m_server.url(), b2.token);
        QVERIFY(b.sync().complete);
        QVERIFY(b.signIn("1002"));

        constexpr std::int64_t limit = 3ll << 20;
        std::vector<std::string> ids, photos;
        for (int i = 0; i < 6; ++i) {
            photos.push_back(randomBytes(1u << 20, 100 + std::uint64_t(i)));
            auto id = complaintWithPhoto(*m_a, "photo " + std::to_string(i), photos.back());
            QVERIFY(id);
            ids.push_back(*id);
        }
        QVERIFY(m_a->sync().complete);
        QVERIFY(b.sync().complete);
        // B takes a photo of its own on a record of its own, not synced yet.
        const std::string own = randomBytes(1u << 20, 99);
        QVERIFY(complaintWithPhoto(b, "taken on B, not yet sent", own));
        const std::string ownSha = sync::sha256Hex(own);
        auto dl = downloaderFor(b, b.transport(), limit);
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(int(dl.fetchAll(bodyOf(b, ids[std::size_t(i)]))[0].second.outcome), int(sync::BlobFetch::Downloaded));
            QVERIFY2(*dl.cache().bytes() <= limit, std::to_string(*dl.cache().bytes()).c_str());
            if (i == 3) // photo 1 looked at again: now more recent than photos 2 and 3
                QVERIFY(*dl.cache().read(sync::sha256Hex(photos[1])));
        }
        QCOMPARE(*dl.cache().count(), std::int64_t(3));
        qInfo("6 MiB downloaded into a 3 MiB cache: %lld bytes in %lld blobs kept", qint64(*dl.cache().bytes()),
              qint64(*dl.cache().count()));
        // Least recently used out first: 0, 2, 3 went; 1 (looked at again), 4, 5 stay.
        for (int i : {0, 2, 3})
            QVERIFY2(!*dl.cache().has(sync::sha256Hex(photos[std::size_t(i)])), std::to_string(i).c_str());
        for (int i : {1, 4, 5})
            QVERIFY2(*dl.cache().has(sync::sha256Hex(photos[std::size_t(i)])), std::to_string(i).c_str());
        // The photo captured here survived every eviction and still waits for its upload.
        QCOMPARE(**dl.cache().read(ownSha), own);
        const auto queued = *b.store().blobsToUpload();
        QCOMPARE(queued.size(), std::size_t(1));
        QCOMPARE(queued[0].sha256, ownSha);
        QVERIFY(b.sync().complete);
        QVERIFY(b.store().blobsToUpload()->empty()); // and goes with the next sync
        // A photo larger than the whole cache is not kept (it shows the placeholder).
        const std::string huge = randomBytes(std::size_t(limit) + 1, 7);
        QCOMPARE(int(dl.cache().keep(sync::sha256Hex(huge), "image/jpeg", huge).error().code),
                 int(ErrorCode::ResourceExhausted));
    }

    void afterASyncThePhotosOfMyWorkAreFetchedAheadABoundedNumber() {
        const auto b3 = m_server.addDevice("staff", {"cm-sunshine"}, "tablet B3");
        TestDevice b(m_server.url(), b3.token);
        QVERIFY(b.sync().complete);
        QVERIFY(b.signIn("1002")); // engineering
        std::vector<std::string> photos;
        for (int i = 0; i < 3; ++i) {
            photos.push_back(randomBytes(200000, 200 + std::uint64_t(i)));
            QVERIFY(complaintWithPhoto(*m_a, "for engineering " + std::to_string(i), photos.back(), true, "d-eng"));
        }
        const std::string notMine = randomBytes(200000, 299);
        QVERIFY(complaintWithPhoto(*m_a, "for customer service", notMine, true, "d-cs"));
        QVERIFY(m_a->sync().complete);
        QVERIFY(b.sync().complete);

        const auto work = sync::BlobDownloader::workOf(b.store(), b.actor().staffId, b.actor().departmentId);
        QVERIFY(work);
        QCOMPARE(int(work->size()), 3);
        auto dl = downloaderFor(b, b.transport());
        const auto first = dl.prefetch(*work, sync::PrefetchBudget{2, 32ll << 20});
        QCOMPARE(first.downloaded, 2);
        QVERIFY(!first.offline);
        const auto second = dl.prefetch(*work, sync::PrefetchBudget{2, 32ll << 20});
        QCOMPARE(second.downloaded, 1);
        for (const auto& p : photos)
            QVERIFY(*dl.cache().has(sync::sha256Hex(p)));
        QVERIFY(!*dl.cache().has(sync::sha256Hex(notMine))); // not this person's work
        QCOMPARE(dl.prefetch(*work).downloaded, 0);
    }
};

QTEST_GUILESS_MAIN(AttachmentDownloadTest)
#include "attachment_download_test.moc"
