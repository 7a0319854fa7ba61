pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard

// A labelled form control, with the reason it is needed or what went wrong underneath.
ColumnLayout {
    id: field
    property string label: ""
    property string hint: ""
    property bool required: false
    default property alias content: holder.data
    spacing: 4
    Layout.fillWidth: true

    Text {
        text: field.label + (field.required ? " *" : "")
        visible: field.label !== ""
        font.pixelSize: Theme.fontSmall
        font.family: Theme.fontFamily
        font.bold: true
        color: Theme.muted
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    ColumnLayout {
        id: holder
        Layout.fillWidth: true
        spacing: 6
    }
    Text {
        text: field.hint
        visible: field.hint !== ""
        font.pixelSize: Theme.fontSmall
        font.family: Theme.fontFamily
        color: Theme.muted
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
}
