#pragma once
// One entry of the company data on this device as a picker or a label shows it: a community, a
// building, a flat, a department, a member of staff, an inspection template, a patrol route or a
// survey campaign (DirectoryList's rows, Directory.item). One typed value for all of them, so a
// page reads `item.departmentId` and qmllint checks the field; a field an entry does not have
// stays empty. `valid` is false for an unknown id and for a list's "none" row.

#include <QObject>
#include <QString>
#include <QtQmlIntegration>

namespace courtyard::client {

struct DirectoryItemView {
    Q_GADGET
    QML_VALUE_TYPE(directoryItem)
    Q_PROPERTY(bool valid MEMBER valid CONSTANT)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    // What a person reads: the name, a campaign's title, a flat's number.
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    // A department's kind, an inspection template's kind.
    Q_PROPERTY(QString kind MEMBER kind CONSTANT)
    Q_PROPERTY(QString number MEMBER number CONSTANT)
    Q_PROPERTY(int floor MEMBER floor CONSTANT)
    Q_PROPERTY(bool occupied MEMBER occupied CONSTANT)
    Q_PROPERTY(QString role MEMBER role CONSTANT)
    Q_PROPERTY(QString position MEMBER position CONSTANT)
    Q_PROPERTY(QString departmentId MEMBER departmentId CONSTANT)
    Q_PROPERTY(QString buildingId MEMBER buildingId CONSTANT)
    Q_PROPERTY(QString communityId MEMBER communityId CONSTANT)
    Q_PROPERTY(QString officeId MEMBER officeId CONSTANT)
    // An inspection template's subject (unit, staff, area).
    Q_PROPERTY(QString subject MEMBER subject CONSTANT)
    // A survey campaign's method (phone, visit, ...) and state (open, closed).
    Q_PROPERTY(QString method MEMBER method CONSTANT)
    Q_PROPERTY(QString state MEMBER state CONSTANT)
    Q_PROPERTY(int checkpointCount MEMBER checkpointCount CONSTANT)

public:
    bool valid = false;
    QString id, name, kind, number;
    int floor = 0;
    bool occupied = false;
    QString role, position, departmentId, buildingId, communityId, officeId, subject, method, state;
    int checkpointCount = 0;

    bool operator==(const DirectoryItemView&) const = default;
};

} // namespace courtyard::client
