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
Dialog {
    id: dialog
    property RecordController controller: null
    property string action: ""
    readonly property string recordType: controller ? controller.recordType : ""
    readonly property var record: controller ? controller.record : ({})
    readonly property var spec: fieldsFor(recordType, action)
    property var values: ({})
    property string error: ""
    property SignaturePad signaturePad: null

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(860, (parent ? parent.width : 900) - 40)
    height: Math.min(implicitHeight, (parent ? parent.height : 800) - 40)
    title: Labels.action(action)
    font.pixelSize: Theme.fontBody
    padding: Theme.margin

    function openFor(a) {
        action = a
        values = ({})
        error = ""
        open()
    }
    function set(key, value) {
        const v = values
        v[key] = value
        values = v
    }
    function staffOptions() {
        const list = Directory.staff("")
        const out = []
        for (const s of list)
            if (s.role !== "developer_cs")
                out.push(s.id)
        return out
    }
    function departmentOptions() {
        return Array.from(Directory.departments()).map(d => d.id)
    }

    // What each step asks for. kind: text | long | when | choice | yesno | signature
    function fieldsFor(type, act) {
        const t = type + "/" + act
        switch (t) {
        case "complaint/answer_on_spot": return [
            { key: "reply", kind: "long", label: qsTr("The answer given"), required: true, phrases: true },
            { key: "measures", kind: "long", label: qsTr("What was done") }]
        case "complaint/assign": return [
            { key: "handler_id", kind: "choice", label: qsTr("Handler"), required: true, options: staffOptions(), words: Directory.staffName },
            { key: "department_id", kind: "choice", label: qsTr("Department"), options: departmentOptions(), words: Directory.departmentName }]
        case "complaint/accept": return [
            { key: "resident_type", kind: "choice", label: qsTr("What the resident is seeking"), options: Guidance.residentTypes, words: Labels.residentType, guidance: Labels.residentGuidance },
            { key: "controllability", kind: "choice", label: qsTr("Within our control?"), options: ["high", "low"], words: v => v === "high" ? qsTr("Yes, largely") : qsTr("Hardly") },
            { key: "reach", kind: "choice", label: qsTr("How far it has spread"), options: ["community", "media"], words: v => v === "media" ? qsTr("Media or authorities") : qsTr("Within the community") }]
        case "complaint/reject": return [
            { key: "cause", kind: "choice", label: qsTr("Cause"), required: true, options: ["developer", "external", "public_facility"], words: Labels.cause, guidance: Labels.causeConsequence },
            { key: "reason", kind: "long", label: qsTr("Why it is not ours to fix"), required: true }]
        case "complaint/explain": return [
            { key: "explanation", kind: "long", label: qsTr("The explanation given to the resident"), required: true, phrases: true }]
        case "complaint/close_referral":
        case "transfer_sheet/resolve":
        case "complaint/cancel":
        case "suggestion/cancel":
        case "arrangement_notice/cancel":
        case "rectification/cancel":
        case "survey_campaign/cancel":
        case "notice/withdraw":
        case "patrol_round/abandon":
        case "transfer_sheet/escalate":
        case "rectification/object":
            return [{ key: act === "close_referral" || act === "resolve" ? "result" : "reason", kind: "long", required: true,
                      label: act === "object" ? qsTr("What the resident objects to") : act === "close_referral" || act === "resolve" ? qsTr("The result") : qsTr("Reason") }]
        case "complaint/agree_time": return [
            { key: "agreed_by", kind: "when", label: qsTr("Solved by (agreed with the resident)"), required: true }]
        case "complaint/transfer": return [
            { key: "reason", kind: "long", label: qsTr("Why it needs the superior"), required: true }]
        case "complaint/arrange": return [
            { key: "department_id", kind: "choice", label: qsTr("Responsible department"), required: true, options: departmentOptions(), words: Directory.departmentName }]
        case "complaint/reply": return [
            { key: "handling_mode", kind: "choice", label: qsTr("How it was handled"), required: true, options: Guidance.handlingModes, words: Labels.handlingMode },
            { key: "measures", kind: "long", label: qsTr("Measures taken") },
            { key: "result", kind: "long", label: qsTr("Result") },
            { key: "reply", kind: "long", label: qsTr("Reply to the resident"), required: true, phrases: true }]
        case "complaint/visit": return [
            { key: "method", kind: "choice", label: qsTr("How"), options: ["phone", "in_person"], words: Labels.visitMethod },
            { key: "opinion", kind: "long", label: qsTr("The complainant's opinion"), required: true },
            { key: "satisfied", kind: "yesno", label: qsTr("Satisfied with the result?"), required: true }]
        case "suggestion/acknowledge": return [
            { key: "agreed_reply_by", kind: "when", label: qsTr("Reply agreed by"), required: true }]
        case "suggestion/reply": return [
            { key: "adopted", kind: "yesno", label: qsTr("Adopted?"), required: true },
            { key: "reply", kind: "long", label: qsTr("Reply to the resident"), required: true, phrases: true },
            { key: "reason", kind: "long", label: qsTr("Why not adopted (when not)") }]
        case "transfer_sheet/arrange": return [
            { key: "department_id", kind: "choice", label: qsTr("Responsible department"), required: true, options: departmentOptions(), words: Directory.departmentName },
            { key: "instructions", kind: "long", label: qsTr("Instructions"), required: true },
            { key: "due_by", kind: "when", label: qsTr("Done by") }]
        case "transfer_sheet/close": return [
            { key: "reply", kind: "long", label: qsTr("Final reply"), required: true, phrases: true }]
        case "arrangement_notice/complete":
        case "rectification/complete_work":
        case "rectification/developer_accept": return [
            { key: "result", kind: "long", label: qsTr("Result"), required: true }]
        case "rectification/fix_in_house": return [
            { key: "measures", kind: "long", label: qsTr("Measures"), required: true },
            { key: "team", kind: "text", label: qsTr("Team") },
            { key: "completion_by", kind: "when", label: qsTr("Completed by") }]
        case "rectification/hand_off": return [
            { key: "note", kind: "long", label: qsTr("What is handed to the developer's customer service") }]
        case "rectification/plan": return [
            { key: "measures", kind: "long", label: qsTr("Measures"), required: true },
            { key: "team", kind: "text", label: qsTr("Team"), required: true },
            { key: "completion_by", kind: "when", label: qsTr("Completed by"), required: true }]
        case "rectification/accept":
            if (record.source === "resident_inspection")
                return [{ key: "signer_name", kind: "text", label: qsTr("Resident's name"), required: true },
                        { key: "signature", kind: "signature", label: qsTr("Resident's signature"), required: true }]
            return [{ key: "accepted_by", kind: "text", label: qsTr("Accepted by"), required: true, initial: Session.name }]
        case "survey_campaign/publish": return [
            { key: "summary", kind: "long", label: qsTr("Results notice for residents"), required: true }]
        case "inspection/submit": return [
            { key: "summary", kind: "long", label: qsTr("Summary") }]
        }
        return []
    }

    function submit() {
        for (const f of spec)
            if (f.required && (values[f.key] === undefined || values[f.key] === "" || values[f.key] === null)) {
                error = qsTr("Fill in: %1").arg(f.label)
                return
            }
        for (const f of spec)
            if (f.phrases && values[f.key]) {
                const bad = Guidance.findForbidden(values[f.key])
                if (bad.length > 0) {
                    error = qsTr("Staff must not say: %1. Rephrase before sending.").arg(bad.join("、"))
                    return
                }
            }
        let ok = false
        const t = recordType + "/" + action
        if (t === "complaint/transfer") {
            ok = controller.escalate(values.reason) !== ""
        } else if (t === "transfer_sheet/arrange") {
            ok = controller.arrange(values.department_id, values.instructions, values.due_by || new Date(NaN)) !== ""
        } else if (t === "arrangement_notice/complete") {
            ok = controller.completeArrangement(values.result)
        } else if (t === "survey_campaign/publish") {
            const end = new Date(App.now.getTime() + 30 * 86400000)
            const notice = intake.createNotice({ kind: "survey_results", title: record.title || Labels.recordType("survey_campaign"),
                                                 body: values.summary, valid_until: end, community_id: record.community_id })
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
                    required: fieldItem.modelData.required === true
                    hint: fieldItem.modelData.guidance && dialog.values[fieldItem.modelData.key] ? fieldItem.modelData.guidance(dialog.values[fieldItem.modelData.key]) : ""
                    Layout.fillWidth: true
                    Loader {
                        Layout.fillWidth: true
                        sourceComponent: fieldItem.modelData.kind === "long" ? longField
                                       : fieldItem.modelData.kind === "text" ? textField
                                       : fieldItem.modelData.kind === "when" ? whenField
                                       : fieldItem.modelData.kind === "choice" ? choiceField
                                       : fieldItem.modelData.kind === "yesno" ? yesNoField
                                       : signatureField
                        onLoaded: item.spec = fieldItem.modelData
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

    Component {
        id: longField
        ColumnLayout {
            id: longRoot
            property var spec: ({})
            TextBox {
                Layout.fillWidth: true
                onTextChanged: dialog.set(longRoot.spec.key, text)
            }
            Text {
                visible: longRoot.spec.phrases === true
                text: qsTr("Never say: %1").arg(Array.from(Guidance.forbiddenPhrases).join("、"))
                font.pixelSize: Theme.fontSmall
                color: Theme.muted
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
    Component {
        id: textField
        InputField {
            property var spec: ({})
            onSpecChanged: if (spec.initial) { text = spec.initial; dialog.set(spec.key, text) }
            onTextChanged: dialog.set(spec.key, text)
        }
    }
    Component {
        id: whenField
        DateTimeField {
            property var spec: ({})
            allowNone: !spec.required
            onValueChanged: dialog.set(spec.key, value)
        }
    }
    Component {
        id: choiceField
        ChoiceRow {
            property var spec: ({})
            options: spec.options || []
            labelFor: spec.words || function(v) { return v }
            onChosen: (id) => dialog.set(spec.key, id)
        }
    }
    Component {
        id: yesNoField
        ChoiceRow {
            property var spec: ({})
            options: ["yes", "no"]
            labelFor: function(v) { return v === "yes" ? qsTr("Yes") : qsTr("No") }
            onChosen: (id) => dialog.set(spec.key, id === "yes")
        }
    }
    Component {
        id: signatureField
        ColumnLayout {
            id: signatureRoot
            property var spec: ({})
            Component.onCompleted: dialog.signaturePad = pad
            SignaturePad {
                id: pad
                Layout.fillWidth: true
                onEmptyChanged: dialog.set(signatureRoot.spec.key, pad.empty ? undefined : "drawn")
            }
            AppButton { kind: "secondary"; text: qsTr("Clear"); onClicked: pad.clear() }
        }
    }
}
