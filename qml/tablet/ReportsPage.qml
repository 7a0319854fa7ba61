pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Reports for supervisors and managers: the reviews the procedures call for (weekly, monthly,
// quarterly, half-yearly, annual, inspections, KPIs), computed by the server for a community,
// an office or the company and a period, drawn here section by section and exported as PDF or
// CSV. Needs the server; offline, the last report loaded stays on screen.
PageScaffold {
    id: page
    heading: qsTr("Reports")
    scrolling: false
    // For a link or a picture: open on this kind, and scroll to the first section of this kind.
    property string initialKind: ""
    property string scrollTo: ""
    readonly property bool busy: reports.busy
    readonly property var report: reports.report
    readonly property var sections: page.report.sections || []
    property string exportNote: ""

    readonly property var kindNames: ({
        weekly: qsTr("Weekly complaints"),
        monthly: qsTr("Monthly complaints"),
        quarterly: qsTr("Quarterly analysis"),
        half_yearly: qsTr("Half-yearly satisfaction"),
        annual_complaints: qsTr("Annual complaint summary"),
        annual_survey: qsTr("Annual survey"),
        inspections: qsTr("Inspections and patrols"),
        kpi: qsTr("KPIs")
    })
    readonly property var kindList: reports.kinds.length > 0
                                    ? Array.from(reports.kinds).map(k => ({ id: k, name: page.kindNames[k] || reports.kindName(k) }))
                                    : Object.keys(page.kindNames).map(k => ({ id: k, name: page.kindNames[k] }))
    readonly property var scopeList: Array.from([
        { id: "community", name: qsTr("Community") },
        { id: "office", name: qsTr("Management office") },
        { id: "company", name: qsTr("Company") }
    ]).filter(s => s.id !== "company" || reports.companyAllowed)

    function localTime(text) {
        const t = new Date(text)
        return isNaN(t.getTime()) ? "" : t.toLocaleString(Qt.locale(), "yyyy-MM-dd HH:mm")
    }
    function scrollToSection() {
        if (page.scrollTo === "")
            return
        for (let i = 0; i < sectionRepeater.count; ++i)
            if (page.sections[i].kind === page.scrollTo) {
                const item = sectionRepeater.itemAt(i)
                if (item)
                    reportView.contentY = Math.max(0, Math.min(item.y, reportView.contentHeight - reportView.height))
                return
            }
    }
    function exportTo(format) {
        page.exportNote = ""
        const path = reports.documentsFolder() + "/" + reports.suggestedFileName(format)
        if (format === "pdf")
            reports.exportPdf(path)
        else
            reports.exportCsv(path)
    }

    ReportController {
        id: reports
        allDepartmentsLabel: qsTr("All departments")
        onLoaded: scrollLater.restart()
        onExported: (path) => page.exportNote = qsTr("Saved to %1").arg(path)
    }
    // After the sections are laid out.
    Timer { id: scrollLater; interval: 0; onTriggered: page.scrollToSection() }
    Component.onCompleted: {
        if (page.initialKind !== "")
            reports.kind = page.initialKind
        reports.loadCatalogue()
        reports.load()
    }

    // What to read: kind, place, department, period.
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: selectors.implicitHeight + 2 * Theme.spacing
        color: Theme.paper
        border.color: Theme.line
        Flow {
            id: selectors
            x: Theme.margin
            y: Theme.spacing
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing
            ComboBox {
                id: kindBox
                Accessible.name: qsTr("Report")
                implicitHeight: Theme.touch
                implicitWidth: 260
                font.pixelSize: Theme.fontBody
                model: page.kindList
                textRole: "name"
                valueRole: "id"
                currentIndex: page.kindList.findIndex(k => k.id === reports.kind)
                onActivated: reports.kind = currentValue
            }
            ComboBox {
                implicitHeight: Theme.touch
                implicitWidth: 190
                Accessible.name: qsTr("Scope")
                font.pixelSize: Theme.fontBody
                model: page.scopeList
                textRole: "name"
                valueRole: "id"
                currentIndex: page.scopeList.findIndex(s => s.id === reports.scope)
                onActivated: reports.scope = currentValue
            }
            ComboBox {
                visible: reports.scope !== "company"
                implicitHeight: Theme.touch
                implicitWidth: 240
                Accessible.name: qsTr("Office or community")
                font.pixelSize: Theme.fontBody
                model: reports.places
                textRole: "name"
                valueRole: "id"
                currentIndex: reports.places.currentIndex
                displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
                onActivated: reports.scopeId = currentValue
            }
            ComboBox {
                implicitHeight: Theme.touch
                implicitWidth: 220
                font.pixelSize: Theme.fontBody
                enabled: !reports.departmentFixed
                Accessible.name: qsTr("Department")
                model: reports.departments
                textRole: "name"
                valueRole: "id"
                currentIndex: reports.departments.currentIndex
                onActivated: reports.department = currentValue
            }
            Row {
                spacing: 4
                AppButton { kind: "secondary"; text: "‹"; Accessible.name: qsTr("Previous period"); onClicked: reports.previousPeriod() }
                Text {
                    width: 120
                    height: Theme.touch
                    text: reports.period
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    font.family: Theme.fontFamily
                    color: Theme.ink
                }
                AppButton { kind: "secondary"; text: "›"; Accessible.name: qsTr("Next period"); onClicked: reports.nextPeriod() }
                AppButton { kind: "quiet"; text: qsTr("Now"); onClicked: reports.currentPeriod() }
            }
            AppButton { text: reports.busy ? qsTr("Loading…") : qsTr("Show"); enabled: !reports.busy; onClicked: reports.load() }
            AppButton { kind: "secondary"; text: qsTr("PDF"); enabled: reports.hasReport; onClicked: page.exportTo("pdf") }
            AppButton { kind: "secondary"; text: qsTr("CSV"); enabled: !reports.busy; onClicked: page.exportTo("csv") }
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.margins: Theme.margin
        spacing: Theme.spacing
        ErrorBanner { objectName: "reportError"; Layout.fillWidth: true; text: reports.error; warning: reports.offline }
        BodyText { Layout.fillWidth: true; visible: page.exportNote !== ""; color: Theme.ok; text: page.exportNote }
        BusyIndicator { Layout.alignment: Qt.AlignHCenter; visible: reports.busy && !reports.hasReport; running: visible }

        Flickable {
            id: reportView
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: reportColumn.implicitHeight
            ScrollBar.vertical: ScrollBar {}
            ColumnLayout {
                id: reportColumn
                width: reportView.width - 16
                spacing: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    visible: reports.hasReport
                    text: page.report.title || ""
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    font.family: Theme.fontFamily
                    color: Theme.ink
                    wrapMode: Text.WordWrap
                }
                BodyText {
                    Layout.fillWidth: true
                    visible: reports.hasReport
                    muted: true
                    text: {
                        const r = page.report
                        if (!r.scope)
                            return ""
                        const kind = page.scopeList.find(s => s.id === r.scope.kind)
                        const parts = [r.scope.name || (kind ? kind.name : "")]
                        if (r.scope.department_name)
                            parts.push(r.scope.department_name)
                        if (r.period)
                            parts.push(r.period.label)
                        parts.push(qsTr("as of %1").arg(page.localTime(r.as_of)))
                        const least = r.data ? r.data.least_recent_sync : null
                        if (least && least.at)
                            parts.push(qsTr("least recent sync: %1 at %2").arg(least.device)
                                       .arg(page.localTime(least.at)))
                        else if (least)
                            parts.push(qsTr("%1 has never synced").arg(least.device))
                        return parts.join(" · ")
                    }
                }
                // Records of the period purged under the retention policy: the figures leave them out.
                BodyText {
                    objectName: "reportPurged"
                    Layout.fillWidth: true
                    visible: reports.hasReport && !!page.report.purged
                    color: Theme.warn
                    font.bold: true
                    text: page.report.purged
                          ? qsTr("Purged up to %1. %2").arg(page.localTime(page.report.purged.through)).arg(page.report.purged.note)
                          : ""
                }
                Repeater {
                    id: sectionRepeater
                    model: page.sections
                    delegate: ReportSection {
                        id: sectionDelegate
                        required property var modelData
                        Layout.fillWidth: true
                        section: sectionDelegate.modelData
                        controller: reports
                    }
                }
                BodyText {
                    visible: !reports.hasReport && !reports.busy && reports.error === ""
                    muted: true
                    text: qsTr("Choose a report and press Show.")
                }
            }
        }
    }
}
