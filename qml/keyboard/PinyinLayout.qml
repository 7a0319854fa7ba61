pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import Courtyard.Core

// The kiosk keyboard's letters, for Pinyin and for English: QWERTY, the 中/英 switch by the space
// bar, the comma and full stop of the language being typed (， and 。 beside Pinyin), and the
// symbols page. The Pinyin input method is made once and shared with the symbols page.
KeyboardLayout {
    id: layout
    keyWeight: 160
    sharedLayouts: ["symbols"]
    // Pinyin under a Chinese screen, letters under an English one; the 中/英 key changes it.
    inputMode: App.language === "en" ? InputEngine.InputMode.Latin : InputEngine.InputMode.Pinyin
    readonly property bool pinyin: InputContext.inputEngine.inputMode === InputEngine.InputMode.Pinyin
    function createInputMethod() {
        return Qt.createQmlObject("import Courtyard.Core; PinyinInputMethod {}", layout.parent, "pinyin")
    }

    component Letters: KeyboardRow {
        id: row
        property string letters
        Repeater {
            model: row.letters.split("")
            delegate: Key {
                required property string modelData
                text: modelData
            }
        }
    }

    Letters { letters: "qwertyuiop" }
    KeyboardRow {
        Item { Layout.preferredWidth: 80; Layout.fillHeight: true } // the home row sits half a key in
        Letters { letters: "asdfghjkl"; Layout.fillWidth: true; Layout.fillHeight: true }
        Item { Layout.preferredWidth: 80; Layout.fillHeight: true }
    }
    KeyboardRow {
        ShiftKey { weight: 240 }
        Letters { letters: "zxcvbnm"; Layout.fillWidth: true; Layout.fillHeight: true }
        BackspaceKey { weight: 240 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 220; displayText: qsTr("123 Symbols") }
        // Both languages on the key, the one typing now in bold: which is on, and what a tap gives.
        InputModeKey {
            weight: 220
            inputModeNameList: {
                const names = []
                names[InputEngine.InputMode.Latin] = "中 / <b>EN</b>"
                names[InputEngine.InputMode.Pinyin] = "<b>中</b> / EN"
                return names
            }
        }
        Key { key: Qt.Key_Comma; text: layout.pinyin ? "，" : "," }
        SpaceKey { weight: 420 }
        Key { key: Qt.Key_Period; text: layout.pinyin ? "。" : "." }
        EnterKey { weight: 220 }
        HideKeyboardKey { weight: 180 }
    }
}
