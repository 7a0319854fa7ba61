pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Devices: every tablet, kiosk and console the server knows, with its last contact and sync
// state; revoking one (a lost tablet: its token and sign-ins stop, and it wipes itself at its
// next contact); and "Enrol a tablet/kiosk": a one-time code, shown as text and as a QR code
// holding the server's address and the code, for the new device's first-start page.
PageScaffold {
    id: page
    heading: qsTr("Devices")

    DeviceAdmin { id: devices }
    Component.onCompleted: devices.refresh()

    property bool enrolling: false
    property string confirmRevoke: ""

    function roleChoices() {
        const out = []
        for (const r of ["staff", "supervisor", "manager", "developer_cs", "kiosk", "admin"])
            out.push({ value: r, text: r === "kiosk" ? qsTr("Lobby kiosk") : Labels.role(r) })
        return out
    }


    tools: [
        AppButton {
            objectName: "enrolDevice"
            kind: "secondary"
            text: qsTr("Enrol a tablet/kiosk")
            onClicked: { page.enrolling = true; devices.forgetCode(); devices.clearError() }
        },
        AppButton {
            kind: "quiet"
            text: qsTr("Refresh")
            onClicked: devices.refresh()
        }
    ]

    ErrorBanner {
        objectName: "devicesError"
        Layout.fillWidth: true
        text: devices.errorField === "" || !page.enrolling ? devices.error : ""
    }

    // ---- a one-time enrolment code
    Card {
        objectName: "enrolCard"
        visible: page.enrolling
        SectionTitle { text: qsTr("Enrol a tablet or kiosk") }
        BodyText {
            Layout.fillWidth: true
            visible: devices.code === ""
            text: qsTr("Say what the new device is for. The code it gets works once, for a short time; type it on the device's first-start page or show the QR code to it.")
        }
        RowLayout {
            Layout.fillWidth: true
            visible: devices.code === ""
            spacing: Theme.spacing
            FormField {
                label: qsTr("Device name")
                required: true
                InputField { id: deviceName; objectName: "deviceName"; Accessible.name: qsTr("Device name"); Layout.fillWidth: true; placeholderText: qsTr("e.g. Jade Lake front desk tablet") }
                FieldMessage { source: devices; field: "name" }
            }
            FormField {
                label: qsTr("Used as")
                ComboBox {
                    id: deviceRole
                    objectName: "deviceRole"
                    Accessible.name: qsTr("Used as")
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontBody
                    model: page.roleChoices()
                    textRole: "text"
                    valueRole: "value"
                }
                FieldMessage { source: devices; field: "role" }
            }
        }
        FormField {
            visible: devices.code === ""
            label: qsTr("Communities")
            hint: qsTr("A kiosk stands in the lobby of exactly one community.")
            CommunityChecks { id: deviceCommunities; model: devices.communities }
            FieldMessage { source: devices; field: "community_ids" }
        }
        RowLayout {
            visible: devices.code === ""
            spacing: Theme.spacing
            AppButton {
                objectName: "makeCode"
                text: qsTr("Make a code")
                enabled: !devices.busy
                onClicked: devices.makeCode(deviceName.text, deviceRole.currentValue, deviceCommunities.chosen())
            }
            AppButton {
                kind: "quiet"
                text: qsTr("Cancel")
                onClicked: { page.enrolling = false; devices.clearError() }
            }
        }
        // The code, once: it is kept nowhere, and works for one device until it expires.
        RowLayout {
            visible: devices.code !== ""
            Layout.fillWidth: true
            spacing: Theme.margin * 2
            Image {
                objectName: "codeQr"
                source: devices.codeQr
                sourceSize.width: 320
                sourceSize.height: 320
                Layout.preferredWidth: 320
                Layout.preferredHeight: 320
                fillMode: Image.PreserveAspectFit
                smooth: false
                Accessible.name: qsTr("QR code with the server address and the enrolment code")
                Accessible.role: Accessible.Graphic
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                BodyText { text: qsTr("For: %1").arg(devices.codeDevice) }
                BodyText { muted: true; text: qsTr("Server address") }
                Text {
                    objectName: "codeServer"
                    text: devices.serverUrl
                    font.pixelSize: Theme.fontLarge
                    font.family: "monospace"
                    color: Theme.ink
                }
                BodyText { muted: true; text: qsTr("Enrolment code") }
                TextEdit {
                    objectName: "codeText"
                    text: devices.code
                    readOnly: true
                    selectByMouse: true
                    font.pixelSize: Theme.fontHuge
                    font.family: "monospace"
                    font.bold: true
                    color: Theme.ink
                }
                BodyText {
                    Layout.fillWidth: true
                    text: devices.code === "" ? "" : qsTr("Valid until %1, for one device.").arg(devices.codeExpiresAt.toLocaleTimeString(Qt.locale(App.language), Locale.ShortFormat))
                }
                AppButton {
                    objectName: "codeDone"
                    kind: "secondary"
                    text: qsTr("Done")
                    onClicked: { page.enrolling = false; devices.forgetCode(); devices.refresh() }
                }
            }
        }
    }

    // ---- the devices
    Card {
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            TableCell { share: 2; text: qsTr("Name"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            TableCell { text: qsTr("Used as"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            TableCell { share: 2; text: qsTr("Communities"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            TableCell { share: 2; text: qsTr("Last contact"); font.bold: true; color: Theme.muted; font.pixelSize: Theme.fontSmall }
            Item { Layout.preferredWidth: 200 }
        }
        Repeater {
            model: devices.devices
            delegate: RowLayout {
                id: device
                required property deviceView row
                objectName: "deviceRow-" + device.row.name
                Layout.fillWidth: true
                spacing: 4
                TableCell { share: 2; text: device.row.name + (device.row.thisDevice ? qsTr(" (this computer)") : "") }
                TableCell { text: device.row.role === "kiosk" ? qsTr("Lobby kiosk") : Labels.role(device.row.role) }
                TableCell { share: 2; text: device.row.communityNames }
                TableCell {
                    share: 2
                    objectName: "lastContact"
                    // The last push: pulls are not recorded on the server.
                    text: device.row.revoked ? qsTr("Revoked")
                        : device.row.syncState === "never_synced" ? qsTr("Never synced")
                        : device.row.lastSeenAt.toLocaleString(Qt.locale(App.language), Locale.ShortFormat)
                    color: device.row.revoked ? Theme.muted : Theme.ink
                }
                AppButton {
                    objectName: "revoke-" + device.row.name
                    Layout.preferredWidth: 200
                    visible: !device.row.revoked && !device.row.thisDevice
                    kind: page.confirmRevoke === device.row.deviceId ? "danger" : "secondary"
                    text: page.confirmRevoke === device.row.deviceId ? qsTr("Revoke: sure?") : qsTr("Revoke")
                    enabled: !devices.busy
                    onClicked: {
                        if (page.confirmRevoke === device.row.deviceId) {
                            page.confirmRevoke = ""
                            devices.revoke(device.row.deviceId)
                        } else {
                            page.confirmRevoke = device.row.deviceId
                        }
                    }
                }
                Item { visible: device.row.revoked || device.row.thisDevice; Layout.preferredWidth: 200 }
            }
        }
        BodyText {
            visible: devices.devices.count === 0 && !devices.busy
            muted: true
            text: qsTr("No devices listed yet.")
        }
    }
}
