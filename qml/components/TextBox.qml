pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Courtyard

// Several lines of text (what happened, the reply, the measures), in a visible frame.
Rectangle {
    id: box
    property alias text: area.text
    property alias placeholderText: area.placeholderText
    property alias readOnly: area.readOnly
    property int minLines: 3
    function insert(s) { area.insert(area.cursorPosition, s) }
    function clear() { area.clear() }
    implicitWidth: 400
    implicitHeight: Math.max(area.implicitHeight, minLines * Theme.fontBody * 1.6 + 24)
    color: Theme.paper
    radius: Theme.radius
    border.color: area.activeFocus ? Theme.primary : Theme.line
    border.width: 2
    TextArea {
        id: area
        anchors.fill: parent
        anchors.margins: 2
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.fontBody
        font.family: Theme.fontFamily
        selectByMouse: true
        background: null
    }
}
