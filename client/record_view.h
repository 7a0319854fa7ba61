#pragma once
// What the record page shows of a record, typed: `RecordView` holds the fields of every record
// type the page lists (a field another type does not have stays empty), and the short lists a
// record carries — follow-up visits, rectification rounds, comments, the steps taken on this
// device, the records it points at — are rows of their own value types. The page reads
// `page.r.receivedAt` or `visit.satisfied`, and qmllint checks each name; before, it read keys
// of a map and a misspelt key showed nothing.
//
// Times are QDateTime (invalid when the record has none). Photos stay a list of attachment
// maps: the photo strip is shared with the intake pages, which build the same maps.

#include "shared/core/json_util.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QVariantList>
#include <QtQmlIntegration>

namespace courtyard::client {

struct RecordView {
    Q_GADGET
    QML_VALUE_TYPE(recordView)
    // Every type
    Q_PROPERTY(QString receiptCode MEMBER receiptCode CONSTANT)
    Q_PROPERTY(QString communityId MEMBER communityId CONSTANT)
    Q_PROPERTY(QString kind MEMBER kind CONSTANT)
    // The one text that says what the record is about: the complaint's content, the
    // description, the instructions, the subject or the title, whichever it has first.
    Q_PROPERTY(QString headline MEMBER headline CONSTANT)
    Q_PROPERTY(QString channel MEMBER channel CONSTANT)
    Q_PROPERTY(QString unitId MEMBER unitId CONSTANT)
    Q_PROPERTY(QString category MEMBER category CONSTANT)
    Q_PROPERTY(QDateTime receivedAt MEMBER receivedAt CONSTANT)
    Q_PROPERTY(QString departmentId MEMBER departmentId CONSTANT)
    Q_PROPERTY(QString instructions MEMBER instructions CONSTANT)
    Q_PROPERTY(QString result MEMBER result CONSTANT)
    Q_PROPERTY(QString reply MEMBER reply CONSTANT)
    Q_PROPERTY(int escalationLevel MEMBER escalationLevel CONSTANT) // 0: not escalated
    Q_PROPERTY(QString escalationNotify MEMBER escalationNotify CONSTANT) // the position told
    Q_PROPERTY(QVariantList attachments MEMBER attachments CONSTANT)
    // Complaint
    Q_PROPERTY(QString complainantName MEMBER complainantName CONSTANT)
    Q_PROPERTY(QString complainantPhone MEMBER complainantPhone CONSTANT)
    Q_PROPERTY(QDateTime requestedReplyBy MEMBER requestedReplyBy CONSTANT)
    Q_PROPERTY(bool urgent MEMBER urgent CONSTANT)
    Q_PROPERTY(bool serious MEMBER serious CONSTANT)
    Q_PROPERTY(QString validity MEMBER validity CONSTANT)
    Q_PROPERTY(QString cause MEMBER cause CONSTANT)
    Q_PROPERTY(int grade MEMBER grade CONSTANT) // 0: not graded yet
    Q_PROPERTY(QString residentType MEMBER residentType CONSTANT)
    Q_PROPERTY(QString handlerId MEMBER handlerId CONSTANT)
    Q_PROPERTY(QString leaderId MEMBER leaderId CONSTANT)
    Q_PROPERTY(QDateTime agreedBy MEMBER agreedBy CONSTANT)
    Q_PROPERTY(QString invalidReason MEMBER invalidReason CONSTANT)
    Q_PROPERTY(QString explanation MEMBER explanation CONSTANT)
    Q_PROPERTY(QString referralResult MEMBER referralResult CONSTANT)
    Q_PROPERTY(QString handlingMode MEMBER handlingMode CONSTANT)
    Q_PROPERTY(QString measures MEMBER measures CONSTANT)
    Q_PROPERTY(QDateTime repliedAt MEMBER repliedAt CONSTANT)
    Q_PROPERTY(int round MEMBER round CONSTANT)
    Q_PROPERTY(QString transferSheetId MEMBER transferSheetId CONSTANT)
    // Suggestion
    Q_PROPERTY(QString residentName MEMBER residentName CONSTANT)
    Q_PROPERTY(QString residentPhone MEMBER residentPhone CONSTANT)
    Q_PROPERTY(QDateTime agreedReplyBy MEMBER agreedReplyBy CONSTANT)
    Q_PROPERTY(bool adoptionDecided MEMBER adoptionDecided CONSTANT)
    Q_PROPERTY(bool adopted MEMBER adopted CONSTANT)
    Q_PROPERTY(QString notAdoptedReason MEMBER notAdoptedReason CONSTANT)
    // Transfer sheet
    Q_PROPERTY(QString subject MEMBER subject CONSTANT)
    Q_PROPERTY(QString reason MEMBER reason CONSTANT)
    Q_PROPERTY(QString fromDepartmentId MEMBER fromDepartmentId CONSTANT)
    Q_PROPERTY(QString level MEMBER level CONSTANT) // office_director, deputy_gm, gm
    Q_PROPERTY(QString assignedDepartmentId MEMBER assignedDepartmentId CONSTANT)
    Q_PROPERTY(QString finalReply MEMBER finalReply CONSTANT)
    Q_PROPERTY(QString complaintId MEMBER complaintId CONSTANT)
    Q_PROPERTY(QString noticeId MEMBER noticeId CONSTANT)
    // Arrangement notice
    Q_PROPERTY(QString assigneeId MEMBER assigneeId CONSTANT)
    Q_PROPERTY(QDateTime dueBy MEMBER dueBy CONSTANT)
    Q_PROPERTY(QString sourceId MEMBER sourceId CONSTANT)
    // Rectification
    Q_PROPERTY(QString source MEMBER source CONSTANT)
    Q_PROPERTY(QString area MEMBER area CONSTANT)
    Q_PROPERTY(QString signerName MEMBER signerName CONSTANT)
    Q_PROPERTY(QString acceptedBy MEMBER acceptedBy CONSTANT)
    Q_PROPERTY(QDateTime acceptedAt MEMBER acceptedAt CONSTANT)
    Q_PROPERTY(QString signatureSha256 MEMBER signatureSha256 CONSTANT)
    // Shift handover
    Q_PROPERTY(QString fromStaffId MEMBER fromStaffId CONSTANT)
    Q_PROPERTY(int itemCount MEMBER itemCount CONSTANT)
    Q_PROPERTY(QString notes MEMBER notes CONSTANT)
    Q_PROPERTY(QString acknowledgedBy MEMBER acknowledgedBy CONSTANT)
    // Survey campaign
    Q_PROPERTY(QString method MEMBER method CONSTANT)
    Q_PROPERTY(QDateTime periodStart MEMBER periodStart CONSTANT)
    Q_PROPERTY(QDateTime periodEnd MEMBER periodEnd CONSTANT)
    Q_PROPERTY(int quota MEMBER quota CONSTANT)
    // Notice
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString body MEMBER body CONSTANT)
    Q_PROPERTY(QDateTime validFrom MEMBER validFrom CONSTANT)
    Q_PROPERTY(QDateTime validUntil MEMBER validUntil CONSTANT)
    // Inspection and patrol rounds
    Q_PROPERTY(QString summary MEMBER summary CONSTANT)
    Q_PROPERTY(QString templateId MEMBER templateId CONSTANT)
    Q_PROPERTY(QString routeId MEMBER routeId CONSTANT)
    Q_PROPERTY(QString guardId MEMBER guardId CONSTANT)
    Q_PROPERTY(QDateTime startedAt MEMBER startedAt CONSTANT)

public:
    QString receiptCode, communityId, kind, headline, channel, unitId, category;
    QDateTime receivedAt;
    QString departmentId, instructions, result, reply;
    int escalationLevel = 0;
    QString escalationNotify;
    QVariantList attachments;
    QString complainantName, complainantPhone;
    QDateTime requestedReplyBy;
    bool urgent = false, serious = false;
    QString validity, cause;
    int grade = 0;
    QString residentType, handlerId, leaderId;
    QDateTime agreedBy;
    QString invalidReason, explanation, referralResult, handlingMode, measures;
    QDateTime repliedAt;
    int round = 1;
    QString transferSheetId;
    QString residentName, residentPhone;
    QDateTime agreedReplyBy;
    bool adoptionDecided = false, adopted = false;
    QString notAdoptedReason;
    QString subject, reason, fromDepartmentId, level, assignedDepartmentId, finalReply, complaintId, noticeId;
    QString assigneeId;
    QDateTime dueBy;
    QString sourceId;
    QString source, area, signerName, acceptedBy;
    QDateTime acceptedAt;
    QString signatureSha256;
    QString fromStaffId;
    int itemCount = 0;
    QString notes, acknowledgedBy;
    QString method;
    QDateTime periodStart, periodEnd;
    int quota = 0;
    QString title, body;
    QDateTime validFrom, validUntil;
    QString summary, templateId, routeId, guardId;
    QDateTime startedAt;
    friend bool operator==(const RecordView&, const RecordView&) = default;
};

