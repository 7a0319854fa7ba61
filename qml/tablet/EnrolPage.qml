pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Dialogs
import Courtyard
import Courtyard.Core

// First start of a new tablet (and of the admin console): the server's address and either the
// one-time enrolment code the administrator's console shows (its QR code scanned with the camera
// or read from a picture, or the address and code typed), or the device token the administrator
// issued ('courtyard-server device add'). The first sync brings the company's data.
PageScaffold {
    id: page
    objectName: "enrolPage"
    heading: App.admin ? qsTr("Set up this computer") : qsTr("Set up this tablet")
    property bool useToken: false
    property bool scanning: false

    Enrolment {
        id: enrolment
        objectName: "enrolment"
        // A scanned code: the page shows what it read while it is spent.
        onLinkRead: (serverUrl, enrolmentCode) => { server.text = serverUrl; code.text = enrolmentCode; page.scanning = false }
        onFinished: (ok) => { if (ok) Sync.syncNow() }
    }
    FileDialog {
        id: qrFile
        objectName: "enrolPicture"
        title: qsTr("A picture of the enrolment QR code")
        nameFilters: [qsTr("Pictures (*.png *.jpg *.jpeg *.bmp)")]
        onAccepted: enrolment.scanImage(String(selectedFile))
    }

    Card {
        BodyText {
            Layout.fillWidth: true
            text: page.useToken
                  ? qsTr("Ask the administrator for this device's token. After the first sync the tablet works without a network for a whole shift.")
                  : qsTr("Ask the administrator for an enrolment code: the admin console shows it under Devices, \"Enrol a tablet/kiosk\". Scan its QR code, or type the address and the code. It works once, for a short time.")
        }
        RowLayout {
            visible: !page.useToken
            spacing: Theme.spacing
            AppButton {
                objectName: "scanQr"
                kind: "secondary"
                text: page.scanning ? qsTr("Stop scanning") : qsTr("Scan the QR code")
                enabled: !enrolment.busy
                onClicked: page.scanning = !page.scanning
            }
            AppButton {
                objectName: "pictureQr"
                kind: "secondary"
                text: qsTr("Use a picture of the QR code")
                enabled: !enrolment.busy
                onClicked: qrFile.open()
            }
        }
        // Shoots every second while open; the first enrolment link in view is spent.
        CameraCapture {
            objectName: "enrolScanner"
            visible: page.scanning && !page.useToken
            Layout.fillWidth: true
            Layout.preferredHeight: 300
            scanning: true
            active: visible && page.visible && !enrolment.busy
            onCaptured: (path) => enrolment.scanFrame(path)
        }
        // What a scanned code or picture held when it was not an enrolment code, beside the scanner.
        ErrorBanner { objectName: "scanError"; Layout.fillWidth: true; text: enrolment.errorField === "scan" ? enrolment.error : "" }
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
        ErrorBanner { id: error; objectName: "enrolError"; Layout.fillWidth: true; text: page.useToken || enrolment.errorField === "scan" ? "" : enrolment.error }
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
