#pragma once
// One entry of a record's history as the server keeps it (docs/sync-protocol.md, "History"):
// who, when, and what changed. A typed row of RecordController.history, so the record page's
// delegate reads `at`, `byName` or `action` checked by qmllint instead of keys of a map.

#include "shared/core/json_util.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace courtyard::client {

struct HistoryEntryView {
    Q_GADGET
    QML_VALUE_TYPE(historyEntryView)
    Q_PROPERTY(QDateTime at MEMBER at CONSTANT)
    Q_PROPERTY(QString by MEMBER by CONSTANT)           // staff id; empty for a resident
    Q_PROPERTY(QString byName MEMBER byName CONSTANT)
    Q_PROPERTY(QString role MEMBER role CONSTANT)
    Q_PROPERTY(QString kind MEMBER kind CONSTANT)       // create, update, transition, append
    Q_PROPERTY(QString state MEMBER state CONSTANT)     // create: the first state
    Q_PROPERTY(QString action MEMBER action CONSTANT)   // transition
    Q_PROPERTY(QString fromState MEMBER fromState CONSTANT)
    Q_PROPERTY(QString toState MEMBER toState CONSTANT)
    Q_PROPERTY(QString note MEMBER note CONSTANT)       // the note, reason, result or reply
    Q_PROPERTY(QString list MEMBER list CONSTANT)       // append: comments, attachments, …
    Q_PROPERTY(QString itemKind MEMBER itemKind CONSTANT)
    Q_PROPERTY(QString itemText MEMBER itemText CONSTANT)
    // update: {"field": {"from": …, "to": …}} with the values as recorded (texts cut at 200 bytes).
    Q_PROPERTY(QVariantMap changes MEMBER changes CONSTANT)

public:
    QDateTime at;
    QString by, byName, role, kind, state, action, fromState, toState, note, list, itemKind, itemText;
    QVariantMap changes;
    friend bool operator==(const HistoryEntryView&, const HistoryEntryView&) = default;
};

// The entries of a stored history (a JSON array); entries that are not objects are skipped.
QList<HistoryEntryView> historyEntries(const Json& history);

} // namespace courtyard::client
