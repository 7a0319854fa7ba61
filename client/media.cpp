#include "client/media.h"

#include "client/app_context.h"
#include "client/directory.h"
#include "client/json_bridge.h"
#include "sync/client/blob_cache.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QUrl>
#include <ZXing/ReadBarcode.h>
#include <qrencode.h>

namespace courtyard::client {

namespace {
QString localPath(const QString& pathOrUrl) {
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}
} // namespace

QVariantMap Media::keep(const QByteArray& bytes, const QString& mime, const QString& kind, const QString& name) {
    auto* app = AppContext::instance();
    auto sha = app->store().putBlob(std::string_view(bytes.constData(), std::size_t(bytes.size())), ss(mime));
    if (!sha) {
        m_lastError = qs(sha.error().message);
        emit errorChanged();
        return {};
    }
    QVariantMap ref{{"sha256", qs(*sha)}, {"kind", kind}, {"mime", mime}, {"size", qint64(bytes.size())}};
    if (!name.isEmpty())
        ref.insert("name", name);
    return ref;
}

QVariantMap Media::saveSignature(const QString& dataUrl) {
    const int comma = dataUrl.indexOf(',');
    if (!dataUrl.startsWith("data:image/png;base64,") || comma < 0)
        return {};
    const QByteArray png = QByteArray::fromBase64(dataUrl.mid(comma + 1).toLatin1());
    QImage img;
    if (!img.loadFromData(png, "PNG"))
        return {};
    // An untouched pad is not a signature: it has no ink.
    bool ink = false;
    for (int y = 0; y < img.height() && !ink; y += 2)
        for (int x = 0; x < img.width() && !ink; x += 2)
            ink = qAlpha(img.pixel(x, y)) > 0 && qGray(img.pixel(x, y)) < 128;
    if (!ink) {
        m_lastError = tr("The signature pad is empty.");
        emit errorChanged();
        return {};
    }
    return keep(png, "image/png", "signature");
}

QVariantMap Media::importPhoto(const QString& pathOrUrl) {
    QFile f(localPath(pathOrUrl));
    if (!f.open(QIODevice::ReadOnly)) {
        m_lastError = tr("Cannot read %1").arg(pathOrUrl);
        emit errorChanged();
        return {};
    }
    const QByteArray bytes = f.readAll();
    return keep(bytes, QMimeDatabase().mimeTypeForData(bytes).name(), "photo", QFileInfo(f).fileName());
}

QString Media::decodeQrImage(const QImage& image) {
    if (image.isNull())
        return {};
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    const auto result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdWString(result.text()) : QString();
}

QString Media::decodeQr(const QString& pathOrUrl) { return decodeQrImage(QImage(localPath(pathOrUrl))); }

QImage Media::qrImage(const QString& text, int moduleSize) {
    const QByteArray utf8 = text.toUtf8();
    QRcode* code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (!code)
        return {};
    const int quiet = 4; // the blank margin a scanner needs
    const int size = (code->width + 2 * quiet) * moduleSize;
    QImage img(size, size, QImage::Format_Grayscale8);
    img.fill(Qt::white);
    QPainter p(&img);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                p.fillRect((x + quiet) * moduleSize, (y + quiet) * moduleSize, moduleSize, moduleSize, Qt::black);
    p.end();
    QRcode_free(code);
    return img;
}

bool Media::writeCheckpointSheet(const QString& routeId, const QString& pdfPath) {
    auto* app = AppContext::instance();
    if (!app)
        return false;
    const auto route = Directory(*app).body(routeId);
    if (!route || arrayAt(*route, "checkpoints").empty()) {
        m_lastError = tr("Route %1 has no checkpoints on this device.").arg(routeId);
        emit errorChanged();
        return false;
    }
    return writeCheckpointSheetOf(*route, pdfPath);
}

bool Media::writeCheckpointSheetOf(const Json& route, const QString& pdfPath) {
    const Json checkpoints = arrayAt(route, "checkpoints");
    if (checkpoints.empty())
        return false;
    QPdfWriter pdf(localPath(pdfPath));
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setResolution(150);
    pdf.setTitle(qs(stringAt(route, "name")));
    QPainter p(&pdf);
    const int pageW = pdf.width(), pageH = pdf.height();
    const int cellW = pageW / 2, cellH = pageH / 3;
    QFont font("WenQuanYi Micro Hei");
    font.setPixelSize(28);
    p.setFont(font);
    int slot = 0;
    for (const auto& v : checkpoints) {
        if (slot == 6) {
            pdf.newPage();
            slot = 0;
        }
        const QRect cell((slot % 2) * cellW, (slot / 2) * cellH, cellW, cellH);
        const QImage qr = qrImage(qs(stringAt(v, "code")), 10);
        const int side = std::min(cell.width(), cell.height()) - 120;
        p.drawImage(QRect(cell.center().x() - side / 2, cell.top() + 20, side, side), qr);
        p.drawText(QRect(cell.left(), cell.top() + side + 30, cell.width(), 80), Qt::AlignHCenter | Qt::TextWordWrap,
                   qs(stringAt(v, "name")));
        ++slot;
    }
    return p.end();
}

QImage BlobImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    QImage img;
    // Called on Qt Quick's image loading thread: a connection of that thread's own, not the
    // screen's (a connection's prepared statements are not shared across threads).
    thread_local std::unique_ptr<store::SqliteRecordStore> connection;
    thread_local std::string connectedTo;
    auto* app = AppContext::instance();
    if (app && !app->dbPath().empty() && connectedTo != app->dbPath()) {
        connection.reset();
        if (auto s = store::SqliteRecordStore::open(app->dbPath()))
            connection = std::move(*s);
        connectedTo = app->dbPath();
    }
    // Without a database path (some tests), the screen's connection as before.
    store::SqliteRecordStore* from = app && app->dbPath().empty() ? &app->store().records() : connection.get();
    if (from)
        if (auto data = sync::BlobCache(*from).read(ss(id)); data && *data)
            img.loadFromData(reinterpret_cast<const uchar*>((*data)->data()), int((*data)->size()));
    if (size)
        *size = img.size();
    if (!img.isNull() && requestedSize.isValid() && requestedSize.width() > 0 && requestedSize.height() > 0)
        img = img.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return img;
}

QImage QrImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const auto decoded = QByteArray::fromBase64Encoding(id.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                           QByteArray::AbortOnBase64DecodingErrors);
    QImage img = decoded ? Media::qrImage(QString::fromUtf8(*decoded)) : QImage();
    // Sharp modules: scaled by whole pixels only, never smoothed.
    if (!img.isNull() && requestedSize.isValid() && requestedSize.width() > img.width())
        img = img.scaled(requestedSize.width() / img.width() * img.width(),
                         requestedSize.width() / img.width() * img.width(), Qt::KeepAspectRatio, Qt::FastTransformation);
    if (size)
        *size = img.size();
    return img;
}

} // namespace courtyard::client
