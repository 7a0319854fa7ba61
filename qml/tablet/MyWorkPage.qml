pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Everything assigned to me or my department, soonest deadline first, each with its live
// countdown, the rule that set it, overdue marked, and provisional until the server's figure.
PageScaffold {
    id: page
    heading: qsTr("My work")
    scrolling: false
    property string filter: "all"
    readonly property var filterTypes: ({
        all: ["complaint", "suggestion", "transfer_sheet", "arrangement_notice", "rectification", "shift_handover"],
        complaint: ["complaint"],
        suggestion: ["suggestion"],
        escalation: ["transfer_sheet", "arrangement_notice"],
        rectification: ["rectification"]
    })

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

    RecordListModel {
        id: work
        types: page.filterTypes[page.filter]
        scope: "work"
        openOnly: true
        order: "due"
        communityId: App.currentCommunity
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.margins: Theme.margin
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            ChoiceRow {
                Layout.fillWidth: true
                options: ["all", "complaint", "suggestion", "escalation", "rectification"]
                current: page.filter
                labelFor: function(id) {
                    switch (id) {
                    case "all": return qsTr("All")
                    case "complaint": return qsTr("Complaints")
                    case "suggestion": return qsTr("Suggestions")
                    case "escalation": return qsTr("Escalations")
                    case "rectification": return qsTr("Rectification")
                    }
                    return id
                }
                onChosen: (id) => page.filter = id
            }
            BodyText {
                muted: true
                text: qsTr("%n open", "", work.total)
            }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: work
            reuseItems: true
            ScrollBar.vertical: ScrollBar {}
            delegate: RecordDelegate {
                onOpen: (id) => Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id })
            }
            BodyText {
                anchors.centerIn: parent
                visible: list.count === 0
                muted: true
                text: qsTr("Nothing open for you or your department.")
            }
        }
    }
}
