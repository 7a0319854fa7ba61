pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// A supervisor plans a survey: kind, method, categories and period; the sample (5% random plus
// the focused households for a monthly survey, 50% for the annual one) is drawn by the shared
// planner, and the campaign opens for the staff.
PageScaffold {
    id: page
    heading: qsTr("Plan a survey")
    property string kind: "monthly_solicitation"
    property string method: "door_to_door"
    property var categories: Guidance.categories

    SurveyController { id: sc }

    Card {
        FormField {
            label: qsTr("Kind")
            ChoiceRow {
                Layout.fillWidth: true
                options: ["monthly_solicitation", "annual", "activity_follow_up", "special"]
                current: page.kind
                labelFor: Labels.surveyKind
                onChosen: (id) => page.kind = id
            }
        }
        FormField {
            label: qsTr("Method")
            ChoiceRow {
                Layout.fillWidth: true
                options: ["door_to_door", "phone", "outdoor", "questionnaire", "kiosk"]
                current: page.method
                labelFor: Labels.surveyMethod
                onChosen: (id) => page.method = id
            }
        }
        FormField { label: qsTr("Title"); InputField { id: title; Accessible.name: qsTr("Title"); Layout.fillWidth: true } }
        FormField {
            label: qsTr("Categories asked")
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Repeater {
                    model: Guidance.categories
                    delegate: CheckBox {
                        id: item1
                        required property string modelData
                        text: Labels.category(item1.modelData)
                        font.pixelSize: Theme.fontBody
                        checked: page.categories.indexOf(item1.modelData) >= 0
                        onToggled: {
                            const c = page.categories.filter(x => x !== item1.modelData)
                            if (checked) c.push(item1.modelData)
                            page.categories = c
                        }
                    }
                }
            }
        }
        FormField { label: qsTr("Starts"); DateTimeField { id: start; allowNone: false; presets: ["today18", "tomorrow"] } }
        FormField { label: qsTr("Ends"); DateTimeField { id: end; allowNone: false; presets: ["7d", "30d"] } }
        ErrorBanner { Layout.fillWidth: true; text: sc.lastError }
        AppButton {
            text: qsTr("Draw the sample and open")
            onClicked: {
                const id = sc.plan({ kind: page.kind, method: page.method, title: title.text.trim(), categories: page.categories,
                                     period_start: start.value || App.now, period_end: end.value })
                if (id !== "")
                    Nav.swap("qrc:/qt/qml/Courtyard/tablet/SurveyPage.qml", { recordId: id })
            }
        }
    }
}
