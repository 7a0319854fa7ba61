pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// First start of a new tablet (and of the admin console): the server's address and either the
// one-time enrolment code the administrator's console shows, or the device token the
// administrator issued ('courtyard-server device add'). The first sync brings the company's data.
PageScaffold {
    id: page
    heading: App.admin ? qsTr("Set up this computer") : qsTr("Set up this tablet")
    property bool useToken: false

    Enrolment {
        id: enrolment
        onFinished: (ok) => { if (ok) Sync.syncNow() }
    }

    Card {
        BodyText {
            Layout.fillWidth: true
            text: page.useToken
                  ? qsTr("Ask the administrator for this device's token. After the first sync the tablet works without a network for a whole shift.")
                  : qsTr("Ask the administrator for an enrolment code: the admin console shows it under Devices, \"Enrol a tablet/kiosk\". It works once, for a short time.")
        }
        FormField {
            label: qsTr("Server address")
            required: true
            InputField { id: server; objectName: "enrolServer"; Accessible.name: qsTr("Server address"); Layout.fillWidth: true; text: "http://127.0.0.1:8080"; inputMethodHints: Qt.ImhUrlCharactersOnly }
        }
        FormField {
            visible: !page.useToken
            label: qsTr("Enrolment code")
            required: true
            hint: qsTr("16 letters and digits; case and dashes do not matter.")
            InputField { id: code; objectName: "enrolCode"; Accessible.name: qsTr("Enrolment code"); Layout.fillWidth: true; inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText; onAccepted: enrolButton.clicked() }
        }
        FormField {
            visible: page.useToken
            label: qsTr("Device token")
            required: true
            InputField { id: token; objectName: "enrolToken"; Accessible.name: qsTr("Device token"); Layout.fillWidth: true; echoMode: TextInput.Password }
        }
        ErrorBanner { id: error; objectName: "enrolError"; Layout.fillWidth: true; text: page.useToken ? "" : enrolment.error }
        ErrorBanner { id: tokenError; Layout.fillWidth: true }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                id: enrolButton
                objectName: "enrolButton"
                text: page.useToken ? qsTr("Connect and sync") : qsTr("Enrol and sync")
                enabled: !enrolment.busy
                onClicked: {
                    if (!page.useToken) {
                        enrolment.enrolWithCode(server.text, code.text)
                        return
                    }
                    if (!App.enrol(server.text.trim(), token.text.trim())) {
                        tokenError.text = qsTr("The address must start with http:// or https:// and the token cannot be empty.")
                        return
                    }
                    tokenError.text = ""
                    Sync.syncNow()
                }
            }
            AppButton {
                kind: "quiet"
                text: page.useToken ? qsTr("I have an enrolment code") : qsTr("I have a device token")
                onClicked: { page.useToken = !page.useToken; tokenError.text = "" }
            }
        }
        BodyText {
            visible: enrolment.busy || Sync.syncing || Sync.lastError !== ""
            Layout.fillWidth: true
            muted: true
            text: enrolment.busy ? qsTr("Enrolling…") : Sync.syncing ? qsTr("Syncing…") : qsTr("Last attempt: %1").arg(Sync.lastError)
        }
    }
}
