pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// A table's headings: tap one to sort by it, again to turn the order round. `columns`: [{key,
// text, width, sortable?}] (width in shares of the row, as the cells'; sortable false: a heading
// only); the sorted one is marked ▲ or ▼.
RowLayout {
    id: headings
    property var columns: []
    property string sortKey: ""
    property bool descending: false
    signal sortBy(string key)
    Layout.fillWidth: true
    spacing: 4

    Repeater {
        model: headings.columns
        delegate: AbstractButton {
            id: heading
            required property var modelData
            readonly property bool sorted: headings.sortKey === heading.modelData.key
            objectName: "sort-" + heading.modelData.key
            enabled: heading.modelData.sortable !== false
            Layout.fillWidth: true
            Layout.preferredWidth: heading.modelData.width * 100
            implicitHeight: Theme.touch - 16
            Accessible.name: qsTr("Sort by %1").arg(heading.modelData.text)
            onClicked: headings.sortBy(heading.modelData.key)
            contentItem: Text {
                text: heading.modelData.text + (heading.sorted ? (headings.descending ? " ▼" : " ▲") : "")
                font.pixelSize: Theme.fontSmall
                font.family: Theme.fontFamily
                font.bold: true
                color: heading.sorted ? Theme.primary : Theme.muted
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
            }
        }
    }
}
