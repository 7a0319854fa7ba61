pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.Dialogs
import Courtyard
import Courtyard.Core

// First start of a kiosk: the server and the one-time enrolment code from the admin console (its
// QR code scanned with the camera or read from a picture, or typed; or the kiosk's device token),
// then the administrator PIN that guards the way out of the kiosk. Residents never see this
// screen once it is set up.
Item {
    id: page
    objectName: "kioskSetupPage"
    property bool useToken: false
    property bool scanning: false
    property string tokenError: ""
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
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.margin
        Text {
            text: qsTr("Set up this kiosk")
            font.pixelSize: Theme.fontHuge
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.ink
        }
        // The one-time code from the admin console (or, for 'courtyard-server device add', the token).
        Card {
            visible: !App.enrolled
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
                Layout.preferredHeight: 360
                scanning: true
                active: visible && page.visible && !enrolment.busy && !App.enrolled
                onCaptured: (path) => enrolment.scanFrame(path)
            }
            // What a scanned code or picture held when it was not an enrolment code, beside the scanner.
            ErrorBanner { objectName: "scanError"; Layout.fillWidth: true; text: enrolment.errorField === "scan" ? enrolment.error : "" }
            FormField { label: qsTr("Server address"); InputField { id: server; objectName: "enrolServer"; Accessible.name: qsTr("Server address"); Layout.fillWidth: true; text: "http://127.0.0.1:8080" } }
            FormField {
                visible: !page.useToken
                label: qsTr("Enrolment code")
                hint: qsTr("16 letters and digits; case and dashes do not matter.")
                InputField { id: code; objectName: "enrolCode"; Accessible.name: qsTr("Enrolment code"); Layout.fillWidth: true }
            }
            FormField { visible: page.useToken; label: qsTr("Kiosk device token"); InputField { id: token; Accessible.name: qsTr("Kiosk device token"); Layout.fillWidth: true; echoMode: TextInput.Password } }
            ErrorBanner { id: enrolError; Layout.fillWidth: true; text: page.useToken ? page.tokenError : enrolment.errorField === "scan" ? "" : enrolment.error }
            Row {
                spacing: Theme.spacing
                AppButton {
                    objectName: "enrolButton"
                    text: qsTr("Connect")
                    enabled: !enrolment.busy
                    onClicked: {
                        if (!page.useToken) {
                            enrolment.enrolWithCode(server.text, code.text)
                        } else if (App.enrol(server.text.trim(), token.text.trim())) {
                            page.tokenError = ""
                            Sync.syncNow()
                        } else {
                            page.tokenError = qsTr("The address must start with http:// or https:// and the token cannot be empty.")
                        }
                    }
                }
                AppButton {
                    kind: "quiet"
                    text: page.useToken ? qsTr("I have an enrolment code") : qsTr("I have a device token")
                    onClicked: page.useToken = !page.useToken
                }
            }
        }
        Card {
            visible: App.enrolled && !Kiosk.adminPinSet
            FormField {
                label: qsTr("Administrator PIN (at least 4 digits)")
                InputField { id: newPin; objectName: "newAdminPin"; Accessible.name: qsTr("Administrator PIN (at least 4 digits)"); Layout.fillWidth: true; echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly }
            }
            FormField {
                label: qsTr("The same PIN again")
                InputField { id: newPin2; Accessible.name: qsTr("The same PIN again"); Layout.fillWidth: true; echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly }
            }
            ErrorBanner { id: pinError; Layout.fillWidth: true; text: Kiosk.lastError }
            AppButton {
                text: qsTr("Set PIN and start")
                onClicked: {
                    if (newPin.text !== newPin2.text) { pinError.text = qsTr("The two PINs differ."); return }
                    if (Kiosk.setAdminPin(newPin.text))
                        Nav.replace("qrc:/qt/qml/Courtyard/kiosk/KioskHome.qml")
                }
            }
        }
        Card {
            visible: App.enrolled && Kiosk.adminPinSet
            BodyText { text: qsTr("Set up. The kiosk starts now.") }
            AppButton { text: qsTr("Start"); onClicked: Nav.replace("qrc:/qt/qml/Courtyard/kiosk/KioskHome.qml") }
        }
        Item { Layout.fillHeight: true }
    }
}
