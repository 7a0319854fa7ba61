pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Notices for residents: those the server has that ended in the last 90 days or end later (older
// ones when asked) — the console's and those supervisors published on tablets — in a table that
// filters by what is on the kiosks now and sorts (tap a heading); publishing one for some
// communities or for every community; changing one; and withdrawing one with a reason (the
// kiosks drop it at their next sync). The server checks each as it would a tablet's; a refusal
// appears beside the field it is about and changes nothing.
PageScaffold {
    id: page
    objectName: "noticesPage"
    heading: qsTr("Notices")
    readonly property NoticeAdmin controller: notices // for tests

    NoticeAdmin { id: notices }
    // "new": the page opens on a new notice's form (the screenshots show it so).
    property string openOnLoad: ""
    Component.onCompleted: {
        notices.refresh()
        if (page.openOnLoad !== "")
            page.openForm(page.openOnLoad)
    }

    // "": the form is closed; "new": publishing; else the id of the notice being changed.
    property string editing: ""
    property string kind: "water_cut"
    property string confirmWithdraw: ""
    readonly property noticeView edited: notices.total >= 0 ? notices.find(page.editing) : notices.find("")

    function standingText(s) {
        switch (s) {
        case "showing": return qsTr("On show")
        case "upcoming": return qsTr("Upcoming")
        case "ended": return qsTr("Ended")
        case "withdrawn": return qsTr("Withdrawn")
        }
        return s
    }
    function when(t) { return t.toLocaleString(Qt.locale(App.language), "yy-MM-dd HH:mm") }
    function openForm(id) {
        notices.clearError()
        page.editing = id
        const n = notices.find(id)
        page.kind = id === "new" ? "water_cut" : n.kind
        title.text = id === "new" ? "" : n.title
        noticeBody.text = id === "new" ? "" : n.body
        where.text = id === "new" ? "" : n.location
        urgent.checked = id === "new" ? false : n.urgent
        from.value = id === "new" ? null : new Date(n.validFrom.getTime())
        until.value = id === "new" ? null : new Date(n.validUntil.getTime())
        everyCommunity.checked = false
        communities.choose([])
    }

    Connections {
        target: notices
        function onSaved(what: string) {
            if (what === "publish" || what === "change")
                page.editing = ""
            else if (what === "withdraw")
                page.confirmWithdraw = ""
        }
    }

    tools: [
        AppButton {
            objectName: "newNotice"
            kind: "secondary"
            text: qsTr("Publish a notice")
            onClicked: page.openForm("new")
        },
        AppButton {
            kind: "quiet"
            text: qsTr("Refresh")
            onClicked: { notices.clearError(); notices.refresh() }
        }
    ]

    ErrorBanner {
        objectName: "noticesError"
        Layout.fillWidth: true
        // Reasons about a field of the open form stand beside it; the others here.
        text: (page.editing === "" && page.confirmWithdraw === "") || notices.errorField === "" ? notices.error : ""
    }

    // ---- publishing or changing one
    Card {
        objectName: "noticeForm"
        visible: page.editing !== ""
        SectionTitle {
            text: page.editing === "new" ? qsTr("A new notice")
                                         : qsTr("Change the notice for %1").arg(page.edited.communityName)
        }
        FormField {
            visible: page.editing === "new"
            label: qsTr("For")
            required: true
            CheckBox {
                id: everyCommunity
                objectName: "everyCommunity"
                text: qsTr("Every community of the company")
                font.pixelSize: Theme.fontBody
            }
            CommunityChecks { id: communities; visible: !everyCommunity.checked; model: notices.communities }
            FieldMessage { source: notices; field: "community_ids" }
        }
        FormField {
            visible: page.editing === "new"
            label: qsTr("Kind")
            ChoiceRow {
                objectName: "noticeKind"
                Layout.fillWidth: true
                options: Guidance.noticeKinds
                current: page.kind
                labelFor: Labels.noticeKind
                onChosen: (id) => page.kind = id
            }
            FieldMessage { source: notices; field: "kind" }
        }
        FormField {
            label: qsTr("Title")
            required: true
            InputField { id: title; objectName: "noticeTitle"; Accessible.name: qsTr("Title"); Layout.fillWidth: true }
            FieldMessage { source: notices; field: "title" }
        }
        FormField {
            label: qsTr("Text")
            TextBox { id: noticeBody; objectName: "noticeText"; accessibleName: qsTr("Text"); Layout.fillWidth: true; minLines: 3 }
            FieldMessage { source: notices; field: "body" }
        }
        FormField {
            label: qsTr("Where")
            hint: qsTr("Pest control notices say where the warning signs stand.")
            InputField { id: where; objectName: "noticeWhere"; Accessible.name: qsTr("Where"); Layout.fillWidth: true }
            FieldMessage { source: notices; field: "location" }
        }
        CheckBox { id: urgent; objectName: "noticeUrgent"; text: qsTr("Urgent (shown first)"); font.pixelSize: Theme.fontBody }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            FormField {
                Layout.alignment: Qt.AlignTop
                label: qsTr("Shown from")
                hint: page.editing === "new" ? qsTr("None: from now.") : ""
                DateTimeField { id: from; objectName: "noticeFrom"; allowNone: true; presets: ["tomorrow", "3d", "7d"] }
                FieldMessage { source: notices; field: "valid_from" }
            }
            FormField {
                Layout.alignment: Qt.AlignTop
                label: qsTr("Shown until")
                required: true
                DateTimeField { id: until; objectName: "noticeUntil"; allowNone: false; presets: ["tomorrow", "3d", "7d", "30d"] }
                FieldMessage { source: notices; field: "valid_until" }
            }
        }
        RowLayout {
            spacing: Theme.spacing
            AppButton {
                objectName: "saveNotice"
                text: page.editing === "new" ? qsTr("Publish to the kiosks") : qsTr("Save")
                enabled: !notices.busy
                onClicked: {
                    if (page.editing === "new")
                        notices.publish(communities.chosen(), everyCommunity.checked, page.kind, title.text, noticeBody.text,
                                        where.text, urgent.checked, from.value, until.value)
                    else
                        notices.change(page.editing, title.text, noticeBody.text, where.text, urgent.checked, from.value,
                                       until.value)
                }
            }
            AppButton {
                kind: "quiet"
                text: qsTr("Cancel")
                onClicked: { page.editing = ""; notices.clearError() }
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
                objectName: "noticeFilter"
                Accessible.name: qsTr("Filter")
                placeholderText: qsTr("Filter by title, text, community or place")
                Layout.fillWidth: true
                onTextChanged: notices.filter = filterField.text
            }
            BodyText {
                muted: true
                text: qsTr("%1 of %2").arg(notices.notices.count).arg(notices.total)
            }
        }
        ChoiceRow {
            objectName: "noticeStanding"
            Layout.fillWidth: true
            options: ["", "showing", "upcoming", "ended", "withdrawn"]
            current: notices.standing
            labelFor: (id) => id === "" ? qsTr("All") : page.standingText(id)
            onChosen: (id) => notices.standing = id
        }
        SortHeadings {
            columns: [
                { key: "title", text: qsTr("Title"), width: 5 },
                { key: "community", text: qsTr("Community"), width: 3 },
                { key: "kind", text: qsTr("Kind"), width: 2 },
                { key: "valid_from", text: qsTr("From"), width: 3 },
                { key: "valid_until", text: qsTr("Until"), width: 3 }
            ]
            sortKey: notices.sortKey
            descending: notices.descending
            onSortBy: (key) => notices.sortBy(key)
            Item { Layout.preferredWidth: 100 }
            Item { Layout.preferredWidth: 260 }
        }
        Repeater {
            model: notices.notices
            delegate: ColumnLayout {
                id: notice
                required property noticeView row
                readonly property bool live: notice.row.standing === "showing" || notice.row.standing === "upcoming"
                objectName: "noticeRow-" + notice.row.noticeId
                Layout.fillWidth: true
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    TableCell {
                        share: 5
                        text: (notice.row.urgent ? qsTr("Urgent: ") : "") + notice.row.title
                        font.bold: notice.row.urgent
                        color: notice.live ? Theme.ink : Theme.muted
                    }
                    TableCell { share: 3; text: notice.row.communityName }
                    TableCell { share: 2; text: Labels.noticeKind(notice.row.kind) }
                    TableCell { share: 3; text: page.when(notice.row.validFrom) }
                    TableCell { share: 3; text: page.when(notice.row.validUntil) }
                    TableCell {
                        objectName: "standing"
                        Layout.preferredWidth: 100
                        Layout.fillWidth: false
                        text: page.standingText(notice.row.standing)
                        color: notice.row.standing === "showing" ? Theme.ok : Theme.muted
                        font.bold: notice.row.standing === "showing"
                    }
                    RowLayout {
                        Layout.preferredWidth: 260
                        spacing: 4
                        AppButton {
                            objectName: "change-" + notice.row.noticeId
                            visible: notice.row.standing !== "withdrawn"
                            kind: "secondary"
                            text: qsTr("Change")
                            onClicked: page.openForm(notice.row.noticeId)
                        }
                        AppButton {
                            objectName: "withdraw-" + notice.row.noticeId
                            visible: notice.live
                            kind: page.confirmWithdraw === notice.row.noticeId ? "quiet" : "secondary"
                            text: page.confirmWithdraw === notice.row.noticeId ? qsTr("Keep it") : qsTr("Withdraw")
                            onClicked: {
                                notices.clearError()
                                page.confirmWithdraw = page.confirmWithdraw === notice.row.noticeId ? "" : notice.row.noticeId
                            }
                        }
                    }
                }
                // Withdrawing: the reason goes into the notice's history.
                RowLayout {
                    visible: page.confirmWithdraw === notice.row.noticeId
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    InputField {
                        id: reason
                        objectName: "withdrawReason"
                        Accessible.name: qsTr("Why it is withdrawn")
                        placeholderText: qsTr("Why it is withdrawn, e.g. the work was moved to next week")
                        Layout.fillWidth: true
                    }
                    AppButton {
                        objectName: "confirmWithdraw"
                        kind: "danger"
                        text: qsTr("Withdraw from the kiosks")
                        enabled: !notices.busy
                        onClicked: notices.withdraw(notice.row.noticeId, reason.text)
                    }
                }
                FieldMessage {
                    visible: page.confirmWithdraw === notice.row.noticeId && text !== ""
                    source: notices
                    field: "reason"
                }
            }
        }
        // Notices that ended long ago are not listed until asked for (a group's company-wide
        // notices are one per community: years of them are tens of thousands).
        RowLayout {
            visible: notices.older > 0
            Layout.fillWidth: true
            spacing: Theme.spacing
            BodyText {
                objectName: "olderNotices"
                Layout.fillWidth: true
                muted: true
                text: qsTr("%n notice(s) that ended before %1 are not listed.", "", notices.older).arg(page.when(notices.listedSince))
            }
            AppButton {
                objectName: "listAllNotices"
                kind: "secondary"
                text: qsTr("List them too")
                enabled: !notices.busy
                onClicked: notices.listAll()
            }
        }
        MoreRows {
            matching: notices.matching
            shown: notices.shownCount
            onShowMore: notices.showMore()
        }
        BodyText {
            visible: notices.notices.count === 0 && !notices.busy
            muted: true
            text: notices.total === 0 ? qsTr("No notices yet.") : qsTr("No notice matches the filter.")
        }
    }
}
