pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard

// Every tablet page: a title bar with the way back and the page's own tools, then the page.
// Long pages scroll (`scrolling`); the content is the page's children.
Page {
    id: page
    property string heading: ""
    property bool scrolling: true
    property alias tools: toolRow.data
    default property alias content: body.data
    readonly property real bodyWidth: Math.min(page.width - 2 * Theme.margin, 1100)
    background: Rectangle { color: Theme.canvas }

    // Scrolls a long page so that `item` (one of its children) is at the top, as far as it goes.
    function scrollTo(item: Item) {
        if (!page.scrolling || item === null)
            return
        const top = item.mapToItem(body, 0, 0).y + body.y - Theme.margin
        flick.contentY = Math.max(0, Math.min(top, flick.contentHeight - flick.height))
    }

    header: Rectangle {
        implicitHeight: Theme.touch + 12
        color: Theme.paper
        border.color: Theme.line
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            spacing: 8
            AppButton {
                visible: Nav.stack !== null && Nav.stack.depth > 1 && page.StackView.view === Nav.stack
                kind: "quiet"
                text: qsTr("‹ Back")
                onClicked: Nav.back()
            }
            Text {
                text: page.heading
                font.pixelSize: Theme.fontTitle
                font.bold: true
                font.family: Theme.fontFamily
                color: Theme.ink
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Row {
                id: toolRow
                spacing: 8
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: page.scrolling ? body.implicitHeight + 2 * Theme.margin : height
        interactive: page.scrolling
        clip: true
        ScrollBar.vertical: ScrollBar { policy: page.scrolling ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff }
        ColumnLayout {
            id: body
            x: (flick.width - width) / 2
            y: page.scrolling ? Theme.margin : 0
            width: page.scrolling ? page.bodyWidth : flick.width
            height: page.scrolling ? implicitHeight : flick.height
            spacing: Theme.spacing
        }
    }
}
