import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import Courtyard

// The kiosk's on-screen keyboard, drawn for older eyes and fingers: large keys in the app's
// colours, function keys labelled in words (删除, 空格, 换行) rather than symbols, a bubble with the
// letter over the finger, and a candidate bar of big, well separated readings whose first (the
// one the space bar takes) is marked. Qt Virtual Keyboard loads it as the style "courtyard"
// (keyboard/style/style.qml names this type). Not `ComponentBehavior: Bound`: the keyboard
// creates these components inside its own keys and bars, outside this file's context.
KeyboardStyle {

    // Pixels on the kiosk's 1080-pixel-wide screen; the keyboard scales with its width.
    keyboardDesignWidth: 1080
    keyboardDesignHeight: 540
    keyboardRelativeLeftMargin: 6 / keyboardDesignWidth
    keyboardRelativeRightMargin: 6 / keyboardDesignWidth
    keyboardRelativeTopMargin: 6 / keyboardDesignHeight
    keyboardRelativeBottomMargin: 6 / keyboardDesignHeight

    keyboardBackground: Rectangle { color: "#cfd5dd" }

    keyPanel: KeyboardKeyFace {}
    backspaceKeyPanel: KeyboardKeyFace { words: true; label: qsTr("Delete") }
    spaceKeyPanel: KeyboardKeyFace { words: true; label: qsTr("Space") }
    hideKeyPanel: KeyboardKeyFace { words: true; label: qsTr("Hide") }
    symbolKeyPanel: KeyboardKeyFace { words: true }
    modeKeyPanel: KeyboardKeyFace { words: true }
    // A new line in the long fields; elsewhere it finishes the field.
    enterKeyPanel: KeyboardKeyFace {
        words: true
        label: (InputContext.inputMethodHints & Qt.ImhMultiLine) ? qsTr("New line") : qsTr("Done")
        strong: true
    }
    shiftKeyPanel: KeyboardKeyFace {
        label: InputContext.capsLockActive ? "⇪" : "⇧"
        strong: InputContext.shiftActive
    }

    // The letter, large, above the finger that covers the key.
    characterPreviewMargin: 0
    characterPreviewDelegate: Item {
        id: preview
        property string text
        Rectangle {
            anchors.fill: parent
            radius: Theme.radius
            color: Theme.primary
            Text {
                anchors.centerIn: parent
                text: preview.text
                color: Theme.primaryText
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(preview.height * 0.6)
            }
        }
    }

    // The readings of the Pinyin typed so far: big, with room between them for a finger.
    // The candidates follow the app's text size (and its larger-text switch), not the keyboard's:
    // readings a little larger than a page title, with as much room again around them.
    selectionListHeight: Math.round((Theme.fontTitle + 8) * 2.1)
    selectionListBackground: Rectangle {
        color: Theme.paper
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 2; color: Theme.line }
    }
    selectionListDelegate: Item {
        id: candidate
        required property int index
        required property string display
        objectName: "candidate"
        readonly property bool first: candidate.ListView.isCurrentItem
        height: ListView.view ? ListView.view.height : 100
        // The bar's height sets the reading's size, so there is one figure for both.
        readonly property int size: Math.round(height / 2.1)
        width: Math.max(reading.implicitWidth + candidate.size, height) // never narrower than tall
        property url soundEffect // the keyboard asks every candidate for one; the kiosk is silent
        Accessible.role: Accessible.Button
        Accessible.name: candidate.display
        Rectangle {
            anchors.fill: parent
            anchors.margins: 6
            radius: Theme.radius
            color: area.pressed ? Theme.primary : candidate.first ? "#e3edf8" : "transparent"
        }
        Text {
            id: reading
            anchors.centerIn: parent
            text: candidate.display
            color: area.pressed ? Theme.primaryText : Theme.ink
            font.family: Theme.fontFamily
            font.pixelSize: candidate.size
        }
        Rectangle {
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            width: 2
            height: parent.height * 0.5
            color: Theme.line
        }
        MouseArea {
            id: area
            anchors.fill: parent
            onClicked: candidate.ListView.view.model.selectItem(candidate.index)
        }
    }
}
