pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Taking a complaint (or a repair request) by phone, face to face or by letter. The flat's
// details fill in; the deadline is worked out on the tablet at once and replaced by the
// server's after sync. Answered on the spot: recorded with the answer, ready for the visit.
PageScaffold {
    id: page
    heading: qsTr("New complaint")
    property string channel: "phone"
    property string kind: "complaint"
    property string category: ""
    property bool answeredOnSpot: false

    IntakeController { id: intake }

    function submit() {
        const form = {
            channel: page.channel, kind: page.kind, unit_id: unit.unitId,
            complainant_name: name.text.trim(), complainant_phone: phone.text.trim(),
            category: page.category, content: content.text, urgent: urgent.checked, serious: serious.checked
        }
        if (requested.value)
            form.requested_reply_by = requested.value
        if (page.answeredOnSpot)
            form.answer = answer.text
        if (Guidance.fromOutside(page.channel) && leader.currentValue)
            form.leader_id = leader.currentValue
        if (page.category === "") {
            error.text = qsTr("Choose a category.")
            return
        }
        if (page.answeredOnSpot && answer.text.trim() === "") {
            error.text = qsTr("Write the answer given on the spot.")
            return
        }
        const forbidden = page.answeredOnSpot ? Guidance.findForbidden(answer.text) : []
        if (forbidden.length > 0) {
            error.text = qsTr("The answer uses words staff must not use: %1").arg(forbidden.join("、"))
            return
        }
        const id = intake.createComplaint(form)
        if (id === "") {
            error.text = intake.lastError
            return
        }
        error.text = ""
        Nav.swap("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id, justCreated: true })
    }

    Card {
        SectionTitle { text: qsTr("How it came in") }
        ChoiceRow {
            Layout.fillWidth: true
            options: Guidance.staffChannels
            current: page.channel
            labelFor: Labels.channel
            onChosen: (id) => page.channel = id
        }
        // From the company, the group, the media or the government: a leader follows it to the
        // end. Left empty, the deputy GM and the GM are asked to name one.
        FormField {
            visible: Guidance.fromOutside(page.channel)
            Layout.fillWidth: true
            label: qsTr("Responsible leader (if empty, the deputy GM and the GM are asked to name one)")
            ComboBox {
                id: leader
                Accessible.name: qsTr("Responsible leader")
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                model: DirectoryList {
                    kind: DirectoryList.Staff
                    roles: ["supervisor", "manager"]
                    noneLabel: "—"
                }
                textRole: "name"
                valueRole: "id"
            }
        }
        ChoiceRow {
            Layout.fillWidth: true
            options: ["complaint", "repair"]
            current: page.kind
            labelFor: Labels.recordType
            onChosen: (id) => { page.kind = id; if (id === "repair" && page.category === "") page.category = "repairs" }
        }
    }
    Card {
        SectionTitle { text: qsTr("Which flat, who") }
        UnitPicker {
            id: unit
            Layout.fillWidth: true
            onPicked: {
                const u = Directory.unit(unitId)
                if (name.text === "" && u.ownerName) name.text = u.ownerName
                if (phone.text === "" && u.ownerPhone) phone.text = u.ownerPhone
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField { label: qsTr("Name"); InputField { id: name; Accessible.name: qsTr("Name"); Layout.fillWidth: true } }
            FormField { label: qsTr("Phone"); InputField { id: phone; Accessible.name: qsTr("Phone"); Layout.fillWidth: true; inputMethodHints: Qt.ImhDialableCharactersOnly } }
        }
    }
    Card {
        SectionTitle { text: qsTr("What it is about") }
        ChoiceRow {
            Layout.fillWidth: true
            options: Guidance.categories
            current: page.category
            labelFor: Labels.category
            onChosen: (id) => page.category = id
        }
        FormField {
            label: qsTr("What happened, in the resident's words")
            required: true
            TextBox { id: content; accessibleName: qsTr("What happened, in the resident's words"); Layout.fillWidth: true; minLines: 4 }
        }
        RowLayout {
            spacing: Theme.margin
            CheckBox { id: urgent; text: qsTr("Urgent (2-hour reply)"); font.pixelSize: Theme.fontBody }
            CheckBox { id: serious; text: qsTr("Serious"); font.pixelSize: Theme.fontBody }
        }
        FormField {
            label: qsTr("The resident wants a reply by (optional)")
            DateTimeField { id: requested; Layout.fillWidth: true }
        }
    }
    Card {
        CheckBox {
            text: qsTr("Answered on the spot")
            font.pixelSize: Theme.fontBody
            checked: page.answeredOnSpot
            onToggled: page.answeredOnSpot = checked
        }
        FormField {
            visible: page.answeredOnSpot
            label: qsTr("The answer given")
            hint: qsTr("Avoid: %1").arg(Array.from(Guidance.forbiddenPhrases).join("、"))
            TextBox { id: answer; accessibleName: qsTr("The answer given"); Layout.fillWidth: true }
        }
    }
    ErrorBanner { id: error; Layout.fillWidth: true }
    AppButton {
        Layout.fillWidth: true
        text: qsTr("Save complaint")
        onClicked: page.submit()
    }
}
