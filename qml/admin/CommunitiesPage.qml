pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Communities: every community the company has, in a table that sorts (tap a column's heading)
// and filters, with its office, time zone, calendar and how many buildings, units and occupied
// units it has; adding a community; and, for the community chosen in the table, its buildings,
// adding a building, and importing its unit roster from CSV (a file chosen or text pasted). The
// server checks each change as `init` would and stores a roster whole or not at all; a refusal
// appears beside the field or the import it is about, and nothing changes then.
PageScaffold {
    id: page
    objectName: "communitiesPage"
    heading: qsTr("Communities")
    readonly property CommunityAdmin controller: places // for tests

    CommunityAdmin { id: places }
    Component.onCompleted: places.refresh()

    property bool adding: false
    // The form the last change came from ("create", "building", "import"): its refusal stands beside it.
    property string form: ""
    readonly property communityView selected: places.total >= 0 ? places.find(places.selectedId) : places.find("")
    property string buildingMessage: ""
    property string csvName: "" // the file last read into the import box

    Connections {
        target: places
        function onSaved(what: string) {
            if (what === "create") {
                page.adding = false
                places.selectedId = newId.text.trim()
                newId.text = newName.text = ""
            } else if (what === "building") {
                page.buildingMessage = qsTr("Building %1 added.").arg(buildingName.text.trim())
                buildingName.text = ""
            }
        }
    }

    component FormMessage: FieldMessage {
        property string of: ""
        source: places
        visible: page.form === of && text !== ""
    }

    tools: [
        AppButton {
            objectName: "addCommunity"
            kind: "secondary"
            text: qsTr("Add a community")
            onClicked: { page.adding = true; page.form = "create"; places.clearError() }
        },
        AppButton {
            kind: "quiet"
            text: qsTr("Refresh")
            onClicked: { page.form = ""; places.clearError(); places.refresh() }
        }
    ]

    ErrorBanner {
        objectName: "communitiesError"
        Layout.fillWidth: true
        // Reasons about a field stand beside it (the import's beside the import); the others here.
        text: page.form === "" || (places.errorField === "" && page.form !== "import") ? places.error : ""
    }

    // ---- a new community
    Card {
        objectName: "createCard"
        visible: page.adding
        SectionTitle { text: qsTr("A new community") }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 100 // equal shares, whatever the hints
                Layout.alignment: Qt.AlignTop
                label: qsTr("Id")
                hint: qsTr("Letters, digits and dashes, e.g. cm-harbour; it cannot change later.")
                required: true
                InputField { id: newId; objectName: "newCommunityId"; Accessible.name: qsTr("Id"); Layout.fillWidth: true }
                FormMessage { of: "create"; field: "id" }
            }
            FormField {
                Layout.preferredWidth: 100 // equal shares, whatever the hints
                Layout.alignment: Qt.AlignTop
                label: qsTr("Name")
                required: true
                InputField { id: newName; objectName: "newCommunityName"; Accessible.name: qsTr("Name"); Layout.fillWidth: true }
                FormMessage { of: "create"; field: "name" }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 100 // equal shares, whatever the hints
                Layout.alignment: Qt.AlignTop
                label: qsTr("Office")
                ComboBox {
                    id: newOffice
                    objectName: "newCommunityOffice"
                    Accessible.name: qsTr("Office")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontBody
                    model: places.offices
                    textRole: "name"
                    valueRole: "key"
                    // The offices arrive after the box is made: the first is the choice until another is made.
                    onCountChanged: if (newOffice.currentIndex < 0 && newOffice.count > 0) newOffice.currentIndex = 0
                }
                FormMessage { of: "create"; field: "office_id" }
            }
            FormField {
                Layout.preferredWidth: 100 // equal shares, whatever the hints
                Layout.alignment: Qt.AlignTop
                label: qsTr("Time zone")
                InputField { id: newZone; objectName: "newCommunityZone"; Accessible.name: qsTr("Time zone"); Layout.fillWidth: true; text: "Asia/Shanghai" }
                FormMessage { of: "create"; field: "time_zone" }
            }
            FormField {
                Layout.preferredWidth: 100 // equal shares, whatever the hints
                Layout.alignment: Qt.AlignTop
                label: qsTr("Calendar")
                hint: qsTr("A calendar the company has not defined starts as the built-in mainland one.")
                InputField { id: newCalendar; objectName: "newCommunityCalendar"; Accessible.name: qsTr("Calendar"); Layout.fillWidth: true; text: "cn-mainland" }
                FormMessage { of: "create"; field: "calendar_id" }
            }
        }
        FormMessage { of: "create"; field: "community" }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "createCommunity"
                text: qsTr("Add")
                enabled: !places.busy
                onClicked: {
                    page.form = "create"
                    places.create(newId.text, newOffice.currentValue, newName.text, newZone.text, newCalendar.text)
                }
            }
            AppButton {
                kind: "quiet"
                text: qsTr("Cancel")
                onClicked: { page.adding = false; page.form = ""; places.clearError() }
            }
        }
    }

    // ---- the table
    Card {
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            InputField {
                objectName: "communityFilter"
                Accessible.name: qsTr("Filter")
                placeholderText: qsTr("Filter by id, name, office, time zone or calendar")
                Layout.fillWidth: true
                onTextChanged: places.filter = text
            }
            BodyText {
                muted: true
                text: qsTr("%1 of %2").arg(places.communities.count).arg(places.total)
            }
        }
        // Headings: tap to sort, again to turn the order round.
        SortHeadings {
            columns: [
                { key: "name", text: qsTr("Name"), width: 3 },
                { key: "id", text: qsTr("Id"), width: 2 },
                { key: "office", text: qsTr("Office"), width: 2 },
                { key: "time_zone", text: qsTr("Time zone"), width: 2 },
                { key: "calendar", text: qsTr("Calendar"), width: 2 },
                { key: "buildings", text: qsTr("Buildings"), width: 1 },
                { key: "units", text: qsTr("Units"), width: 1 },
                { key: "occupied", text: qsTr("Occupied"), width: 1 }
            ]
            sortKey: places.sortKey
            descending: places.descending
            onSortBy: (key) => places.sortBy(key)
        }
        Repeater {
            model: places.communities
            delegate: ItemDelegate {
                id: community
                required property communityView row
                objectName: "communityRow-" + community.row.communityId
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                highlighted: places.selectedId === community.row.communityId
                Accessible.name: community.row.name + " " + community.row.communityId
                onClicked: {
                    page.adding = false
                    page.form = ""
                    page.buildingMessage = ""
                    places.clearError()
                    places.selectedId = community.row.communityId
                }
                contentItem: RowLayout {
                    spacing: 4
                    TableCell { share: 3; text: community.row.name }
                    TableCell { share: 2; text: community.row.communityId; color: Theme.muted }
                    TableCell { share: 2; text: community.row.officeName }
                    TableCell { share: 2; text: community.row.timeZone }
                    TableCell { share: 2; text: community.row.calendarId }
                    TableCell { text: community.row.buildings }
                    TableCell { text: community.row.units }
                    TableCell { text: community.row.occupied }
                }
            }
        }
        MoreRows {
            matching: places.matching
            shown: places.shownCount
            onShowMore: places.showMore()
        }
        BodyText {
            visible: places.communities.count === 0 && !places.busy
            muted: true
            text: places.total === 0 ? qsTr("No communities yet.") : qsTr("No community matches the filter.")
        }
        BodyText {
            visible: places.communities.count > 0 && places.selectedId === ""
            muted: true
            text: qsTr("Choose a community for its buildings and its unit roster.")
        }
    }

    // ---- the community chosen in the table
    Card {
        objectName: "communityCard"
        visible: places.selectedId !== "" && page.selected.communityId !== ""
        SectionTitle { text: qsTr("%1 · %2").arg(page.selected.name).arg(page.selected.communityId) }
        BodyText {
            objectName: "communityCounts"
            Layout.fillWidth: true
            muted: true
            text: qsTr("%1 buildings, %2 units, %3 occupied").arg(page.selected.buildings).arg(page.selected.units).arg(page.selected.occupied)
        }
        SectionTitle { text: qsTr("Buildings") }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: places.buildings
                delegate: Rectangle {
                    id: chip
                    required property string key
                    required property string name
                    objectName: "building-" + chip.name
                    implicitWidth: chipText.implicitWidth + 24
                    implicitHeight: chipText.implicitHeight + 12
                    radius: Theme.radius
                    color: Theme.paper
                    border.color: Theme.line
                    Text {
                        id: chipText
                        anchors.centerIn: parent
                        text: chip.name
                        font.pixelSize: Theme.fontBody
                        font.family: Theme.fontFamily
                        color: Theme.ink
                    }
                }
            }
        }
        BodyText {
            visible: places.buildings.count === 0
            muted: true
            text: qsTr("No buildings yet: add them before importing units.")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            InputField {
                id: buildingName
                objectName: "newBuildingName"
                Accessible.name: qsTr("Building name")
                placeholderText: qsTr("Building name, as the roster writes it (e.g. 3栋)")
                Layout.fillWidth: true
            }
            AppButton {
                objectName: "addBuilding"
                kind: "secondary"
                text: qsTr("Add a building")
                enabled: !places.busy && buildingName.text.trim() !== ""
                onClicked: {
                    page.form = "building"
                    page.buildingMessage = ""
                    places.addBuilding(places.selectedId, buildingName.text)
                }
            }
        }
        FormMessage { of: "building"; field: "name" }
        FormMessage { of: "building"; field: "id" }
        BodyText {
            objectName: "buildingAdded"
            visible: page.buildingMessage !== "" && page.form === "building" && places.error === ""
            Layout.fillWidth: true
            color: Theme.ok
            text: page.buildingMessage
        }

        SectionTitle { text: qsTr("Import units from CSV") }
        BodyText {
            Layout.fillWidth: true
            muted: true
            text: qsTr("A header row, then one unit a line. Columns: building (楼栋), unit (房号), and optionally floor (楼层), owner (业主), phone (电话), occupied (入住: 是/否). Every building must exist already; a unit already there (same building and number) is updated. The roster is stored whole or not at all.")
        }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "chooseCsv"
                kind: "secondary"
                text: qsTr("Choose a file…")
                onClicked: csvFile.open()
            }
            BodyText {
                objectName: "csvFileName"
                muted: true
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                text: page.csvName
            }
        }
        TextBox {
            id: csvText
            objectName: "csvText"
            accessibleName: qsTr("Unit roster (CSV)")
            placeholderText: qsTr("…or paste the CSV here")
            Layout.fillWidth: true
            minLines: 4
        }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "importUnits"
                text: qsTr("Import units")
                enabled: !places.busy && csvText.text.trim() !== ""
                onClicked: {
                    page.form = "import"
                    places.importUnits(places.selectedId, csvText.text)
                }
            }
        }
        Text {
            objectName: "importError"
            visible: text !== ""
            text: page.form === "import" ? places.error : ""
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
            font.family: Theme.fontFamily
            font.bold: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        BodyText {
            objectName: "importResult"
            Layout.fillWidth: true
            visible: page.form === "import" && places.error === "" && places.importCreated >= 0
            color: Theme.ok
            font.bold: true
            text: qsTr("Imported: %1 units added, %2 changed, %3 unchanged.").arg(places.importCreated).arg(places.importUpdated).arg(places.importUnchanged)
        }
    }

    FileDialog {
        id: csvFile
        title: qsTr("A unit roster (CSV)")
        nameFilters: [qsTr("CSV files (*.csv *.txt)"), qsTr("All files (*)")]
        onAccepted: {
            page.form = ""
            const text = places.readFile(csvFile.selectedFile)
            if (text !== "") {
                csvText.text = text
                const path = String(csvFile.selectedFile)
                page.csvName = path.substring(path.lastIndexOf("/") + 1)
            }
        }
    }
}
