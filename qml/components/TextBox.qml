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
    property int fontSize: Theme.fontBody
    // What a screen reader calls the text area (the placeholder when not given).
    property string accessibleName: ""
    function insert(s) { area.insert(area.cursorPosition, s) }
    function clear() { area.clear() }
    function edit() { area.forceActiveFocus() }
    implicitWidth: 400
    implicitHeight: Math.max(area.implicitHeight, minLines * fontSize * 1.6 + 24)
    color: Theme.paper
    radius: Theme.radius
    border.color: area.activeFocus ? Theme.primary : Theme.line
    border.width: 2
    TextArea {
        id: area
        anchors.fill: parent
        anchors.margins: 2
        wrapMode: TextEdit.Wrap
        padding: 12
        font.pixelSize: box.fontSize
        font.family: Theme.fontFamily
        selectByMouse: true
        background: null
        Accessible.name: box.accessibleName !== "" ? box.accessibleName : box.placeholderText
    }
}
