pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// For the administrator only (PIN): the sync state and device details, sync now, the language
// the kiosk starts in, the idle time, and the one way out of the kiosk.
Item {
    id: page

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.margin

        Text {
            text: qsTr("Administrator")
            font.pixelSize: Theme.fontHuge
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.ink
        }
        ColumnLayout {
            visible: !Kiosk.adminUnlocked
            spacing: Theme.margin
            BodyText { text: qsTr("Administrator PIN") }
            InputField { id: pin; Accessible.name: qsTr("Administrator PIN"); Layout.preferredWidth: 400; echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly; onAccepted: unlock.clicked() }
            GridLayout {
                columns: 3
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                    delegate: AppButton {
                        id: item1
                        required property string modelData
                        implicitWidth: 130
                        implicitHeight: Theme.touch * 1.2
                        kind: item1.modelData === "OK" ? "primary" : "secondary"
                        text: item1.modelData
                        Accessible.name: item1.modelData === "⌫" ? qsTr("Delete") : item1.modelData
                        onClicked: item1.modelData === "OK" ? unlock.clicked() : item1.modelData === "⌫" ? pin.text = pin.text.slice(0, -1) : pin.text += item1.modelData
                    }
                }
            }
            AppButton {
                id: unlock
                text: qsTr("Unlock")
                onClicked: {
                    wrong.visible = !Kiosk.unlockAdmin(pin.text)
                    pin.text = ""
                }
            }
            // Wrong PINs wait longer and longer: the banner says how long.
            ErrorBanner {
                id: wrong
                visible: false
                Layout.fillWidth: true
                text: Kiosk.lastErrorKind === "throttled" ? Kiosk.lastError : qsTr("Wrong PIN.")
            }
        }
        Card {
            visible: Kiosk.adminUnlocked
            GridLayout {
                columns: 2
                columnSpacing: Theme.margin
                BodyText { muted: true; text: qsTr("Device") }
                BodyText { text: App.deviceName + " · " + App.deviceId }
                BodyText { muted: true; text: qsTr("Server") }
                BodyText { text: App.serverUrl() }
                BodyText { muted: true; text: qsTr("Community") }
                BodyText { text: Directory.communityName(App.currentCommunity) }
                BodyText { muted: true; text: qsTr("Connection") }
                BodyText {
                    objectName: "syncState"
                    text: Sync.syncing && Sync.progressText !== "" ? Sync.progressText
                          : Sync.online ? qsTr("Reached the server")
                          : Sync.retryAt && !isNaN(Sync.retryAt.getTime())
                            ? qsTr("Offline — next try at %1").arg(Sync.retryAt.toLocaleTimeString(Qt.locale(), "HH:mm:ss"))
                            : qsTr("Offline")
                }
                BodyText { muted: true; text: qsTr("Last complete sync") }
                BodyText { text: Sync.lastSyncAt && !isNaN(Sync.lastSyncAt.getTime()) ? Sync.lastSyncAt.toLocaleString(Qt.locale(), "yyyy-MM-dd HH:mm:ss") : qsTr("never") }
                BodyText { muted: true; text: qsTr("Waiting to send") }
                BodyText { text: Sync.pendingCount }
                BodyText { muted: true; text: qsTr("Refused by the server") }
                BodyText { text: Sync.rejectionCount }
                BodyText { muted: true; text: qsTr("Last error") }
                BodyText { text: Sync.lastError || "—"; Layout.fillWidth: true }
                BodyText { muted: true; text: qsTr("Language at start") }
                // Kept across restarts; the idle reset returns to it whatever residents chose.
                ChoiceRow {
                    objectName: "startLanguage"
                    Layout.fillWidth: true
                    options: ["zh_CN", "en"]
                    current: Languages.kioskStart
                    labelFor: function(id) { return id === "en" ? "English" : "中文" }
                    onChosen: (id) => { Languages.kioskStart = id; App.language = id }
                }
                BodyText { muted: true; text: qsTr("Clear after (seconds idle)") }
                SpinBox {
                    Accessible.name: qsTr("Clear after (seconds idle)")
                    from: 15; to: 600; stepSize: 15
                    value: Kiosk.idleSeconds
                    onValueModified: Kiosk.idleSeconds = value
                    font.pixelSize: Theme.fontBody
                }
            }
            RowLayout {
                spacing: Theme.spacing
                AppButton { text: qsTr("Sync now"); onClicked: Sync.syncNow() }
                AppButton { kind: "secondary"; text: qsTr("Lock and return"); onClicked: { Kiosk.lockAdmin(); Kiosk.reset() } }
                AppButton { kind: "danger"; text: qsTr("Exit the kiosk"); onClicked: Qt.quit() }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
