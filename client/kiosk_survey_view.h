#pragma once
// The survey a kiosk runs now (Kiosk.survey): an open campaign of its community whose method is
// the kiosk and whose fieldwork window contains the present. A typed value, so the pages'
// fields are checked by qmllint; `valid` is false when none is running.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQmlIntegration>

namespace courtyard::client {

struct KioskSurveyView {
    Q_GADGET
    QML_VALUE_TYPE(kioskSurveyView)
    Q_PROPERTY(bool valid MEMBER valid CONSTANT)
    Q_PROPERTY(QString campaignId MEMBER campaignId CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    // The categories the residents score, in order.
    Q_PROPERTY(QStringList categories MEMBER categories CONSTANT)

public:
    bool valid = false;
    QString campaignId, title;
    QStringList categories;
};

} // namespace courtyard::client
