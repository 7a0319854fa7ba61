#pragma once
// The interface language each face starts in, kept between runs in the app's QSettings
// (~/.config/Courtyard/courtyard.conf). The staff tablet starts in the language it was last
// switched to. The kiosk starts in its start language, which the administrator chooses: a
// resident's switch lasts only until the idle reset returns to it, so the next resident never
// inherits it. QML: singleton `Languages` (made by the engine; the state is QSettings').

#include <QObject>
#include <QQmlEngine>
#include <QString>

namespace courtyard::client {

class LanguageSettings : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Languages)
    QML_SINGLETON
    Q_PROPERTY(QString tablet READ tablet WRITE setTablet NOTIFY changed)
    Q_PROPERTY(QString kioskStart READ kioskStart WRITE setKioskStart NOTIFY changed)

public:
    using QObject::QObject;

    // "zh_CN" or "en" as stored for the face; "zh_CN" when nothing (or nothing known) is.
    static QString stored(bool kiosk);
    static void store(bool kiosk, const QString& language);

    QString tablet() const { return stored(false); }
    void setTablet(const QString& language);
    QString kioskStart() const { return stored(true); }
    void setKioskStart(const QString& language);

signals:
    void changed();
};

} // namespace courtyard::client
