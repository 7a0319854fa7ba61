pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import QtMultimedia
import Courtyard

// The tablet's camera: a live picture and a shutter; each shot is saved to a file and reported
// with captured(path). With `scanning` on it shoots every second and reports each picture, so a
// QR code can be decoded as soon as it is in view. A machine without a camera says so.
Rectangle {
    id: capture
    property bool scanning: false
    property bool active: true
    readonly property bool available: devices.videoInputs.length > 0
    signal captured(string path)
    implicitWidth: 640
    implicitHeight: 420
    color: "#101418"
    radius: Theme.radius

    MediaDevices { id: devices }

    Loader {
        id: cameraLoader
        anchors.fill: parent
        active: capture.available && capture.active
        sourceComponent: Item {
            CaptureSession {
                id: session
                camera: Camera { active: true }
                imageCapture: ImageCapture {
                    id: imageCapture
                    onImageSaved: (id, path) => capture.captured(path)
                }
                videoOutput: output
            }
            VideoOutput { id: output; anchors.fill: parent }
            Timer {
                interval: 1000
                repeat: true
                running: capture.scanning && imageCapture.readyForCapture
                onTriggered: imageCapture.captureToFile("")
            }
            AppButton {
                visible: !capture.scanning
                anchors.bottom: parent.bottom
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.margins: 12
                text: qsTr("Take photo")
                enabled: imageCapture.readyForCapture
                onClicked: imageCapture.captureToFile("")
            }
        }
    }
    BodyText {
        visible: !capture.available
        anchors.centerIn: parent
        width: parent.width - 40
        horizontalAlignment: Text.AlignHCenter
        color: "white"
        text: qsTr("No camera on this device. Choose a picture file instead.")
    }
}
