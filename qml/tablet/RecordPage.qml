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
    // Opened at its photos (the screenshot of a record's downloaded photos).
    property bool atPhotos: false
    readonly property recordView r: rc.view
    heading: rc.exists ? Labels.recordType(rc.recordType === "complaint" && page.r.kind === "repair" ? "repair" : rc.recordType)
                         + (page.r.receiptCode !== "" ? " · " + page.r.receiptCode : "")
                       : qsTr("Record")

    RecordController { id: rc }

    // A time of the record as the reader's locale writes it; "" when the record has none.
    function fmt(t): string {
        return t && !isNaN(t.getTime()) ? t.toLocaleString(Qt.locale(), "yyyy-MM-dd HH:mm") : ""
    }
    function yes(b) { return b ? qsTr("Yes") : qsTr("No") }
    // What a person needs to see of each kind of record, in order.
    function details() {
        const t = rc.recordType
        const r = page.r
        const out = []
        const add = (label, value) => { if (value !== undefined && value !== null && value !== "") out.push({ label: label, value: String(value) }) }
        if (t === "complaint") {
            add(qsTr("Channel"), Labels.channel(r.channel))
            add(qsTr("Flat"), Directory.unitLabel(r.unitId))
            add(qsTr("Complainant"), [r.complainantName, r.complainantPhone].filter(s => s).join(" · "))
            add(qsTr("Category"), Labels.category(r.category))
            add(qsTr("Received"), fmt(r.receivedAt))
            add(qsTr("Reply wanted by"), fmt(r.requestedReplyBy))
            add(qsTr("Urgent / serious"), yes(r.urgent) + " / " + yes(r.serious))
            add(qsTr("Validity"), r.validity !== "" && r.validity !== "undecided" ? Labels.validity(r.validity) + (r.cause !== "" ? " · " + Labels.cause(r.cause) : "") : "")
            add(qsTr("Grade"), r.grade > 0 ? Labels.grade(r.grade) : "")
            add(qsTr("Resident type"), Labels.residentType(r.residentType))
            add(qsTr("Handler"), Directory.staffName(r.handlerId))
            add(qsTr("Department"), r.departmentId !== "" ? Directory.departmentName(r.departmentId) : "")
            add(qsTr("Responsible leader"), r.leaderId !== "" ? Directory.staffName(r.leaderId) : "")
            add(qsTr("Agreed to solve by"), fmt(r.agreedBy))
            add(qsTr("Why invalid"), r.invalidReason)
            add(qsTr("Explanation"), r.explanation)
            add(qsTr("Outside result"), r.referralResult)
            add(qsTr("Handled"), Labels.handlingMode(r.handlingMode))
            add(qsTr("Measures"), r.measures)
            add(qsTr("Result"), r.result)
            add(qsTr("Reply"), r.reply)
            add(qsTr("Replied"), fmt(r.repliedAt))
            add(qsTr("Round"), r.round > 1 ? r.round : "")
        } else if (t === "suggestion") {
            add(qsTr("Channel"), Labels.channel(r.channel))
            add(qsTr("Flat"), Directory.unitLabel(r.unitId))
            add(qsTr("Resident"), [r.residentName, r.residentPhone].filter(s => s).join(" · "))
            add(qsTr("Category"), Labels.category(r.category))
            add(qsTr("Received"), fmt(r.receivedAt))
            add(qsTr("Reply agreed by"), fmt(r.agreedReplyBy))
            add(qsTr("Adopted"), r.adoptionDecided ? yes(r.adopted) : "")
            add(qsTr("Reply"), r.reply)
            add(qsTr("Why not adopted"), r.notAdoptedReason)
        } else if (t === "transfer_sheet") {
            add(qsTr("Subject"), r.subject)
            add(qsTr("Reason"), r.reason)
            add(qsTr("From"), Directory.departmentName(r.fromDepartmentId))
            add(qsTr("Level"), Labels.sheetLevel(r.level))
            add(qsTr("Arranged to"), r.assignedDepartmentId !== "" ? Directory.departmentName(r.assignedDepartmentId) : "")
            add(qsTr("Instructions"), r.instructions)
            add(qsTr("Result"), r.result)
            add(qsTr("Final reply"), r.finalReply)
        } else if (t === "arrangement_notice") {
            add(qsTr("Department"), Directory.departmentName(r.departmentId))
            add(qsTr("Assignee"), Directory.staffName(r.assigneeId))
            add(qsTr("Instructions"), r.instructions)
            add(qsTr("Done by"), fmt(r.dueBy))
            add(qsTr("Result"), r.result)
        } else if (t === "rectification") {
            add(qsTr("Found by"), Labels.rectificationSource(r.source))
            add(qsTr("Flat or area"), r.unitId !== "" ? Directory.unitLabel(r.unitId) : r.area)
            add(qsTr("Category"), Labels.category(r.category))
            add(qsTr("Signed by"), r.signerName)
            add(qsTr("Accepted by"), r.acceptedBy)
            add(qsTr("Accepted"), fmt(r.acceptedAt))
        } else if (t === "shift_handover") {
            add(qsTr("Handed over by"), Directory.staffName(r.fromStaffId))
            add(qsTr("Open complaints"), r.itemCount)
            add(qsTr("Notes"), r.notes)
            add(qsTr("Acknowledged by"), Directory.staffName(r.acknowledgedBy))
        } else if (t === "survey_campaign") {
            add(qsTr("Kind"), Labels.surveyKind(r.kind))
            add(qsTr("Method"), Labels.surveyMethod(r.method))
            add(qsTr("Period"), fmt(r.periodStart) + " – " + fmt(r.periodEnd))
            add(qsTr("Quota"), r.quota)
        } else if (t === "notice") {
            add(qsTr("Kind"), Labels.noticeKind(r.kind))
            add(qsTr("Title"), r.title)
            add(qsTr("Text"), r.body)
            add(qsTr("Valid"), fmt(r.validFrom) + " – " + fmt(r.validUntil))
        } else if (t === "inspection") {
            add(qsTr("Kind"), Labels.inspectionKind(r.kind))
            add(qsTr("Summary"), r.summary)
        } else if (t === "patrol_round") {
            add(qsTr("Guard"), Directory.staffName(r.guardId))
            add(qsTr("Started"), fmt(r.startedAt))
        }
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

    // A new record the server refused: kept here, not sent, until it is corrected and sent
    // again or discarded (docs/client.md, "Refusals").
    Rectangle {
        id: returnedBanner
        objectName: "returnedBanner"
        property bool confirmingDiscard: false
        visible: rc.exists && rc.returned
        Layout.fillWidth: true
        implicitHeight: returnedColumn.implicitHeight + 24
        radius: Theme.radius
        color: "#fdecea"
        border.color: Theme.danger
        border.width: 2
        ColumnLayout {
            id: returnedColumn
            anchors.fill: parent
            anchors.margins: 12
            spacing: 6
            Text {
                objectName: "returnedTitle"
                Layout.fillWidth: true
                text: qsTr("Refused — not sent")
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                font.family: Theme.fontFamily
                font.bold: true
            }
            BodyText {
                objectName: "returnedReason"
                Layout.fillWidth: true
                text: qsTr("The server's reason: %1").arg(rc.returnedReason)
            }
            BodyText {
                objectName: "returnedField"
                Layout.fillWidth: true
                visible: rc.returnedField !== ""
                text: qsTr("About: %1").arg(actionDialog.fieldLabel(rc.recordType, "edit", rc.returnedField))
            }
            BodyText {
                Layout.fillWidth: true
                muted: true
                text: qsTr("It is kept on this tablet only. Correct the details, then send it again; or discard it.")
            }
            RowLayout {
                visible: !returnedBanner.confirmingDiscard
                spacing: 8
                AppButton {
                    objectName: "sendAgain"
                    kind: "primary"
                    enabled: Session.signedIn
                    text: qsTr("Send again")
                    onClicked: rc.sendAgain()
                }
                AppButton {
                    objectName: "discardReturned"
                    kind: "quiet"
                    text: qsTr("Discard")
                    onClicked: returnedBanner.confirmingDiscard = true
                }
            }
            RowLayout {
                visible: returnedBanner.confirmingDiscard
                spacing: 8
                BodyText { text: qsTr("Discard this record for good? It was never sent.") }
                AppButton {
                    objectName: "confirmDiscard"
                    kind: "danger"
                    text: qsTr("Discard for good")
                    onClicked: { returnedBanner.confirmingDiscard = false; rc.discard() }
                }
                AppButton {
                    kind: "quiet"
                    text: qsTr("Keep it")
                    onClicked: returnedBanner.confirmingDiscard = false
                }
            }
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
                visible: rc.pending && !rc.returned
                text: qsTr("changes not yet sent")
                color: Theme.provisional
                font.pixelSize: Theme.fontSmall
                font.family: Theme.fontFamily
            }
            Text {
                visible: page.r.escalationLevel > 0
                text: qsTr("Escalated to the %1").arg(Labels.position(page.r.escalationNotify))
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
            text: page.r.headline
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
                    objectName: "detailLabel"
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
                    objectName: "detailValue"
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
                model: rc.links
                delegate: AppButton {
                    id: link
                    required property string recordId
                    required property string recordType
                    required property string note
                    objectName: "recordLink"
                    kind: "quiet"
                    text: (link.recordType !== "" ? Labels.recordType(link.recordType) : qsTr("Source"))
                          + (link.note !== "" ? " · " + link.note : "") + " ›"
                    onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: link.recordId })
                }
            }
        }
    }

    // The handling guidance for this kind of resident.
    Card {
        visible: rc.recordType === "complaint" && page.r.residentType !== ""
        SectionTitle { text: qsTr("Handling: %1").arg(Labels.residentType(page.r.residentType)) }
        BodyText { Layout.fillWidth: true; text: Labels.residentGuidance(page.r.residentType) }
        BodyText { Layout.fillWidth: true; muted: true; text: qsTr("Never say: %1").arg(Array.from(Guidance.forbiddenPhrases).join("、")) }
    }
    Card {
        visible: rc.recordType === "complaint" && page.r.validity === "invalid" && page.r.cause !== ""
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
        // Plain fields the person may correct without a step (a supervisor marks it urgent…).
        AppButton {
            objectName: "editRecord"
            visible: rc.exists && rc.state !== "" && rc.editForm().length > 0
            kind: "quiet"
            text: qsTr("Correct the details")
            onClicked: actionDialog.openFor("edit")
        }
        BodyText {
            visible: !Session.signedIn
            muted: true
            text: qsTr("Sign in to act on this record.")
        }
    }

    Card {
        visible: rc.exists && rc.recordType === "complaint" && rc.visits.count > 0
        SectionTitle { text: qsTr("Follow-up visits") }
        Repeater {
            model: rc.visits
            delegate: BodyText {
                id: visit
                required property visitView row
                Layout.fillWidth: true
                text: page.fmt(visit.row.at) + " · " + Labels.visitMethod(visit.row.method) + " · "
                      + (visit.row.satisfied ? qsTr("satisfied") : qsTr("not satisfied")) + " — " + visit.row.opinion
            }
        }
    }
    Card {
        visible: rc.exists && rc.recordType === "rectification" && rc.rounds.count > 0
        SectionTitle { text: qsTr("Rounds") }
        Repeater {
            model: rc.rounds
            delegate: BodyText {
                id: roundRow
                required property rectificationRoundView row
                Layout.fillWidth: true
                text: qsTr("Round %1").arg(roundRow.row.number) + (roundRow.row.developer ? " · " + qsTr("developer") : " · " + qsTr("in-house"))
                      + (roundRow.row.measures !== "" ? " · " + roundRow.row.measures : "")
                      + (page.fmt(roundRow.row.completionBy) !== "" ? " · " + qsTr("by %1").arg(page.fmt(roundRow.row.completionBy)) : "")
                      + (roundRow.row.result !== "" ? " · " + qsTr("result: %1").arg(roundRow.row.result) : "")
                      + (roundRow.row.objection !== "" ? " · " + qsTr("objection: %1").arg(roundRow.row.objection) : "")
            }
        }
        AttachmentImage {
            visible: page.r.signatureSha256 !== ""
            sha256: page.r.signatureSha256
            signature: true
            Layout.preferredWidth: 300
            Layout.preferredHeight: 120
        }
    }

    // After the record's cards are laid out.
    Timer {
        running: page.atPhotos && rc.exists
        interval: 100
        onTriggered: page.scrollTo(photosCard)
    }

    Card {
        id: photosCard
        visible: rc.exists
        SectionTitle { text: qsTr("Photos") }
        PhotoStrip {
            Layout.fillWidth: true
            attachments: page.r.attachments
            canAdd: Session.signedIn
            onAdded: (a) => rc.attachBlob(a)
        }
    }

    Card {
        visible: rc.exists
        SectionTitle { text: qsTr("Comments") }
        Repeater {
            model: rc.comments
            delegate: BodyText {
                id: commentRow
                required property commentView row
                objectName: "commentLine"
                Layout.fillWidth: true
                text: page.fmt(commentRow.row.at) + " · " + Directory.staffName(commentRow.row.author) + ": " + commentRow.row.text
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
            model: rc.history.count === 0 ? rc.timeline : null
            delegate: RowLayout {
                id: step
                required property timelineStepView row
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    text: page.fmt(step.row.at)
                    color: Theme.muted
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                    Layout.preferredWidth: 150
                }
                BodyText {
                    Layout.fillWidth: true
                    text: (step.row.actorName || Directory.staffName(step.row.actor)) + " · " + Labels.action(step.row.action)
                          + (step.row.toState !== "" ? " → " + Labels.state(step.row.toState) : "") + (step.row.note !== "" ? " · " + step.row.note : "")
                }
            }
        }
    }
    ErrorBanner { Layout.fillWidth: true; text: rc.lastError; advice: rc.lastError !== "" ? Labels.whatToDo(rc.lastErrorCode) : "" }

    ActionDialog { id: actionDialog; objectName: "actionDialog"; controller: rc }
}
