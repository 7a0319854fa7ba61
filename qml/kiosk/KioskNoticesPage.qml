pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The notices valid now in this community, urgent ones first.
Item {
    id: page
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.margin
        Text {
            Layout.fillWidth: true
            text: qsTr("Notices")
            font.pixelSize: Theme.fontHuge
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.ink
        }
        BodyText {
            Layout.fillWidth: true
            visible: list.count === 0
            text: qsTr("No notices just now.")
            muted: true
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin
            clip: true
            model: Kiosk.notices
            delegate: Rectangle {
                id: notice
                required property string kind
                required property string title
                required property string body
                required property string location
                required property bool urgent
                required property date validUntil
                width: list.width
                implicitHeight: column.implicitHeight + 40
                radius: Theme.radius
                color: Theme.paper
                border.color: notice.urgent ? Theme.danger : Theme.line
                border.width: notice.urgent ? 3 : 1
                ColumnLayout {
                    id: column
                    x: 20; y: 20
                    width: parent.width - 40
                    spacing: 8
                    Text {
                        text: (notice.urgent ? qsTr("URGENT") + " · " : "") + Labels.noticeKind(notice.kind)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        font.family: Theme.fontFamily
                        color: notice.urgent ? Theme.danger : Theme.primary
                    }
                    BodyText { objectName: "noticeTitle"; Layout.fillWidth: true; text: notice.title; font.pixelSize: Theme.fontLarge; font.bold: true }
                    BodyText { Layout.fillWidth: true; visible: text !== ""; text: notice.body }
                    BodyText { Layout.fillWidth: true; visible: text !== ""; muted: true; text: notice.location }
                    BodyText {
                        muted: true
                        text: qsTr("Until %1").arg(notice.validUntil.toLocaleString(Qt.locale(), "MM-dd HH:mm"))
                    }
                }
            }
        }
    }
}
