#pragma once
// A flat as the pages show it (Directory.unit): its number and building, whether it is lived
// in, and the owner's name and phone, so nobody types them twice. A typed value, so qmllint
// checks every field a page reads; `valid` is false for an unknown id.

#include <QObject>
#include <QString>
#include <QtQmlIntegration>

namespace courtyard::client {

struct UnitView {
    Q_GADGET
    QML_VALUE_TYPE(unitView)
    Q_PROPERTY(bool valid MEMBER valid CONSTANT)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString number MEMBER number CONSTANT)
    Q_PROPERTY(int floor MEMBER floor CONSTANT)
    Q_PROPERTY(bool occupied MEMBER occupied CONSTANT)
    Q_PROPERTY(QString ownerName MEMBER ownerName CONSTANT)
    Q_PROPERTY(QString ownerPhone MEMBER ownerPhone CONSTANT)
    Q_PROPERTY(QString buildingId MEMBER buildingId CONSTANT)
    Q_PROPERTY(QString buildingName MEMBER buildingName CONSTANT)
    Q_PROPERTY(QString communityId MEMBER communityId CONSTANT)

public:
    bool valid = false;
    QString id, number;
    int floor = 0;
    bool occupied = false;
    QString ownerName, ownerPhone;
    QString buildingId, buildingName, communityId;
};

} // namespace courtyard::client
