pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

// Phone numbers and PINs: a telephone keypad with big keys (digits only, or with + for a phone
// number when `dialable`), the delete and done keys beside it.
KeyboardLayout {
    id: layout
    property bool dialable: false
    inputMethod: PlainInputMethod {}
    inputMode: InputEngine.InputMode.Numeric

    component Digits: KeyboardRow {
        id: row
        property var digits: []
        Repeater {
            model: row.digits
            delegate: Key {
                required property string modelData
                text: modelData
            }
        }
    }

    KeyboardRow {
        Layout.fillWidth: false
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: layout.width * 0.8
        KeyboardColumn {
            Layout.preferredWidth: 3
            Digits { digits: ["1", "2", "3"] }
            Digits { digits: ["4", "5", "6"] }
            Digits { digits: ["7", "8", "9"] }
            Digits { digits: layout.dialable ? ["+", "0", "-"] : ["0"] }
        }
        KeyboardColumn {
            Layout.preferredWidth: 1
            BackspaceKey {}
            EnterKey {}
            HideKeyboardKey {}
        }
    }
}
