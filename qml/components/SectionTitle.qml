pragma ComponentBehavior: Bound

import QtQuick
import Courtyard

// A heading inside a page.
Text {
    font.pixelSize: Theme.fontLarge
    font.bold: true
    font.family: Theme.fontFamily
    color: Theme.ink
    wrapMode: Text.WordWrap
    topPadding: Theme.spacing
}
