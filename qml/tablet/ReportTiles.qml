pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// A report's headline figures: value, target, the counts a rate is made of, and the trend.
Flow {
    id: flow
    property var section: ({})
    property ReportController controller: null
    spacing: Theme.spacing
    Repeater {
        model: flow.section.tiles || []
        delegate: Rectangle {
            id: tile
            required property var modelData
            readonly property bool belowTarget: tile.modelData.target !== undefined && tile.modelData.value !== null
                                                && tile.modelData.value !== undefined && tile.modelData.value < tile.modelData.target
            width: 250
            height: tileColumn.implicitHeight + 24
            radius: Theme.radius
            color: Theme.paper
            border.color: tile.belowTarget ? Theme.warn : Theme.line
            border.width: tile.belowTarget ? 2 : 1
            ColumnLayout {
                id: tileColumn
                x: 12
                y: 12
                width: tile.width - 24
                spacing: 4
                BodyText { Layout.fillWidth: true; muted: true; text: tile.modelData.label || ""; elide: Text.ElideRight; maximumLineCount: 1 }
                Text {
                    text: flow.controller ? flow.controller.formatCell(tile.modelData.value, tile.modelData.format) : String(tile.modelData.value)
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    font.family: Theme.fontFamily
                    color: tile.belowTarget ? Theme.warn : Theme.primary
                }
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        Layout.fillWidth: true
                        font.pixelSize: Theme.fontSmall
                        font.family: Theme.fontFamily
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        text: {
                            const parts = []
                            const t = tile.modelData
                            if (t.numerator !== undefined && t.denominator !== undefined)
                                parts.push(t.numerator + " / " + t.denominator)
                            if (t.target !== undefined && flow.controller)
                                parts.push(qsTr("target %1").arg(flow.controller.formatCell(t.target, t.format)))
                            return parts.join(" · ")
                        }
                    }
                    ReportSparkline {
                        visible: (tile.modelData.trend || []).length > 1
                        implicitWidth: 90
                        implicitHeight: 30
                        values: (tile.modelData.trend || []).map(p => p.value)
                    }
                }
            }
        }
    }
}
