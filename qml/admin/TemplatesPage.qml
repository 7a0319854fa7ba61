pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Inspection templates: the checklists inspectors grade on the tablet, in a table that filters
// (by where a template applies and by name) and sorts (tap a column's heading). Choose one to
// edit it, or start a new one: its name, kind, what it inspects, where it applies, its grading
// scale (each grade's id, label and whether it passes) and its items in the order the inspector
// meets them. Save sends the template whole; the server keeps each item's id while it stays on
// the template. A refusal stands beside the field it names and nothing changes. An inspection
// under way keeps the items it started with.
PageScaffold {
    id: page
    objectName: "templatesPage"
    heading: qsTr("Inspection templates")
    readonly property TemplateAdmin controller: templates // for tests

    TemplateAdmin { id: templates }
    Component.onCompleted: templates.refresh()

    property bool editing: false
    // A template to open once the list has come (the screenshots show the editor).
    property string openOnLoad: ""
    readonly property bool isNew: templates.editingId === ""
    property string message: ""

    Connections {
        target: templates
        function onSaved(what: string) {
            if (what === "save")
                page.message = qsTr("Saved. Tablets get the template at their next sync; inspections already started keep their items.")
        }
        function onFailed(what: string) { page.message = "" }
        function onListChanged() {
            if (page.openOnLoad !== "" && templates.find(page.openOnLoad).templateId !== "") {
                page.open(page.openOnLoad)
                page.openOnLoad = ""
            }
        }
    }

    // Fills the form with a listed template, or empties it for a new one.
    function open(templateId: string) {
        const t = templates.find(templateId)
        templateIdField.text = templateId
        templateName.text = t.name
        kind.currentIndex = Math.max(0, kind.find(templateId === "" ? "custom" : t.kind))
        subject.currentIndex = Math.max(0, subject.find(templateId === "" ? "area" : t.subject))
        place.currentIndex = Math.max(0, place.indexOfValue(t.communityId))
        active.checked = templateId === "" || t.active
        page.message = ""
        templates.edit(templateId)
        page.editing = true
    }
    function save() {
        page.message = ""
        templates.save(templateIdField.text, templateName.text, kind.currentText, subject.currentText,
                       place.currentValue, active.checked)
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
    // A picker of domain ids (kinds, subjects), each shown by its label.
    component IdPicker: ComboBox {
        id: picker
        property string group: ""
        implicitHeight: Theme.touch
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        displayText: Labels.word(picker.group, picker.currentText)
        delegate: ItemDelegate {
            id: choice
            required property string modelData
            required property int index
            width: picker.width
            text: Labels.word(picker.group, choice.modelData)
            font.pixelSize: Theme.fontBody
            highlighted: picker.highlightedIndex === choice.index
        }
    }

    tools: [
        AppButton {
            objectName: "addTemplate"
            kind: "secondary"
            text: qsTr("New template")
            onClicked: page.open("")
        },
        AppButton {
            objectName: "refreshTemplates"
            kind: "quiet"
            text: qsTr("Refresh")
            onClicked: { templates.clearError(); templates.refresh() }
        }
    ]

    ErrorBanner {
        objectName: "templatesError"
        Layout.fillWidth: true
        // Reasons about a field stand beside it; the others (the server out of reach) here.
        text: !page.editing || templates.errorField === "" ? templates.error : ""
    }

    // ---- the table
    Card {
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ComboBox {
                id: scope
                objectName: "templateScope"
                Accessible.name: qsTr("Where it applies")
                implicitHeight: Theme.touch
                Layout.preferredWidth: 260
                font.pixelSize: Theme.fontBody
                model: templates.scopes
                textRole: "name"
                valueRole: "key"
                onActivated: templates.scope = scope.currentValue
                // The choices come with the list: show the controller's scope once they do.
                onCountChanged: scope.currentIndex = Math.max(0, scope.indexOfValue(templates.scope))
            }
            InputField {
                objectName: "templateFilter"
                Accessible.name: qsTr("Filter")
                placeholderText: qsTr("Filter by name or id")
                Layout.fillWidth: true
                onTextChanged: templates.filter = text
            }
            BodyText {
                muted: true
                text: qsTr("%1 of %2").arg(templates.templates.count).arg(templates.total)
            }
        }
        // Headings: tap to sort, again to turn the order round.
        SortHeadings {
            columns: [
                { key: "name", text: qsTr("Template"), width: 3 },
                { key: "kind", text: qsTr("Kind"), width: 2 },
                { key: "community", text: qsTr("Applies to"), width: 2 },
                { key: "items", text: qsTr("Items"), width: 1 },
                { key: "active", text: qsTr("Status"), width: 1 }
            ]
            sortKey: templates.sortKey
            descending: templates.descending
            onSortBy: (key) => templates.sortBy(key)
        }
        Repeater {
            model: templates.templates
            delegate: ItemDelegate {
                id: listed
                required property templateView row
                objectName: "templateRow-" + listed.row.templateId
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                highlighted: page.editing && templates.editingId === listed.row.templateId
                Accessible.name: listed.row.name
                onClicked: page.open(listed.row.templateId)
                contentItem: RowLayout {
                    spacing: 4
                    TableCell { share: 3; text: listed.row.name }
                    TableCell { share: 2; text: Labels.inspectionKind(listed.row.kind) }
                    TableCell { share: 2; text: listed.row.communityName }
                    TableCell { text: listed.row.items }
                    TableCell {
                        text: listed.row.active ? qsTr("Active") : qsTr("Inactive")
                        color: listed.row.active ? Theme.ok : Theme.muted
                    }
                }
            }
        }
        MoreRows {
            matching: templates.matching
            shown: templates.shownCount
            onShowMore: templates.showMore()
        }
        BodyText {
            visible: templates.templates.count === 0 && !templates.busy
            muted: true
            text: templates.total === 0 ? qsTr("No inspection templates yet.") : qsTr("No template matches the filter.")
        }
    }

    // ---- the template being written or edited
    Card {
        objectName: "templateCard"
        visible: page.editing
        SectionTitle { text: page.isNew ? qsTr("A new template") : qsTr("Template %1").arg(templates.editingId) }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Id")
                hint: page.isNew ? qsTr("Letters, digits and dashes, e.g. t-lobby; it cannot change later.") : ""
                required: true
                InputField { id: templateIdField; objectName: "templateId"; Accessible.name: qsTr("Id"); Layout.fillWidth: true; readOnly: !page.isNew }
                FieldMessage { source: templates; field: "id" }
            }
            FormField {
                Layout.preferredWidth: 200
                Layout.alignment: Qt.AlignTop
                label: qsTr("Name")
                required: true
                InputField { id: templateName; objectName: "templateName"; Accessible.name: qsTr("Name"); Layout.fillWidth: true }
                FieldMessage { source: templates; field: "name" }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Kind")
                IdPicker { id: kind; objectName: "templateKind"; Accessible.name: qsTr("Kind"); group: "inspection_kind"; model: templates.kinds }
                FieldMessage { source: templates; field: "kind" }
            }
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Inspects")
                IdPicker { id: subject; objectName: "templateSubject"; Accessible.name: qsTr("Inspects"); group: "subject_kind"; model: templates.subjects }
                FieldMessage { source: templates; field: "subject" }
            }
            FormField {
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                label: qsTr("Applies to")
                ComboBox {
                    id: place
                    objectName: "templateCommunity"
                    Accessible.name: qsTr("Applies to")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontBody
                    model: templates.places
                    textRole: "name"
                    valueRole: "key"
                    onCountChanged: if (place.currentIndex < 0 && place.count > 0) place.currentIndex = 0
                }
                FieldMessage { source: templates; field: "community_id" }
            }
        }
        CheckBox {
            id: active
            objectName: "templateActive"
            text: qsTr("Active: inspectors may start inspections on it")
            font.pixelSize: Theme.fontBody
            checked: true
        }

        SectionTitle { text: qsTr("Grading scale, best first") }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            Heading { share: 2; text: qsTr("Grade id") }
            Heading { share: 3; text: qsTr("Label") }
            Heading { share: 2; text: qsTr("Passes") }
            Heading { share: 1; text: "" }
        }
        Repeater {
            model: templates.scale
            delegate: RowLayout {
                id: grade
                required property templateGradeView row
                required property int index
                objectName: "grade-" + grade.index
                Layout.fillWidth: true
                spacing: 4
                function commit() {
                    templates.setGrade(grade.index, gradeId.text, gradeLabel.text, gradePass.checked)
                }
                InputField {
                    id: gradeId
                    onTextEdited: grade.commit()
                    objectName: "gradeId-" + grade.index
                    Accessible.name: qsTr("Grade %1 id").arg(grade.index + 1)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 200
                    text: grade.row.gradeId
                }
                InputField {
                    id: gradeLabel
                    onTextEdited: grade.commit()
                    objectName: "gradeLabel-" + grade.index
                    Accessible.name: qsTr("Grade %1 label").arg(grade.index + 1)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 300
                    text: grade.row.label
                }
                CheckBox {
                    id: gradePass
                    objectName: "gradePass-" + grade.index
                    Layout.fillWidth: true
                    Layout.preferredWidth: 200
                    text: qsTr("Passes")
                    font.pixelSize: Theme.fontBody
                    checked: grade.row.pass
                    onToggled: grade.commit()
                }
                AppButton {
                    objectName: "gradeRemove-" + grade.index
                    Layout.preferredWidth: 100
                    kind: "quiet"
                    text: qsTr("Remove")
                    enabled: templates.scale.count > 2
                    onClicked: { templates.removeGrade(grade.index) }
                }
            }
        }
        FieldMessage { source: templates; field: "scale" }
        AppButton {
            objectName: "addGrade"
            kind: "quiet"
            text: qsTr("Add a grade")
            onClicked: { templates.addGrade() }
        }

        SectionTitle { text: qsTr("Items, in the order the inspector meets them") }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            Heading { text: "#" }
            Heading { share: 4; text: qsTr("Title") }
            Heading { share: 3; text: qsTr("Hint") }
            Heading { share: 2; text: qsTr("On a fail") }
            Heading { share: 3; text: "" }
        }
        Repeater {
            model: templates.items
            delegate: RowLayout {
                id: entry
                required property templateItemView row
                required property int index
                objectName: "item-" + entry.index
                Layout.fillWidth: true
                spacing: 4
                // Every change goes into the template being edited, so nothing typed is lost when
                // the items are reordered or saved.
                function commit() {
                    templates.setItem(entry.index, itemTitle.text, itemHint.text, itemPhoto.checked)
                }
                TableCell { text: String(entry.index + 1); color: Theme.muted }
                InputField {
                    id: itemTitle
                    onTextEdited: entry.commit()
                    objectName: "itemTitle-" + entry.index
                    Accessible.name: qsTr("Item %1 title").arg(entry.index + 1)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 400
                    text: entry.row.title
                }
                InputField {
                    id: itemHint
                    onTextEdited: entry.commit()
                    objectName: "itemHint-" + entry.index
                    Accessible.name: qsTr("Item %1 hint").arg(entry.index + 1)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 300
                    text: entry.row.hint
                }
                CheckBox {
                    id: itemPhoto
                    objectName: "itemPhoto-" + entry.index
                    Layout.fillWidth: true
                    Layout.preferredWidth: 200
                    text: qsTr("Photo")
                    Accessible.name: qsTr("Item %1: a photo when it fails").arg(entry.index + 1)
                    font.pixelSize: Theme.fontBody
                    checked: entry.row.photoOnFail
                    onToggled: entry.commit()
                }
                RowLayout {
                    spacing: 2
                    AppButton { objectName: "itemUp-" + entry.index; kind: "quiet"; text: "↑"; Accessible.name: qsTr("Earlier"); enabled: entry.index > 0; onClicked: { templates.moveItem(entry.index, -1) } }
                    AppButton { objectName: "itemDown-" + entry.index; kind: "quiet"; text: "↓"; Accessible.name: qsTr("Later"); enabled: entry.index < templates.items.count - 1; onClicked: { templates.moveItem(entry.index, 1) } }
                    AppButton { objectName: "itemRemove-" + entry.index; kind: "quiet"; text: qsTr("Remove"); enabled: templates.items.count > 1; onClicked: { templates.removeItem(entry.index) } }
                }
            }
        }
        FieldMessage { source: templates; field: "items" }
        AppButton {
            objectName: "addItem"
            kind: "quiet"
            text: qsTr("Add an item")
            onClicked: { templates.addItem() }
        }
        BodyText {
            objectName: "templateMessage"
            Layout.fillWidth: true
            visible: page.message !== ""
            text: page.message
            color: Theme.ok
            font.bold: true
        }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "saveTemplate"
                text: qsTr("Save the template")
                enabled: !templates.busy
                onClicked: page.save()
            }
            AppButton {
                kind: "quiet"
                text: qsTr("Close")
                onClicked: { page.editing = false; templates.clearError() }
            }
        }
    }
}
