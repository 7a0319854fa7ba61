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
    readonly property var roundRecord: rec.record
    heading: ic.recordId === "" ? qsTr("Inspections") : Labels.inspectionKind(tpl.kind)
    property alias recordId: ic.recordId
    property string templateId: ""
    readonly property string effectiveTemplate: ic.recordId !== "" && page.roundRecord.template_id ? page.roundRecord.template_id : templateId
    readonly property var tpl: effectiveTemplate !== "" ? Directory.templateById(effectiveTemplate) : ({})
    property string subjectStaff: ""

    InspectionController { id: ic }
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
            options: Directory.revision >= 0 ? Array.from(Directory.templates()).map(t => t.id) : []
            current: page.templateId
            labelFor: function(id) { return Directory.templateById(id).name || id }
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
                model: Directory.revision >= 0 ? Directory.staff("") : []
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
            visible: page.tpl.subject === "area" || page.tpl.subject === undefined
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
            text: qsTr("%1 of %2 items graded · %3 failed").arg(ic.graded).arg(ic.items.length).arg(ic.failed)
            muted: true
        }
    }
    Repeater {
        model: ic.recordId !== "" ? ic.items : []
        delegate: Card {
            id: itemCard
            required property var modelData
            border.color: itemCard.modelData.failed ? Theme.danger : Theme.line
            BodyText { Layout.fillWidth: true; font.bold: true; text: itemCard.modelData.title }
            BodyText { Layout.fillWidth: true; visible: !!itemCard.modelData.hint; muted: true; text: itemCard.modelData.hint || "" }
            ChoiceRow {
                Layout.fillWidth: true
                options: Array.from(ic.scale).map(g => g.id)
                current: itemCard.modelData.grade || ""
                labelFor: function(id) { for (const g of ic.scale) if (g.id === id) return g.label || id; return id }
                onChosen: (id) => ic.grade(itemCard.modelData.id, id, note.text)
                enabled: ic.state === "draft"
            }
            RowLayout {
                Layout.fillWidth: true
                InputField {
                    id: note
                    Layout.fillWidth: true
                    text: itemCard.modelData.note || ""
                    placeholderText: qsTr("Note")
                    enabled: ic.state === "draft"
                    onEditingFinished: if (itemCard.modelData.grade) ic.grade(itemCard.modelData.id, itemCard.modelData.grade, text)
                }
                AppButton {
                    visible: itemCard.modelData.failed && !itemCard.modelData.finding_id
                    kind: "danger"
                    text: qsTr("Raise finding")
                    onClicked: ic.raiseFinding(itemCard.modelData.id, note.text)
                }
                AppButton {
                    visible: !!itemCard.modelData.finding_id
                    kind: "quiet"
                    text: qsTr("Finding ›")
                    onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: itemCard.modelData.finding_id })
                }
            }
            PhotoStrip {
                Layout.fillWidth: true
                attachments: itemCard.modelData.photos || []
                canAdd: ic.state === "draft"
                onAdded: (a) => ic.addPhoto(itemCard.modelData.id, a)
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
