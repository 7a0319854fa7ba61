pragma ComponentBehavior: Bound

import QtQuick
import Courtyard

// A headline figure's trend: one point per period, oldest first, the current one marked. A
// period with nothing to count (null) leaves a gap rather than a false zero.
Canvas {
    id: spark
    property var values: []
    implicitWidth: 120
    implicitHeight: 36
    onValuesChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()
    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const vs = spark.values || []
        const known = vs.filter(v => v !== null && v !== undefined)
        if (vs.length < 2 || known.length === 0)
            return
        let lo = Math.min(...known), hi = Math.max(...known)
        if (hi - lo < 1e-9) { lo -= 1; hi += 1 }
        const step = (width - 6) / (vs.length - 1)
        const yOf = v => height - 3 - (height - 6) * (v - lo) / (hi - lo)
        ctx.strokeStyle = Theme.primary
        ctx.lineWidth = 2
        ctx.beginPath()
        let drawing = false
        let last = null
        for (let i = 0; i < vs.length; ++i) {
            if (vs[i] === null || vs[i] === undefined) { drawing = false; continue }
            const x = 3 + i * step, y = yOf(vs[i])
            if (drawing) ctx.lineTo(x, y); else ctx.moveTo(x, y)
            drawing = true
            last = { x: x, y: y }
        }
        ctx.stroke()
        if (last) {
            ctx.fillStyle = Theme.primary
            ctx.beginPath()
            ctx.arc(last.x, last.y, 3, 0, 2 * Math.PI)
            ctx.fill()
        }
    }
}
