pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The receipt: a code to keep (write it down or take a photo of it) to check the reply later,
// and honestly whether it has gone to the office yet.
Item {
    id: page
    property string code: ""
    property bool duplicate: false
    property bool waiting: false

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 900)
        spacing: Theme.margin * 1.5
        Image {
            Layout.alignment: Qt.AlignHCenter
            source: "qrc:/qt/qml/Courtyard/icons/receipt.svg"
            Layout.preferredWidth: 120
            Layout.preferredHeight: 120
            sourceSize.width: 240; sourceSize.height: 240
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: page.duplicate ? qsTr("We already have this message") : qsTr("Thank you — we have it")
            font.pixelSize: Theme.fontHuge
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.ok
            wrapMode: Text.WordWrap
        }
        BodyText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontLarge
            text: qsTr("Your receipt code:")
        }
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: codeText.implicitWidth + 80
            implicitHeight: codeText.implicitHeight + 40
            radius: Theme.radius
            color: Theme.paper
            border.color: Theme.primary
            border.width: 4
            Text {
                id: codeText
                anchors.centerIn: parent
                text: page.code
                font.pixelSize: Math.round(Theme.fontHuge * 1.6)
                font.bold: true
                font.family: "monospace"
                font.letterSpacing: 6
                color: Theme.ink
            }
        }
        BodyText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Write it down or take a photo of it. With this code and your flat you can see the reply here.")
        }
        BodyText {
            visible: page.waiting
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.warn
            font.bold: true
            text: qsTr("The network is down just now: your message is saved on this screen and will be sent to the office automatically when it is back.")
        }
        AppButton {
            Layout.alignment: Qt.AlignHCenter
            implicitHeight: Theme.touch * 1.5
            font.pixelSize: Theme.fontLarge
            text: qsTr("Done")
            onClicked: Kiosk.reset()
        }
    }
}
