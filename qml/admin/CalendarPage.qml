pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Calendars: one year of one calendar, month by month, with its holidays and make-up working
// days (调休) marked; the administrator enters a year's days — as lists of dates and ranges, or
// by tapping days (a weekday: holiday, then working day again; a weekend day: holiday, make-up
// working day, weekend again) — and saves the year. The server checks it (dates in the year,
// make-up days on weekend days only, a plausible number of working days) and a refusal appears
// beside the list it is about; nothing changes then.
PageScaffold {
    id: page
    objectName: "calendarPage"
    heading: qsTr("Calendars")
    readonly property CalendarAdmin controller: calendar // for tests

    CalendarAdmin { id: calendar }
    Component.onCompleted: calendar.refresh()

    property string savedMessage: ""
    Connections {
        target: calendar
        function onSaved(what: string) {
            if (what === "year")
                page.savedMessage = qsTr("Saved: %1 has %2 working days in this calendar. Deadlines set from now on count them; deadlines already set do not move.")
                                    .arg(calendar.year).arg(calendar.workingDays)
        }
        function onFailed(what: string) { page.savedMessage = "" }
    }

    // The colours of the kinds of day (CalendarAdmin.DayKind), and their names for the legend.
    function dayColor(kind: int): color {
        return kind === CalendarAdmin.Holiday ? "#fbe3e1"
             : kind === CalendarAdmin.MakeUp ? "#dcecfb"
             : kind === CalendarAdmin.Weekend ? Theme.canvas : Theme.paper
    }
    function dayInk(kind: int): color {
        return kind === CalendarAdmin.Holiday ? Theme.danger
             : kind === CalendarAdmin.MakeUp ? Theme.primary
             : kind === CalendarAdmin.Weekend ? Theme.muted : Theme.ink
    }
    function dayName(kind: int): string {
        return kind === CalendarAdmin.Holiday ? qsTr("Holiday (day off)")
             : kind === CalendarAdmin.MakeUp ? qsTr("Make-up working day")
             : kind === CalendarAdmin.Weekend ? qsTr("Weekend") : qsTr("Working day")
    }

    tools: [
        AppButton {
            objectName: "saveYear"
            text: qsTr("Save %1").arg(calendar.year)
            enabled: !calendar.busy && calendar.calendarId !== ""
            onClicked: { page.savedMessage = ""; calendar.save() }
        },
        AppButton {
            objectName: "revertYear"
            kind: "quiet"
            text: calendar.edited ? qsTr("Undo changes") : qsTr("Refresh")
            onClicked: {
                page.savedMessage = ""
                calendar.clearError()
                if (calendar.edited)
                    calendar.revert()
                else
                    calendar.refresh()
            }
        }
    ]

    ErrorBanner {
        objectName: "calendarError"
        Layout.fillWidth: true
        // Reasons about a list stand beside it; the others here.
        text: calendar.errorField === "" ? calendar.error : ""
    }

    Card {
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                label: qsTr("Calendar")
                ComboBox {
                    id: calendarChoice
                    objectName: "calendarChoice"
                    Accessible.name: qsTr("Calendar")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontBody
                    model: calendar.calendars
                    textRole: "name"
                    valueRole: "key"
                    currentIndex: calendar.calendars.count > 0 ? calendarChoice.indexOfValue(calendar.calendarId) : -1
                    onActivated: calendar.calendarId = calendarChoice.currentValue
                }
                FieldMessage { source: calendar; field: "calendar" }
            }
            FormField {
                label: qsTr("Year")
                Layout.fillWidth: false
                SpinBox {
                    id: yearBox
                    objectName: "calendarYear"
                    Accessible.name: qsTr("Year")
                    implicitHeight: Theme.touch
                    font.pixelSize: Theme.fontBody
                    from: 2000
                    to: 2200
                    editable: true
                    value: calendar.year
                    textFromValue: function(value) { return String(value) }
                    onValueModified: calendar.year = yearBox.value
                }
                FieldMessage { source: calendar; field: "year" }
            }
        }
        BodyText {
            objectName: "yearCount"
            Layout.fillWidth: true
            text: qsTr("By these dates %1 has %2 working days; weekends alone would give %3.")
                  .arg(calendar.year).arg(calendar.workingDays).arg(calendar.weekdays)
        }
        BodyText {
            objectName: "yearNotCovered"
            Layout.fillWidth: true
            visible: calendar.calendarId !== "" && !calendar.covered
            muted: true
            text: qsTr("The server's calendar has no holidays for %1 yet: until they are saved, deadlines there count weekends alone.").arg(calendar.year)
        }
        BodyText {
            objectName: "calendarSaved"
            Layout.fillWidth: true
            visible: page.savedMessage !== ""
            text: page.savedMessage
            color: Theme.ok
            font.bold: true
        }
        // The legend.
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: [CalendarAdmin.Working, CalendarAdmin.Weekend, CalendarAdmin.Holiday, CalendarAdmin.MakeUp]
                delegate: Row {
                    id: legend
                    required property int modelData
                    spacing: 6
                    Rectangle {
                        width: 28
                        height: 28
                        radius: 4
                        color: page.dayColor(legend.modelData)
                        border.color: Theme.line
                        Text {
                            anchors.centerIn: parent
                            text: "8"
                            color: page.dayInk(legend.modelData)
                            font.pixelSize: Theme.fontSmall
                            font.family: Theme.fontFamily
                            font.bold: legend.modelData >= CalendarAdmin.Holiday
                        }
                    }
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        text: page.dayName(legend.modelData)
                        font.pixelSize: Theme.fontSmall
                        font.family: Theme.fontFamily
                        color: Theme.ink
                    }
                }
            }
        }
        BodyText {
            Layout.fillWidth: true
            muted: true
            font.pixelSize: Theme.fontSmall
            text: qsTr("Tap a day to change it: a weekday becomes a holiday and back; a weekend day becomes a holiday, then a make-up working day, then a weekend day again.")
        }
    }

    // ---- the year, month by month
    Card {
        objectName: "yearGrid"
        GridLayout {
            Layout.fillWidth: true
            columns: Math.max(1, Math.floor((page.bodyWidth - 2 * Theme.margin) / 250))
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Repeater {
                model: calendar.months
                delegate: ColumnLayout {
                    id: monthBox
                    required property calendarMonthView row
                    Layout.alignment: Qt.AlignTop
                    spacing: 2
                    Text {
                        text: monthBox.row.title
                        font.pixelSize: Theme.fontBody
                        font.family: Theme.fontFamily
                        font.bold: true
                        color: Theme.ink
                    }
                    Grid {
                        columns: 7
                        spacing: 2
                        Repeater {
                            model: [qsTr("Mo"), qsTr("Tu"), qsTr("We"), qsTr("Th"), qsTr("Fr"), qsTr("Sa"), qsTr("Su")]
                            delegate: Text {
                                id: weekday
                                required property string modelData
                                width: 32
                                horizontalAlignment: Text.AlignHCenter
                                text: weekday.modelData
                                font.pixelSize: Theme.fontSmall - 2
                                font.family: Theme.fontFamily
                                color: Theme.muted
                            }
                        }
                        Repeater {
                            model: monthBox.row.offset + monthBox.row.kinds.length
                            delegate: AbstractButton {
                                id: cell
                                required property int index
                                readonly property int day: cell.index - monthBox.row.offset + 1
                                readonly property int kind: cell.day >= 1 && cell.day <= monthBox.row.kinds.length ? monthBox.row.kinds[cell.day - 1] : -1
                                objectName: cell.day >= 1 ? "day-" + monthBox.row.month + "-" + cell.day : ""
                                width: 32
                                height: 28
                                enabled: cell.day >= 1
                                opacity: cell.day >= 1 ? 1 : 0
                                Accessible.name: cell.day >= 1 ? cell.day + " " + monthBox.row.title + ": " + page.dayName(cell.kind) : ""
                                onClicked: { page.savedMessage = ""; calendar.toggle(monthBox.row.month, cell.day) }
                                background: Rectangle {
                                    radius: 4
                                    color: page.dayColor(cell.kind)
                                    border.color: cell.kind >= CalendarAdmin.Holiday ? page.dayInk(cell.kind) : Theme.line
                                }
                                contentItem: Text {
                                    text: cell.day >= 1 ? cell.day : ""
                                    horizontalAlignment: Text.AlignHCenter
                                    verticalAlignment: Text.AlignVCenter
                                    font.pixelSize: Theme.fontSmall
                                    font.family: Theme.fontFamily
                                    font.bold: cell.kind >= CalendarAdmin.Holiday
                                    color: page.dayInk(cell.kind)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- the year's entries, as sent
    Card {
        SectionTitle { text: qsTr("%1 as sent to the server").arg(calendar.year) }
        FormField {
            label: qsTr("Holidays (days off)")
            hint: qsTr("Dates and ranges, separated by commas: 2027-01-01, 2027-02-06..2027-02-12")
            TextBox {
                id: holidays
                objectName: "holidaysText"
                accessibleName: qsTr("Holidays (days off)")
                Layout.fillWidth: true
                minLines: 2
                text: calendar.holidaysText
                onTextChanged: calendar.holidaysText = holidays.text
            }
            FieldMessage { source: calendar; field: "holidays" }
        }
        FormField {
            label: qsTr("Make-up working days (调休)")
            hint: qsTr("Weekend days worked instead, e.g. 2027-01-31, 2027-02-20")
            TextBox {
                id: workingDays
                objectName: "workingDaysText"
                accessibleName: qsTr("Make-up working days")
                Layout.fillWidth: true
                minLines: 2
                text: calendar.workingDaysText
                onTextChanged: calendar.workingDaysText = workingDays.text
            }
            FieldMessage { source: calendar; field: "working_days" }
        }
    }
}
