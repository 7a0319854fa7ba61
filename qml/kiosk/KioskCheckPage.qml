pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Checking a receipt: the code and the flat it was filed for; then that one submission's status
// and reply — nothing else. A code of another flat gets the same answer as a code that does not
// exist.
Item {
    id: page
    property int step: 0        // 0 code, 1 flat, 2 result
    property string unitId: ""
    property var result: ({})

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.margin
        Text {
            Layout.fillWidth: true
            text: page.step === 0 ? qsTr("Type your receipt code") : page.step === 1 ? qsTr("Which flat was it for?") : qsTr("Your message")
            font.pixelSize: Theme.fontHuge
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.ink
            wrapMode: Text.WordWrap
        }
        KioskCodePad {
            id: codePad
            visible: page.step === 0
            Layout.fillWidth: true
        }
        AppButton {
            visible: page.step === 0
            Layout.alignment: Qt.AlignRight
            implicitHeight: Theme.touch * 1.4
            font.pixelSize: Theme.fontLarge
            enabled: codePad.code.length === 8
            text: qsTr("Next ›")
            onClicked: page.step = 1
        }
        KioskUnitPicker {
            visible: page.step === 1
            Layout.fillWidth: true
            onPicked: (id) => {
                page.unitId = id
                page.result = Kiosk.checkReceipt(codePad.code, id)
                page.step = 2
            }
        }
        Card {
            visible: page.step === 2 && page.result.status !== undefined
            Text {
                text: Labels.receiptStatus(page.result.status || "")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                font.family: Theme.fontFamily
                color: page.result.status === "replied" || page.result.status === "closed" ? Theme.ok : Theme.primary
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            BodyText {
                Layout.fillWidth: true
                muted: true
                text: Labels.recordType(page.result.kind || "") + (page.result.category ? " · " + Labels.category(page.result.category) : "")
                      + (page.result.received_at ? " · " + page.result.received_at.toLocaleString(Qt.locale(), "yyyy-MM-dd HH:mm") : "")
            }
            BodyText {
                visible: !!page.result.reply
                Layout.fillWidth: true
                font.pixelSize: Theme.fontLarge
                text: qsTr("Reply: %1").arg(page.result.reply || "")
            }
        }
        ErrorBanner {
            visible: page.step === 2 && page.result.status === undefined
            Layout.fillWidth: true
            text: qsTr("We could not find that code for this flat.")
            advice: qsTr("Check the code and the flat. A message sent only a moment ago appears here after the next sync.")
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            AppButton {
                kind: "secondary"
                implicitHeight: Theme.touch * 1.4
                font.pixelSize: Theme.fontLarge
                text: qsTr("‹ Back")
                onClicked: if (page.step > 0) page.step -= 1; else Nav.back()
            }
            Item { Layout.fillWidth: true }
            AppButton {
                visible: page.step === 2
                implicitHeight: Theme.touch * 1.4
                font.pixelSize: Theme.fontLarge
                text: qsTr("Done")
                onClicked: Kiosk.reset()
            }
        }
    }
}
