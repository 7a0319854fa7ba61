pragma ComponentBehavior: Bound

import QtQuick
import Courtyard
import Courtyard.Core

// A deadline as people need it: how long is left (or how overdue), when exactly, the rule that
// set it, and whether it is still this device's provisional figure or the server's.
Column {
    id: deadline
    property var dueAt: null            // a Date, or null when nothing is due
    property string rule: ""
    property bool provisional: false
    property bool calendarFallback: false
    property bool finished: false        // the record no longer waits on this deadline
    property bool compact: false

    readonly property bool hasDeadline: dueAt !== null && dueAt !== undefined && !isNaN(dueAt.getTime())
    readonly property real msLeft: hasDeadline ? dueAt.getTime() - App.now.getTime() : 0
    readonly property bool overdue: hasDeadline && !finished && msLeft < 0
    spacing: 2

    function span(ms) {
        const minutes = Math.floor(Math.abs(ms) / 60000)
        const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60
        if (d > 0)
            return qsTr("%1 d %2 h").arg(d).arg(h)
        if (h > 0)
            return qsTr("%1 h %2 min").arg(h).arg(m)
        return qsTr("%1 min").arg(m)
    }

    Row {
        spacing: 8
        visible: deadline.hasDeadline
        Text {
            text: deadline.finished ? qsTr("Was due %1").arg(deadline.dueAt ? deadline.dueAt.toLocaleString(Qt.locale(), "MM-dd HH:mm") : "")
                  : deadline.overdue ? qsTr("Overdue by %1").arg(deadline.span(deadline.msLeft))
                  : qsTr("%1 left").arg(deadline.span(deadline.msLeft))
            font.pixelSize: deadline.compact ? Theme.fontSmall : Theme.fontBody
            font.family: Theme.fontFamily
            font.bold: !deadline.finished
            color: deadline.finished ? Theme.muted : deadline.overdue ? Theme.danger
                   : deadline.msLeft < 2 * 3600 * 1000 ? Theme.warn : Theme.ok
        }
        Text {
            visible: !deadline.compact && !deadline.finished
            text: qsTr("due %1").arg(deadline.dueAt ? deadline.dueAt.toLocaleString(Qt.locale(), "yyyy-MM-dd HH:mm") : "")
            font.pixelSize: Theme.fontSmall
            font.family: Theme.fontFamily
            color: Theme.muted
        }
        Rectangle {
            visible: deadline.provisional && !deadline.finished
            width: provText.implicitWidth + 12
            height: provText.implicitHeight + 4
            radius: 4
            color: "#efe9f7"
            border.color: Theme.provisional
            Text {
                id: provText
                anchors.centerIn: parent
                text: qsTr("provisional")
                font.pixelSize: Theme.fontSmall
                font.family: Theme.fontFamily
                color: Theme.provisional
            }
        }
    }
    Text {
        visible: deadline.hasDeadline && !deadline.compact && deadline.rule !== ""
        text: qsTr("Rule: %1").arg(Labels.rule(deadline.rule))
              + (deadline.provisional ? " · " + qsTr("worked out on this tablet; the server's figure replaces it after sync") : "")
              + (deadline.calendarFallback ? " · " + qsTr("no working calendar for this community: weekends only") : "")
        width: Math.max(200, parent ? parent.width : 200)
        font.pixelSize: Theme.fontSmall
        font.family: Theme.fontFamily
        color: Theme.muted
        wrapMode: Text.WordWrap
    }
    Text {
        visible: !deadline.hasDeadline && !deadline.compact
        text: qsTr("No deadline")
        font.pixelSize: Theme.fontSmall
        font.family: Theme.fontFamily
        color: Theme.muted
    }
}
