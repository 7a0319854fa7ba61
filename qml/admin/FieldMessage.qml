pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The server's reason for refusing a change, beside the field it names (error.field).
Text {
    id: message
    property AdminConnection source: null
    property string field: ""
    objectName: "fieldError-" + field
    visible: text !== ""
    text: message.source && message.source.errorField === message.field ? message.source.error : ""
    color: Theme.danger
    font.pixelSize: Theme.fontSmall
    font.family: Theme.fontFamily
    font.bold: true
    wrapMode: Text.WordWrap
    Layout.fillWidth: true
}
