pragma ComponentBehavior: Bound

import QtQuick
import QtCharts
import Courtyard

// A Pareto chart (排列图): counts as bars on the left axis (the vital few in the strong colour),
// the cumulative share as a line with points on a right axis of 0–100%, and the cut (80%) as a
// dashed line. The left axis runs to the total, so 100% on the right is level with the whole.
ChartView {
    id: chart
    property var section: ({})
    readonly property var rows: chart.section.rows || []
    readonly property real total: chart.section.total || chart.rows.reduce((sum, r) => sum + r.count, 0)
    readonly property real cut: chart.section.cut === undefined ? 80 : chart.section.cut
    readonly property font smallFont: Qt.font({ family: Theme.fontFamily, pixelSize: Theme.fontSmall })

    implicitWidth: 640
    implicitHeight: 380
    antialiasing: true
    backgroundRoundness: 0
    margins.left: 4
    margins.right: 4
    margins.top: 4
    margins.bottom: 4
    legend.alignment: Qt.AlignTop
    legend.font: chart.smallFont

    function countTicks(total) {
        if (total <= 12)
            return total
        for (let gaps = 10; gaps >= 4; --gaps)
            if (total % gaps === 0)
                return gaps
        return 5
    }
    function rebuild() {
        cumulative.clear()
        cutLine.clear()
        for (let i = 0; i < chart.rows.length; ++i)
            cumulative.append(i, chart.rows[i].cumulative_percent)
        cutLine.append(-0.5, chart.cut)
        cutLine.append(Math.max(chart.rows.length, 1) - 0.5, chart.cut)
    }
    onRowsChanged: rebuild()
    onCutChanged: rebuild()
    Component.onCompleted: rebuild()

    // ValuesAxis is QValueAxis under its older name: Qt 6.4's QtCharts type file lists the class
    // twice and qmllint resolves only this name; at run time both are the same type.
    BarCategoryAxis {
        id: categories
        categories: chart.rows.map(r => r.label)
        labelsFont: chart.smallFont
    }
    ValuesAxis {
        id: countAxis
        min: 0
        max: Math.max(chart.total, 1)
        // Whole-number ticks up to the total: one per count up to twelve, else a divisor of it.
        tickCount: chart.countTicks(Math.max(chart.total, 1)) + 1
        labelFormat: Math.max(chart.total, 1) % chart.countTicks(Math.max(chart.total, 1)) === 0 ? "%.0f" : "%.1f"
        labelsFont: chart.smallFont
    }
    ValuesAxis {
        id: percentAxis
        min: 0
        max: 100
        tickCount: 6
        labelFormat: "%.0f%%"
        labelsFont: chart.smallFont
    }

    // Two stacked sets, one of them zero in every column: one bar per category, coloured by
    // whether it belongs to the vital few.
    StackedBarSeries {
        id: bars
        axisX: categories
        axisY: countAxis
        barWidth: 0.7
        BarSet {
            label: qsTr("Vital few")
            color: Theme.primary
            borderColor: Theme.primary
            values: chart.rows.map(r => r.vital_few ? r.count : 0)
        }
        BarSet {
            label: qsTr("Others")
            color: "#9fb7d3"
            borderColor: "#9fb7d3"
            values: chart.rows.map(r => r.vital_few ? 0 : r.count)
        }
    }
    LineSeries {
        id: cumulative
        name: qsTr("Cumulative %")
        axisX: categories
        axisYRight: percentAxis
        color: "#d9822b"
        width: 3
        pointsVisible: true
    }
    LineSeries {
        id: cutLine
        name: qsTr("Cut %1%").arg(chart.cut)
        axisX: categories
        axisYRight: percentAxis
        color: Theme.danger
        width: 2
        style: Qt.DashLine
    }
}
