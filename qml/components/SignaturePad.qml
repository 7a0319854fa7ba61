pragma ComponentBehavior: Bound

import QtQuick
import Courtyard

// The resident signs on the screen with a finger: strokes drawn as they go, cleared on request,
// saved as a PNG (dataUrl()) that becomes the record's signature attachment.
Rectangle {
    id: pad
    property var strokes: []
    readonly property bool empty: strokes.length === 0
    property int pointCount: 0
    implicitWidth: 600
    implicitHeight: 240
    color: "white"
    border.color: Theme.line
    border.width: 2
    radius: Theme.radius
    // A drawing surface: a screen reader names it and says whether anything is drawn yet.
    Accessible.role: Accessible.Canvas
    Accessible.name: qsTr("Signature")
    Accessible.description: pad.empty ? qsTr("Sign here") : qsTr("Signed")

    function clear() {
        strokes = []
        pointCount = 0
        canvas.requestPaint()
    }
    function dataUrl() {
        return empty ? "" : canvas.toDataURL("image/png")
    }

    Text {
        anchors.centerIn: parent
        visible: pad.empty
        text: qsTr("Sign here")
        font.pixelSize: Theme.fontLarge
        font.family: Theme.fontFamily
        color: Theme.line
    }
    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 30
        height: 2
        color: Theme.line
    }
    Canvas {
        id: canvas
        anchors.fill: parent
        renderStrategy: Canvas.Immediate
        onPaint: {
            const ctx = getContext("2d")
            ctx.clearRect(0, 0, width, height)
            ctx.lineWidth = 4
            ctx.lineCap = "round"
            ctx.lineJoin = "round"
            ctx.strokeStyle = "#10203a"
            for (const stroke of pad.strokes) {
                if (stroke.length === 0)
                    continue
                ctx.beginPath()
                ctx.moveTo(stroke[0].x, stroke[0].y)
                for (let i = 1; i < stroke.length; ++i)
                    ctx.lineTo(stroke[i].x, stroke[i].y)
                if (stroke.length === 1)
                    ctx.lineTo(stroke[0].x + 0.5, stroke[0].y + 0.5)
                ctx.stroke()
            }
        }
    }
    MouseArea {
        anchors.fill: parent
        preventStealing: true
        onPressed: (mouse) => {
            const s = pad.strokes
            s.push([{ x: mouse.x, y: mouse.y }])
            pad.strokes = s
            pad.pointCount += 1
            canvas.requestPaint()
        }
        onPositionChanged: (mouse) => {
            if (pad.strokes.length === 0)
                return
            pad.strokes[pad.strokes.length - 1].push({ x: mouse.x, y: mouse.y })
            pad.pointCount += 1
            canvas.requestPaint()
        }
    }
}
