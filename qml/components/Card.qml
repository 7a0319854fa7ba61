pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard

// A white panel grouping a form or a record's section.
Rectangle {
    id: card
    default property alias content: column.data
    property alias spacing: column.spacing
    Layout.fillWidth: true
    implicitWidth: 400
    implicitHeight: column.implicitHeight + 2 * Theme.margin
    color: Theme.paper
    radius: Theme.radius
    border.color: Theme.line
    ColumnLayout {
        id: column
        x: Theme.margin
        y: Theme.margin
        width: card.width - 2 * Theme.margin
        spacing: Theme.spacing
    }
}
