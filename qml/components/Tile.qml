pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Courtyard

// A large picture-and-words button: the kiosk's start screen, category choice, the tablet's
// home. Nothing here needs fine motor control.
AbstractButton {
    id: tile
    property url iconSource: ""
    property string subtitle: ""
    property color accent: Theme.primary
    property bool selected: false
    property int badge: 0

    implicitWidth: 240
    implicitHeight: 180
    font.pixelSize: Theme.fontLarge
    font.family: Theme.fontFamily

    background: Rectangle {
        radius: Theme.radius * 1.5
        color: tile.selected ? Qt.lighter(tile.accent, 1.9) : (tile.down ? Theme.canvas : Theme.paper)
        border.width: tile.selected ? 4 : 2
        border.color: tile.selected ? tile.accent : Theme.line
    }
    contentItem: Item {
        Column {
            anchors.centerIn: parent
            width: parent.width - 16
            spacing: 8
            Image {
                anchors.horizontalCenter: parent.horizontalCenter
                visible: String(tile.iconSource) !== ""
                source: tile.iconSource
                width: Math.min(tile.height * 0.42, 96)
                height: width
                sourceSize.width: width * 2; sourceSize.height: height * 2
            }
            Text {
                width: parent.width
                text: tile.text
                font: tile.font
                color: Theme.ink
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width
                visible: text !== ""
                text: tile.subtitle
                font.pixelSize: Theme.fontSmall
                font.family: Theme.fontFamily
                color: Theme.muted
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
        Rectangle {
            visible: tile.badge > 0
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 8
            width: Math.max(height, childrenRect.width + 16)
            height: Theme.fontBody + 14
            radius: height / 2
            color: Theme.danger
            Text {
                anchors.centerIn: parent
                text: tile.badge
                color: "white"
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
        }
    }
}
