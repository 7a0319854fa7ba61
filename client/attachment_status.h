#pragma once
// Where one attachment stands on this tablet, for a photo or signature on screen: on the device
// (source is its image://blob/ address), downloading, waiting for the network, or missing from
// the server for now. Setting sha256 asks for it when the device lacks it. QML:
// `AttachmentStatus { sha256: … }`.

#include <QObject>
#include <QQmlEngine>
#include <QString>

namespace courtyard::client {

class AttachmentFetcher;

class AttachmentStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString sha256 READ sha256 WRITE setSha256 NOTIFY sha256Changed)
    // "here", "downloading", "waiting", "missing" ("" without a sha256)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool available READ available NOTIFY stateChanged)
    Q_PROPERTY(QString source READ source NOTIFY stateChanged)

public:
    explicit AttachmentStatus(QObject* parent = nullptr);

    QString sha256() const { return m_sha; }
    void setSha256(const QString& sha);
    QString state() const { return m_state; }
    bool available() const { return m_state == QLatin1String("here"); }
    QString source() const { return available() ? QStringLiteral("image://blob/") + m_sha : QString(); }

signals:
    void sha256Changed();
    void stateChanged();

private:
    void refresh();
    AttachmentFetcher* m_fetcher = nullptr;
    QString m_sha;
    QString m_state;
};

} // namespace courtyard::client
