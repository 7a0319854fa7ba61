pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Patrol routes: every route the company has, with its community, the department whose guards
// walk it, its checkpoints and its schedule. Choose one to edit it, or draw a new one: its
// checkpoints in walking order (each due so many minutes after the round starts, with a
// tolerance), and the times of day a round is due (none: walked when someone starts one), on
// which days, with how much tolerance. The server checks the route as `init` would; a refusal
// stands beside the field it names and nothing changes. A checkpoint keeps its QR code while it
// stays on the route; a saved route's QR sheet prints to PDF.
PageScaffold {
    id: page
    objectName: "routesPage"
    heading: qsTr("Patrol routes")
    readonly property RouteAdmin controller: routes // for tests

    RouteAdmin { id: routes }
    Component.onCompleted: routes.refresh()

    property bool editing: false
    readonly property bool isNew: routes.editingId === ""
    property string message: ""

    Connections {
        target: routes
        function onSaved(what: string) {
            if (what === "save")
                page.message = qsTr("Saved. Tablets of the community get the route at their next sync.")
        }
        function onFailed(what: string) { page.message = "" }
    }

    // Fills the form with a listed route, or empties it for a new one.
    function open(routeId: string) {
        const r = routes.find(routeId)
        routeIdField.text = routeId
        routeName.text = r.name
        community.currentIndex = Math.max(0, community.indexOfValue(r.communityId))
        department.currentIndex = Math.max(0, department.indexOfValue(r.departmentId))
        active.checked = routeId === "" || r.active
        times.text = r.times
        tolerance.text = String(routeId === "" ? 30 : r.tolerance)
        for (let d = 0; d < 7; ++d) {
            let on = r.weekdays.length === 0
            for (const w of r.weekdays)
                on = on || w === d + 1
            weekdayBoxes.itemAt(d).checked = on
        }
        page.message = ""
        routes.edit(routeId)
        page.editing = true
    }
    function save() {
        const days = []
        for (let d = 0; d < 7; ++d)
            if (weekdayBoxes.itemAt(d).checked)
                days.push(d + 1)
        page.message = ""
        routes.save(routeIdField.text, routeName.text, community.currentValue, department.currentValue,
                    active.checked, times.text, days.length === 7 ? [] : days, parseInt(tolerance.text) || 0)
    }

    component Heading: Text {
        property int share: 1
        Layout.fillWidth: true
        Layout.preferredWidth: share * 100
        font.pixelSize: Theme.fontSmall
        font.family: Theme.fontFamily
        font.bold: true
        color: Theme.muted
        elide: Text.ElideRight
    }

    tools: [
        AppButton {
            objectName: "addRoute"
            kind: "secondary"
            text: qsTr("Draw a route")
            onClicked: page.open("")
        },
        AppButton {
            kind: "quiet"
            text: qsTr("Refresh")
            onClicked: { routes.clearError(); routes.refresh() }
        }
    ]

    ErrorBanner {
        objectName: "routesError"
        Layout.fillWidth: true
        // Reasons about a field stand beside it; the others here.
        text: !page.editing || routes.errorField === "" ? routes.error : ""
    }

    // ---- the table
    Card {
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            Heading { share: 3; text: qsTr("Route") }
            Heading { share: 2; text: qsTr("Community") }
            Heading { share: 2; text: qsTr("Department") }
            Heading { text: qsTr("Checkpoints") }
            Heading { share: 2; text: qsTr("Due at") }
            Heading { text: qsTr("Status") }
        }
        Repeater {
            model: routes.routes
            delegate: ItemDelegate {
                id: route
                required property routeView row
                objectName: "routeRow-" + route.row.routeId
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                highlighted: page.editing && routes.editingId === route.row.routeId
                Accessible.name: route.row.name
                onClicked: page.open(route.row.routeId)
                contentItem: RowLayout {
                    spacing: 4
                    TableCell { share: 3; text: route.row.name }
                    TableCell { share: 2; text: route.row.communityName }
                    TableCell { share: 2; text: route.row.departmentName }
                    TableCell { text: route.row.checkpoints }
                    TableCell { share: 2; text: route.row.times === "" ? qsTr("when started") : route.row.times }
                    TableCell {
                        text: route.row.active ? qsTr("Active") : qsTr("Inactive")
                        color: route.row.active ? Theme.ok : Theme.muted
                    }
                }
            }
        }
        BodyText {
            visible: routes.routes.count === 0 && !routes.busy
            muted: true
            text: qsTr("No patrol routes yet.")
        }
    }

    // ---- the route being drawn or edited
    Card {
        objectName: "routeCard"
        visible: page.editing
        SectionTitle { text: page.isNew ? qsTr("A new route") : qsTr("Route %1").arg(routes.editingId) }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Id")
                hint: page.isNew ? qsTr("Letters, digits and dashes, e.g. route-garage; it cannot change later.") : ""
                required: true
                InputField { id: routeIdField; objectName: "routeId"; Accessible.name: qsTr("Id"); Layout.fillWidth: true; readOnly: !page.isNew }
                FieldMessage { source: routes; field: "id" }
            }
            FormField {
                Layout.preferredWidth: 200
                Layout.alignment: Qt.AlignTop
                label: qsTr("Name")
                required: true
                InputField { id: routeName; objectName: "routeName"; Accessible.name: qsTr("Name"); Layout.fillWidth: true }
                FieldMessage { source: routes; field: "name" }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Community")
                ComboBox {
                    id: community
                    objectName: "routeCommunity"
                    Accessible.name: qsTr("Community")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontBody
                    model: routes.communities
                    textRole: "name"
                    valueRole: "key"
                    onCountChanged: if (community.currentIndex < 0 && community.count > 0) community.currentIndex = 0
                }
                FieldMessage { source: routes; field: "community_id" }
            }
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Walked by")
                hint: qsTr("The department whose guards are told when a round is due or missed.")
                ComboBox {
                    id: department
                    objectName: "routeDepartment"
                    Accessible.name: qsTr("Walked by")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontBody
                    model: routes.departments
                    textRole: "name"
                    valueRole: "key"
                    onCountChanged: if (department.currentIndex < 0 && department.count > 0) department.currentIndex = 0
                }
                FieldMessage { source: routes; field: "department_id" }
            }
        }
        CheckBox {
            id: active
            objectName: "routeActive"
            text: qsTr("Active: guards may walk it, and its schedule makes rounds")
            font.pixelSize: Theme.fontBody
            checked: true
        }

        SectionTitle { text: qsTr("Schedule") }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 200
                Layout.alignment: Qt.AlignTop
                label: qsTr("Due at (times of day)")
                hint: qsTr("e.g. 22:00, 02:00; empty: rounds are walked when someone starts one.")
                InputField { id: times; objectName: "routeTimes"; Accessible.name: qsTr("Due at (times of day)"); Layout.fillWidth: true }
                FieldMessage { source: routes; field: "schedule" }
            }
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Tolerance (minutes)")
                hint: qsTr("A round started this long before or after its time counts; 5 to 180.")
                InputField { id: tolerance; objectName: "routeTolerance"; Accessible.name: qsTr("Tolerance (minutes)"); Layout.fillWidth: true; inputMethodHints: Qt.ImhDigitsOnly }
            }
        }
        RowLayout {
            spacing: 4
            BodyText { text: qsTr("On"); muted: true }
            Repeater {
                id: weekdayBoxes
                model: [qsTr("Mon"), qsTr("Tue"), qsTr("Wed"), qsTr("Thu"), qsTr("Fri"), qsTr("Sat"), qsTr("Sun")]
                delegate: CheckBox {
                    id: dayBox
                    required property string modelData
                    required property int index
                    objectName: "routeDay-" + (dayBox.index + 1)
                    text: dayBox.modelData
                    font.pixelSize: Theme.fontBody
                    checked: true
                }
            }
        }

        SectionTitle { text: qsTr("Checkpoints, in walking order") }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            Heading { text: "#" }
            Heading { share: 3; text: qsTr("Name") }
            Heading { share: 2; text: qsTr("Location") }
            Heading { share: 2; text: qsTr("Due after (min)") }
            Heading { share: 2; text: qsTr("Tolerance (min)") }
            Heading { share: 3; text: "" }
        }
        Repeater {
            model: routes.checkpoints
            delegate: RowLayout {
                id: checkpoint
                required property routeCheckpointView row
                required property int index
                objectName: "checkpoint-" + checkpoint.index
                Layout.fillWidth: true
                spacing: 4
                // Every keystroke goes into the route being edited, so nothing typed is lost when
                // the rows are reordered or saved.
                function commit() {
                    routes.setCheckpoint(checkpoint.index, cpName.text, cpLocation.text,
                                         parseInt(cpDue.text) || 0, parseInt(cpTolerance.text) || 0)
                }
                TableCell { text: String(checkpoint.index + 1); color: Theme.muted }
                InputField {
                    id: cpName
                    onTextEdited: checkpoint.commit()
                    objectName: "checkpointName-" + checkpoint.index
                    Accessible.name: qsTr("Checkpoint %1 name").arg(checkpoint.index + 1)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 300
                    text: checkpoint.row.name
                }
                InputField {
                    id: cpLocation
                    onTextEdited: checkpoint.commit()
                    objectName: "checkpointLocation-" + checkpoint.index
                    Accessible.name: qsTr("Checkpoint %1 location").arg(checkpoint.index + 1)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 200
                    text: checkpoint.row.location
                }
                InputField {
                    id: cpDue
                    onTextEdited: checkpoint.commit()
                    objectName: "checkpointDue-" + checkpoint.index
                    Accessible.name: qsTr("Checkpoint %1 due after minutes").arg(checkpoint.index + 1)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 200
                    inputMethodHints: Qt.ImhDigitsOnly
                    text: String(checkpoint.row.dueAfter)
                }
                InputField {
                    id: cpTolerance
                    onTextEdited: checkpoint.commit()
                    objectName: "checkpointTolerance-" + checkpoint.index
                    Accessible.name: qsTr("Checkpoint %1 tolerance minutes").arg(checkpoint.index + 1)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 200
                    inputMethodHints: Qt.ImhDigitsOnly
                    text: String(checkpoint.row.tolerance)
                }
                RowLayout {
                    spacing: 2
                    AppButton { objectName: "checkpointUp-" + checkpoint.index; kind: "quiet"; text: "↑"; Accessible.name: qsTr("Earlier"); enabled: checkpoint.index > 0; onClicked: { routes.moveCheckpoint(checkpoint.index, -1) } }
                    AppButton { objectName: "checkpointDown-" + checkpoint.index; kind: "quiet"; text: "↓"; Accessible.name: qsTr("Later"); enabled: checkpoint.index < routes.checkpoints.count - 1; onClicked: { routes.moveCheckpoint(checkpoint.index, 1) } }
                    AppButton { objectName: "checkpointRemove-" + checkpoint.index; kind: "quiet"; text: qsTr("Remove"); enabled: routes.checkpoints.count > 1; onClicked: { routes.removeCheckpoint(checkpoint.index) } }
                }
            }
        }
        FieldMessage { source: routes; field: "checkpoints" }
        AppButton {
            objectName: "addCheckpoint"
            kind: "quiet"
            text: qsTr("Add a checkpoint")
            onClicked: { routes.addCheckpoint() }
        }
        BodyText {
            objectName: "routeMessage"
            Layout.fillWidth: true
            visible: page.message !== ""
            text: page.message
            color: Theme.ok
            font.bold: true
        }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "saveRoute"
                text: qsTr("Save the route")
                enabled: !routes.busy
                onClicked: page.save()
            }
            AppButton {
                objectName: "printSheet"
                kind: "secondary"
                text: qsTr("Print the QR sheet…")
                enabled: !page.isNew
                onClicked: sheetDialog.open()
            }
            AppButton {
                kind: "quiet"
                text: qsTr("Close")
                onClicked: { page.editing = false; routes.clearError() }
            }
        }
    }

    FileDialog {
        id: sheetDialog
        title: qsTr("Save the QR sheet as PDF")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("PDF files (*.pdf)")]
        defaultSuffix: "pdf"
        onAccepted: {
            if (routes.printSheet(routes.editingId, sheetDialog.selectedFile))
                page.message = qsTr("The QR sheet is in %1: print it and put each code up at its checkpoint.").arg(sheetDialog.selectedFile)
        }
    }
}
