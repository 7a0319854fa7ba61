pragma ComponentBehavior: Bound

import QtQuick
import Courtyard
import Courtyard.Core

// After a while without a touch: "Are you still there?" with a countdown, then everything is
// cleared (Kiosk.resetRequested) so the next resident sees nothing of this one's.
Rectangle {
    id: overlay
    property bool forceVisible: false
    visible: Kiosk.warning || forceVisible
    color: "#cc000000"
    z: 900

    MouseArea {
        anchors.fill: parent
        onClicked: Kiosk.touch()
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("I'm still here")
        Accessible.onPressAction: Kiosk.touch()
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 800)
        height: column.implicitHeight + 80
        radius: Theme.radius * 2
        color: Theme.paper
        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - 80
            spacing: 24
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Are you still there?")
                font.pixelSize: Theme.fontHuge
                font.bold: true
                font.family: Theme.fontFamily
                color: Theme.ink
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("To protect your privacy, this screen clears itself in %n seconds.", "", Kiosk.secondsLeft)
                font.pixelSize: Theme.fontLarge
                font.family: Theme.fontFamily
                color: Theme.muted
                wrapMode: Text.WordWrap
            }
            AppButton {
                anchors.horizontalCenter: parent.horizontalCenter
                implicitHeight: Theme.touch * 1.5
                font.pixelSize: Theme.fontLarge
                text: qsTr("I'm still here")
                onClicked: { overlay.forceVisible = false; Kiosk.touch() }
            }
        }
    }
}
