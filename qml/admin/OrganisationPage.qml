pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Offices and departments: the company's management offices (each runs some communities) and
// its departments (customer service, engineering, security… — each of an office, or of the
// company), by office and name; adding one, or choosing one to rename it or move it. The server
// checks each change with `init`'s rules; a refusal appears beside its field and changes nothing.
PageScaffold {
    id: page
    objectName: "organisationPage"
    heading: qsTr("Offices and departments")
    readonly property CommunityAdmin controller: places // for tests

    CommunityAdmin { id: places }
    Component.onCompleted: places.refresh()

    // The form the last change came from ("office", "department"): its refusal stands beside it.
    property string form: ""
    // The office and the department being changed ("": a new one).
    property string officeId: ""
    property string departmentId: ""
    property string message: ""

    function kindText(k) {
        switch (k) {
        case "customer_service": return qsTr("Customer service")
        case "engineering": return qsTr("Engineering")
        case "security": return qsTr("Security")
        case "cleaning": return qsTr("Cleaning")
        case "landscaping": return qsTr("Landscaping")
        case "developer_cs": return qsTr("Developer's customer service")
        case "management": return qsTr("Management")
        }
        return k
    }
    function officeChoices() {
        const out = [{ value: "", text: qsTr("The company (no office)") }]
        for (let i = 0; i < places.offices.count; ++i) {
            const o = places.offices.get(i)
            out.push({ value: o.key, text: o.name })
        }
        return out
    }
    function kindChoices() {
        const out = []
        for (const k of Guidance.departmentKinds)
            out.push({ value: k, text: page.kindText(k) })
        return out
    }

    Connections {
        target: places
        function onSaved(what: string) {
            if (what === "office") {
                page.message = qsTr("Office %1 saved.").arg(officeName.text.trim())
                page.officeId = ""
                officeIdField.text = officeName.text = ""
            } else if (what === "department") {
                page.message = qsTr("Department %1 saved.").arg(departmentName.text.trim())
                page.departmentId = ""
                departmentIdField.text = departmentName.text = ""
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
            kind: "quiet"
            text: qsTr("Refresh")
            onClicked: { page.form = ""; places.clearError(); places.refresh() }
        }
    ]

    ErrorBanner {
        objectName: "organisationError"
        Layout.fillWidth: true
        text: page.form === "" || places.errorField === "" ? places.error : ""
    }
    BodyText {
        objectName: "organisationMessage"
        visible: page.message !== ""
        text: page.message
        color: Theme.ok
    }

    // ---- offices
    Card {
        SectionTitle { text: qsTr("Management offices") }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            TableCell { share: 3; text: qsTr("Name"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            TableCell { share: 2; text: qsTr("Id"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
        }
        Repeater {
            model: places.offices
            delegate: ItemDelegate {
                id: office
                required property string key
                required property string name
                objectName: "officeRow-" + office.key
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                highlighted: page.officeId === office.key
                Accessible.name: office.name
                onClicked: {
                    page.form = ""
                    page.message = ""
                    places.clearError()
                    page.officeId = office.key
                    officeIdField.text = office.key
                    officeName.text = office.name
                }
                contentItem: RowLayout {
                    spacing: 4
                    TableCell { share: 3; text: office.name }
                    TableCell { share: 2; text: office.key; color: Theme.muted }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Id")
                hint: page.officeId === "" ? qsTr("Letters, digits and dashes, e.g. of-east; it cannot change later.") : ""
                required: true
                InputField {
                    id: officeIdField
                    objectName: "officeId"
                    Accessible.name: qsTr("Office id")
                    Layout.fillWidth: true
                    readOnly: page.officeId !== ""
                }
                FormMessage { of: "office"; field: "id" }
            }
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Name")
                required: true
                InputField { id: officeName; objectName: "officeName"; Accessible.name: qsTr("Office name"); Layout.fillWidth: true }
                FormMessage { of: "office"; field: "name" }
            }
        }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "saveOffice"
                text: page.officeId === "" ? qsTr("Add the office") : qsTr("Rename")
                enabled: !places.busy
                onClicked: { page.form = "office"; page.message = ""; places.saveOffice(officeIdField.text, officeName.text) }
            }
            AppButton {
                visible: page.officeId !== ""
                kind: "quiet"
                text: qsTr("New office")
                onClicked: { page.officeId = ""; officeIdField.text = officeName.text = ""; places.clearError() }
            }
        }
    }

    // ---- departments
    Card {
        SectionTitle { text: qsTr("Departments") }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            TableCell { share: 3; text: qsTr("Name"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            TableCell { share: 2; text: qsTr("Id"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            TableCell { share: 2; text: qsTr("Kind"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            TableCell { share: 2; text: qsTr("Office"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
        }
        Repeater {
            model: places.departments
            delegate: ItemDelegate {
                id: department
                required property departmentView row
                objectName: "departmentRow-" + department.row.departmentId
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                highlighted: page.departmentId === department.row.departmentId
                Accessible.name: department.row.name
                onClicked: {
                    page.form = ""
                    page.message = ""
                    places.clearError()
                    page.departmentId = department.row.departmentId
                    departmentIdField.text = department.row.departmentId
                    departmentName.text = department.row.name
                    departmentKind.currentIndex = departmentKind.indexOfValue(department.row.kind)
                    departmentOffice.currentIndex = departmentOffice.indexOfValue(department.row.officeId)
                }
                contentItem: RowLayout {
                    spacing: 4
                    TableCell { share: 3; text: department.row.name }
                    TableCell { share: 2; text: department.row.departmentId; color: Theme.muted }
                    TableCell { share: 2; text: page.kindText(department.row.kind) }
                    TableCell { share: 2; text: department.row.officeId === "" ? qsTr("The company") : department.row.officeName }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Id")
                required: true
                InputField {
                    id: departmentIdField
                    objectName: "departmentId"
                    Accessible.name: qsTr("Department id")
                    Layout.fillWidth: true
                    readOnly: page.departmentId !== ""
                }
                FormMessage { of: "department"; field: "id" }
            }
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Name")
                required: true
                InputField { id: departmentName; objectName: "departmentName"; Accessible.name: qsTr("Department name"); Layout.fillWidth: true }
                FormMessage { of: "department"; field: "name" }
            }
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Kind")
                ComboBox {
                    id: departmentKind
                    objectName: "departmentKind"
                    Accessible.name: qsTr("Kind")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontBody
                    model: page.kindChoices()
                    textRole: "text"
                    valueRole: "value"
                }
                FormMessage { of: "department"; field: "kind" }
            }
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Office")
                ComboBox {
                    id: departmentOffice
                    objectName: "departmentOffice"
                    Accessible.name: qsTr("Office")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontBody
                    model: places.offices.count >= 0 ? page.officeChoices() : []
                    textRole: "text"
                    valueRole: "value"
                }
                FormMessage { of: "department"; field: "office_id" }
            }
        }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "saveDepartment"
                text: page.departmentId === "" ? qsTr("Add the department") : qsTr("Save")
                enabled: !places.busy
                onClicked: {
                    page.form = "department"
                    page.message = ""
                    places.saveDepartment(departmentIdField.text, departmentName.text, departmentKind.currentValue,
                                          departmentOffice.currentValue)
                }
            }
            AppButton {
                visible: page.departmentId !== ""
                kind: "quiet"
                text: qsTr("New department")
                onClicked: { page.departmentId = ""; departmentIdField.text = departmentName.text = ""; places.clearError() }
            }
        }
    }
}
