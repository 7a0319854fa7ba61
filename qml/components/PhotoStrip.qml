pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Courtyard
import Courtyard.Core

// The photos of a record or an item, and adding one: from the camera, or a file on a desktop.
// added(attachment) gives the attachment reference (kept on the device; sent with the next sync).
ColumnLayout {
    id: strip
    property var attachments: []
    property bool canAdd: true
    signal added(var attachment)
    spacing: 8

    function addFile(url) {
        const a = Media.importPhoto(url.toString())
        if (a && a.sha256)
            strip.added(a)
    }

    Flow {
        Layout.fillWidth: true
        spacing: 8
        Repeater {
            model: strip.attachments
            // Taken here, or downloaded from the server (a placeholder until then).
            delegate: AttachmentImage {
                required property var modelData
                width: 160; height: 120
                sha256: modelData && modelData.sha256 ? modelData.sha256 : ""
            }
        }
        AppButton {
            visible: strip.canAdd
            kind: "secondary"
            text: qsTr("Camera")
            onClicked: cameraPopup.open()
        }
        AppButton {
            visible: strip.canAdd
            kind: "secondary"
            text: qsTr("Picture file")
            onClicked: fileDialog.open()
        }
    }
    ErrorBanner { Layout.fillWidth: true; text: Media.lastError }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose a photo")
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png)")]
        onAccepted: strip.addFile(selectedFile)
    }
    Popup {
        id: cameraPopup
        modal: true
        anchors.centerIn: Overlay.overlay
        padding: 12
        contentItem: ColumnLayout {
            CameraCapture {
                active: cameraPopup.visible
                onCaptured: (path) => { strip.addFile("file://" + path); cameraPopup.close() }
            }
            AppButton { kind: "secondary"; text: qsTr("Close"); onClicked: cameraPopup.close() }
        }
    }
}
