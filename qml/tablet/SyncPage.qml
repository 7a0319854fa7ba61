pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Sync in detail: the server, the last complete sync, what waits to be sent, and each operation
// the server refused with its reason and what to do about it.
PageScaffold {
    id: page
    heading: qsTr("Sync")

    RejectionModel { id: rejections }
    Connections { target: Sync; function onChanged() { rejections.reload() } }

    Card {
        GridLayout {
            columns: 2
            columnSpacing: Theme.margin
            BodyText { muted: true; text: qsTr("Server") }
            BodyText { text: App.enrolled ? App.serverUrl() : qsTr("not set up") }
            BodyText { muted: true; text: qsTr("This device") }
            BodyText { text: App.deviceName + (App.deviceRole ? " · " + Labels.role(App.deviceRole) : "") }
            BodyText { muted: true; text: qsTr("Connection") }
            BodyText { text: Sync.syncing ? qsTr("Syncing…") : Sync.online ? qsTr("Reached the server") : qsTr("Offline — everything is kept on this device") }
            BodyText { muted: true; text: qsTr("Last complete sync") }
            BodyText { text: Sync.lastSyncAt && !isNaN(Sync.lastSyncAt.getTime()) ? Sync.lastSyncAt.toLocaleString(Qt.locale(), "yyyy-MM-dd HH:mm:ss") : qsTr("never") }
            BodyText { muted: true; text: qsTr("Waiting to send") }
            BodyText { text: qsTr("%n changes", "", Sync.pendingCount) }
            BodyText { muted: true; text: qsTr("Automatic sync") }
            BodyText { text: qsTr("every %n seconds", "", Sync.interval) }
            BodyText { muted: true; visible: Sync.refusal !== ""; text: qsTr("Next try") }
            BodyText {
                visible: Sync.refusal !== ""
                Layout.fillWidth: true
                text: (Sync.retryAt && !isNaN(Sync.retryAt.getTime()) ? Sync.retryAt.toLocaleTimeString(Qt.locale(), "HH:mm:ss") + " · " : "")
                      + (Sync.serverRefusing ? qsTr("the server asked this device to wait") : qsTr("the server could not be reached"))
                      + ": " + Sync.refusal
            }
        }
        ErrorBanner { Layout.fillWidth: true; warning: true; text: Sync.lastError }
        AppButton { text: qsTr("Sync now"); enabled: App.enrolled && !Sync.syncing; onClicked: Sync.syncNow() }
    }

    Card {
        SectionTitle { text: rejections.count > 0 ? qsTr("Refused by the server") : qsTr("Nothing was refused") }
        Repeater {
            model: rejections
            delegate: ColumnLayout {
                id: rejection
                required property var seq
                required property string recordId
                required property string recordType
                required property string action
                required property string code
                required property string message
                required property var at
                required property string summary
                Layout.fillWidth: true
                BodyText {
                    Layout.fillWidth: true
                    font.bold: true
                    text: Labels.recordType(rejection.recordType) + " · " + (rejection.action ? Labels.action(rejection.action) : qsTr("new record"))
                          + (rejection.summary ? " · " + rejection.summary : "")
                }
                ErrorBanner { Layout.fillWidth: true; text: rejection.message; advice: Labels.whatToDo(rejection.code) }
                RowLayout {
                    AppButton {
                        kind: "secondary"
                        text: qsTr("Open the record")
                        onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: rejection.recordId })
                    }
                    AppButton { kind: "quiet"; text: qsTr("Understood"); onClicked: rejections.acknowledge(rejection.seq) }
                }
            }
        }
    }
}
