pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Courtyard

// A one-line text field at touch size.
TextField {
    font.pixelSize: Theme.fontBody
    font.family: Theme.fontFamily
    implicitHeight: Theme.touch
    selectByMouse: true
}
