pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The supervisor's desk: new complaints waiting for a handler, the weekly review of the
// department's complaint records and transfer sheets, work arrangement notices, and notices for
// the residents' kiosks.
PageScaffold {
    id: page
    heading: qsTr("Supervisor")
    scrolling: false
    property int tab: 0
    // The week under review, Monday to Monday in the community's zone: the weekly report's week.
    PeriodController { id: week; unit: "week" }
    // What the review counts (complaints proper, not cancelled; sheets sent or assigned), as the
    // server's weekly report counts; read again whenever the week's lists change.
    readonly property var weekCounts: {
        weekComplaints.total
        weekSheets.total
        return intake.weeklyReviewCounts(Session.departmentId, week.label)
    }

    IntakeController { id: intake }
    DirectoryList { id: handlers; kind: DirectoryList.Staff; roles: ["staff", "supervisor"] }
    RecordListModel { id: toAssign; types: ["complaint"]; states: ["received"]; communityId: App.currentCommunity; order: "due" }
    RecordListModel { id: weekComplaints; types: ["complaint"]; scope: "department"; from: week.from; until: week.until; order: "oldest"; pageSize: 200 }
    RecordListModel { id: weekSheets; types: ["transfer_sheet"]; scope: "department"; from: week.from; until: week.until; order: "oldest"; pageSize: 200 }
    RecordListModel { id: weekOpen; types: ["complaint", "transfer_sheet"]; scope: "department"; openOnly: true; from: week.from; until: week.until; pageSize: 200 }
    RecordListModel { id: notices; types: ["arrangement_notice"]; openOnly: true; communityId: App.currentCommunity; order: "due" }
    RecordListModel { id: kioskNotices; types: ["notice"]; states: ["published"]; communityId: App.currentCommunity; order: "recent" }


    TabBar {
        id: tabs
        Layout.fillWidth: true
        currentIndex: page.tab
        onCurrentIndexChanged: page.tab = currentIndex
        TabButton { text: qsTr("To assign (%1)").arg(toAssign.total); font.pixelSize: Theme.fontBody }
        TabButton { text: qsTr("Weekly review"); font.pixelSize: Theme.fontBody }
        TabButton { text: qsTr("Arrangement notices"); font.pixelSize: Theme.fontBody }
        TabButton { text: qsTr("Kiosk notices"); font.pixelSize: Theme.fontBody }
    }

    StackLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.margins: Theme.margin
        currentIndex: page.tab

        // New complaints: decide who handles each.
        ListView {
            clip: true
            model: toAssign
            spacing: 6
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: assignRow
                required property string recordId
                required property string title
                required property string unitId
                required property var dueAt
                required property string dueRule
                required property bool provisional
                required property string category
                width: ListView.view.width
                implicitHeight: assignLayout.implicitHeight + 20
                color: Theme.paper
                radius: Theme.radius
                border.color: Theme.line
                RecordController { id: assignController; recordId: assignRow.recordId }
                RowLayout {
                    id: assignLayout
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        BodyText { Layout.fillWidth: true; text: assignRow.title; maximumLineCount: 2; elide: Text.ElideRight }
                        BodyText { muted: true; text: Labels.category(assignRow.category) + " · " + Directory.unitLabel(assignRow.unitId) }
                        DeadlineLabel { compact: true; dueAt: assignRow.dueAt === undefined ? null : assignRow.dueAt; rule: assignRow.dueRule; provisional: assignRow.provisional }
                        Text { visible: assignController.lastError !== ""; text: assignController.lastError; color: Theme.danger; font.pixelSize: Theme.fontSmall }
                    }
                    ComboBox {
                        id: handlerBox
                        Accessible.name: qsTr("Handler")
                        implicitHeight: Theme.touch
                        implicitWidth: 220
                        model: handlers
                        textRole: "name"
                        valueRole: "id"
                        currentIndex: -1
                        displayText: currentIndex < 0 ? qsTr("Handler") : currentText
                    }
                    AppButton {
                        text: qsTr("Assign")
                        enabled: handlerBox.currentIndex >= 0
                        onClicked: {
                            const s = Directory.item(handlerBox.currentValue)
                            assignController.perform("assign", { handler_id: s.id, department_id: s.departmentId })
                        }
                    }
                    AppButton {
                        kind: "quiet"
                        text: qsTr("Open ›")
                        onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: assignRow.recordId })
                    }
                }
            }
            BodyText { anchors.centerIn: parent; visible: toAssign.count === 0; muted: true; text: qsTr("Every complaint has a handler.") }
        }

        // Weekly review.
        Flickable {
            clip: true
            contentHeight: review.implicitHeight
            ColumnLayout {
                id: review
                width: parent.width
                spacing: Theme.spacing
                RowLayout {
                    AppButton { kind: "secondary"; text: qsTr("‹ Week before"); onClicked: week.step(-1) }
                    BodyText {
                        font.bold: true
                        text: qsTr("Week of %1 · %2").arg(week.firstDay).arg(Directory.departmentName(Session.departmentId))
                    }
                    AppButton { kind: "secondary"; text: qsTr("Week after ›"); onClicked: week.step(1) }
                }
                RowLayout {
                    spacing: Theme.margin
                    Repeater {
                        model: [
                            { label: qsTr("Complaint records"), value: page.weekCounts.complaints ?? 0 },
                            { label: qsTr("Transfer sheets"), value: page.weekCounts.transferSheets ?? 0 },
                            { label: qsTr("Still open"), value: weekOpen.count },
                            { label: qsTr("Overdue"), value: weekOpen.overdueCount }
                        ]
                        delegate: Card {
                            id: figure
                            required property var modelData
                            Layout.preferredWidth: 200
                            Layout.fillWidth: false
                            Text { text: figure.modelData.value; font.pixelSize: Theme.fontHuge; font.bold: true; color: Theme.primary }
                            BodyText { text: figure.modelData.label; muted: true }
                        }
                    }
                }
                Repeater {
                    model: weekComplaints
                    delegate: RecordDelegate {
                        Layout.fillWidth: true
                        onOpen: (id) => Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id })
                    }
                }
                Repeater {
                    model: weekSheets
                    delegate: RecordDelegate {
                        Layout.fillWidth: true
                        onOpen: (id) => Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id })
                    }
                }
                FormField { label: qsTr("Review notes"); TextBox { id: reviewNotes; accessibleName: qsTr("Review notes"); Layout.fillWidth: true } }
                ErrorBanner { Layout.fillWidth: true; text: intake.lastError }
                AppButton {
                    text: qsTr("Record this week's review")
                    onClicked: if (intake.createWeeklyReview(Session.departmentId, week.from, reviewNotes.text) !== "") {
                        reviewNotes.clear()
                        reviewSaved.visible = true
                    }
                }
                BodyText { id: reviewSaved; visible: false; color: Theme.ok; text: qsTr("Review recorded.") }
            }
        }

        // Arrangement notices.
        Flickable {
            clip: true
            contentHeight: arrange.implicitHeight
            ColumnLayout {
                id: arrange
                width: parent.width
                spacing: Theme.spacing
                Repeater {
                    model: notices
                    delegate: RecordDelegate {
                        Layout.fillWidth: true
                        onOpen: (id) => Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id })
                    }
                }
                Card {
                    SectionTitle { text: qsTr("New arrangement notice") }
                    FormField {
                        label: qsTr("Department")
                        ComboBox {
                            id: noticeDept
                            Accessible.name: qsTr("Department")
                            Layout.fillWidth: true
                            implicitHeight: Theme.touch
                            model: DirectoryList { kind: DirectoryList.Departments }
                            textRole: "name"
                            valueRole: "id"
                        }
                    }
                    FormField {
                        label: qsTr("Assignee (optional)")
                        ComboBox {
                            id: noticeAssignee
                            Accessible.name: qsTr("Assignee (optional)")
                            Layout.fillWidth: true
                            implicitHeight: Theme.touch
                            enabled: noticeDept.currentIndex >= 0
                            model: DirectoryList {
                                kind: DirectoryList.Staff
                                parentId: noticeDept.currentIndex >= 0 ? noticeDept.currentValue : ""
                                noneLabel: "—"
                            }
                            textRole: "name"
                            valueRole: "id"
                        }
                    }
                    FormField { label: qsTr("Instructions"); required: true; TextBox { id: noticeText; accessibleName: qsTr("Instructions"); Layout.fillWidth: true } }
                    FormField { label: qsTr("Done by"); DateTimeField { id: noticeDue } }
                    AppButton {
                        text: qsTr("Issue notice")
                        onClicked: {
                            const form = { department_id: noticeDept.currentValue, assignee_id: noticeAssignee.currentValue || "",
                                           instructions: noticeText.text, source: "daily_check" }
                            if (noticeDue.value) form.due_by = noticeDue.value
                            if (intake.createArrangementNotice(form) !== "") { noticeText.clear(); noticeDue.value = null }
                        }
                    }
                    ErrorBanner { Layout.fillWidth: true; text: intake.lastError }
                }
            }
        }

        // Notices on the kiosks.
        Flickable {
            clip: true
            contentHeight: kioskColumn.implicitHeight
            ColumnLayout {
                id: kioskColumn
                width: parent.width
                spacing: Theme.spacing
                AppButton { text: qsTr("+ New notice"); onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/NoticeIntakePage.qml") }
                Repeater {
                    model: kioskNotices
                    delegate: RecordDelegate {
                        Layout.fillWidth: true
                        onOpen: (id) => Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: id })
                    }
                }
            }
        }
    }
}
