#pragma once
// Domain knowledge the screens show, from the shared library: the eight categories, channels,
// resident types, and the forbidden phrases checked in a reply before it is sent. The words
// for each id are the QML's (translated there). QML: singleton `Guidance`.

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

namespace courtyard::client {

class Guidance : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Guidance)
    QML_SINGLETON
    Q_PROPERTY(QStringList categories READ categories CONSTANT)
    Q_PROPERTY(QStringList channels READ channels CONSTANT)
    Q_PROPERTY(QStringList staffChannels READ staffChannels CONSTANT)
    Q_PROPERTY(QStringList residentTypes READ residentTypes CONSTANT)
    Q_PROPERTY(QStringList causes READ causes CONSTANT)
    Q_PROPERTY(QStringList handlingModes READ handlingModes CONSTANT)
    Q_PROPERTY(QStringList noticeKinds READ noticeKinds CONSTANT)
    Q_PROPERTY(QStringList departmentKinds READ departmentKinds CONSTANT)
    Q_PROPERTY(QStringList forbiddenPhrases READ forbiddenPhrases CONSTANT)

public:
    using QObject::QObject;
    QStringList categories() const;
    QStringList channels() const;
    QStringList staffChannels() const;
    QStringList residentTypes() const;
    QStringList causes() const;
    QStringList handlingModes() const;
    QStringList noticeKinds() const;
    QStringList departmentKinds() const;
    QStringList forbiddenPhrases() const;
    // The forbidden phrases a reply contains (empty: fine to send).
    Q_INVOKABLE QStringList findForbidden(const QString& text) const;
    // Whether a complaint by this channel came from outside (the company, the group, the media,
    // the government): leadership names a leader to follow it to the end.
    Q_INVOKABLE bool fromOutside(const QString& channel) const;
};

} // namespace courtyard::client
