// Photos from another tablet on the real record page, offscreen, against the real
// courtyard-server on 127.0.0.1: tablet A (an in-process device) files a complaint with a photo
// and syncs; tablet B (the app's controllers and pages) syncs and, with the server stopped,
// opens the record: a placeholder says the photo is not downloaded yet (with that accessible
// name), no picture. With the server back, the next sync asks again and the picture shows — the
// photo's own pixels — from B's attachment cache. A photo of B's person's work is already on B
// after a sync (fetched ahead), without opening anything.
#include "client/attachment_fetcher.h"
#include "client/media.h"
#include "client_fixture.h"
#include "page_helpers.h"
#include "support/test_device.h"
#include "sync/client/blob_cache.h"
#include "sync/protocol/crypto.h"

#include <QAccessible>
#include <QBuffer>
#include <QQuickItemGrabResult>

using namespace courtyard;
using namespace courtyard::test;

namespace {

std::string png(QColor colour) {
    QImage img(64, 48, QImage::Format_RGB32);
    img.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, "PNG");
    return bytes.toStdString();
}

// A complaint on A for `department`, with `photo` attached (captured on A).
QString complaintWithPhoto(TestDevice& a, const std::string& photo, const std::string& department) {
    auto sha = a.store().putBlob(photo, "image/png");
    if (!sha)
        return {};
    auto id = a.store().create(
        "complaint",
        Json{{"community_id", "cm-sunshine"},
             {"channel", "phone"},
             {"category", "repairs"},
             {"content", "photo from tablet A for " + department},
             {"department_id", department},
             {"received_at", formatInstant(a.now())},
             {"attachments", {{{"sha256", *sha}, {"kind", "photo"}, {"mime", "image/png"}, {"size", photo.size()}}}}},
        a.actor(), a.now());
    return id ? QString::fromStdString(*id) : QString();
}

QString accessibleName(QQuickItem* item) {
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(item);
    return iface ? iface->text(QAccessible::Name) : QString();
}

} // namespace

class AttachmentPageTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<TestDevice> m_a;
    Enrolled m_b, m_b2;

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        const auto a = m_server.addDevice("staff", {"cm-sunshine"}, "tablet A");
        m_b = m_server.addDevice("staff", {"cm-sunshine"}, "tablet B");
        m_b2 = m_server.addDevice("staff", {"cm-sunshine"}, "tablet B2");
        QVERIFY(m_server.start());
        m_a = std::make_unique<TestDevice>(m_server.url(), a.token);
        QVERIFY(m_a->sync().complete);
        QVERIFY(m_a->signIn("1001"));
    }

    void aPhotoFromTabletAShowsOnTabletBOnceDownloadedAndAPlaceholderBefore() {
        const std::string photo = png(QColor(220, 20, 20));
        const std::string sha = sync::sha256Hex(photo);
        // For customer service: not the work of B's engineer, so nothing fetches it ahead.
        const QString id = complaintWithPhoto(*m_a, photo, "d-cs");
        QVERIFY(!id.isEmpty());
        QVERIFY(m_a->sync().complete);

        ClientDevice b(false, m_server.url(), m_b.token);
        QVERIFY(b.syncNow());
        QVERIFY(b.signIn("1002"));
        QVERIFY(b.app->store().get(id.toStdString()).value());
        auto& fetcher = b.sync->attachments();
        sync::BlobCache cache(b.app->store().records());
        QCOMPARE(*cache.has(sha), false);

        m_server.terminate(); // B is offline from here
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400}); // tall: the photos in the picture
        QVERIFY(window);
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", id}}));
        // Opening the record asked for the photo; the answer is that the server cannot be reached.
        QVERIFY(QTest::qWaitFor([&] { return fetcher.inFlight() == 0; }, 30000));
        QCOMPARE(fetcher.stateOf(QString::fromStdString(sha)), QString("waiting"));
        auto* placeholder = findNamed(window->contentItem(), "attachmentPlaceholder");
        QVERIFY(placeholder);
        const QString said = placeholder->property("text").toString();
        QVERIFY2(said.contains("Photo not downloaded yet") && said.contains("online"), qPrintable(said));
        QCOMPARE(accessibleName(placeholder), said);
        QVERIFY(!findNamed(window->contentItem(), "attachmentImage"));
        QCOMPARE(*cache.has(sha), false);

        // Back online: the next sync asks again, and the picture replaces the placeholder.
        QVERIFY(m_server.start());
        QVERIFY(b.syncNow());
        QQuickItem* image = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (image = findNamed(window->contentItem(), "attachmentImage")) != nullptr; },
                                30000));
        QVERIFY(!findNamed(window->contentItem(), "attachmentPlaceholder"));
        QCOMPARE(accessibleName(image), QString("Photo"));
        QCOMPARE(**cache.read(sha), photo);
        // Its own pixels, drawn by the page.
        const auto grab = image->grabToImage();
        QVERIFY(grab);
        QSignalSpy ready(grab.data(), &QQuickItemGrabResult::ready);
        QVERIFY(ready.count() > 0 || ready.wait(10000));
        const QImage drawn = grab->image();
        QVERIFY(!drawn.isNull());
        const QColor seen = drawn.pixelColor(drawn.width() / 2, drawn.height() / 2);
        QVERIFY2(seen.red() > 180 && seen.green() < 60 && seen.blue() < 60, qPrintable(seen.name()));
    }

    void thePhotosOfMyWorkAreFetchedAfterASync() {
        const std::string photo = png(QColor(20, 20, 220));
        const std::string sha = sync::sha256Hex(photo);
        const QString id = complaintWithPhoto(*m_a, photo, "d-eng"); // B's engineer's department
        QVERIFY(!id.isEmpty());
        QVERIFY(m_a->sync().complete);

        ClientDevice b(false, m_server.url(), m_b2.token);
        QVERIFY(b.syncNow());
        QVERIFY(b.signIn("1002"));
        QSignalSpy prefetched(&b.sync->attachments(), &client::AttachmentFetcher::prefetched);
        QVERIFY(b.syncNow());
        QVERIFY(prefetched.count() > 0 || prefetched.wait(30000));
        QVERIFY(prefetched.first().value(0).toInt() >= 1);
        QVERIFY(*sync::BlobCache(b.app->store().records()).has(sha));
    }
};

QTEST_MAIN(AttachmentPageTest)
#include "attachment_page_test.moc"