// A follow-up visit of a complaint.
struct VisitView {
    Q_GADGET
    QML_VALUE_TYPE(visitView)
    Q_PROPERTY(QDateTime at MEMBER at CONSTANT)
    Q_PROPERTY(QString method MEMBER method CONSTANT)
    Q_PROPERTY(bool satisfied MEMBER satisfied CONSTANT)
    Q_PROPERTY(QString opinion MEMBER opinion CONSTANT)

public:
    QDateTime at;
    QString method;
    bool satisfied = false;
    QString opinion;
    friend bool operator==(const VisitView&, const VisitView&) = default;
};

// A round of a rectification item: who does it, by when, and how it came out.
struct RectificationRoundView {
    Q_GADGET
    QML_VALUE_TYPE(rectificationRoundView)
    Q_PROPERTY(int number MEMBER number CONSTANT)
    Q_PROPERTY(bool developer MEMBER developer CONSTANT)
    Q_PROPERTY(QString measures MEMBER measures CONSTANT)
    Q_PROPERTY(QDateTime completionBy MEMBER completionBy CONSTANT)
    Q_PROPERTY(QString result MEMBER result CONSTANT)
    Q_PROPERTY(QString objection MEMBER objection CONSTANT)

public:
    int number = 0;
    bool developer = false;
    QString measures;
    QDateTime completionBy;
    QString result, objection;
    friend bool operator==(const RectificationRoundView&, const RectificationRoundView&) = default;
};

