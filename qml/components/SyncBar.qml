pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Courtyard
import Courtyard.Core

// Always on screen: whether the server was reached, when the last complete sync was, what waits
// to be sent and what the server refused; while the server asks devices to wait, until when.
// Syncing never blocks the page; the button asks now.
Rectangle {
    id: bar
    signal openDetails()
    property bool dark: false
    implicitHeight: Theme.touch
    implicitWidth: row.implicitWidth + 24
    color: "transparent"

    function lastSyncText() {
        if (!Sync.lastSyncAt || isNaN(Sync.lastSyncAt.getTime()))
            return qsTr("Never synced")
        const mins = Math.floor((App.now.getTime() - Sync.lastSyncAt.getTime()) / 60000)
        if (mins < 1)
            return qsTr("Synced just now")
        if (mins < 60)
            return qsTr("Synced %1 min ago").arg(mins)
        return qsTr("Synced %1").arg(Sync.lastSyncAt.toLocaleString(Qt.locale(), "MM-dd HH:mm"))
    }

    // The server answered "busy" or "too many requests": the device waits as it was asked to.
    // While syncing, how far a long pull has come; offline, when the next try is. Before the
    // device is enrolled there is no server to reach, which is not being offline.
    function statusText() {
        if (!App.enrolled)
            return qsTr("Not enrolled — enrol to sync")
        if (Sync.syncing)
            return Sync.progressText !== "" ? Sync.progressText : qsTr("Syncing…")
        const retry = Sync.retryAt && !isNaN(Sync.retryAt.getTime())
        if (Sync.serverRefusing && retry)
            return qsTr("Server busy — next try at %1").arg(Sync.retryAt.toLocaleTimeString(Qt.locale(), "HH:mm:ss"))
        if (Sync.online)
            return bar.lastSyncText()
        return retry ? qsTr("Offline — next try at %1").arg(Sync.retryAt.toLocaleTimeString(Qt.locale(), "HH:mm:ss"))
                     : qsTr("Offline — working locally")
    }

    Row {
        id: row
        anchors.verticalCenter: parent.verticalCenter
        anchors.right: parent.right
        anchors.rightMargin: 8
        spacing: 12
        Rectangle {
            width: 14; height: 14; radius: 7
            anchors.verticalCenter: parent.verticalCenter
            color: Sync.syncing ? Theme.warn : Sync.online ? Theme.ok : Theme.muted
        }
        AbstractButton {
            id: statusButton
            anchors.verticalCenter: parent.verticalCenter
            implicitHeight: Theme.touch
            implicitWidth: implicitContentWidth
            onClicked: bar.openDetails()
            Accessible.name: bar.statusText()
            contentItem: Column {
                anchors.verticalCenter: parent.verticalCenter
                Text {
                    objectName: "syncStatus"
                    text: bar.statusText()
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                    font.bold: true
                    color: bar.dark ? "white" : Theme.ink
                }
                Text {
                    text: (Sync.pendingCount > 0 ? qsTr("%n waiting to send", "", Sync.pendingCount) : qsTr("Nothing waiting"))
                          + (Sync.rejectionCount > 0 ? " · " + qsTr("%n refused", "", Sync.rejectionCount) : "")
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                    color: Sync.rejectionCount > 0 ? (bar.dark ? "#ffcdd2" : Theme.danger) : (bar.dark ? "#dde6f0" : Theme.muted)
                }
            }
        }
        AppButton {
            anchors.verticalCenter: parent.verticalCenter
            kind: "secondary"
            text: qsTr("Sync now")
            enabled: App.enrolled && !Sync.syncing
            implicitHeight: Theme.touch - 10
            onClicked: Sync.syncNow()
        }
    }
}
