pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// My work: the inbox of the person signed in — what is assigned to them, sheets and notices
// addressed to their position or department, what is overdue or due soon, complaints whose grade
// means they must be told, answers given on the spot, visits due. Each item says why it is here
// and what to do, and opens its record (which marks it seen, on every tablet of theirs after a
// sync). Predicted on this tablet from the last sync, like its deadlines.
PageScaffold {
    id: page
    heading: qsTr("My work")
    scrolling: false

    tools: [
        AppButton {
            text: qsTr("+ Complaint")
            onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/ComplaintIntakePage.qml")
        },
        AppButton {
            kind: "secondary"
            text: qsTr("+ Suggestion")
            onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/SuggestionIntakePage.qml")
        }
    ]

    InboxModel { id: inbox }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.margins: Theme.margin
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BodyText {
                objectName: "inboxCounts"
                Layout.fillWidth: true
                text: qsTr("%n in all", "", inbox.count) + " · " + qsTr("%n new", "", inbox.unseenCount)
                      + (inbox.overdueCount > 0 ? " · " + qsTr("%n overdue", "", inbox.overdueCount) : "")
            }
            AppButton {
                objectName: "markAllSeen"
                kind: "secondary"
                enabled: inbox.unseenCount > 0
                text: qsTr("Mark all seen")
                onClicked: inbox.markAllSeen()
            }
        }
        BodyText {
            Layout.fillWidth: true
            muted: true
            text: qsTr("Worked out on this tablet from the last sync; the server's list may differ until the next one.")
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: inbox.items
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property string recordId
                required property string recordType
                required property string reason
                required property string nextStep
                required property string itemKey
                required property string title
                required property date dueAt
                required property string dueRule
                required property bool provisional
                required property int grade
                required property bool seen
                objectName: "inboxItem-" + row.recordId
                width: ListView.view.width
                implicitHeight: Math.max(Theme.touch + 20, implicitContentHeight + 20)
                Accessible.name: Labels.word("inbox_reason", row.reason) + ", " + Labels.recordType(row.recordType) + ", "
                                 + row.title + ", " + Labels.word("inbox_action", row.nextStep)
                onClicked: {
                    inbox.markSeen(row.recordId, row.itemKey)
                    // A scheduled patrol round is not a record to act on: walking it starts a
                    // round on the patrol page; a missed or unfinished one is only to be noted.
                    if (row.recordType === "patrol_slot") {
                        if (row.nextStep === "patrol")
                            Nav.push("qrc:/qt/qml/Courtyard/tablet/PatrolPage.qml", {})
                        return
                    }
                    Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: row.recordId })
                }
                background: Rectangle {
                    color: row.down ? Theme.canvas : Theme.paper
                    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.line }
                    Rectangle {
                        visible: !row.seen || row.reason === "overdue"
                        width: 6
                        height: parent.height
                        color: row.reason === "overdue" ? Theme.danger : Theme.primary
                    }
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            objectName: "inboxReason"
                            text: Labels.word("inbox_reason", row.reason)
                                  + (row.reason === "grade" ? " · " + Labels.grade(row.grade) : "")
                                  + (row.seen ? "" : " · " + qsTr("new"))
                            font.pixelSize: Theme.fontSmall
                            font.bold: !row.seen
                            font.family: Theme.fontFamily
                            color: row.reason === "overdue" ? Theme.danger : Theme.primary
                        }
                        Text {
                            text: Labels.recordType(row.recordType) + " · " + row.title
                            font.pixelSize: Theme.fontBody
                            font.bold: !row.seen
                            font.family: Theme.fontFamily
                            color: Theme.ink
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Text {
                            objectName: "inboxAction"
                            text: qsTr("To do: %1").arg(Labels.word("inbox_action", row.nextStep))
                            font.pixelSize: Theme.fontSmall
                            font.family: Theme.fontFamily
                            color: Theme.muted
                        }
                    }
                    DeadlineLabel {
                        compact: true
                        dueAt: isNaN(row.dueAt.getTime()) ? null : row.dueAt
                        rule: row.dueRule
                        provisional: row.provisional
                        Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
                    }
                }
            }
            BodyText {
                anchors.centerIn: parent
                visible: list.count === 0
                muted: true
                text: qsTr("Nothing in your inbox.")
            }
        }
    }
}
