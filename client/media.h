#pragma once
// Pictures in and out: a resident's signature from the signature pad, photos from the camera
// or a file, checkpoint QR codes decoded (ZXing-C++) and printed (libqrencode), and
// attachments shown from the local database ("image://blob/<sha256>"), any text as a QR code
// ("image://qr/<base64url>"). QML: singleton `Media`.

#include "shared/core/json_util.h"

#include <QImage>
#include <QObject>
#include <QQmlEngine>
#include <QQuickImageProvider>
#include <QVariantMap>

namespace courtyard::client {

class Media : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Media)
    QML_SINGLETON
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorChanged)

public:
    using QObject::QObject;
    QString lastError() const { return m_lastError; }

    // A signature drawn on a Canvas (its toDataURL("image/png")): kept on the device, returned
    // as an attachment reference {sha256, kind: "signature", mime, size}. Empty map: nothing drawn.
    Q_INVOKABLE QVariantMap saveSignature(const QString& dataUrl);
    // A photo from a file (or a camera capture saved to one).
    Q_INVOKABLE QVariantMap importPhoto(const QString& pathOrUrl);
    // The text of the first QR code in an image ("" when none is found).
    Q_INVOKABLE QString decodeQr(const QString& pathOrUrl);
    static QString decodeQrImage(const QImage& image);
    // A printable A4 PDF with one labelled QR code per checkpoint of a route on this device.
    Q_INVOKABLE bool writeCheckpointSheet(const QString& routeId, const QString& pdfPath);
    // The same for a route record (the admin console's, from the server); false when it has
    // no checkpoints or the file cannot be written.
    static bool writeCheckpointSheetOf(const Json& route, const QString& pdfPath);
    // A QR code as an image (for tests and printing).
    static QImage qrImage(const QString& text, int moduleSize = 8);

signals:
    void errorChanged();

private:
    QVariantMap keep(const QByteArray& bytes, const QString& mime, const QString& kind, const QString& name = {});
    QString m_lastError;
};

class BlobImageProvider : public QQuickImageProvider {
public:
    BlobImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};

// "image://qr/<text, base64url>": the text as a QR code (the admin console's enrolment code).
class QrImageProvider : public QQuickImageProvider {
public:
    QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};

} // namespace courtyard::client
