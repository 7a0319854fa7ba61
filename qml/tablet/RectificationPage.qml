pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Rectification: the item list for a flat or the whole community, and recording a new item
// (from a resident's inspection at handover, or found by staff). Each item opens to fix it
// in-house or hand it to the developer, accept it with the resident's signature, or record an
// objection that opens the next round.
PageScaffold {
    id: page
    heading: qsTr("Rectification")
    scrolling: false
    property string unitId: ""
    property bool adding: false
    property string source: "resident_inspection"
    property string category: ""

    IntakeController { id: intake }
    RecordListModel {
        id: items
        types: ["rectification"]
        communityId: App.currentCommunity
        unitId: page.unitId
        openOnly: openChoice.current === "open"
        order: "recent"
    }

    tools: [
        AppButton { text: page.adding ? qsTr("Back to list") : qsTr("+ New item"); onClicked: page.adding = !page.adding }
    ]

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.margins: Theme.margin
        visible: !page.adding
        RowLayout {
            Layout.fillWidth: true
            UnitPicker {
                id: filterUnit
                Layout.fillWidth: true
                showOwner: false
                onPicked: page.unitId = unitId
            }
            AppButton { kind: "quiet"; visible: page.unitId !== ""; text: qsTr("All flats"); onClicked: page.unitId = "" }
            ChoiceRow {
                id: openChoice
                options: ["open", "all"]
                current: "open"
                labelFor: function(id) { return id === "open" ? qsTr("Open") : qsTr("All") }
            }
        }
        BodyText { muted: true; text: qsTr("%n items", "", items.total) }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: items
            ScrollBar.vertical: ScrollBar {}
            delegate: RecordDelegate {
                onOpen: (id) => Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id })
            }
        }
    }

    Flickable {
        visible: page.adding
        Layout.fillWidth: true
        Layout.fillHeight: true
        contentHeight: addForm.implicitHeight + 2 * Theme.margin
        clip: true
        ColumnLayout {
            id: addForm
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing
            Card {
                SectionTitle { text: qsTr("Who found it") }
                ChoiceRow {
                    Layout.fillWidth: true
                    options: ["resident_inspection", "engineering", "security", "cleaning", "customer_service", "sales"]
                    current: page.source
                    labelFor: Labels.rectificationSource
                    onChosen: (id) => page.source = id
                }
                FormField { label: qsTr("Flat"); UnitPicker { id: newUnit; Layout.fillWidth: true } }
                FormField { label: qsTr("Or a shared area"); InputField { id: newArea; Accessible.name: qsTr("Or a shared area"); Layout.fillWidth: true } }
                ChoiceRow {
                    Layout.fillWidth: true
                    options: Guidance.categories
                    current: page.category
                    allowNone: true
                    labelFor: Labels.category
                    onChosen: (id) => page.category = id
                }
                FormField { label: qsTr("What needs fixing"); required: true; TextBox { id: newDescription; accessibleName: qsTr("What needs fixing"); Layout.fillWidth: true } }
                ErrorBanner { Layout.fillWidth: true; text: intake.lastError }
                AppButton {
                    text: qsTr("Save item")
                    onClicked: {
                        const id = intake.createRectification({ source: page.source, unit_id: newUnit.unitId, area: newArea.text.trim(),
                                                                description: newDescription.text, category: page.category })
                        if (id !== "") {
                            newDescription.clear()
                            page.adding = false
                            Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id, justCreated: true })
                        }
                    }
                }
            }
        }
    }
}
