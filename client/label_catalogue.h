#pragma once
// The label catalogue (shared/labels/catalogue.h) as QML reads it: the QML singleton Labels
// (qml/components/Labels.qml) asks it for every word it shows for a domain id, so the tablet,
// the kiosk and the server's reports name things alike in both languages.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace courtyard::client {

class LabelCatalogue : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    // The word for `id` of `group` ("category", "state", …) in `language` (the app's: "zh_CN"
    // or "en"; Chinese for any "zh…"); the id itself when the catalogue has none. Taking the
    // language as an argument lets a QML binding depend on App.language and change with it.
    Q_INVOKABLE QString text(const QString& group, const QString& id, const QString& language) const;
    // Whether the catalogue has a word for `id` of `group`.
    Q_INVOKABLE bool has(const QString& group, const QString& id) const;
};

} // namespace courtyard::client
