pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Sign in with staff number and PIN. A person's first sign-in on this tablet needs the network
// (the server checks it and gives the tablet their credential); after that it works offline.
// On a shared tablet the people who signed in recently are one tap away (their PIN still needed).
PageScaffold {
    id: page
    heading: switching ? qsTr("Switch user") : qsTr("Sign in")
    property bool switching: false

    function submit() {
        if (Session.busy)
            return
        Session.signIn(number.text.trim(), pin.text)
        pin.text = ""
    }

    property bool changingPin: false
    property string pinMessage: ""
    function changePin() {
        if (newPin.text !== repeatPin.text) {
            pinMessage = qsTr("The two new PINs differ.")
            return
        }
        page.changingPin = true
        pinMessage = ""
        Session.changePin(currentPin.text, newPin.text)
        currentPin.text = newPin.text = repeatPin.text = ""
    }

    Connections {
        target: Session
        function onFinished(ok: bool) {
            if (page.changingPin) {
                page.changingPin = false
                page.pinMessage = ok ? qsTr("PIN changed. Use the new PIN from now on, on every tablet.") : ""
                return
            }
            if (!ok)
                pin.forceActiveFocus()
        }
    }

    Card {
        Layout.maximumWidth: 640
        Layout.alignment: Qt.AlignHCenter
        SectionTitle { text: qsTr("Who is working?") }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            visible: Session.recentUsers.count > 0
            Repeater {
                model: Session.recentUsers
                delegate: AppButton {
                    id: recentUser
                    required property recentUserView row
                    objectName: "recentUser"
                    kind: number.text === recentUser.row.number ? "primary" : "secondary"
                    text: recentUser.row.name + " · " + recentUser.row.number
                    onClicked: { number.text = recentUser.row.number; pin.forceActiveFocus() }
                }
            }
        }
        FormField {
            label: qsTr("Staff number")
            InputField { id: number; objectName: "signInNumber"; Accessible.name: qsTr("Staff number"); Layout.fillWidth: true; inputMethodHints: Qt.ImhPreferNumbers; onAccepted: pin.forceActiveFocus() }
        }
        FormField {
            label: qsTr("PIN")
            InputField {
                id: pin
                Accessible.name: qsTr("PIN")
                Layout.fillWidth: true
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                onAccepted: page.submit()
            }
        }
        // A keypad for gloves and sunlight.
        GridLayout {
            columns: 3
            rowSpacing: 8
            columnSpacing: 8
            Layout.alignment: Qt.AlignHCenter
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                delegate: AppButton {
                    id: item2
                    required property string modelData
                    kind: item2.modelData === "OK" ? "primary" : "secondary"
                    text: item2.modelData === "OK" ? qsTr("Sign in") : item2.modelData
                    Accessible.name: item2.modelData === "⌫" ? qsTr("Delete") : item2.text
                    implicitWidth: 120
                    implicitHeight: Theme.touch + 8
                    onClicked: {
                        const target = number.activeFocus || pin.text === "" && number.text === "" ? number : pin
                        if (item2.modelData === "OK")
                            page.submit()
                        else if (item2.modelData === "⌫")
                            target.text = target.text.slice(0, -1)
                        else
                            target.text += item2.modelData
                    }
                }
            }
        }
        BodyText {
            visible: Session.busy
            Layout.fillWidth: true
            text: qsTr("Checking…")
        }
        ErrorBanner { Layout.fillWidth: true; text: Session.lastError || Session.notice }
        AppButton {
            visible: Session.signedIn
            kind: "quiet"
            text: qsTr("Sign out %1").arg(Session.name)
            onClicked: Session.signOut()
        }
        BodyText {
            visible: !App.enrolled || everyone.count === 0
            DirectoryList { id: everyone; kind: DirectoryList.Staff }
            Layout.fillWidth: true
            muted: true
            text: qsTr("No staff on this tablet yet: it needs one sync with the server first.")
        }
    }

    // A person changes their own PIN here (online: the server checks the old one, applies the
    // company's PIN rules and withdraws the sign-ins on other tablets).
    Card {
        objectName: "changePinCard"
        visible: Session.signedIn
        Layout.maximumWidth: 640
        Layout.alignment: Qt.AlignHCenter
        SectionTitle { text: qsTr("Change the PIN of %1").arg(Session.name) }
        FormField {
            label: qsTr("Current PIN")
            InputField { id: currentPin; objectName: "currentPin"; Layout.fillWidth: true; echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly; Accessible.name: qsTr("Current PIN") }
        }
        FormField {
            label: qsTr("New PIN")
            InputField { id: newPin; objectName: "newPin"; Layout.fillWidth: true; echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly; Accessible.name: qsTr("New PIN") }
        }
        FormField {
            label: qsTr("New PIN again")
            InputField { id: repeatPin; objectName: "repeatPin"; Layout.fillWidth: true; echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly; Accessible.name: qsTr("New PIN again") }
        }
        BodyText { visible: page.pinMessage !== ""; Layout.fillWidth: true; text: page.pinMessage }
        AppButton {
            objectName: "changePinButton"
            text: qsTr("Change PIN")
            enabled: !Session.busy && currentPin.text !== "" && newPin.text !== ""
            onClicked: page.changePin()
        }
    }
}
