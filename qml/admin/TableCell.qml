import QtQuick
import QtQuick.Layouts
import Courtyard

// One cell of an admin table row; `share` is its width in shares of the row, as the headings'.
Text {
    property int share: 1
    Layout.fillWidth: true
    Layout.preferredWidth: share * 100
    font.pixelSize: Theme.fontBody
    font.family: Theme.fontFamily
    color: Theme.ink
    elide: Text.ElideRight
}
