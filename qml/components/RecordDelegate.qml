pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// One record in a list: what it is, about which flat, where it stands, its deadline.
ItemDelegate {
    id: row
    required property string recordId
    required property string recordType
    required property string recordState
    required property string title
    required property string subtitle
    required property string category
    required property string unitId
    required property var dueAt
    required property string dueRule
    required property bool provisional
    required property bool overdue
    required property bool pending
    required property bool returned
    required property bool urgent
    required property var happenedAt
    required property string assignee
    signal open(string recordId, string recordType)

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: Math.max(Theme.touch + 20, implicitContentHeight + 20)
    onClicked: row.open(recordId, recordType)
    Accessible.name: Array.from([Labels.recordType(row.recordType), row.title, Directory.unitLabel(row.unitId)]).filter(s => s !== "").join(", ")
    background: Rectangle {
        color: row.down ? Theme.canvas : Theme.paper
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.line }
        Rectangle { visible: row.overdue; width: 6; height: parent.height; color: Theme.danger }
    }
    contentItem: RowLayout {
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                spacing: 8
                Text {
                    text: Labels.recordType(row.recordType === "complaint" && row.subtitle === "repair" ? "repair" : row.recordType)
                          + (row.category !== "" ? " · " + Labels.category(row.category) : "")
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                    color: Theme.muted
                }
                Text {
                    visible: row.urgent
                    text: qsTr("URGENT")
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    font.family: Theme.fontFamily
                    color: Theme.danger
                }
                Text {
                    visible: row.pending
                    text: qsTr("not yet sent")
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                    color: Theme.provisional
                }
                Text {
                    objectName: "returnedMark"
                    visible: row.returned
                    text: qsTr("refused — not sent")
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    font.family: Theme.fontFamily
                    color: Theme.danger
                }
            }
            Text {
                text: row.title
                font.pixelSize: Theme.fontBody
                font.family: Theme.fontFamily
                color: Theme.ink
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                visible: text !== ""
                text: Array.from([Directory.unitLabel(row.unitId), Directory.staffName(row.assignee)]).filter(s => s !== "").join(" · ")
                font.pixelSize: Theme.fontSmall
                font.family: Theme.fontFamily
                color: Theme.muted
            }
        }
        ColumnLayout {
            spacing: 4
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            StateBadge { recordState: row.recordState; Layout.alignment: Qt.AlignRight }
            DeadlineLabel {
                compact: true
                dueAt: row.dueAt === undefined ? null : row.dueAt
                rule: row.dueRule
                provisional: row.provisional
                Layout.alignment: Qt.AlignRight
            }
        }
    }
}
