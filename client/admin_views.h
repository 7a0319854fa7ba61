#pragma once
// What the admin pages show, typed (rows of GadgetListModel): a staff member as the server's
// admin API lists them (never a PIN), a device with its last contact, and a choice for a picker
// (a department, a community), a community with its counts, a policy setting, and a month of a calendar. Delegates declare `required property staffView row` or single
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

// A community as the Communities page lists it (GET /v1/admin/communities), with its office's
// name and how many buildings, units and occupied units it has.
struct CommunityView {
    Q_GADGET
    QML_VALUE_TYPE(communityView)
    Q_PROPERTY(QString communityId MEMBER communityId CONSTANT) // not "id": a delegate cannot declare that
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString officeId MEMBER officeId CONSTANT)
    Q_PROPERTY(QString officeName MEMBER officeName CONSTANT)
    Q_PROPERTY(QString timeZone MEMBER timeZone CONSTANT)
    Q_PROPERTY(QString calendarId MEMBER calendarId CONSTANT)
    Q_PROPERTY(int buildings MEMBER buildings CONSTANT)
    Q_PROPERTY(int units MEMBER units CONSTANT)
    Q_PROPERTY(int occupied MEMBER occupied CONSTANT)

public:
    QString communityId, name, officeId, officeName, timeZone, calendarId;
    int buildings = 0, units = 0, occupied = 0;
    friend bool operator==(const CommunityView&, const CommunityView&) = default;
};

// One policy setting as the server has it (GET /v1/admin/policy), with what the page says of it.
struct PolicySettingView {
    Q_GADGET
    QML_VALUE_TYPE(policySettingView)
    Q_PROPERTY(QString key MEMBER key CONSTANT)     // the policy's key: reply_working_days
    Q_PROPERTY(QString group MEMBER group CONSTANT) // deadlines, surveys, grading, sign_in, fair_use
    Q_PROPERTY(QString label MEMBER label CONSTANT) // in the reader's language
    Q_PROPERTY(QString unit MEMBER unit CONSTANT)   // "working days", "%", … ("" for none)
    Q_PROPERTY(QString value MEMBER value CONSTANT) // the stored value as text: "2", "5", "0.5"
    // A number the page changes; false for the grade matrix, who is told and the escalation
    // ladder (shown, changed through the company file).
    Q_PROPERTY(bool editable MEMBER editable CONSTANT)

public:
    QString key, group, label, unit, value;
    bool editable = true;
    friend bool operator==(const PolicySettingView&, const PolicySettingView&) = default;
};

// A month of a calendar year as the Calendar page draws it: `offset` blank cells before the 1st
// (weeks start on Monday), then one kind per day.
struct CalendarMonthView {
    Q_GADGET
    QML_VALUE_TYPE(calendarMonthView)
    Q_PROPERTY(int month MEMBER month CONSTANT) // 1..12
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(int offset MEMBER offset CONSTANT)
    // Per day: 0 a working day, 1 a weekend day, 2 a holiday, 3 a make-up working day (CalendarAdmin::DayKind).
    Q_PROPERTY(QList<int> kinds MEMBER kinds CONSTANT)

public:
    int month = 0;
    QString title;
    int offset = 0;
    QList<int> kinds;
    friend bool operator==(const CalendarMonthView&, const CalendarMonthView&) = default;
};

// A patrol route as the Routes page lists it (GET /v1/admin/patrol-routes): where, who walks it,
// how many checkpoints, and its schedule ("22:00, 02:00"; "" when rounds are walked on demand).
struct RouteView {
    Q_GADGET
    QML_VALUE_TYPE(routeView)
    Q_PROPERTY(QString routeId MEMBER routeId CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString communityId MEMBER communityId CONSTANT)
    Q_PROPERTY(QString communityName MEMBER communityName CONSTANT)
    Q_PROPERTY(QString departmentId MEMBER departmentId CONSTANT)
    Q_PROPERTY(QString departmentName MEMBER departmentName CONSTANT)
    Q_PROPERTY(int checkpoints MEMBER checkpoints CONSTANT)
    Q_PROPERTY(QString times MEMBER times CONSTANT)
    Q_PROPERTY(QList<int> weekdays MEMBER weekdays CONSTANT) // ISO days; empty: every day
    Q_PROPERTY(int tolerance MEMBER tolerance CONSTANT)
    Q_PROPERTY(bool active MEMBER active CONSTANT)

public:
    QString routeId, name, communityId, communityName, departmentId, departmentName;
    int checkpoints = 0;
    QString times;
    QList<int> weekdays;
    int tolerance = 30;
    bool active = true;
    friend bool operator==(const RouteView&, const RouteView&) = default;
};

// A checkpoint of the route being edited, in walking order. `code` is the server's (empty for
// a checkpoint not yet saved).
struct RouteCheckpointView {
    Q_GADGET
    QML_VALUE_TYPE(routeCheckpointView)
    Q_PROPERTY(QString checkpointId MEMBER checkpointId CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString location MEMBER location CONSTANT)
    Q_PROPERTY(int dueAfter MEMBER dueAfter CONSTANT)
    Q_PROPERTY(int tolerance MEMBER tolerance CONSTANT)
    Q_PROPERTY(QString code MEMBER code CONSTANT)

public:
    QString checkpointId, name, location;
    int dueAfter = 0;
    int tolerance = 15;
    QString code;
    friend bool operator==(const RouteCheckpointView&, const RouteCheckpointView&) = default;
};

// An inspection template as the Templates page lists it (GET /v1/admin/inspection-templates):
// its kind and subject (domain ids, named through Labels), where it applies ("" company-wide),
// how many items and grades it has.
struct TemplateView {
    Q_GADGET
    QML_VALUE_TYPE(templateView)
    Q_PROPERTY(QString templateId MEMBER templateId CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString kind MEMBER kind CONSTANT)       // service_etiquette, …, custom
    Q_PROPERTY(QString subject MEMBER subject CONSTANT) // staff, unit, area
    Q_PROPERTY(QString communityId MEMBER communityId CONSTANT) // "": company-wide
    Q_PROPERTY(QString communityName MEMBER communityName CONSTANT)
    Q_PROPERTY(int items MEMBER items CONSTANT)
    Q_PROPERTY(int grades MEMBER grades CONSTANT)
    Q_PROPERTY(bool active MEMBER active CONSTANT)

public:
    QString templateId, name, kind, subject, communityId, communityName;
    int items = 0, grades = 0;
    bool active = true;
    friend bool operator==(const TemplateView&, const TemplateView&) = default;
};

// An item of the template being edited, in the order inspectors meet it; `itemId` is the
// server's ("" for an item not saved yet).
struct TemplateItemView {
    Q_GADGET
    QML_VALUE_TYPE(templateItemView)
    Q_PROPERTY(QString itemId MEMBER itemId CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString hint MEMBER hint CONSTANT)
    Q_PROPERTY(bool photoOnFail MEMBER photoOnFail CONSTANT)

public:
    QString itemId, title, hint;
    bool photoOnFail = false;
    friend bool operator==(const TemplateItemView&, const TemplateItemView&) = default;
};

// A grade of the template being edited's scale: its id (what an inspection stores), its label
// and whether an item graded so passes.
struct TemplateGradeView {
    Q_GADGET
    QML_VALUE_TYPE(templateGradeView)
    Q_PROPERTY(QString gradeId MEMBER gradeId CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
    Q_PROPERTY(bool pass MEMBER pass CONSTANT)

public:
    QString gradeId, label;
    bool pass = true;
    friend bool operator==(const TemplateGradeView&, const TemplateGradeView&) = default;
};

} // namespace courtyard::client
