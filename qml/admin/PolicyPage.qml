pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Policy: every setting the server has, grouped — deadlines, surveys, grading, sign-in, fair
// use — each number in a field. The administrator changes one or more and saves: only those go
// to the server, which reads them as `init` would; a number out of range is refused with the
// reason beside its field and nothing changes. New deadlines use a new number; deadlines already
// set keep theirs. The grade matrix, who is told and the escalation ladder are shown; the
// company file changes them.
PageScaffold {
    id: page
    objectName: "policyPage"
    heading: qsTr("Policy")
    readonly property PolicyAdmin controller: policy // for tests

    PolicyAdmin { id: policy }
    Component.onCompleted: policy.refresh()

    property string savedMessage: ""
    Connections {
        target: policy
        function onSaved(what: string) {
            if (what === "save")
                page.savedMessage = qsTr("Saved. Deadlines set from now on use the new numbers; deadlines already set keep theirs.")
        }
        function onFailed(what: string) { page.savedMessage = "" }
    }

    tools: [
        AppButton {
            objectName: "savePolicy"
            text: policy.changes > 0 ? qsTr("Save changes (%1)").arg(policy.changes) : qsTr("Save")
            enabled: !policy.busy && policy.changes > 0
            onClicked: { page.savedMessage = ""; policy.save() }
        },
        AppButton {
            objectName: "discardPolicy"
            kind: "quiet"
            text: policy.changes > 0 ? qsTr("Discard changes") : qsTr("Refresh")
            onClicked: { page.savedMessage = ""; policy.clearError(); policy.refresh() }
        }
    ]

    ErrorBanner {
        objectName: "policyError"
        Layout.fillWidth: true
        // Reasons about a setting stand beside it; the others here.
        text: policy.errorField === "" || policy.errorField === "policy" ? policy.error : ""
    }

    Card {
        objectName: "policyNote"
        BodyText {
            Layout.fillWidth: true
            text: qsTr("A changed number applies to deadlines set from the moment it is saved, on every device after its next sync. Deadlines already set do not move.")
        }
        BodyText {
            objectName: "policySaved"
            Layout.fillWidth: true
            visible: page.savedMessage !== ""
            text: page.savedMessage
            color: Theme.ok
            font.bold: true
        }
    }

    Repeater {
        model: [
            { id: "deadlines", text: qsTr("Deadlines"), note: "" },
            { id: "surveys", text: qsTr("Surveys and satisfaction"), note: "" },
            { id: "grading", text: qsTr("Grading and escalation"), note: qsTr("Shown for reference: these change through the company file (courtyard-server init --company).") },
            { id: "sign_in", text: qsTr("Sign-in and devices"), note: "" },
            { id: "retention", text: qsTr("Retention"), note: qsTr("Once a day the server archives the records past these times, then removes them from the server and from every tablet. 'courtyard-server retention --dry-run' lists what would go.") },
            { id: "fair_use", text: qsTr("Fair use and clocks"), note: "" },
            { id: "other", text: qsTr("Other settings"), note: "" }
        ]
        delegate: Card {
            id: group
            required property var modelData
            readonly property string groupId: group.modelData.id
            objectName: "policyGroup-" + group.groupId
            // A group with no setting on this server is left out.
            visible: policy.settings.count > 0 && policy.countIn(group.groupId) > 0
            Layout.fillWidth: true
            SectionTitle { text: group.modelData.text }
            BodyText { Layout.fillWidth: true; muted: true; visible: text !== ""; text: group.modelData.note }
            Repeater {
                model: policy.settings
                delegate: ColumnLayout {
                    id: setting
                    required property policySettingView row
                    visible: setting.row.group === group.groupId
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Text {
                            Layout.fillWidth: true
                            text: setting.row.label
                            font.pixelSize: Theme.fontBody
                            font.family: Theme.fontFamily
                            color: Theme.ink
                            wrapMode: Text.WordWrap
                        }
                        InputField {
                            id: valueField
                            objectName: "policy-" + setting.row.key
                            visible: setting.row.editable
                            Accessible.name: setting.row.label
                            Layout.preferredWidth: 130
                            horizontalAlignment: TextInput.AlignRight
                            inputMethodHints: Qt.ImhFormattedNumbersOnly
                            text: setting.row.value
                            onTextChanged: policy.edit(setting.row.key, valueField.text)
                            Connections {
                                target: policy
                                function onListChanged() { valueField.text = setting.row.value }
                            }
                        }
                        Text {
                            visible: setting.row.editable
                            Layout.preferredWidth: 150
                            text: setting.row.unit
                            font.pixelSize: Theme.fontBody
                            font.family: Theme.fontFamily
                            color: Theme.muted
                            elide: Text.ElideRight
                        }
                    }
                    Text {
                        objectName: "policyShown-" + setting.row.key
                        visible: !setting.row.editable
                        Layout.fillWidth: true
                        text: setting.row.value
                        font.pixelSize: Theme.fontSmall
                        font.family: Theme.fontFamily
                        color: Theme.muted
                        wrapMode: Text.Wrap
                    }
                    FieldMessage { source: policy; field: setting.row.key }
                }
            }
        }
    }
}
