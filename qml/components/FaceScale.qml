pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Courtyard

// A satisfaction score with one tap: five faces from very dissatisfied (1) to very satisfied (5),
// each with its words underneath.
Row {
    id: faces
    property int value: 0
    property int faceSize: Math.round(72 * Theme.scale)
    signal picked(int score)
    spacing: 10

    function words(n) {
        switch (n) {
        case 1: return qsTr("Very unhappy")
        case 2: return qsTr("Unhappy")
        case 3: return qsTr("OK")
        case 4: return qsTr("Happy")
        case 5: return qsTr("Very happy")
        }
        return ""
    }

    Repeater {
        model: 5
        delegate: AbstractButton {
            id: face
            required property int index
            readonly property int score: index + 1
            readonly property bool on: faces.value === score
            implicitWidth: faces.faceSize + 24
            implicitHeight: faces.faceSize + Theme.fontSmall * 2 + 24
            onClicked: { faces.value = score; faces.picked(score) }
            Accessible.name: faces.words(score)
            background: Rectangle {
                radius: Theme.radius
                color: face.on ? "#e6effa" : "transparent"
                border.width: face.on ? 4 : 0
                border.color: Theme.primary
            }
            contentItem: Item {
                Image {
                    x: (parent.width - width) / 2
                    y: 0
                    source: "qrc:/qt/qml/Courtyard/icons/face" + face.score + ".svg"
                    width: faces.faceSize
                    height: faces.faceSize
                    sourceSize.width: faces.faceSize * 2; sourceSize.height: faces.faceSize * 2
                    opacity: faces.value === 0 || face.on ? 1 : 0.45
                }
                Text {
                    x: (parent.width - width) / 2
                    y: faces.faceSize + 4
                    text: faces.words(face.score)
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                    font.bold: face.on
                    color: Theme.ink
                }
            }
        }
    }
}
