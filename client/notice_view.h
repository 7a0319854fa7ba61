#pragma once
// A notice as the kiosk shows it (a typed row of Kiosk.notices): what kind, its title and text,
// where, whether it is urgent, and from when until when it is valid.

#include <QDateTime>
#include <QObject>
#include <QtQmlIntegration>

namespace courtyard::client {

struct NoticeView {
    Q_GADGET
    QML_VALUE_TYPE(noticeView)
    Q_PROPERTY(QString noticeId MEMBER id CONSTANT) // not "id": a delegate cannot declare that
    Q_PROPERTY(QString kind MEMBER kind CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString body MEMBER body CONSTANT)
    Q_PROPERTY(QString location MEMBER location CONSTANT)
    Q_PROPERTY(bool urgent MEMBER urgent CONSTANT)
    Q_PROPERTY(QDateTime validFrom MEMBER validFrom CONSTANT)
    Q_PROPERTY(QDateTime validUntil MEMBER validUntil CONSTANT)

public:
    QString id, kind, title, body, location;
    bool urgent = false;
    QDateTime validFrom, validUntil;
    friend bool operator==(const NoticeView&, const NoticeView&) = default;
};

} // namespace courtyard::client
