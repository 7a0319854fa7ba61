pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// A date and time picked with big buttons: common choices in one tap ("in 2 hours", "tomorrow
// 18:00"…), then days and hours stepped up or down. No typing, nothing small.
ColumnLayout {
    id: field
    property var value: null          // a Date, or null
    property bool allowNone: true
    property var presets: ["2h", "today18", "tomorrow", "3d", "7d"]
    spacing: 6

    function presetLabel(id) {
        switch (id) {
        case "2h": return qsTr("In 2 hours")
        case "4h": return qsTr("In 4 hours")
        case "today18": return qsTr("Today 18:00")
        case "tomorrow": return qsTr("Tomorrow 18:00")
        case "3d": return qsTr("In 3 days")
        case "7d": return qsTr("In a week")
        case "30d": return qsTr("In a month")
        }
        return id
    }
    function presetValue(id) {
        const now = new Date(App.now.getTime())
        const d = new Date(now.getTime())
        switch (id) {
        case "2h": return new Date(now.getTime() + 2 * 3600000)
        case "4h": return new Date(now.getTime() + 4 * 3600000)
        case "today18": d.setHours(18, 0, 0, 0); return d
        case "tomorrow": d.setDate(d.getDate() + 1); d.setHours(18, 0, 0, 0); return d
        case "3d": d.setDate(d.getDate() + 3); d.setHours(18, 0, 0, 0); return d
        case "7d": d.setDate(d.getDate() + 7); d.setHours(18, 0, 0, 0); return d
        case "30d": d.setDate(d.getDate() + 30); d.setHours(18, 0, 0, 0); return d
        }
        return null
    }
    function shift(ms) {
        const base = field.value ? field.value.getTime() : App.now.getTime()
        field.value = new Date(base + ms)
    }

    Flow {
        Layout.fillWidth: true
        spacing: 8
        Repeater {
            model: field.presets
            delegate: AppButton {
                id: item1
                required property string modelData
                kind: "secondary"
                text: field.presetLabel(item1.modelData)
                onClicked: field.value = field.presetValue(item1.modelData)
            }
        }
        AppButton {
            visible: field.allowNone && field.value !== null
            kind: "quiet"
            text: qsTr("None")
            onClicked: field.value = null
        }
    }
    RowLayout {
        spacing: 8
        visible: field.value !== null
        AppButton { kind: "secondary"; text: qsTr("− day"); onClicked: field.shift(-86400000) }
        AppButton { kind: "secondary"; text: qsTr("− hour"); onClicked: field.shift(-3600000) }
        Text {
            text: field.value ? field.value.toLocaleString(Qt.locale(), "yyyy-MM-dd ddd HH:mm") : ""
            font.pixelSize: Theme.fontLarge
            font.family: Theme.fontFamily
            font.bold: true
            color: Theme.ink
            Layout.minimumWidth: 260
            horizontalAlignment: Text.AlignHCenter
        }
        AppButton { kind: "secondary"; text: qsTr("+ hour"); onClicked: field.shift(3600000) }
        AppButton { kind: "secondary"; text: qsTr("+ day"); onClicked: field.shift(86400000) }
    }
}
