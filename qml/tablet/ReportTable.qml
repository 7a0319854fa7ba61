pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Courtyard
import Courtyard.Core

// A report table: headings that stay in view, rows that scroll (sideways too when the columns
// are wider than the page), the total row last.
Item {
    id: table
    property var section: ({})
    property ReportController controller: null
    readonly property var columns: table.section.columns || []
    readonly property var rows: (table.section.rows || []).concat(table.section.total ? [table.section.total] : [])
    readonly property int rowHeight: Theme.fontBody + 20
    readonly property real columnsWidth: sizer.implicitWidth
    implicitWidth: 600
    implicitHeight: (Math.min(table.rows.length, 12) + 1 + (table.rows.length === 0 ? 1 : 0)) * table.rowHeight + 24

    ReportTableRow { id: sizer; visible: false; columns: table.columns }

    Flickable {
        anchors.fill: parent
        contentWidth: Math.max(width, table.columnsWidth)
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        clip: true
        ScrollBar.horizontal: ScrollBar { policy: table.columnsWidth > table.width ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff }
        // The headings above the list, not as its header: a ListView header is "not ready"
        // under ComponentBehavior: Bound in Qt 6.4. They stay in view all the same.
        ReportTableRow {
            id: headings
            width: list.width
            height: table.rowHeight
            heading: true
            columns: table.columns
        }
        ListView {
            id: list
            y: headings.height
            width: Math.max(table.width, table.columnsWidth)
            height: parent.height - headings.height - 16
            model: table.rows
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: ReportTableRow {
                id: rowItem
                required property var modelData
                required property int index
                width: list.width
                height: table.rowHeight
                columns: table.columns
                row: rowItem.modelData
                controller: table.controller
                shaded: rowItem.index % 2 === 1
                isTotal: !!table.section.total && rowItem.index === table.rows.length - 1
            }
            BodyText {
                anchors.centerIn: parent
                visible: table.rows.length === 0
                muted: true
                text: qsTr("Nothing in this period.")
            }
        }
    }
}
