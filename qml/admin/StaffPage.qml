pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Staff: everyone the company has, in a table that sorts (tap a column's heading) and filters;
// adding a person, moving them (department, communities, role, position), deactivating or
// activating them, and setting a new PIN. A PIN is typed here and sent; it is never shown. The
// server checks each change as `init` would and a refusal appears beside the field it names.
PageScaffold {
    id: page
    objectName: "staffPage"
    heading: qsTr("Staff")
    readonly property StaffAdmin controller: staff // for tests

    StaffAdmin { id: staff }
    Component.onCompleted: staff.refresh()

    property bool adding: false
    property string selectedId: ""
    // The person being edited, as last listed.
    readonly property staffView selected: staff.total >= 0 ? staff.find(page.selectedId) : staff.find("")
    property string pinMessage: ""

    function roleChoices() {
        const out = []
        for (const r of staff.roles)
            out.push({ value: r, text: Labels.role(r) })
        return out
    }
    function positionChoices() {
        const out = []
        for (const p of staff.positions)
            out.push({ value: p, text: Labels.position(p) })
        return out
    }

    Connections {
        target: staff
        function onSaved(what: string) {
            if (what === "create") {
                page.adding = false
                number.text = name.text = newPin.text = ""
                newCommunities.choose([])
            } else if (what === "pin") {
                page.pinMessage = qsTr("The new PIN is set. Every earlier sign-in of this person is withdrawn; they sign in online with the new PIN.")
            }
        }
    }

    component Choice: ComboBox {
        implicitHeight: Theme.touch
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        textRole: "text"
        valueRole: "value"
    }

    tools: [
        AppButton {
            objectName: "addStaff"
            kind: "secondary"
            text: qsTr("Add a person")
            onClicked: { page.adding = true; page.selectedId = ""; staff.clearError() }
        },
        AppButton {
            kind: "quiet"
            text: qsTr("Refresh")
            onClicked: staff.refresh()
        }
    ]

    ErrorBanner {
        objectName: "staffError"
        Layout.fillWidth: true
        // Reasons about a field stand beside it; the others here.
        text: staff.errorField === "" || (!page.adding && page.selectedId === "") ? staff.error : ""
    }

    // ---- a new person
    Card {
        objectName: "createCard"
        visible: page.adding
        SectionTitle { text: qsTr("A new person") }
        FormField {
            label: qsTr("Staff number")
            required: true
            InputField { id: number; objectName: "newNumber"; Accessible.name: qsTr("Staff number"); Layout.fillWidth: true }
            FieldMessage { source: staff; field: "number" }
            FieldMessage { source: staff; field: "id" }
        }
        FormField {
            label: qsTr("Name")
            required: true
            InputField { id: name; objectName: "newName"; Accessible.name: qsTr("Name"); Layout.fillWidth: true }
            FieldMessage { source: staff; field: "name" }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                label: qsTr("Role")
                Choice { id: newRole; objectName: "newRole"; Accessible.name: qsTr("Role"); model: page.roleChoices() }
                FieldMessage { source: staff; field: "role" }
            }
            FormField {
                label: qsTr("Position")
                Choice { id: newPosition; objectName: "newPosition"; Accessible.name: qsTr("Position"); model: page.positionChoices() }
                FieldMessage { source: staff; field: "position" }
            }
            FormField {
                label: qsTr("Department")
                Choice {
                    id: newDepartment
                    objectName: "newDepartment"
                    Accessible.name: qsTr("Department")
                    model: staff.departments
                    textRole: "name"
                    valueRole: "key"
                }
                FieldMessage { source: staff; field: "department_id" }
            }
        }
        FormField {
            label: qsTr("Communities")
            hint: qsTr("None ticked: every community (company-level staff).")
            CommunityChecks { id: newCommunities; model: staff.communities }
            FieldMessage { source: staff; field: "community_ids" }
        }
        FormField {
            label: qsTr("First PIN")
            hint: qsTr("Tell it to the person in private; they can change it on any tablet.")
            InputField { id: newPin; objectName: "newPin"; Accessible.name: qsTr("First PIN"); Layout.fillWidth: true; echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly }
            FieldMessage { source: staff; field: "pin" }
        }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "createStaff"
                text: qsTr("Add")
                enabled: !staff.busy
                onClicked: staff.create(number.text, name.text, newRole.currentValue, newPosition.currentValue,
                                        newDepartment.currentValue, newCommunities.chosen(), newPin.text)
            }
            AppButton {
                kind: "quiet"
                text: qsTr("Cancel")
                onClicked: { page.adding = false; staff.clearError() }
            }
        }
    }

    // ---- the table
    Card {
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            InputField {
                id: filterField
                objectName: "staffFilter"
                Accessible.name: qsTr("Filter")
                placeholderText: qsTr("Filter by number, name, department, role or community")
                Layout.fillWidth: true
                onTextChanged: staff.filter = text
            }
            BodyText {
                muted: true
                text: qsTr("%1 of %2").arg(staff.staff.count).arg(staff.total)
            }
        }
        // Headings: tap to sort, again to turn the order round.
        SortHeadings {
            columns: [
                { key: "number", text: qsTr("Number"), width: 1 },
                { key: "name", text: qsTr("Name"), width: 2 },
                { key: "department", text: qsTr("Department"), width: 2 },
                { key: "role", text: qsTr("Role"), width: 1 },
                { key: "communities", text: qsTr("Communities"), width: 2, sortable: false },
                { key: "active", text: qsTr("Status"), width: 1 }
            ]
            sortKey: staff.sortKey
            descending: staff.descending
            onSortBy: (key) => staff.sortBy(key)
        }
        Repeater {
            model: staff.staff
            delegate: ItemDelegate {
                id: person
                required property staffView row
                objectName: "staffRow-" + person.row.number
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                highlighted: page.selectedId === person.row.staffId
                Accessible.name: person.row.number + " " + person.row.name
                onClicked: {
                    page.adding = false
                    page.selectedId = person.row.staffId
                    page.pinMessage = ""
                    staff.clearError()
                    moveDepartment.currentIndex = moveDepartment.indexOfValue(person.row.departmentId)
                    moveRole.currentIndex = moveRole.indexOfValue(person.row.role)
                    movePosition.currentIndex = movePosition.indexOfValue(person.row.position)
                    moveCommunities.choose(person.row.communityIds)
                }
                contentItem: RowLayout {
                    spacing: 4
                    TableCell { text: person.row.number }
                    TableCell { share: 2; text: person.row.name }
                    TableCell { share: 2; text: person.row.departmentName }
                    TableCell { text: Labels.role(person.row.role) }
                    TableCell { share: 2; text: person.row.communityNames }
                    TableCell {
                        text: person.row.active ? qsTr("Active") : qsTr("Deactivated")
                        color: person.row.active ? Theme.ok : Theme.muted
                    }
                }
            }
        }
        MoreRows {
            matching: staff.matching
            shown: staff.shownCount
            onShowMore: staff.showMore()
        }
        BodyText {
            visible: staff.staff.count === 0 && !staff.busy
            muted: true
            text: staff.total === 0 ? qsTr("No staff listed yet.") : qsTr("Nobody matches the filter.")
        }
    }

    // ---- the person chosen in the table
    Card {
        objectName: "editCard"
        visible: page.selectedId !== "" && page.selected.staffId !== ""
        SectionTitle { text: qsTr("%1 · %2").arg(page.selected.number).arg(page.selected.name) }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                label: qsTr("Department")
                Choice { id: moveDepartment; Accessible.name: qsTr("Department"); model: staff.departments; textRole: "name"; valueRole: "key" }
            }
            FormField {
                label: qsTr("Role")
                Choice { id: moveRole; Accessible.name: qsTr("Role"); model: page.roleChoices() }
            }
            FormField {
                label: qsTr("Position")
                Choice { id: movePosition; Accessible.name: qsTr("Position"); model: page.positionChoices() }
            }
        }
        FormField {
            label: qsTr("Communities")
            hint: qsTr("None ticked: every community (company-level staff).")
            CommunityChecks { id: moveCommunities; model: staff.communities }
        }
        FieldMessage { source: staff; field: "department_id" }
        FieldMessage { source: staff; field: "community_ids" }
        FieldMessage { source: staff; field: "role" }
        FieldMessage { source: staff; field: "position" }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "moveStaff"
                text: qsTr("Save the move")
                enabled: !staff.busy
                onClicked: staff.move(page.selectedId, moveDepartment.currentValue, moveCommunities.chosen(),
                                      moveRole.currentValue, movePosition.currentValue)
            }
            AppButton {
                objectName: "toggleActive"
                kind: page.selected.active ? "danger" : "secondary"
                text: page.selected.active ? qsTr("Deactivate") : qsTr("Activate")
                enabled: !staff.busy
                onClicked: staff.setActive(page.selectedId, !page.selected.active)
            }
        }
        SectionTitle { text: qsTr("A new PIN") }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            InputField {
                id: resetPin
                objectName: "resetPin"
                Accessible.name: qsTr("New PIN")
                placeholderText: qsTr("New PIN")
                Layout.fillWidth: true
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
            }
            AppButton {
                objectName: "resetPinButton"
                kind: "secondary"
                text: qsTr("Set the PIN")
                enabled: !staff.busy && resetPin.text !== ""
                onClicked: { page.pinMessage = ""; staff.resetPin(page.selectedId, resetPin.text); resetPin.text = "" }
            }
        }
        FieldMessage { source: staff; field: "pin" }
        BodyText { visible: page.pinMessage !== ""; Layout.fillWidth: true; text: page.pinMessage }
    }
}
