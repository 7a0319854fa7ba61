pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// One workflow step on a record, with exactly the details that step needs: the
// reply with its forbidden-phrase check, the invalid decision with its cause and what that
// triggers, the resident type with its handling guidance, the resident's signature… The shared
// workflow has the last word: its refusal is shown here and nothing changes.
// The action "edit" corrects the record's plain fields the person may change (urgent, the text
// taken down, the category…), each filled with what the record has now; only changed ones go.
Dialog {
    id: dialog
    property RecordController controller: null
    property string action: ""
    readonly property string recordType: controller ? controller.recordType : ""
    readonly property var spec: fieldsFor(recordType, action)
    property var values: ({})
    property string error: ""
    property SignaturePad signaturePad: null

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(860, (parent ? parent.width : 900) - 40)
    height: Math.min(implicitHeight, (parent ? parent.height : 800) - 40)
    title: action === "edit" ? qsTr("Correct the details") : Labels.action(action)
    font.pixelSize: Theme.fontBody
    padding: Theme.margin

    // The form is built afresh each time (its fields fill `values` with their first values as
    // they are made), also when the same step is opened again.
    function openFor(a) {
        action = ""
        values = ({})
        error = ""
        action = a
        open()
    }
    function set(key, value) {
        const v = values
        v[key] = value
        values = v
    }
    function departmentOptions() {
        return Directory.departmentIds()
    }

    // What the step asks for comes from the shared table (RecordController.actionForm), the one
    // the server checks the step against; this dialog only words it. Two steps carry details for
    // the record they create besides: the arrangement notice's deadline and the survey's
    // results notice.
    function fieldsFor(type, act) {
        if (!controller || act === "")
            return []
        const out = Array.from(act === "edit" ? controller.editForm() : controller.actionForm(act)).map(f => Object.assign({}, f))
        if (type === "transfer_sheet" && act === "arrange")
            out.push({ key: "due_by", kind: "when", required: false })
        if (type === "survey_campaign" && act === "publish")
            out.push({ key: "summary", kind: "long", required: true })
        for (const f of out) {
            f.label = fieldLabel(type, act, f.key)
            if (f.kind === "person") {
                f.options = f.roles.length > 0 ? Directory.staffIds(f.roles) : []
                f.words = Directory.staffName
            } else if (f.kind === "department") {
                f.options = departmentOptions()
                f.words = Directory.departmentName
            } else if (f.kind === "choice") {
                f.options = f.choices
                f.words = choiceWords(f.key)
            }
            if (f.key === "resident_type") f.guidance = Labels.residentGuidance
            if (f.key === "cause") f.guidance = Labels.causeConsequence
            if (f.key === "accepted_by") f.initial = Session.name
        }
        return out
    }
    function choiceWords(key) {
        switch (key) {
        case "cause": return Labels.cause
        case "resident_type": return Labels.residentType
        case "handling_mode": return Labels.handlingMode
        case "method": return Labels.visitMethod
        case "controllability": return v => v === "high" ? qsTr("Yes, largely") : qsTr("Hardly")
        case "reach": return v => v === "media" ? qsTr("Media or authorities") : qsTr("Within the community")
        case "category": return Labels.category
        }
        return v => v
    }
    function fieldLabel(type, act, key) {
        const t = type + "/" + act
        switch (key) {
        case "reply":
            if (t === "complaint/answer_on_spot") return qsTr("The answer given")
            if (t === "transfer_sheet/close") return qsTr("Final reply")
            return qsTr("Reply to the resident")
        case "measures": return t === "complaint/answer_on_spot" ? qsTr("What was done") : t === "complaint/reply" ? qsTr("Measures taken") : qsTr("Measures")
        case "result": return t === "complaint/close_referral" || t === "transfer_sheet/resolve" ? qsTr("The result") : qsTr("Result")
        case "handler_id": return qsTr("Handler")
        case "department_id": return t === "complaint/arrange" || t === "transfer_sheet/arrange" ? qsTr("Responsible department") : qsTr("Department")
        case "resident_type": return qsTr("What the resident is seeking")
        case "controllability": return qsTr("Within our control?")
        case "reach": return qsTr("How far it has spread")
        case "cause": return qsTr("Cause")
        case "reason":
            if (t === "complaint/reject") return qsTr("Why it is not ours to fix")
            if (t === "complaint/transfer") return qsTr("Why it needs the superior")
            if (t === "rectification/object") return qsTr("What the resident objects to")
            if (t === "suggestion/reply") return qsTr("Why not adopted (when not)")
            return qsTr("Reason")
        case "explanation": return qsTr("The explanation given to the resident")
        case "agreed_by": return qsTr("Solved by (agreed with the resident)")
        case "handling_mode": return qsTr("How it was handled")
        case "method": return qsTr("How")
        case "opinion": return qsTr("The complainant's opinion")
        case "satisfied": return qsTr("Satisfied with the result?")
        case "agreed_reply_by": return qsTr("Reply agreed by")
        case "adopted": return qsTr("Adopted?")
        case "instructions": return qsTr("Instructions")
        case "due_by": return qsTr("Done by")
        case "team": return qsTr("Team")
        case "completion_by": return qsTr("Completed by")
        case "note": return t === "rectification/hand_off" ? qsTr("What is handed to the developer's customer service") : qsTr("Note")
        case "signer_name": return qsTr("Resident's name")
        case "signature": return qsTr("Resident's signature")
        case "accepted_by": return qsTr("Accepted by")
        case "summary": return t === "survey_campaign/publish" ? qsTr("Results notice for residents") : qsTr("Summary")
        // Plain fields, corrected with "edit"
        case "content": return qsTr("What the resident said")
        case "description": return qsTr("Description")
        case "notes": return qsTr("Notes")
        case "body": return qsTr("Text")
        case "subject": return qsTr("Subject")
        case "title": return qsTr("Title")
        case "area": return qsTr("Area")
        case "resident_name": return qsTr("Resident's name")
        case "resident_phone": return qsTr("Resident's phone")
        case "urgent": return qsTr("Urgent?")
        case "serious": return qsTr("Serious?")
        case "requested_reply_by": return qsTr("Reply wanted by")
        case "valid_from": return qsTr("Valid from")
        case "valid_until": return qsTr("Valid until")
        case "category": return qsTr("Category")
        case "assignee_id": return qsTr("Assignee")
        case "leader_id": return qsTr("Responsible leader")
        }
        return key
    }
    // Whether a field still holds what the record had (times compared as instants).
    function same(value, initial) {
        const none = v => v === undefined || v === null || v === ""
        if (none(value) || none(initial))
            return none(value) && none(initial)
        if (value instanceof Date || initial instanceof Date)
            return new Date(value).getTime() === new Date(initial).getTime()
        return value === initial
    }
    function isRequired(f) {
        if (!f.required)
            return false
        if (!f.requiredWhen)
            return true
        return (String(values[f.requiredWhen.key]) === f.requiredWhen.value) === f.requiredWhen.equals
    }

    function submit() {
        for (const f of spec)
            if (isRequired(f) && (values[f.key] === undefined || values[f.key] === "" || values[f.key] === null)) {
                error = qsTr("Fill in: %1").arg(f.label)
                return
            }
        for (const f of spec)
            if (f.spoken && values[f.key]) {
                const bad = Guidance.findForbidden(values[f.key])
                if (bad.length > 0) {
                    error = qsTr("Staff must not say: %1. Rephrase before sending.").arg(bad.join("、"))
                    return
                }
            }
        let ok = false
        const t = recordType + "/" + action
        if (action === "edit") {
            const changed = {}
            for (const f of spec)
                if (!same(values[f.key], f.initial))
                    changed[f.key] = values[f.key] === undefined ? null : values[f.key]
            ok = Object.keys(changed).length === 0 || controller.update(changed)
        } else if (t === "complaint/transfer") {
            ok = controller.escalate(values.reason) !== ""
        } else if (t === "transfer_sheet/arrange") {
            ok = controller.arrange(values.department_id, values.instructions, values.due_by || new Date(NaN)) !== ""
        } else if (t === "arrangement_notice/complete") {
            ok = controller.completeArrangement(values.result)
        } else if (t === "survey_campaign/publish") {
            const end = new Date(App.now.getTime() + 30 * 86400000)
            const notice = intake.createNotice({ kind: "survey_results", title: controller.view.title || Labels.recordType("survey_campaign"),
                                                 body: values.summary, valid_until: end, community_id: controller.view.communityId })
            ok = notice !== "" && controller.perform("publish", { notice_id: notice })
            if (notice === "") { error = intake.lastError; return }
        } else if (t === "rectification/accept" && values.signature !== undefined) {
            const sig = Media.saveSignature(signaturePad ? signaturePad.dataUrl() : "")
            if (!sig.sha256) { error = Media.lastError || qsTr("The signature could not be kept."); return }
            ok = controller.perform("accept", { signer_name: values.signer_name, signature: sig })
        } else {
            const params = {}
            for (const key in values)
                if (values[key] !== null && values[key] !== "")
                    params[key] = values[key]
            ok = controller.perform(action, params)
        }
        if (ok) {
            error = ""
            close()
        } else {
            error = controller.lastError
        }
    }

    IntakeController { id: intake }

    Flickable {
        implicitWidth: form.implicitWidth
        implicitHeight: Math.min(form.implicitHeight, 640)
        contentHeight: form.implicitHeight
        clip: true
        ScrollBar.vertical: ScrollBar {}
        ColumnLayout {
            id: form
            width: parent.width
            spacing: Theme.spacing
            BodyText {
                visible: dialog.spec.length === 0
                Layout.fillWidth: true
                text: qsTr("Confirm: %1").arg(Labels.action(dialog.action))
            }
            Repeater {
                model: dialog.spec
                delegate: FormField {
                    id: fieldItem
                    required property var modelData
                    label: fieldItem.modelData.label
                    required: dialog.isRequired(fieldItem.modelData)
                    hint: fieldItem.modelData.guidance && dialog.values[fieldItem.modelData.key] ? fieldItem.modelData.guidance(dialog.values[fieldItem.modelData.key]) : ""
                    Layout.fillWidth: true
                    // Every kind of field is written out here, and only the one this detail takes
                    // is shown and reports its value. (Qt 6.4 cannot load a Component declared
                    // under "ComponentBehavior: Bound" from inside a delegate: "Cannot
                    // instantiate bound component outside its creation context".)
                    readonly property var spec: fieldItem.modelData
                    readonly property string kind: fieldItem.modelData.kind
                    ColumnLayout {
                        visible: fieldItem.kind === "long"
                        Layout.fillWidth: true
                        TextBox {
                            Layout.fillWidth: true
                            objectName: "long_" + fieldItem.spec.key
                            accessibleName: fieldItem.spec.label || ""
                            Component.onCompleted: if (fieldItem.kind === "long" && fieldItem.spec.initial) text = fieldItem.spec.initial
                            onTextChanged: if (fieldItem.kind === "long") dialog.set(fieldItem.spec.key, text)
                        }
                        Text {
                            visible: fieldItem.spec.spoken === true
                            text: qsTr("Never say: %1").arg(Array.from(Guidance.forbiddenPhrases).join("、"))
                            font.pixelSize: Theme.fontSmall
                            color: Theme.muted
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                    InputField {
                        id: textInput
                        visible: fieldItem.kind === "text"
                        Layout.fillWidth: true
                        Accessible.name: fieldItem.spec.label || ""
                        Component.onCompleted: if (fieldItem.kind === "text" && fieldItem.spec.initial) {
                            textInput.text = fieldItem.spec.initial
                            dialog.set(fieldItem.spec.key, textInput.text)
                        }
                        onTextChanged: if (fieldItem.kind === "text") dialog.set(fieldItem.spec.key, text)
                    }
                    DateTimeField {
                        visible: fieldItem.kind === "when"
                        Layout.fillWidth: true
                        allowNone: !fieldItem.spec.required
                        Component.onCompleted: if (fieldItem.kind === "when" && fieldItem.spec.initial) {
                            value = fieldItem.spec.initial
                            dialog.set(fieldItem.spec.key, value)
                        }
                        onValueChanged: if (fieldItem.kind === "when") dialog.set(fieldItem.spec.key, value)
                    }
                    ChoiceRow {
                        objectName: "choices_" + fieldItem.spec.key
                        // A choice, a person or a department: one of the options the form gives.
                        readonly property bool picks: fieldItem.kind === "choice" || fieldItem.kind === "person" || fieldItem.kind === "department"
                        visible: picks
                        Layout.fillWidth: true
                        options: picks ? (fieldItem.spec.options || []) : []
                        labelFor: fieldItem.spec.words || function(v) { return v }
                        Component.onCompleted: if (picks && fieldItem.spec.initial) {
                            current = fieldItem.spec.initial
                            dialog.set(fieldItem.spec.key, current)
                        }
                        onChosen: (id) => dialog.set(fieldItem.spec.key, id)
                    }
                    ChoiceRow {
                        objectName: "yesno_" + fieldItem.spec.key
                        visible: fieldItem.kind === "yesno"
                        Layout.fillWidth: true
                        options: fieldItem.kind === "yesno" ? ["yes", "no"] : []
                        Component.onCompleted: if (fieldItem.kind === "yesno" && fieldItem.spec.initial !== undefined && fieldItem.spec.initial !== null) {
                            current = fieldItem.spec.initial ? "yes" : "no"
                            dialog.set(fieldItem.spec.key, fieldItem.spec.initial)
                        }
                        labelFor: function(v) { return v === "yes" ? qsTr("Yes") : qsTr("No") }
                        onChosen: (id) => dialog.set(fieldItem.spec.key, id === "yes")
                    }
                    ColumnLayout {
                        visible: fieldItem.kind === "signature"
                        Layout.fillWidth: true
                        Component.onCompleted: if (fieldItem.kind === "signature") dialog.signaturePad = pad
                        SignaturePad {
                            id: pad
                            Layout.fillWidth: true
                            onEmptyChanged: if (fieldItem.kind === "signature")
                                                dialog.set(fieldItem.spec.key, pad.empty ? undefined : "drawn")
                        }
                        AppButton { kind: "secondary"; text: qsTr("Clear"); onClicked: pad.clear() }
                    }
                }
            }
            ErrorBanner { Layout.fillWidth: true; text: dialog.error; advice: dialog.error !== "" && dialog.controller ? Labels.whatToDo(dialog.controller.lastErrorCode) : "" }
        }
    }
    footer: Item {
        implicitHeight: footerRow.implicitHeight + 2 * Theme.spacing
        RowLayout {
            id: footerRow
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacing
            AppButton { kind: "secondary"; text: qsTr("Cancel"); onClicked: dialog.close() }
            AppButton { text: qsTr("Confirm"); onClicked: dialog.submit() }
        }
    }
}