struct CommentView {
    Q_GADGET
    QML_VALUE_TYPE(commentView)
    Q_PROPERTY(QDateTime at MEMBER at CONSTANT)
    Q_PROPERTY(QString author MEMBER author CONSTANT) // staff id
    Q_PROPERTY(QString text MEMBER text CONSTANT)

public:
    QDateTime at;
    QString author, text;
    friend bool operator==(const CommentView&, const CommentView&) = default;
};

// A step taken on this device, kept in the record until the server's history replaces it.
struct TimelineStepView {
    Q_GADGET
    QML_VALUE_TYPE(timelineStepView)
    Q_PROPERTY(QDateTime at MEMBER at CONSTANT)
    Q_PROPERTY(QString actor MEMBER actor CONSTANT)
    Q_PROPERTY(QString actorName MEMBER actorName CONSTANT)
    Q_PROPERTY(QString action MEMBER action CONSTANT)
    Q_PROPERTY(QString toState MEMBER toState CONSTANT)
    Q_PROPERTY(QString note MEMBER note CONSTANT)

public:
    QDateTime at;
    QString actor, actorName, action, toState, note;
    friend bool operator==(const TimelineStepView&, const TimelineStepView&) = default;
};

// A record this one points at. `recordType` is the type when the pointer says it (a transfer
// sheet, its complaint, an arrangement notice), empty for an arrangement notice's source,
// which may be any record; `note` is the handover's note on a complaint it hands over.
struct RecordLinkView {
    Q_GADGET
    QML_VALUE_TYPE(recordLinkView)
    Q_PROPERTY(QString recordId MEMBER recordId CONSTANT)
    Q_PROPERTY(QString recordType MEMBER recordType CONSTANT)
    Q_PROPERTY(QString note MEMBER note CONSTANT)

public:
    QString recordId, recordType, note;
    friend bool operator==(const RecordLinkView&, const RecordLinkView&) = default;
};

// The parts of one record body of the given type.
struct RecordParts {
    RecordView view;
    QList<VisitView> visits;
    QList<RectificationRoundView> rounds;
    QList<CommentView> comments;
    QList<TimelineStepView> timeline;
    QList<RecordLinkView> links;
};
RecordParts recordParts(const std::string& type, const Json& body);

} // namespace courtyard::client
