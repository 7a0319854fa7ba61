pragma ComponentBehavior: Bound

import QtQuick
import Courtyard

// Ordinary text: wraps, readable size.
Text {
    property bool muted: false
    font.pixelSize: Theme.fontBody
    font.family: Theme.fontFamily
    color: muted ? Theme.muted : Theme.ink
    wrapMode: Text.WordWrap
}
