pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The kiosk's start: six big choices with pictures and words, and any urgent notice on top.
Item {
    id: home
    readonly property kioskSurveyView survey: Kiosk.survey
    objectName: "home"
    property bool showIdleWarning: false

    function go(page, props) { Nav.push("qrc:/qt/qml/Courtyard/kiosk/" + page, props || {}) }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.margin

        Repeater {
            model: Kiosk.notices // urgent ones first: the first two of them on top
            delegate: Rectangle {
                id: item1
                required property int index
                required property string kind
                required property string title
                required property bool urgent
                visible: item1.urgent && item1.index < 2
                Layout.fillWidth: true
                implicitHeight: urgentText.implicitHeight + 32
                radius: Theme.radius
                color: "#fdecea"
                border.color: Theme.danger
                border.width: 3
                BodyText {
                    id: urgentText
                    objectName: "urgentBanner"
                    anchors.fill: parent
                    anchors.margins: 16
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.danger
                    text: Labels.noticeKind(item1.kind) + " · " + item1.title
                }
                Accessible.role: Accessible.Button
                Accessible.name: urgentText.text
                Accessible.onPressAction: home.go("KioskNoticesPage.qml")
                MouseArea { anchors.fill: parent; onClicked: home.go("KioskNoticesPage.qml") }
            }
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("How can we help?")
            font.pixelSize: Theme.fontHuge
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.ink
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: home.width > home.height ? 3 : 2
            rowSpacing: Theme.margin
            columnSpacing: Theme.margin
            Tile {
                Layout.fillWidth: true; Layout.fillHeight: true
                text: qsTr("Make a complaint"); subtitle: qsTr("Something is wrong")
                iconSource: "qrc:/qt/qml/Courtyard/icons/complaint.svg"
                onClicked: home.go("KioskFilePage.qml", { kind: "complaint" })
            }
            Tile {
                Layout.fillWidth: true; Layout.fillHeight: true
                text: qsTr("Ask for a repair"); subtitle: qsTr("Something is broken")
                iconSource: "qrc:/qt/qml/Courtyard/icons/repair.svg"
                onClicked: home.go("KioskFilePage.qml", { kind: "repair", category: "repairs", step: 1 })
            }
            Tile {
                Layout.fillWidth: true; Layout.fillHeight: true
                text: qsTr("Make a suggestion"); subtitle: qsTr("An idea to do better")
                iconSource: "qrc:/qt/qml/Courtyard/icons/suggestion.svg"
                onClicked: home.go("KioskFilePage.qml", { kind: "suggestion" })
            }
            Tile {
                Layout.fillWidth: true; Layout.fillHeight: true
                text: qsTr("Check my receipt"); subtitle: qsTr("See the reply")
                iconSource: "qrc:/qt/qml/Courtyard/icons/receipt.svg"
                onClicked: home.go("KioskCheckPage.qml")
            }
            Tile {
                Layout.fillWidth: true; Layout.fillHeight: true
                text: qsTr("Satisfaction survey")
                subtitle: home.survey.valid ? qsTr("Tell us how we are doing") : qsTr("No survey just now")
                enabled: home.survey.valid
                iconSource: "qrc:/qt/qml/Courtyard/icons/survey.svg"
                onClicked: home.go("KioskSurveyPage.qml")
            }
            Tile {
                Layout.fillWidth: true; Layout.fillHeight: true
                text: qsTr("Notices")
                subtitle: qsTr("%n notices", "", Kiosk.notices.count)
                badge: Kiosk.urgentCount
                iconSource: "qrc:/qt/qml/Courtyard/icons/notices.svg"
                onClicked: home.go("KioskNoticesPage.qml")
            }
        }
    }
}
