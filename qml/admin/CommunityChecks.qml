pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Communities as check boxes (a model of choiceView rows): chosen() gives the ticked ids,
// choose(ids) ticks exactly those.
Flow {
    id: checks
    property alias model: boxes.model
    Layout.fillWidth: true
    spacing: 8

    function chosen() {
        const out = []
        for (let i = 0; i < boxes.count; ++i) {
            const box = boxes.itemAt(i) as CheckBox
            if (box && box.checked)
                out.push(box.objectName.substring("community-".length))
        }
        return out
    }
    function choose(ids) {
        for (let i = 0; i < boxes.count; ++i) {
            const box = boxes.itemAt(i) as CheckBox
            if (box)
                box.checked = ids.indexOf(box.objectName.substring("community-".length)) >= 0
        }
    }

    Repeater {
        id: boxes
        delegate: CheckBox {
            id: box
            required property string key
            required property string name
            objectName: "community-" + box.key
            text: box.name
            Accessible.name: box.name
            font.pixelSize: Theme.fontBody
        }
    }
}
