pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// An inspection from a template: choose the template and what is inspected (a staff member, a
// flat, an area), grade each item on the template's scale with a note and photos; a failed item
// raises a rectification finding in one tap. Every grade is saved as it is given.
PageScaffold {
    id: page
    readonly property recordView roundRecord: rec.view
    heading: ic.recordId === "" ? qsTr("Inspections") : Labels.inspectionKind(tpl.kind)
    property alias recordId: ic.recordId
    property string templateId: ""
    readonly property string effectiveTemplate: ic.recordId !== "" && page.roundRecord.templateId !== "" ? page.roundRecord.templateId : templateId
    readonly property directoryItem tpl: Directory.revision >= 0 ? Directory.item(effectiveTemplate) : Directory.item("")
    property string subjectStaff: ""

    InspectionController { id: ic }
    DirectoryList { id: templateList; kind: DirectoryList.Templates }
    DirectoryList { id: staffList; kind: DirectoryList.Staff }
    RecordController { id: rec; recordId: ic.recordId }
    RecordListModel { id: drafts; types: ["inspection"]; states: ["draft"]; communityId: App.currentCommunity; order: "recent" }

    // Choosing what to inspect.
    Card {
        visible: ic.recordId === ""
        SectionTitle { text: qsTr("Continue a draft") ; visible: drafts.count > 0 }
        Repeater {
            model: drafts
            delegate: AppButton {
                required property string recordId
                required property var happenedAt
                required property var body
                kind: "secondary"
                Layout.fillWidth: true
                text: Labels.inspectionKind(body.kind) + " · " + (body.subject_id ? (Directory.unitLabel(body.subject_id) || Directory.staffName(body.subject_id)) : body.area)
                onClicked: ic.recordId = recordId
            }
        }
        SectionTitle { text: qsTr("New inspection") }
        ChoiceRow {
            Layout.fillWidth: true
            options: templateList.ids
            current: page.templateId
            labelFor: function(id) { return Directory.item(id).name || id }
            onChosen: (id) => page.templateId = id
        }
        FormField {
            visible: page.tpl.subject === "staff"
            label: qsTr("Staff member inspected")
            ComboBox {
                id: staffBox
                Accessible.name: qsTr("Staff member inspected")
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                model: staffList
                textRole: "name"
                valueRole: "id"
                currentIndex: -1
            }
        }
        FormField {
            visible: page.tpl.subject === "unit"
            label: qsTr("Flat")
            UnitPicker { id: unitPicker; Layout.fillWidth: true }
        }
        FormField {
            visible: page.tpl.subject === "area" || page.tpl.subject === ""
            label: qsTr("Area")
            InputField { id: area; Accessible.name: qsTr("Area"); Layout.fillWidth: true; placeholderText: qsTr("e.g. lobby of building 3") }
        }
        ErrorBanner { Layout.fillWidth: true; text: ic.lastError }
        AppButton {
            enabled: page.templateId !== ""
            text: qsTr("Start inspection")
            onClicked: {
                const subject = page.tpl.subject === "staff" ? (staffBox.currentIndex >= 0 ? staffBox.currentValue : "")
                              : page.tpl.subject === "unit" ? unitPicker.unitId : ""
                ic.start(page.templateId, subject, area.text.trim())
            }
        }
    }

    // Grading.
    Card {
        visible: ic.recordId !== ""
        RowLayout {
            Layout.fillWidth: true
            SectionTitle { text: page.tpl.name || ""; Layout.fillWidth: true }
            StateBadge { recordState: ic.state }
        }
        BodyText {
            text: qsTr("%1 of %2 items graded · %3 failed").arg(ic.graded).arg(ic.items.count).arg(ic.failed)
            muted: true
        }
    }
    Repeater {
        model: ic.recordId !== "" ? ic.items : null
        delegate: Card {
            id: itemCard
            required property string itemId
            required property string title
            required property string hint
            required property string grade
            required property string note
            required property var photos
            required property string findingId
            required property bool failed
            border.color: itemCard.failed ? Theme.danger : Theme.line
            BodyText { objectName: "inspectionItemTitle"; Layout.fillWidth: true; font.bold: true; text: itemCard.title }
            BodyText { Layout.fillWidth: true; visible: itemCard.hint !== ""; muted: true; text: itemCard.hint }
            ChoiceRow {
                Layout.fillWidth: true
                options: ic.grades
                current: itemCard.grade
                labelFor: function(id) { return ic.gradeLabel(id) }
                onChosen: (id) => ic.grade(itemCard.itemId, id, noteField.text)
                enabled: ic.state === "draft"
            }
            RowLayout {
                Layout.fillWidth: true
                InputField {
                    id: noteField
                    Layout.fillWidth: true
                    text: itemCard.note
                    placeholderText: qsTr("Note")
                    enabled: ic.state === "draft"
                    onEditingFinished: if (itemCard.grade !== "") ic.grade(itemCard.itemId, itemCard.grade, text)
                }
                AppButton {
                    visible: itemCard.failed && itemCard.findingId === ""
                    objectName: "raiseFinding"
                    kind: "danger"
                    text: qsTr("Raise finding")
                    onClicked: ic.raiseFinding(itemCard.itemId, noteField.text)
                }
                AppButton {
                    visible: itemCard.findingId !== ""
                    objectName: "openFinding"
                    kind: "quiet"
                    text: qsTr("Finding ›")
                    onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: itemCard.findingId })
                }
            }
            PhotoStrip {
                Layout.fillWidth: true
                attachments: itemCard.photos
                canAdd: ic.state === "draft"
                onAdded: (a) => ic.addPhoto(itemCard.itemId, a)
            }
        }
    }
    Card {
        visible: ic.recordId !== "" && ic.state === "draft"
        FormField { label: qsTr("Summary"); TextBox { id: summary; accessibleName: qsTr("Summary"); Layout.fillWidth: true } }
        ErrorBanner { Layout.fillWidth: true; text: ic.lastError }
        RowLayout {
            AppButton { text: qsTr("Submit inspection"); onClicked: ic.submit(summary.text) }
            AppButton { kind: "secondary"; text: qsTr("Keep as draft"); onClicked: ic.recordId = "" }
        }
    }
    AppButton {
        visible: ic.recordId !== "" && ic.state !== "draft"
        kind: "secondary"
        text: qsTr("New inspection")
        onClicked: ic.recordId = ""
    }
}
