pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// "Which flat?" without typing: the building as a big button, then the flat number as a big
// button. Only unit numbers are on a kiosk — never an owner's name or phone.
ColumnLayout {
    id: picker
    property string buildingId: ""
    property string unitId: ""
    readonly property var buildings: Directory.revision >= 0 ? Directory.buildings(App.currentCommunity) : []
    readonly property var units: buildingId !== "" ? Directory.units(buildingId) : []
    readonly property string buildingName: {
        for (const b of buildings)
            if (b.id === buildingId)
                return b.name
        return ""
    }
    signal picked(string unitId)
    spacing: Theme.spacing

    Text {
        text: picker.buildingId === "" ? qsTr("Which building?") : qsTr("Which flat in %1?").arg(picker.buildingName)
        font.pixelSize: Theme.fontLarge
        font.bold: true
        font.family: Theme.fontFamily
        color: Theme.ink
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    GridLayout {
        visible: picker.buildingId === ""
        Layout.fillWidth: true
        columns: 4
        rowSpacing: 10
        columnSpacing: 10
        Repeater {
            model: picker.buildings
            delegate: Tile {
                id: item1
                required property var modelData
                Layout.fillWidth: true
                implicitHeight: Theme.touch * 1.6
                text: item1.modelData.name
                onClicked: picker.buildingId = item1.modelData.id
            }
        }
    }
    Flickable {
        visible: picker.buildingId !== ""
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(unitGrid.implicitHeight, 640)
        contentHeight: unitGrid.implicitHeight
        clip: true
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
        GridLayout {
            id: unitGrid
            width: parent.width - 20
            columns: 5
            rowSpacing: 8
            columnSpacing: 8
            Repeater {
                model: picker.units
                delegate: Tile {
                    id: item2
                    required property var modelData
                    Layout.fillWidth: true
                    implicitHeight: Theme.touch * 1.3
                    font.pixelSize: Theme.fontBody
                    text: item2.modelData.number
                    selected: picker.unitId === item2.modelData.id
                    onClicked: { picker.unitId = item2.modelData.id; picker.picked(item2.modelData.id) }
                }
            }
        }
    }
    AppButton {
        visible: picker.buildingId !== ""
        kind: "secondary"
        text: qsTr("‹ Another building")
        onClicked: { picker.buildingId = ""; picker.unitId = "" }
    }
}
