pragma ComponentBehavior: Bound

import QtQuick
import Courtyard
import Courtyard.Core

// A photo or signature of a record: the picture once it is on this tablet; until then a
// placeholder that says why it is not shown (downloading, not downloaded yet, not on the server
// yet) and that it will load by itself. Photos from other tablets are downloaded when their
// record is opened, or ahead after a sync.
Rectangle {
    id: box
    property string sha256: ""
    property bool signature: false
    readonly property bool shown: attachment.available && picture.status === Image.Ready
    color: Theme.canvas
    border.color: Theme.line

    AttachmentStatus {
        id: attachment
        sha256: box.sha256
    }

    function placeholderText() {
        if (attachment.available)
            return picture.status === Image.Error ? qsTr("This file cannot be shown as a picture")
                                                  : "" // on the device, the picture is loading
        if (attachment.state === "downloading")
            return box.signature ? qsTr("Downloading the signature…") : qsTr("Downloading the photo…")
        if (attachment.state === "missing")
            return box.signature ? qsTr("Signature not on the server yet — tried again later")
                                 : qsTr("Photo not on the server yet — tried again later")
        return box.signature ? qsTr("Signature not downloaded yet — it will load when the tablet is online")
                             : qsTr("Photo not downloaded yet — it will load when the tablet is online")
    }

    Image {
        id: picture
        objectName: "attachmentImage"
        anchors.fill: parent
        anchors.margins: 2
        visible: box.shown
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        source: attachment.source
        sourceSize.width: 2 * box.width
        sourceSize.height: 2 * box.height
        Accessible.role: Accessible.Graphic
        Accessible.name: box.signature ? qsTr("Signature") : qsTr("Photo")
    }
    BodyText {
        objectName: "attachmentPlaceholder"
        anchors.fill: parent
        anchors.margins: 6
        visible: !box.shown
        muted: true
        font.pixelSize: Theme.fontSmall
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        text: box.placeholderText()
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
}
