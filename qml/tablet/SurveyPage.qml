pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// A door-to-door survey: the campaign's sample (which households to visit, the focused ones
// marked), progress against the quota, and each visit: a score per category on the five faces,
// a comment — or "not at home" / "refused".
PageScaffold {
    id: page
    heading: sc.recordId === "" ? qsTr("Surveys") : (sc.title || Labels.surveyKind(sc.kind))
    property alias recordId: sc.recordId
    property string unitId: ""
    property var scores: ({})

    SurveyController { id: sc }

    tools: [
        AppButton {
            visible: Session.supervisor && sc.recordId === ""
            kind: "secondary"
            text: qsTr("Plan a survey")
            onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/SurveyPlanPage.qml")
        }
    ]

    Card {
        visible: sc.recordId === ""
        SectionTitle { text: qsTr("Open surveys") }
        Repeater {
            model: DirectoryList { id: openCampaigns; kind: DirectoryList.Campaigns; parentId: App.currentCommunity }
            delegate: AppButton {
                id: item1
                required property directoryItem row
                Layout.fillWidth: true
                kind: "secondary"
                text: (item1.row.name || Labels.surveyKind(item1.row.kind)) + " · " + Labels.surveyMethod(item1.row.method)
                onClicked: sc.recordId = item1.row.id
            }
        }
        BodyText {
            visible: openCampaigns.count === 0
            muted: true
            text: qsTr("No survey is open in this community.")
        }
    }

    Card {
        visible: sc.recordId !== ""
        RowLayout {
            Layout.fillWidth: true
            BodyText {
                Layout.fillWidth: true
                font.bold: true
                text: qsTr("%1 of %2 households answered").arg(sc.answered).arg(sc.quota)
            }
            AppButton {
                kind: "quiet"
                text: qsTr("Campaign ›")
                onClicked: Nav.push("qrc:/qt/qml/Courtyard/tablet/RecordPage.qml", { recordId: sc.recordId })
            }
        }
        ProgressBar { Layout.fillWidth: true; from: 0; to: Math.max(1, sc.quota); value: sc.answered }
        ErrorBanner { Layout.fillWidth: true; text: sc.lastError }
    }

    // The household being visited.
    Card {
        visible: sc.recordId !== "" && page.unitId !== ""
        SectionTitle { text: Directory.unitLabel(page.unitId) }
        Repeater {
            model: sc.categories
            delegate: ColumnLayout {
                id: item2
                required property string modelData
                Layout.fillWidth: true
                BodyText { text: Labels.category(item2.modelData); font.bold: true }
                FaceScale {
                    value: page.scores[item2.modelData] || 0
                    onPicked: (score) => { const s = page.scores; s[item2.modelData] = score; page.scores = s }
                }
            }
        }
        FormField { label: qsTr("Comments"); TextBox { id: comment; accessibleName: qsTr("Comments"); Layout.fillWidth: true } }
        RowLayout {
            AppButton {
                text: qsTr("Save answers")
                onClicked: if (sc.record(page.unitId, page.scores, comment.text)) { page.unitId = ""; page.scores = {}; comment.clear() }
            }
            AppButton { kind: "secondary"; text: qsTr("Not at home"); onClicked: if (sc.notAtHome(page.unitId)) page.unitId = "" }
            AppButton { kind: "secondary"; text: qsTr("Refused"); onClicked: if (sc.refused(page.unitId)) page.unitId = "" }
            AppButton { kind: "quiet"; text: qsTr("Cancel"); onClicked: { page.unitId = ""; page.scores = {} } }
        }
    }

    Card {
        visible: sc.recordId !== "" && page.unitId === ""
        SectionTitle { text: qsTr("Households to visit") }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: sc.households
                delegate: AppButton {
                    id: household
                    required property householdView row
                    objectName: "household"
                    kind: household.row.outcome === "answered" ? "quiet" : household.row.outcome === "pending" ? "primary" : "secondary"
                    text: household.row.label + (household.row.focused ? " ★" : "") + (household.row.outcome !== "pending" ? " · " + Labels.outcome(household.row.outcome) : "")
                    enabled: household.row.outcome !== "answered"
                    onClicked: { page.unitId = household.row.unitId; page.scores = {} }
                }
            }
        }
        BodyText { muted: true; text: qsTr("★ focused household (complained or dissatisfied before)") }
        AppButton { kind: "secondary"; text: qsTr("Other surveys"); onClicked: sc.recordId = "" }
    }
}
