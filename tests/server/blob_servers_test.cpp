// Attachments shared by every server of a group: two real `courtyard-server serve` processes on
// 127.0.0.1 over one PostgreSQL database (the throw-away cluster of support/server_process.h;
// this test always uses it). An upload begun at one server is continued at the other, and read
// back from the first; the same chunk sent to both servers at the same instant is kept once.
#include "support/patterned.h"
#include "support/server_process.h"
#include "support/test_device.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/messages.h"

#include <QtTest>

#include <future>
#include <set>

using namespace courtyard;
using namespace courtyard::test;

namespace {

// Plain HTTP to one server as one device.
class Client {
public:
    Client(const QString& url, const QString& token)
        : m_t(std::move(*sync::BeastTransport::create(url.toStdString()))), m_token(token.toStdString()) {}

    sync::HttpResponse send(const std::string& method, const std::string& target, std::string body = {}) {
        auto r = m_t->send({method, target,
                            {{"authorization", "Bearer " + m_token},
                             {"x-courtyard-schema", std::to_string(sync::kSchemaVersion)},
                             {"content-type", "application/octet-stream"}},
                            std::move(body)});
        return r ? *r : sync::HttpResponse{-1, {}, r.error().message};
    }
    sync::HttpResponse put(const std::string& sha, const std::string& bytes, std::size_t offset, std::size_t n) {
        return send("PUT",
                    "/v1/blobs/" + sha + "?offset=" + std::to_string(offset) + "&total=" + std::to_string(bytes.size()),
                    bytes.substr(offset, n));
    }

private:
    std::unique_ptr<sync::BeastTransport> m_t;
    std::string m_token;
};

} // namespace

class BlobServersTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("COURTYARD_TEST_STORE", "postgresql"); }

    void anUploadMovesBetweenServersOverOneDatabase() {
        ServerProcess a;
        QVERIFY(a.initDemo());
        QVERIFY(!a.store().isEmpty());
        ServerProcess b(a.dataDir());
        const auto e = a.addDevice("staff", {"cm-sunshine"});
        QVERIFY(a.start());
        QVERIFY(b.start());
        QVERIFY(a.port() != b.port());

        // A complaint refers to the attachments first (the server takes bytes only for those);
        // the device pushes it and uploads nothing: the chunks below are sent by hand.
        std::vector<std::string> blobs;
        blobs.push_back(patterned(2500000, 1));
        for (std::uint32_t i = 0; i < 6; ++i)
            blobs.push_back(patterned(1500000, 10 + i));
        TestDevice d(a.url(), e.token);
        QVERIFY(d.sync().complete);
        QVERIFY(d.signIn("1001"));
        const auto id = *d.fileComplaint("cm-sunshine", "Photos of the leak");
        for (const auto& bytes : blobs)
            QVERIFY(d.store().append(id, "attachments",
                                     {{"sha256", sync::sha256Hex(bytes)}, {"kind", "photo"}, {"mime", "image/jpeg"},
                                      {"size", bytes.size()}},
                                     d.actor(), d.now()));
        sync::SyncReport pushed;
        QVERIFY(d.engine().push(pushed));
        QVERIFY(pushed.applied >= 1);

        Client atA(a.url(), e.token), atB(b.url(), e.token);
        const std::string& photo = blobs[0];
        const std::string sha = sync::sha256Hex(photo);
        QCOMPARE(atB.send("HEAD", "/v1/blobs/" + sha).status, 404); // referred to, nothing uploaded
        // The first chunk at A …
        auto first = atA.put(sha, photo, 0, 1 << 20);
        QVERIFY2(first.status == 200, first.body.c_str());
        // … B knows where the upload stands …
        auto head = atB.send("HEAD", "/v1/blobs/" + sha);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.headers["upload-offset"], std::to_string(1 << 20));
        QCOMPARE(head.headers["upload-length"], std::to_string(photo.size()));
        QCOMPARE(head.headers["x-blob-complete"], std::string("0"));
        // … and refuses a chunk from the wrong place, saying where to continue …
        auto wrong = atB.put(sha, photo, 0, 1000);
        QCOMPARE(wrong.status, 409);
        QCOMPARE(Json::parse(wrong.body)["offset"], Json(1 << 20));
        // … and takes the rest, which completes it.
        auto rest = atB.put(sha, photo, 1 << 20, photo.size());
        QVERIFY2(rest.status == 200, rest.body.c_str());
        QCOMPARE(Json::parse(rest.body)["complete"], Json(true));
        // A serves the exact bytes B completed.
        auto got = atA.send("GET", "/v1/blobs/" + sha);
        QCOMPARE(got.status, 200);
        QVERIFY(got.body == photo);
        QCOMPARE(atA.send("HEAD", "/v1/blobs/" + sha).headers["x-blob-complete"], std::string("1"));

        // The same chunk at both servers at the same instant, for several attachments: one
        // server takes it, the other answers 409 at the offset the first left; the last chunk
        // sent to both completes the blob once. Each server has its own connection per side.
        Client raceA(a.url(), e.token), raceB(b.url(), e.token);
        for (std::size_t i = 1; i < blobs.size(); ++i) {
            const std::string& bytes = blobs[i];
            const std::string s = sync::sha256Hex(bytes);
            auto both = [&](std::size_t offset, std::size_t n) {
                std::promise<void> go;
                auto ready = go.get_future().share();
                auto fa = std::async(std::launch::async, [&] {
                    ready.wait();
                    return raceA.put(s, bytes, offset, n);
                });
                auto fb = std::async(std::launch::async, [&] {
                    ready.wait();
                    return raceB.put(s, bytes, offset, n);
                });
                go.set_value();
                return std::pair{fa.get(), fb.get()};
            };
            auto [a1, b1] = both(0, 1 << 20);
            const std::set<int> statuses{a1.status, b1.status};
            QVERIFY2(statuses == (std::set<int>{200, 409}), (a1.body + " | " + b1.body).c_str());
            const auto& refused = a1.status == 409 ? a1 : b1;
            QCOMPARE(Json::parse(refused.body)["offset"], Json(1 << 20));
            QCOMPARE(raceA.send("HEAD", "/v1/blobs/" + s).headers["upload-offset"], std::to_string(1 << 20));
            auto [a2, b2] = both(1 << 20, bytes.size());
            QVERIFY2(a2.status == 200 && b2.status == 200, (a2.body + " | " + b2.body).c_str());
            QCOMPARE(Json::parse(a2.body)["complete"], Json(true));
            QCOMPARE(Json::parse(b2.body)["complete"], Json(true));
            QVERIFY(atA.send("GET", "/v1/blobs/" + s).body == bytes);
            QVERIFY(atB.send("GET", "/v1/blobs/" + s).body == bytes);
        }
        // Nothing the servers logged was an error.
        for (auto* server : {&a, &b}) {
            const QByteArray log = server->readStderr();
            QVERIFY2(!log.contains("\"level\":\"error\""), log.right(2000).constData());
        }
        a.terminate();
        b.terminate();
    }
};

QTEST_GUILESS_MAIN(BlobServersTest)
#include "blob_servers_test.moc"
