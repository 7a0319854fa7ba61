#pragma once
// One item of a person's inbox as the tablet shows it (a typed row of InboxModel.items): the
// record it links to, why it is there and what to do (ids the Labels catalogue words), its
// deadline, and whether the person has seen it.

#include <QDateTime>
#include <QObject>
#include <QtQmlIntegration>

namespace courtyard::client {

struct InboxItemView {
    Q_GADGET
    QML_VALUE_TYPE(inboxItemView)
    Q_PROPERTY(QString recordId MEMBER recordId CONSTANT)
    Q_PROPERTY(QString recordType MEMBER recordType CONSTANT)
    Q_PROPERTY(QString reason MEMBER reason CONSTANT)       // rules::InboxReason id
    Q_PROPERTY(QString nextStep MEMBER nextStep CONSTANT)   // rules::InboxAction id ("action" is a delegate's own)
    Q_PROPERTY(QString itemKey MEMBER itemKey CONSTANT)     // what a seen mark names
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString recordState MEMBER recordState CONSTANT)
    Q_PROPERTY(QDateTime dueAt MEMBER dueAt CONSTANT)       // invalid: nothing due
    Q_PROPERTY(QString dueRule MEMBER dueRule CONSTANT)
    Q_PROPERTY(bool provisional MEMBER provisional CONSTANT)
    Q_PROPERTY(int grade MEMBER grade CONSTANT)             // 0: not graded
    Q_PROPERTY(bool seen MEMBER seen CONSTANT)

public:
    QString recordId, recordType, reason, nextStep, itemKey, title, recordState, dueRule;
    QDateTime dueAt;
    bool provisional = false;
    int grade = 0;
    bool seen = false;
    friend bool operator==(const InboxItemView&, const InboxItemView&) = default;
};

} // namespace courtyard::client
