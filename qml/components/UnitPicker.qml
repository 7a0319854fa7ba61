pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Which flat: building, then unit number — or typed as it is said on the phone ("3 1-502").
// The flat's details (owner, phone, occupied) fill in, so nobody types them twice.
ColumnLayout {
    id: picker
    property string communityId: App.currentCommunity
    property string unitId: ""
    property bool showOwner: true
    readonly property unitView unit: Directory.unit(unitId)
    // The building the lists show: the chosen flat's, or one picked first.
    property string buildingId: ""
    signal picked(string unitId)
    spacing: 8

    function choose(id) {
        unitId = id
        picked(id)
    }
    function syncToUnit() {
        const u = Directory.unit(unitId)
        if (u.valid)
            buildingId = u.buildingId
    }
    onUnitIdChanged: syncToUnit()
    Component.onCompleted: syncToUnit()

    DirectoryList { id: buildingList; kind: DirectoryList.Buildings; parentId: picker.communityId; currentId: picker.buildingId }
    DirectoryList { id: unitList; kind: DirectoryList.Units; parentId: picker.buildingId; currentId: picker.unitId }

    RowLayout {
        spacing: 8
        Layout.fillWidth: true
        InputField {
            id: quick
            Layout.fillWidth: true
            placeholderText: qsTr("Type building and flat, e.g. 1 1-502")
            onAccepted: {
                const parts = text.trim().split(/\s+/)
                if (parts.length < 2) { notFound.visible = true; return }
                const id = Directory.findUnit(picker.communityId, parts[0], parts.slice(1).join(""))
                notFound.visible = id === ""
                if (id !== "")
                    picker.choose(id)
            }
        }
        AppButton { kind: "secondary"; text: qsTr("Find"); onClicked: quick.accepted() }
    }
    Text {
        id: notFound
        visible: false
        text: qsTr("No such flat in this community")
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        font.family: Theme.fontFamily
    }
    RowLayout {
        spacing: 8
        Layout.fillWidth: true
        ComboBox {
            id: buildingBox
            Accessible.name: qsTr("Building")
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontBody
            model: buildingList
            textRole: "name"
            valueRole: "id"
            displayText: currentIndex < 0 ? qsTr("Building") : currentText
            currentIndex: buildingList.currentIndex
            onActivated: picker.buildingId = currentValue
        }
        ComboBox {
            id: unitBox
            Accessible.name: qsTr("Flat")
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontBody
            model: unitList
            textRole: "number"
            valueRole: "id"
            displayText: currentIndex < 0 ? qsTr("Flat") : currentText
            currentIndex: unitList.currentIndex
            onActivated: picker.choose(currentValue)
        }
    }
    Text {
        visible: picker.showOwner && picker.unitId !== ""
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: picker.unit.valid
              ? qsTr("%1 · owner %2 · %3 · %4").arg(Directory.unitLabel(picker.unitId)).arg(picker.unit.ownerName || "—")
                    .arg(picker.unit.ownerPhone || "—").arg(picker.unit.occupied ? qsTr("occupied") : qsTr("vacant"))
              : Directory.unitLabel(picker.unitId)
        font.pixelSize: Theme.fontSmall
        font.family: Theme.fontFamily
        color: Theme.ok
    }
}
