pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard

// Typing a receipt code with big keys: the digits and the letters receipt codes use (no I, L, O
// or U, so nothing can be misread).
ColumnLayout {
    id: pad
    property string code: ""
    readonly property var keys: "0123456789ABCDEFGHJKMNPQRSTVWXYZ".split("")
    spacing: 10

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: Theme.touch * 1.5
        radius: Theme.radius
        color: Theme.paper
        border.color: Theme.primary
        border.width: 3
        Text {
            anchors.centerIn: parent
            text: pad.code === "" ? qsTr("Receipt code") : (pad.code.length > 4 ? pad.code.slice(0, 4) + "-" + pad.code.slice(4) : pad.code)
            font.pixelSize: Theme.fontHuge
            font.family: "monospace"
            font.letterSpacing: 4
            color: pad.code === "" ? Theme.line : Theme.ink
        }
    }
    GridLayout {
        Layout.fillWidth: true
        columns: 8
        rowSpacing: 6
        columnSpacing: 6
        Repeater {
            model: pad.keys
            delegate: AppButton {
                id: item1
                required property string modelData
                Layout.fillWidth: true
                implicitWidth: 80
                implicitHeight: Theme.touch * 1.2
                kind: "secondary"
                font.pixelSize: Theme.fontLarge
                text: item1.modelData
                enabled: pad.code.length < 8
                onClicked: pad.code += item1.modelData
            }
        }
    }
    RowLayout {
        AppButton { kind: "secondary"; text: qsTr("⌫ Delete"); onClicked: pad.code = pad.code.slice(0, -1) }
        AppButton { kind: "quiet"; text: qsTr("Clear"); onClicked: pad.code = "" }
    }
}
