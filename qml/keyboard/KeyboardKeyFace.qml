pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.VirtualKeyboard.Components
import QtQuick.VirtualKeyboard.Styles
import Courtyard

// One key of the kiosk keyboard as drawn by KioskKeyboardStyle: a rounded face in the app's
// colours (function keys a shade darker, the key under the finger filled) with one label, the
// key's own text unless `label` says otherwise. Sizes follow the key's own height, so the
// keyboard reads the same at any width: letters at 42% of it, words (删除, 空格) at 27%.
KeyPanel {
    id: face
    property bool words: false
    property string label: key ? key.displayText : ""
    readonly property real gap: Math.max(2, Math.round(height * 0.04))
    readonly property int labelSize: Math.round(height * (words ? 0.27 : 0.42))
    property bool strong: false // filled like a pressed key: Enter, caps lock
    readonly property BaseKey key: face.control as BaseKey
    readonly property bool down: key !== null && key.pressed

    Rectangle {
        anchors.fill: parent
        anchors.margins: face.gap
        radius: Theme.radius
        color: face.down || face.strong ? Theme.primary
             : face.key !== null && face.key.highlighted ? "#dfe4ea" : Theme.paper
        border.width: 1
        border.color: Theme.line
        opacity: face.key === null || face.key.enabled ? 1 : 0.4
        Text {
            anchors.fill: parent
            anchors.margins: face.gap
            text: face.label
            color: face.down || face.strong ? Theme.primaryText : Theme.ink
            font.family: Theme.fontFamily
            font.pixelSize: face.labelSize
            font.capitalization: face.key !== null && face.key.uppercased ? Font.AllUppercase : Font.MixedCase
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Math.round(face.labelSize * 0.6)
        }
    }
}
