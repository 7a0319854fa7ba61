pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The community's current survey: the flat first (one answer per household), then one tap per
// category on the five faces, an optional comment, and thanks.
Item {
    id: page
    property int step: 0          // 0 flat, 1 faces, 2 thanks
    property string unitId: ""
    property var scores: ({})
    readonly property kioskSurveyView survey: Kiosk.survey

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.margin
        Text {
            Layout.fillWidth: true
            text: page.survey.title || qsTr("Satisfaction survey")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.primary
            wrapMode: Text.WordWrap
        }
        BodyText {
            visible: !page.survey.valid
            text: qsTr("There is no survey running now.")
        }
        KioskUnitPicker {
            visible: page.survey.valid && page.step === 0
            Layout.fillWidth: true
            onPicked: (id) => {
                if (Kiosk.householdAnswered(id)) {
                    already.visible = true
                    return
                }
                already.visible = false
                page.unitId = id
                page.step = 1
            }
        }
        ErrorBanner {
            id: already
            visible: false
            Layout.fillWidth: true
            warning: true
            text: qsTr("Your household has already answered this survey. Thank you!")
        }
        Flickable {
            visible: page.step === 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: faces.implicitHeight
            clip: true
            ColumnLayout {
                id: faces
                width: parent.width
                spacing: Theme.margin
                BodyText { text: qsTr("How happy are you with…"); font.pixelSize: Theme.fontLarge }
                Repeater {
                    model: page.survey.categories
                    delegate: ColumnLayout {
                        id: item1
                        required property string modelData
                        Layout.fillWidth: true
                        spacing: 6
                        RowLayout {
                            Image {
                                source: "qrc:/qt/qml/Courtyard/icons/" + item1.modelData + ".svg"
                                Layout.preferredWidth: Theme.fontHuge
                                Layout.preferredHeight: Theme.fontHuge
                                sourceSize.width: 96; sourceSize.height: 96
                            }
                            BodyText { text: Labels.category(item1.modelData); font.bold: true; font.pixelSize: Theme.fontLarge }
                        }
                        FaceScale {
                            value: page.scores[item1.modelData] || 0
                            onPicked: (score) => { const s = page.scores; s[item1.modelData] = score; page.scores = s }
                        }
                    }
                }
                TextBox { id: comment; Layout.fillWidth: true; placeholderText: qsTr("Anything else? (optional)") }
                ErrorBanner { id: error; Layout.fillWidth: true; text: "" }
                AppButton {
                    implicitHeight: Theme.touch * 1.4
                    font.pixelSize: Theme.fontLarge
                    text: qsTr("Send my answers")
                    onClicked: {
                        if (Kiosk.answerSurvey(page.unitId, page.scores, comment.text))
                            page.step = 2
                        else
                            error.text = Kiosk.lastError
                    }
                }
            }
        }
        ColumnLayout {
            visible: page.step === 2
            Layout.fillWidth: true
            spacing: Theme.margin
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Thank you for your answers!")
                font.pixelSize: Theme.fontHuge
                font.bold: true
                font.family: Theme.fontFamily
                color: Theme.ok
                wrapMode: Text.WordWrap
            }
            AppButton {
                Layout.alignment: Qt.AlignHCenter
                implicitHeight: Theme.touch * 1.4
                font.pixelSize: Theme.fontLarge
                text: qsTr("Done")
                onClicked: Kiosk.reset()
            }
        }
        Item { Layout.fillHeight: page.step !== 1 }
    }
}
