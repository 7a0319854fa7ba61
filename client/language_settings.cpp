#include "client/language_settings.h"

#include <QSettings>

namespace courtyard::client {

namespace {
QString keyFor(bool kiosk) { return kiosk ? QStringLiteral("kiosk/startLanguage") : QStringLiteral("tablet/language"); }
// The languages the app ships; anything else (a hand-edited file, an older version) reads as
// the default rather than leaving the screens untranslated in an unknown locale.
QString known(const QString& language) { return language == QLatin1String("en") ? language : QStringLiteral("zh_CN"); }
} // namespace

QString LanguageSettings::stored(bool kiosk) { return known(QSettings().value(keyFor(kiosk)).toString()); }

void LanguageSettings::store(bool kiosk, const QString& language) {
    QSettings settings;
    settings.setValue(keyFor(kiosk), known(language));
    settings.sync(); // a kiosk is switched off at the wall, not quit
}

void LanguageSettings::setTablet(const QString& language) {
    if (known(language) == tablet())
        return;
    store(false, language);
    emit changed();
}

void LanguageSettings::setKioskStart(const QString& language) {
    if (known(language) == kioskStart())
        return;
    store(true, language);
    emit changed();
}

} // namespace courtyard::client
