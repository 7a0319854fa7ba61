pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Courtyard

// A button big enough for a gloved thumb: primary (filled), secondary (outlined), danger, quiet.
Button {
    id: control
    property string kind: "primary"
    property url iconSource: ""

    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
    // Measured from the words, not from the laid-out label, which may have wrapped to fit.
    readonly property real iconSpace: String(iconSource) !== "" ? Theme.fontLarge + 8 : 0
    implicitWidth: Math.max(Theme.touch * 2, Math.ceil(metrics.advanceWidth) + iconSpace + leftPadding + rightPadding)
    TextMetrics { id: metrics; font: control.font; text: control.text }
    leftPadding: 20
    rightPadding: 20
    font.pixelSize: Theme.fontBody
    font.family: Theme.fontFamily
    font.bold: kind === "primary" || kind === "danger"
    font.capitalization: Font.MixedCase
    topInset: 0
    bottomInset: 0

    readonly property color fill: !enabled ? Theme.line
                                 : kind === "primary" ? Theme.primary
                                 : kind === "danger" ? Theme.danger
                                 : Theme.paper
    readonly property color textColor: !enabled ? Theme.muted
                                      : (kind === "primary" || kind === "danger") ? Theme.primaryText
                                      : kind === "quiet" ? Theme.primary : Theme.primary

    background: Rectangle {
        radius: Theme.radius
        color: control.down ? Qt.darker(control.fill, 1.15) : control.fill
        border.width: control.kind === "secondary" ? 2 : 0
        border.color: Theme.primary
    }
    contentItem: Row {
        spacing: 8
        Image {
            visible: String(control.iconSource) !== ""
            source: control.iconSource
            width: visible ? Theme.fontLarge : 0
            height: width
            sourceSize.width: width * 2; sourceSize.height: height * 2
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            text: control.text
            font: control.font
            color: control.textColor
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(Math.ceil(metrics.advanceWidth) + 1, control.availableWidth - control.iconSpace)
            wrapMode: Text.WordWrap
        }
    }
}
