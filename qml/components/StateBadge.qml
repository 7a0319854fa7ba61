pragma ComponentBehavior: Bound

import QtQuick
import Courtyard

// Where a record stands, as a coloured label.
Rectangle {
    id: badge
    property string recordState: ""
    property bool done: Array.from(["closed", "cancelled", "accepted", "completed", "resolved", "submitted", "reported",
                         "acknowledged", "withdrawn", "abandoned", "replied"]).indexOf(recordState) >= 0
    property bool alert: Array.from(["escalated", "explaining", "referred"]).indexOf(recordState) >= 0
    implicitWidth: label.implicitWidth + 20
    implicitHeight: label.implicitHeight + 8
    radius: height / 2
    color: done ? "#e3f2e7" : alert ? "#fff4e0" : "#e6effa"
    border.color: done ? Theme.ok : alert ? Theme.warn : Theme.primary
    Text {
        id: label
        anchors.centerIn: parent
        text: Labels.state(badge.recordState)
        font.pixelSize: Theme.fontSmall
        font.family: Theme.fontFamily
        font.bold: true
        color: badge.done ? Theme.ok : badge.alert ? Theme.warn : Theme.primary
    }
}
