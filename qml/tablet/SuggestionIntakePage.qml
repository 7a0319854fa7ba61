pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Recording a resident's suggestion, with the reply time agreed with them.
PageScaffold {
    id: page
    heading: qsTr("New suggestion")
    property string channel: "phone"
    property string category: ""

    IntakeController { id: intake }

    Card {
        SectionTitle { text: qsTr("How it came in") }
        ChoiceRow {
            Layout.fillWidth: true
            options: Array.from(Guidance.staffChannels).concat(["suggestion_box"])
            current: page.channel
            labelFor: Labels.channel
            onChosen: (id) => page.channel = id
        }
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
            FormField { label: qsTr("Phone"); InputField { id: phone; Accessible.name: qsTr("Phone"); Layout.fillWidth: true } }
        }
    }
    Card {
        ChoiceRow {
            Layout.fillWidth: true
            options: Guidance.categories
            current: page.category
            allowNone: true
            labelFor: Labels.category
            onChosen: (id) => page.category = id
        }
        FormField {
            label: qsTr("The suggestion")
            required: true
            TextBox { id: content; accessibleName: qsTr("The suggestion"); Layout.fillWidth: true; minLines: 4 }
        }
        FormField {
            label: qsTr("Reply agreed by")
            hint: qsTr("Without an agreed time the reply is due in 3 days.")
            DateTimeField { id: agreed; Layout.fillWidth: true; presets: ["tomorrow", "3d", "7d", "30d"] }
        }
    }
    ErrorBanner { id: error; Layout.fillWidth: true }
    AppButton {
        Layout.fillWidth: true
        text: qsTr("Save suggestion")
        onClicked: {
            const form = { channel: page.channel, unit_id: unit.unitId, resident_name: name.text.trim(),
                           resident_phone: phone.text.trim(), category: page.category, content: content.text }
            if (agreed.value)
                form.agreed_reply_by = agreed.value
            const id = intake.createSuggestion(form)
            error.text = id === "" ? intake.lastError : ""
            if (id !== "")
                Nav.swap("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id })
        }
    }
}
