pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

// The kiosk keyboard's second page: digits, the punctuation of Chinese text (full width), and
// the few signs a complaint needs (flat numbers, times, amounts). The key by the space bar
// goes back to the letters.
KeyboardLayout {
    id: layout
    keyWeight: 160

    component Signs: KeyboardRow {
        id: row
        property var signs: []
        Repeater {
            model: row.signs
            delegate: Key {
                required property string modelData
                text: modelData
            }
        }
    }

    Signs { signs: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"] }
    Signs { signs: ["，", "。", "？", "！", "、", "：", "；", "“", "”", "（", "）"] }
    KeyboardRow {
        Signs { signs: ["-", "/", "#", "@", "%", "+", "~", "¥"]; Layout.fillWidth: true; Layout.fillHeight: true }
        BackspaceKey { weight: 240 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 220; displayText: qsTr("Letters") }
        Key { text: "." }
        Key { text: ":" }
        SpaceKey { weight: 520 }
        EnterKey { weight: 220 }
        HideKeyboardKey { weight: 180 }
    }
}
