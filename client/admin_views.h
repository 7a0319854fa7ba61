#pragma once
// What the admin pages show, typed (rows of GadgetListModel): a staff member as the server's
// admin API lists them (never a PIN), a device with its last contact, and a choice for a picker
// (a department, a community). Delegates declare `required property staffView row` or single
// fields by name, and qmllint checks each.

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QtQmlIntegration>

namespace courtyard::client {

struct StaffView {
    Q_GADGET
    QML_VALUE_TYPE(staffView)
    Q_PROPERTY(QString staffId MEMBER staffId CONSTANT) // not "id": a delegate cannot declare that
    Q_PROPERTY(QString number MEMBER number CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString role MEMBER role CONSTANT)
    Q_PROPERTY(QString position MEMBER position CONSTANT)
    Q_PROPERTY(QString departmentId MEMBER departmentId CONSTANT)
    Q_PROPERTY(QString departmentName MEMBER departmentName CONSTANT)
    Q_PROPERTY(QStringList communityIds MEMBER communityIds CONSTANT) // empty: every community
    Q_PROPERTY(QString communityNames MEMBER communityNames CONSTANT)
    Q_PROPERTY(bool active MEMBER active CONSTANT)

public:
    QString staffId, number, name, role, position, departmentId, departmentName;
    QStringList communityIds;
    QString communityNames;
    bool active = true;
    friend bool operator==(const StaffView&, const StaffView&) = default;
};

struct DeviceView {
    Q_GADGET
    QML_VALUE_TYPE(deviceView)
    Q_PROPERTY(QString deviceId MEMBER deviceId CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString role MEMBER role CONSTANT)
    Q_PROPERTY(QStringList communityIds MEMBER communityIds CONSTANT)
    Q_PROPERTY(QString communityNames MEMBER communityNames CONSTANT)
    Q_PROPERTY(QDateTime createdAt MEMBER createdAt CONSTANT)
    // The last push (pulls are not recorded); invalid: never.
    Q_PROPERTY(QDateTime lastSeenAt MEMBER lastSeenAt CONSTANT)
    Q_PROPERTY(bool revoked MEMBER revoked CONSTANT)
    Q_PROPERTY(QString syncState MEMBER syncState CONSTANT) // revoked, never_synced, synced
    Q_PROPERTY(bool thisDevice MEMBER thisDevice CONSTANT)  // the console's own: not revocable here

public:
    QString deviceId, name, role;
    QStringList communityIds;
    QString communityNames;
    QDateTime createdAt, lastSeenAt;
    bool revoked = false;
    QString syncState;
    bool thisDevice = false;
    friend bool operator==(const DeviceView&, const DeviceView&) = default;
};

struct ChoiceView {
    Q_GADGET
    QML_VALUE_TYPE(choiceView)
    Q_PROPERTY(QString key MEMBER key CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)

public:
    QString key, name;
    friend bool operator==(const ChoiceView&, const ChoiceView&) = default;
};

} // namespace courtyard::client
