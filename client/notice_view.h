#pragma once
// A notice as the kiosk shows it (a typed row of Kiosk.notices): what kind, its title and text,
// where, whether it is urgent, and from when until when it is valid. The admin console's Notices
// page (NoticeAdmin) lists the same rows with their community and where they stand.

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
    // The console's only (empty on a kiosk, which shows its own community's notices on show):
    Q_PROPERTY(QString communityId MEMBER communityId CONSTANT)
    Q_PROPERTY(QString communityName MEMBER communityName CONSTANT)
    // showing (on the kiosks now), upcoming, ended (its time is over), withdrawn.
    Q_PROPERTY(QString standing MEMBER standing CONSTANT)

public:
    QString id, kind, title, body, location;
    bool urgent = false;
    QDateTime validFrom, validUntil;
    QString communityId, communityName, standing;
    friend bool operator==(const NoticeView&, const NoticeView&) = default;
};

} // namespace courtyard::client
