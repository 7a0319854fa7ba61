pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// First start of a kiosk: the server and the kiosk's device token, then the administrator PIN
// that guards the way out of the kiosk. Residents never see this screen once it is set up.
Item {
    id: page
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
        Card {
            visible: !App.enrolled
            FormField { label: qsTr("Server address"); InputField { id: server; Accessible.name: qsTr("Server address"); Layout.fillWidth: true; text: "http://127.0.0.1:8080" } }
            FormField { label: qsTr("Kiosk device token"); InputField { id: token; Accessible.name: qsTr("Kiosk device token"); Layout.fillWidth: true; echoMode: TextInput.Password } }
            ErrorBanner { id: enrolError; Layout.fillWidth: true }
            AppButton {
                text: qsTr("Connect")
                onClicked: {
                    if (App.enrol(server.text.trim(), token.text.trim())) { enrolError.text = ""; Sync.syncNow() }
                    else enrolError.text = qsTr("The address must start with http:// or https:// and the token cannot be empty.")
                }
            }
        }
        Card {
            visible: App.enrolled && !Kiosk.adminPinSet
            FormField {
                label: qsTr("Administrator PIN (at least 4 digits)")
                InputField { id: newPin; Accessible.name: qsTr("Administrator PIN (at least 4 digits)"); Layout.fillWidth: true; echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly }
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
