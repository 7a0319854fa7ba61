pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Over 400 lines, knowingly: one page for every record type (what differs comes from the shared
// record table); its parts (deadline, steps, fields, photos, history) share the one controller.
// One record: where it stands, its deadline (live, with the rule, provisional until the
// server's figure), its details, the steps the signed-in person may take now, photos, comments
// and the whole history. Works the same for complaints, suggestions, transfer sheets,
// arrangement notices, rectification items, handovers and surveys.
PageScaffold {
    id: page
    property alias recordId: rc.recordId
    property bool justCreated: false
    readonly property var r: rc.record
    heading: rc.exists ? Labels.recordType(rc.recordType === "complaint" && page.r.kind === "repair" ? "repair" : rc.recordType)
                         + (page.r.receipt_code ? " · " + page.r.receipt_code : "")
                       : qsTr("Record")

    RecordController { id: rc }

    function fmt(iso) {
        if (!iso)
            return ""
        const d = new Date(iso)
        return isNaN(d.getTime()) ? String(iso) : d.toLocaleString(Qt.locale(), "yyyy-MM-dd HH:mm")
    }
    function yes(b) { return b ? qsTr("Yes") : qsTr("No") }
    // What a person needs to see of each kind of record, in order.
    function details() {
        const t = rc.recordType
        const out = []
        const add = (label, value) => { if (value !== undefined && value !== null && value !== "") out.push({ label: label, value: String(value) }) }
        if (t === "complaint") {
            add(qsTr("Channel"), Labels.channel(page.r.channel))
            add(qsTr("Flat"), Directory.unitLabel(page.r.unit_id))
            add(qsTr("Complainant"), [page.r.complainant ? page.r.complainant.name : "", page.r.complainant ? page.r.complainant.phone : ""].filter(s => s).join(" · "))
            add(qsTr("Category"), Labels.category(page.r.category))
            add(qsTr("Received"), fmt(page.r.received_at))
            add(qsTr("Reply wanted by"), fmt(page.r.requested_reply_by))
            add(qsTr("Urgent / serious"), yes(page.r.urgent) + " / " + yes(page.r.serious))
            add(qsTr("Validity"), page.r.validity && page.r.validity !== "undecided" ? Labels.validity(page.r.validity) + (page.r.cause ? " · " + Labels.cause(page.r.cause) : "") : "")
            add(qsTr("Grade"), page.r.grade ? Labels.grade(page.r.grade) : "")
            add(qsTr("Resident type"), page.r.resident_type ? Labels.residentType(page.r.resident_type) : "")
            add(qsTr("Handler"), Directory.staffName(page.r.handler_id))
            add(qsTr("Department"), page.r.department_id ? Directory.departmentName(page.r.department_id) : "")
            add(qsTr("Agreed to solve by"), fmt(page.r.agreed_by))
            add(qsTr("Why invalid"), page.r.invalid_reason)
            add(qsTr("Explanation"), page.r.explanation)
            add(qsTr("Outside result"), page.r.referral_result)
            add(qsTr("Handled"), page.r.handling_mode ? Labels.handlingMode(page.r.handling_mode) : "")
            add(qsTr("Measures"), page.r.measures)
            add(qsTr("Result"), page.r.result)
            add(qsTr("Reply"), page.r.reply)
            add(qsTr("Replied"), fmt(page.r.replied_at))
            add(qsTr("Round"), page.r.round > 1 ? page.r.round : "")
        } else if (t === "suggestion") {
            add(qsTr("Channel"), Labels.channel(page.r.channel))
            add(qsTr("Flat"), Directory.unitLabel(page.r.unit_id))
            add(qsTr("Resident"), [page.r.resident_name, page.r.resident_phone].filter(s => s).join(" · "))
            add(qsTr("Category"), page.r.category ? Labels.category(page.r.category) : "")
            add(qsTr("Received"), fmt(page.r.received_at))
            add(qsTr("Reply agreed by"), fmt(page.r.agreed_reply_by))
            add(qsTr("Adopted"), page.r.adopted === undefined ? "" : yes(page.r.adopted))
            add(qsTr("Reply"), page.r.reply)
            add(qsTr("Why not adopted"), page.r.not_adopted_reason)
        } else if (t === "transfer_sheet") {
            add(qsTr("Subject"), page.r.subject)
            add(qsTr("Reason"), page.r.reason)
            add(qsTr("From"), Directory.departmentName(page.r.from_department_id))
            add(qsTr("Level"), page.r.level)
            add(qsTr("Arranged to"), page.r.assigned_department_id ? Directory.departmentName(page.r.assigned_department_id) : "")
            add(qsTr("Instructions"), page.r.instructions)
            add(qsTr("Result"), page.r.result)
            add(qsTr("Final reply"), page.r.final_reply)
        } else if (t === "arrangement_notice") {
            add(qsTr("Department"), Directory.departmentName(page.r.department_id))
            add(qsTr("Assignee"), Directory.staffName(page.r.assignee_id))
            add(qsTr("Instructions"), page.r.instructions)
            add(qsTr("Done by"), fmt(page.r.due_by))
            add(qsTr("Result"), page.r.result)
        } else if (t === "rectification") {
            add(qsTr("Found by"), Labels.rectificationSource(page.r.source))
            add(qsTr("Flat or area"), page.r.unit_id ? Directory.unitLabel(page.r.unit_id) : page.r.area)
            add(qsTr("Category"), page.r.category ? Labels.category(page.r.category) : "")
            add(qsTr("Signed by"), page.r.signer_name)
            add(qsTr("Accepted by"), page.r.accepted_by)
            add(qsTr("Accepted"), fmt(page.r.accepted_at))
        } else if (t === "shift_handover") {
            add(qsTr("Handed over by"), Directory.staffName(page.r.from_staff_id))
            add(qsTr("Open complaints"), page.r.items ? page.r.items.length : 0)
            add(qsTr("Notes"), page.r.notes)
            add(qsTr("Acknowledged by"), Directory.staffName(page.r.acknowledged_by))
        } else if (t === "survey_campaign") {
            add(qsTr("Kind"), Labels.surveyKind(page.r.kind))
            add(qsTr("Method"), Labels.surveyMethod(page.r.method))
            add(qsTr("Period"), fmt(page.r.period_start) + " – " + fmt(page.r.period_end))
            add(qsTr("Quota"), page.r.quota)
        } else if (t === "notice") {
            add(qsTr("Kind"), Labels.noticeKind(page.r.kind))
            add(qsTr("Title"), page.r.title)
            add(qsTr("Text"), page.r.body)
            add(qsTr("Valid"), fmt(page.r.valid_from) + " – " + fmt(page.r.valid_until))
        } else if (t === "inspection") {
            add(qsTr("Kind"), Labels.inspectionKind(page.r.kind))
            add(qsTr("Summary"), page.r.summary)
        } else if (t === "patrol_round") {
            add(qsTr("Guard"), Directory.staffName(page.r.guard_id))
            add(qsTr("Started"), fmt(page.r.started_at))
        }
        return out
    }
    // Records this one points at, to open with a tap.
    function links() {
        const out = []
        if (page.r.transfer_sheet_id) out.push({ label: Labels.recordType("transfer_sheet"), id: page.r.transfer_sheet_id })
        if (rc.recordType === "transfer_sheet" && page.r.complaint_id) out.push({ label: Labels.recordType("complaint"), id: page.r.complaint_id })
        if (page.r.notice_id) out.push({ label: Labels.recordType("arrangement_notice"), id: page.r.notice_id })
        if (rc.recordType === "arrangement_notice" && page.r.source_id) out.push({ label: qsTr("Source"), id: page.r.source_id })
        if (page.r.items)
            for (const it of page.r.items)
                if (it.complaint_id) out.push({ label: Labels.recordType("complaint") + (it.note ? " · " + it.note : ""), id: it.complaint_id })
        return out
    }

    Rectangle {
        visible: page.justCreated
        Layout.fillWidth: true
        implicitHeight: savedText.implicitHeight + 24
        radius: Theme.radius
        color: "#e3f2e7"
        border.color: Theme.ok
        BodyText {
            id: savedText
            anchors.fill: parent
            anchors.margins: 12
            text: qsTr("Saved on this tablet. It is sent with the next sync; until then the deadline is this tablet's own figure.")
        }
    }

    BodyText {
        visible: !rc.exists
        text: page.recordId === "" ? qsTr("No record chosen.") : qsTr("This record is not on this tablet.")
    }

    Card {
        visible: rc.exists
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            StateBadge { recordState: rc.state }
            Text {
                visible: rc.pending
                text: qsTr("changes not yet sent")
                color: Theme.provisional
                font.pixelSize: Theme.fontSmall
                font.family: Theme.fontFamily
            }
            Text {
                visible: page.r.escalation !== undefined && page.r.escalation.level > 0
                text: page.r.escalation ? qsTr("Escalated to the %1").arg(Labels.position(page.r.escalation.notify)) : ""
                color: Theme.danger
                font.pixelSize: Theme.fontSmall
                font.bold: true
                font.family: Theme.fontFamily
            }
            Item { Layout.fillWidth: true }
        }
        DeadlineLabel {
            Layout.fillWidth: true
            dueAt: rc.dueAt && !isNaN(rc.dueAt.getTime()) ? rc.dueAt : null
            rule: rc.dueRule
            provisional: rc.provisional
            calendarFallback: rc.calendarFallback
            finished: rc.terminal
        }
        BodyText {
            Layout.fillWidth: true
            visible: text !== ""
            font.pixelSize: Theme.fontLarge
            text: page.r.content || page.r.description || page.r.instructions || page.r.subject || page.r.title || ""
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: Theme.margin
            rowSpacing: 6
            Repeater {
                model: rc.exists ? page.details() : []
                delegate: Text {
                    id: item1
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 0
                    Layout.alignment: Qt.AlignTop
                    text: item1.modelData.label
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                }
            }
            Repeater {
                model: rc.exists ? page.details() : []
                delegate: Text {
                    id: item2
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                    text: item2.modelData.value
                    color: Theme.ink
                    font.pixelSize: Theme.fontBody
                    font.family: Theme.fontFamily
                    wrapMode: Text.WordWrap
                }
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: rc.exists ? page.links() : []
                delegate: AppButton {
                    id: item3
                    required property var modelData
                    kind: "quiet"
                    text: item3.modelData.label + " ›"
                    onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: item3.modelData.id })
                }
            }
        }
    }

    // The handling guidance for this kind of resident.
    Card {
        visible: rc.recordType === "complaint" && !!page.r.resident_type
        SectionTitle { text: qsTr("Handling: %1").arg(Labels.residentType(page.r.resident_type)) }
        BodyText { Layout.fillWidth: true; text: Labels.residentGuidance(page.r.resident_type) }
        BodyText { Layout.fillWidth: true; muted: true; text: qsTr("Never say: %1").arg(Array.from(Guidance.forbiddenPhrases).join("、")) }
    }
    Card {
        visible: rc.recordType === "complaint" && page.r.validity === "invalid" && !!page.r.cause
        SectionTitle { text: Labels.cause(page.r.cause) }
        BodyText { Layout.fillWidth: true; text: Labels.causeConsequence(page.r.cause) }
    }

    Card {
        visible: rc.exists
        SectionTitle { text: rc.availableActions.length > 0 ? qsTr("Next steps") : qsTr("Nothing for you to do here") }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: rc.availableActions
                delegate: AppButton {
                    id: item4
                    required property string modelData
                    required property int index
                    objectName: "action_" + item4.modelData
                    kind: index === 0 ? "primary" : "secondary"
                    text: Labels.action(item4.modelData)
                    onClicked: actionDialog.openFor(item4.modelData)
                }
            }
        }
        BodyText {
            visible: !Session.signedIn
            muted: true
            text: qsTr("Sign in to act on this record.")
        }
    }

    Card {
        visible: rc.exists && rc.recordType === "complaint" && page.r.visits !== undefined && page.r.visits.length > 0
        SectionTitle { text: qsTr("Follow-up visits") }
        Repeater {
            model: page.r.visits || []
            delegate: BodyText {
                id: item5
                required property var modelData
                Layout.fillWidth: true
                text: page.fmt(item5.modelData.at) + " · " + Labels.visitMethod(item5.modelData.method) + " · "
                      + (item5.modelData.satisfied ? qsTr("satisfied") : qsTr("not satisfied")) + " — " + item5.modelData.opinion
            }
        }
    }
    Card {
        visible: rc.exists && rc.recordType === "rectification" && page.r.rounds !== undefined && page.r.rounds.length > 0
        SectionTitle { text: qsTr("Rounds") }
        Repeater {
            model: page.r.rounds || []
            delegate: BodyText {
                id: item6
                required property var modelData
                Layout.fillWidth: true
                text: qsTr("Round %1").arg(item6.modelData.number) + (item6.modelData.developer ? " · " + qsTr("developer") : " · " + qsTr("in-house"))
                      + (item6.modelData.measures ? " · " + item6.modelData.measures : "")
                      + (item6.modelData.completion_by ? " · " + qsTr("by %1").arg(page.fmt(item6.modelData.completion_by)) : "")
                      + (item6.modelData.result ? " · " + qsTr("result: %1").arg(item6.modelData.result) : "")
                      + (item6.modelData.objection ? " · " + qsTr("objection: %1").arg(item6.modelData.objection) : "")
            }
        }
        AttachmentImage {
            visible: !!(page.r.signature && page.r.signature.sha256)
            sha256: page.r.signature && page.r.signature.sha256 ? page.r.signature.sha256 : ""
            signature: true
            Layout.preferredWidth: 300
            Layout.preferredHeight: 120
        }
    }

    Card {
        visible: rc.exists
        SectionTitle { text: qsTr("Photos") }
        PhotoStrip {
            Layout.fillWidth: true
            attachments: page.r.attachments || []
            canAdd: Session.signedIn
            onAdded: (a) => rc.attachBlob(a)
        }
    }

    Card {
        visible: rc.exists
        SectionTitle { text: qsTr("Comments") }
        Repeater {
            model: page.r.comments || []
            delegate: BodyText {
                id: item7
                required property var modelData
                Layout.fillWidth: true
                text: page.fmt(item7.modelData.at) + " · " + Directory.staffName(item7.modelData.author) + ": " + item7.modelData.text
            }
        }
        RowLayout {
            Layout.fillWidth: true
            InputField { id: comment; Layout.fillWidth: true; placeholderText: qsTr("Add a comment") }
            AppButton {
                kind: "secondary"
                text: qsTr("Add")
                enabled: comment.text.trim() !== ""
                onClicked: if (rc.addComment(comment.text.trim())) comment.text = ""
            }
        }
    }

    // The server's history: every change with the person who made it (proven on the server),
    // their role and device. Until the server has confirmed the record, this tablet's own steps.
    function historyLine(e: historyEntryView): string {
        switch (e.kind) {
        case "create":
            return qsTr("Created") + (e.state !== "" ? " → " + Labels.state(e.state) : "")
        case "update":
            return qsTr("Changed") + " " + Object.keys(e.changes).map(k => {
                const c = e.changes[k]
                return k + ": " + historyValue(c.from) + " → " + historyValue(c.to)
            }).join("; ")
        case "transition":
            return Labels.action(e.action) + (e.toState !== "" ? " → " + Labels.state(e.toState) : "") + (e.note !== "" ? " · " + e.note : "")
        case "append":
            if (e.list === "comments")
                return qsTr("Comment") + (e.itemText !== "" ? ": " + e.itemText : "")
            if (e.list === "attachments")
                return e.itemKind === "signature" ? qsTr("Signature attached") : e.itemKind === "document" ? qsTr("Document attached") : qsTr("Photo attached")
            return qsTr("Added to %1").arg(e.list)
        }
        return e.kind
    }
    function historyValue(v) {
        if (v === undefined || v === null || v === "")
            return "—"
        if (typeof v === "boolean")
            return yes(v)
        return String(v)
    }

    Card {
        visible: rc.exists
        SectionTitle { text: qsTr("History") }
        Repeater {
            model: rc.history
            delegate: RowLayout {
                id: entry
                required property historyEntryView row
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    text: page.fmt(entry.row.at)
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                    Layout.preferredWidth: 150
                }
                BodyText {
                    objectName: "historyEntry"
                    Layout.fillWidth: true
                    text: (entry.row.by !== "" ? (entry.row.byName || Directory.staffName(entry.row.by)) + " (" + Labels.role(entry.row.role) + ")"
                                                    : qsTr("Resident"))
                          + " · " + page.historyLine(entry.row)
                }
            }
        }
        BodyText {
            visible: rc.history.count === 0
            Layout.fillWidth: true
            muted: true
            text: qsTr("Not yet confirmed by the server; the steps taken on this tablet:")
        }
        Repeater {
            model: rc.history.count === 0 ? (page.r.timeline || []) : []
            delegate: RowLayout {
                id: item8
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    text: page.fmt(item8.modelData.at)
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                    Layout.preferredWidth: 150
                }
                BodyText {
                    Layout.fillWidth: true
                    text: (item8.modelData.actor_name || Directory.staffName(item8.modelData.actor)) + " · " + Labels.action(item8.modelData.action)
                          + (item8.modelData.to ? " → " + Labels.state(item8.modelData.to) : "") + (item8.modelData.note ? " · " + item8.modelData.note : "")
                }
            }
        }
    }
    ErrorBanner { Layout.fillWidth: true; text: rc.lastError; advice: rc.lastError !== "" ? Labels.whatToDo(rc.lastErrorCode) : "" }

    ActionDialog { id: actionDialog; controller: rc }
}
