pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// One section of a report, drawn by its kind (docs/reports.md): tiles, table, pareto, bars. A
// kind this app does not know yet is named, not dropped silently.
Card {
    id: card
    property var section: ({})
    property ReportController controller: null
    readonly property string kind: card.section.kind || ""
    readonly property string view: card.kind === "tiles" ? "ReportTiles.qml"
                                   : card.kind === "table" ? "ReportTable.qml"
                                   : card.kind === "pareto" ? "ReportParetoChart.qml"
                                   : card.kind === "bars" ? "ReportBarsChart.qml" : ""

    SectionTitle { Layout.fillWidth: true; topPadding: 0; text: card.section.title || "" }
    // By file, not by inline Component: a bound component cannot be created by a Loader
    // inside a Repeater's delegate (Qt 6.4).
    Loader {
        id: loader
        Layout.fillWidth: true
        active: card.view !== ""
        source: card.view
    }
    Binding { target: loader.item; property: "section"; value: card.section; when: loader.status === Loader.Ready }
    Binding {
        target: loader.item
        property: "controller"
        value: card.controller
        when: loader.status === Loader.Ready && (card.kind === "tiles" || card.kind === "table")
    }
    BodyText {
        visible: card.kind !== "" && card.view === ""
        muted: true
        text: qsTr("This version of the app cannot show sections of kind “%1”.").arg(card.kind)
    }
}
