pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// A notice for the residents' kiosks of this community: water or power cut, pest control, an
// activity, a published report… shown while it is valid, urgent ones first.
PageScaffold {
    id: page
    heading: qsTr("New notice")
    property string kind: "water_cut"

    IntakeController { id: intake }

    Card {
        ChoiceRow {
            Layout.fillWidth: true
            options: Guidance.noticeKinds
            current: page.kind
            labelFor: Labels.noticeKind
            onChosen: (id) => page.kind = id
        }
        FormField { label: qsTr("Title"); required: true; InputField { id: title; Accessible.name: qsTr("Title"); Layout.fillWidth: true } }
        FormField { label: qsTr("Text"); TextBox { id: body; accessibleName: qsTr("Text"); Layout.fillWidth: true; minLines: 4 } }
        FormField { label: qsTr("Where"); InputField { id: location; Accessible.name: qsTr("Where"); Layout.fillWidth: true } }
        CheckBox { id: urgent; text: qsTr("Urgent (shown first)"); font.pixelSize: Theme.fontBody }
        FormField { label: qsTr("Shown from"); DateTimeField { id: from; allowNone: true; presets: ["2h", "tomorrow"] } }
        FormField { label: qsTr("Shown until"); required: true; DateTimeField { id: until; presets: ["tomorrow", "3d", "7d", "30d"] } }
        ErrorBanner { Layout.fillWidth: true; text: intake.lastError }
        AppButton {
            text: qsTr("Publish to the kiosks")
            onClicked: {
                const form = { kind: page.kind, title: title.text, body: body.text, location: location.text, urgent: urgent.checked }
                if (from.value) form.valid_from = from.value
                if (until.value) form.valid_until = until.value
                if (intake.createNotice(form) !== "")
                    Nav.back()
            }
        }
    }
}
