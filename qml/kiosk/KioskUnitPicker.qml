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
    readonly property string buildingName: Directory.revision >= 0 ? Directory.item(buildingId).name : ""
    signal picked(string unitId)
    spacing: Theme.spacing

    DirectoryList { id: buildings; kind: DirectoryList.Buildings; parentId: App.currentCommunity }
    DirectoryList { id: units; kind: DirectoryList.Units; parentId: picker.buildingId }

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
            model: buildings
            delegate: Tile {
                id: item1
                required property directoryItem row
                Layout.fillWidth: true
                implicitHeight: Theme.touch * 1.6
                text: item1.row.name
                onClicked: picker.buildingId = item1.row.id
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
                model: units
                delegate: Tile {
                    id: item2
                    required property directoryItem row
                    Layout.fillWidth: true
                    implicitHeight: Theme.touch * 1.3
                    font.pixelSize: Theme.fontBody
                    text: item2.row.number
                    selected: picker.unitId === item2.row.id
                    onClicked: { picker.unitId = item2.row.id; picker.picked(item2.row.id) }
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
