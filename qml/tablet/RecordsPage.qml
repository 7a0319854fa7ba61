pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Records of a kind in this community: open or all, search, newest or by deadline. The list
// reads a page at a time from the tablet's database, so 100 000 records scroll like 10.
PageScaffold {
    id: page
    heading: Labels.recordType(types.length > 0 ? types[0] : "")
    scrolling: false
    property var types: ["complaint"]
    property string newPage: ""
    property string unitId: ""
    property bool openOnly: true

    tools: [
        AppButton {
            visible: page.newPage !== ""
            text: qsTr("+ New")
            onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/" + page.newPage)
        }
    ]

    RecordListModel {
        id: records
        types: page.types
        openOnly: page.openOnly
        communityId: App.currentCommunity
        unitId: page.unitId
        search: searchField.text
        order: orderRow.current
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.margins: Theme.margin
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            InputField {
                id: searchField
                Layout.fillWidth: true
                placeholderText: qsTr("Search text, flat or receipt code")
            }
            ChoiceRow {
                options: ["open", "all"]
                current: page.openOnly ? "open" : "all"
                labelFor: function(id) { return id === "open" ? qsTr("Open") : qsTr("All") }
                onChosen: (id) => page.openOnly = id === "open"
            }
            ChoiceRow {
                id: orderRow
                options: ["due", "recent"]
                current: "due"
                labelFor: function(id) { return id === "due" ? qsTr("By deadline") : qsTr("Newest") }
            }
        }
        BodyText { muted: true; text: qsTr("%n records", "", records.total) }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: records
            reuseItems: true
            ScrollBar.vertical: ScrollBar {}
            delegate: RecordDelegate {
                onOpen: (id) => Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id })
            }
            BodyText {
                anchors.centerIn: parent
                visible: list.count === 0
                muted: true
                text: qsTr("No records here.")
            }
        }
    }
}
