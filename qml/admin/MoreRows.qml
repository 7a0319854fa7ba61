pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard

// The end of an admin table that shows its first rows only (AdminTable: 200, then 200 more at a
// time): how many of the matching rows are shown, and a button for the next ones.
RowLayout {
    id: more
    property int matching: 0
    property int shown: 0
    signal showMore()
    visible: more.matching > more.shown
    Layout.fillWidth: true
    spacing: Theme.spacing
    BodyText {
        Layout.fillWidth: true
        muted: true
        text: qsTr("%1 of %2 shown").arg(more.shown).arg(more.matching)
    }
    AppButton {
        objectName: "showMoreRows"
        kind: "secondary"
        text: qsTr("Show more")
        onClicked: more.showMore()
    }
}
