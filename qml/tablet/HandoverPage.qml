pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The shift handover: every open complaint of my department listed for the next shift, with a
// note on each where it helps; the next shift acknowledges the list (not the person who wrote it).
PageScaffold {
    id: page
    heading: qsTr("Shift handover")
    property var itemNotes: ({})

    IntakeController { id: intake }
    RecordListModel { id: openComplaints; types: ["complaint"]; openOnly: true; scope: Session.departmentId !== "" ? "department" : "all"; communityId: App.currentCommunity; order: "due"; pageSize: 500 }
    RecordListModel { id: incoming; types: ["shift_handover"]; states: ["open"]; communityId: App.currentCommunity; order: "recent" }

    Card {
        visible: incoming.count > 0
        SectionTitle { text: qsTr("Handovers waiting for you") }
        Repeater {
            model: incoming
            delegate: RowLayout {
                id: handoverRow
                required property string recordId
                required property var body
                required property var happenedAt
                Layout.fillWidth: true
                RecordController { id: handover; recordId: handoverRow.recordId }
                BodyText {
                    Layout.fillWidth: true
                    text: qsTr("From %1 · %n open complaints", "", handoverRow.body.items ? handoverRow.body.items.length : 0).arg(Directory.staffName(handoverRow.body.from_staff_id))
                          + (handoverRow.body.notes ? " · " + handoverRow.body.notes : "")
                }
                AppButton { kind: "quiet"; text: qsTr("Open ›"); onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: handoverRow.recordId }) }
                AppButton {
                    text: qsTr("Acknowledge")
                    enabled: Array.from(handover.availableActions).indexOf("acknowledge") >= 0 && handoverRow.body.from_staff_id !== Session.staffId
                    onClicked: handover.perform("acknowledge", {})
                }
            }
        }
    }

    Card {
        SectionTitle { text: qsTr("Hand over my shift") }
        BodyText { muted: true; text: qsTr("%n open complaints go to the next shift.", "", openComplaints.count) }
        Repeater {
            model: openComplaints
            delegate: ColumnLayout {
                id: item
                required property string recordId
                required property string title
                required property string recordState
                required property string unitId
                required property var dueAt
                required property string dueRule
                required property bool provisional
                Layout.fillWidth: true
                RowLayout {
                    Layout.fillWidth: true
                    BodyText { Layout.fillWidth: true; text: Directory.unitLabel(item.unitId) + " · " + item.title; elide: Text.ElideRight; maximumLineCount: 1 }
                    StateBadge { recordState: item.recordState }
                    DeadlineLabel { compact: true; dueAt: item.dueAt === undefined ? null : item.dueAt; rule: item.dueRule; provisional: item.provisional }
                }
                InputField {
                    Layout.fillWidth: true
                    placeholderText: qsTr("Note for the next shift (optional)")
                    onTextChanged: { const n = page.itemNotes; n[item.recordId] = text; page.itemNotes = n }
                }
            }
        }
        FormField { label: qsTr("Notes for the whole shift"); TextBox { id: notes; accessibleName: qsTr("Notes for the whole shift"); Layout.fillWidth: true } }
        ErrorBanner { Layout.fillWidth: true; text: intake.lastError }
        AppButton {
            text: qsTr("Hand over")
            onClicked: {
                const id = intake.createHandover(notes.text, page.itemNotes)
                if (id !== "")
                    Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id, justCreated: true })
            }
        }
    }
}
