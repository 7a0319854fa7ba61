pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Courtyard

// One choice from a few, as big buttons in a wrapping row (categories, channels, causes…).
// `labelFor` turns an id into words; `current` is the chosen id ("" for none).
Flow {
    id: row
    property var options: []
    property var labelFor: function(id) { return id }
    property string current: ""
    property bool allowNone: false
    signal chosen(string id)
    function label(id) { const f = row.labelFor; return typeof f === "function" ? f(id) : String(id) }
    spacing: 8

    Repeater {
        model: row.options
        delegate: AbstractButton {
            id: choice
            required property var modelData
            readonly property bool on: row.current === String(choice.modelData)
            text: row.label(choice.modelData)
            implicitHeight: Theme.touch
            implicitWidth: Math.max(Theme.touch * 1.6, implicitContentWidth + 32)
            font.pixelSize: Theme.fontBody
            font.family: Theme.fontFamily
            onClicked: {
                const id = String(choice.modelData)
                row.current = (row.allowNone && row.current === id) ? "" : id
                row.chosen(row.current)
            }
            background: Rectangle {
                radius: Theme.radius
                color: choice.on ? Theme.primary : (choice.down ? Theme.canvas : Theme.paper)
                border.width: 2
                border.color: choice.on ? Theme.primary : Theme.line
            }
            contentItem: Text {
                text: choice.text
                font: choice.font
                color: choice.on ? Theme.primaryText : Theme.ink
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
        }
    }
}
