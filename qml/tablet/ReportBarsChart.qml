pragma ComponentBehavior: Bound

import QtQuick
import QtCharts
import Courtyard

// Values against a target: bars (those below the target in the warning colour) and the
// target as a dashed line across them.
ChartView {
    id: chart
    property var section: ({})
    readonly property var bars: chart.section.bars || []
    readonly property bool percent: chart.section.format === "percent"
    readonly property bool hasTarget: chart.section.target !== undefined && chart.section.target !== null
    readonly property real target: chart.hasTarget ? chart.section.target : 0
    readonly property real axisTop: chart.percent ? 100 : Math.max(1, chart.target, ...chart.bars.map(b => b.value || 0)) * 1.1
    readonly property font smallFont: Qt.font({ family: Theme.fontFamily, pixelSize: Theme.fontSmall })

    implicitWidth: 640
    implicitHeight: 340
    antialiasing: true
    backgroundRoundness: 0
    margins.left: 4
    margins.right: 4
    margins.top: 4
    margins.bottom: 4
    legend.alignment: Qt.AlignTop
    legend.font: chart.smallFont

    function rebuild() {
        targetLine.clear()
        if (chart.hasTarget) {
            targetLine.append(-0.5, chart.target)
            targetLine.append(Math.max(chart.bars.length, 1) - 0.5, chart.target)
        }
    }
    onBarsChanged: rebuild()
    onTargetChanged: rebuild()
    Component.onCompleted: rebuild()

    // ValuesAxis is QValueAxis under its older name: Qt 6.4's QtCharts type file lists the class
    // twice and qmllint resolves only this name; at run time both are the same type.
    BarCategoryAxis {
        id: categories
        categories: chart.bars.map(b => b.label)
        labelsFont: chart.smallFont
    }
    ValuesAxis {
        id: valueAxis
        min: 0
        max: chart.axisTop
        tickCount: 6
        labelFormat: chart.percent ? "%.0f%%" : "%.0f"
        labelsFont: chart.smallFont
    }
    StackedBarSeries {
        axisX: categories
        axisY: valueAxis
        barWidth: 0.6
        BarSet {
            label: qsTr("At or above target")
            color: Theme.primary
            borderColor: Theme.primary
            values: chart.bars.map(b => b.below_target ? 0 : (b.value || 0))
        }
        BarSet {
            label: qsTr("Below target")
            color: Theme.danger
            borderColor: Theme.danger
            values: chart.bars.map(b => b.below_target ? (b.value || 0) : 0)
        }
    }
    LineSeries {
        id: targetLine
        visible: chart.hasTarget
        name: qsTr("Target %1").arg(chart.target)
        axisX: categories
        axisY: valueAxis
        color: Theme.ink
        width: 2
        style: Qt.DashLine
    }
}
