pragma ComponentBehavior: Bound

import QtQuick
import Courtyard

// What went wrong, in words, where the user is looking. Empty text: hidden.
Rectangle {
    id: banner
    property string text: ""
    property string advice: ""
    property bool warning: false
    visible: text !== ""
    implicitHeight: visible ? column.implicitHeight + 24 : 0
    implicitWidth: 400
    radius: Theme.radius
    color: warning ? "#fff4e0" : "#fdecea"
    border.color: warning ? Theme.warn : Theme.danger
    border.width: 2
    Column {
        id: column
        anchors.fill: parent
        anchors.margins: 12
        spacing: 4
        Text {
            width: parent.width
            text: banner.text
            color: banner.warning ? Theme.warn : Theme.danger
            font.pixelSize: Theme.fontBody
            font.family: Theme.fontFamily
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Text {
            width: parent.width
            visible: banner.advice !== ""
            text: banner.advice
            color: Theme.ink
            font.pixelSize: Theme.fontSmall
            font.family: Theme.fontFamily
            wrapMode: Text.WordWrap
        }
    }
}
