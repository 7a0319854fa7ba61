pragma ComponentBehavior: Bound

import QtQuick
import Courtyard
import Courtyard.Core

// One line of a report table: the headings, a row, or the total (bold, ruled above). A file of
// its own: the headings, the rows and the hidden sizer share it.
Rectangle {
    id: line
    property var columns: []
    property var row: ({})
    property bool heading: false
    property bool isTotal: false
    property bool shaded: false
    property ReportController controller: null
    function widthOf(column) {
        return column.format === "text" ? 240 : column.format === "time" ? 170 : 120
    }
    implicitWidth: line.columns.reduce((sum, c) => sum + line.widthOf(c), 0)
    implicitHeight: Theme.fontBody + 20
    color: line.heading ? Theme.canvas : line.shaded ? "#f7f8fa" : Theme.paper
    Rectangle { visible: line.isTotal; width: parent.width; height: 2; color: Theme.ink }
    Row {
        Repeater {
            model: line.columns
            delegate: Text {
                id: cell
                required property var modelData
                width: line.widthOf(cell.modelData)
                height: line.height
                leftPadding: 8
                rightPadding: 8
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: cell.modelData.format === "text" ? Text.AlignLeft : Text.AlignRight
                text: line.heading ? cell.modelData.label
                      : line.controller ? line.controller.formatCell(line.row[cell.modelData.key], cell.modelData.format)
                      : String(line.row[cell.modelData.key])
                font.pixelSize: Theme.fontSmall
                font.bold: line.heading || line.isTotal
                font.family: Theme.fontFamily
                color: Theme.ink
                elide: Text.ElideRight
            }
        }
    }
}
