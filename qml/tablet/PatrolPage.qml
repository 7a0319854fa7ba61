pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Courtyard
import Courtyard.Core

// A patrol round: the route's checkpoints in order, each scanned by its QR code with the camera
// (or confirmed by hand with the reason when the code is damaged), late and missed ones flagged
// as the round goes; findings on the way become rectification items. The administrator prints a
// route's checkpoint sheet from here.
PageScaffold {
    id: page
    readonly property recordView roundRecord: rec.view
    readonly property directoryItem roundRoute: Directory.revision >= 0 ? Directory.item(routeOfRound) : Directory.item("")
    readonly property string routeName: roundRoute.name || ""
    heading: pc.recordId === "" ? qsTr("Patrols") : (page.routeName || qsTr("Patrol round"))
    property alias recordId: pc.recordId
    readonly property string routeOfRound: page.roundRecord.routeId
    property string lastScan: ""
    property string manualCheckpoint: ""

    PatrolController { id: pc }
    RecordController { id: rec; recordId: pc.recordId }
    RecordListModel { id: running; types: ["patrol_round"]; states: ["in_progress"]; communityId: App.currentCommunity; order: "recent" }

    function scanned(code) {
        const name = pc.scan(code)
        page.lastScan = name !== "" ? qsTr("✓ %1").arg(name) : ""
    }

    Card {
        visible: pc.recordId === ""
        SectionTitle { visible: running.count > 0; text: qsTr("Rounds in progress") }
        Repeater {
            model: running
            delegate: AppButton {
                required property string recordId
                required property var body
                Layout.fillWidth: true
                kind: "secondary"
                text: (Directory.item(body.route_id).name || body.route_id) + " · " + Directory.staffName(body.guard_id)
                onClicked: pc.recordId = recordId
            }
        }
        SectionTitle { text: qsTr("Start a round") }
        Repeater {
            model: DirectoryList { kind: DirectoryList.Routes; parentId: App.currentCommunity }
            delegate: RowLayout {
                id: item1
                required property directoryItem row
                Layout.fillWidth: true
                BodyText {
                    Layout.fillWidth: true
                    text: item1.row.name + " · " + qsTr("%n checkpoints", "", item1.row.checkpointCount)
                }
                AppButton { text: qsTr("Start"); onClicked: pc.start(item1.row.id) }
                AppButton {
                    visible: Session.supervisor
                    kind: "secondary"
                    text: qsTr("Print QR sheet")
                    onClicked: { sheetDialog.routeId = item1.row.id; sheetDialog.open() }
                }
            }
        }
        ErrorBanner { Layout.fillWidth: true; text: pc.lastError || Media.lastError }
    }

    Card {
        visible: pc.recordId !== ""
        RowLayout {
            Layout.fillWidth: true
            BodyText {
                Layout.fillWidth: true
                text: qsTr("%1 of %2 visited · %3 late · %4 missed").arg(pc.visited).arg(pc.checkpoints.count).arg(pc.late).arg(pc.missed)
            }
            StateBadge { recordState: pc.state }
        }
        CameraCapture {
            id: scanner
            visible: pc.state === "in_progress"
            Layout.fillWidth: true
            Layout.preferredHeight: 300
            scanning: true
            active: pc.state === "in_progress" && page.visible
            onCaptured: (path) => {
                const code = Media.decodeQr("file://" + path)
                if (code !== "") page.scanned(code)
            }
        }
        RowLayout {
            visible: pc.state === "in_progress"
            Layout.fillWidth: true
            InputField { id: typed; Layout.fillWidth: true; placeholderText: qsTr("Or type the code under the QR") }
            AppButton { kind: "secondary"; text: qsTr("Enter"); onClicked: { page.scanned(typed.text.trim()); typed.text = "" } }
            AppButton { kind: "secondary"; text: qsTr("Picture of a code"); onClicked: qrFile.open() }
        }
        BodyText { visible: page.lastScan !== ""; color: Theme.ok; font.bold: true; text: page.lastScan }
        ErrorBanner { Layout.fillWidth: true; text: pc.lastError }
    }
    Repeater {
        model: pc.checkpoints
        delegate: Card {
            id: cp
            required property int index
            required property string checkpointId
            required property string name
            required property string location
            required property string status
            required property date dueBy
            required property date visitedAt
            required property bool visited
            required property string manualReason
            border.color: cp.status === "late" ? Theme.warn : (cp.status === "missed" || cp.status === "overdue") ? Theme.danger : Theme.line
            RowLayout {
                Layout.fillWidth: true
                BodyText {
                    objectName: "checkpointLine"
                    Layout.fillWidth: true
                    text: (cp.index + 1) + ". " + cp.name + (cp.location !== "" ? " · " + cp.location : "")
                }
                Text {
                    text: Labels.checkpointStatus(cp.status)
                          + (cp.visited ? " " + cp.visitedAt.toLocaleTimeString(Qt.locale(), "HH:mm") : "")
                          + (cp.status === "due" ? " · " + qsTr("by %1").arg(cp.dueBy.toLocaleTimeString(Qt.locale(), "HH:mm")) : "")
                    color: cp.status === "on_time" ? Theme.ok : cp.status === "late" ? Theme.warn
                         : cp.status === "due" ? Theme.muted : Theme.danger
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    font.family: Theme.fontFamily
                }
            }
            BodyText { objectName: "checkpointManualReason"; visible: cp.manualReason !== ""; muted: true; text: qsTr("Confirmed by hand: %1").arg(cp.manualReason) }
            RowLayout {
                visible: pc.state === "in_progress"
                AppButton {
                    visible: !cp.visited
                    kind: "secondary"
                    text: qsTr("Code damaged: confirm by hand")
                    onClicked: { page.manualCheckpoint = cp.checkpointId; manualDialog.open() }
                }
                AppButton {
                    kind: "secondary"
                    text: qsTr("Report a problem here")
                    onClicked: { findingDialog.checkpointId = cp.checkpointId; findingDialog.open() }
                }
            }
        }
    }
    RowLayout {
        visible: pc.recordId !== ""
        AppButton { visible: pc.state === "in_progress"; text: qsTr("Finish round"); onClicked: pc.finish() }
        AppButton { visible: pc.state === "in_progress"; kind: "danger"; text: qsTr("Abandon"); onClicked: abandonDialog.open() }
        AppButton { kind: "secondary"; text: qsTr("Other rounds"); onClicked: pc.recordId = "" }
    }

    FileDialog {
        id: qrFile
        title: qsTr("A picture of the checkpoint's code")
        onAccepted: {
            const code = Media.decodeQr(String(selectedFile))
            if (code === "")
                page.lastScan = qsTr("No QR code found in that picture")
            else
                page.scanned(code)
        }
    }
    Dialog {
        id: manualDialog
        modal: true
        anchors.centerIn: Overlay.overlay
        title: qsTr("Confirm the checkpoint by hand")
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            BodyText { text: qsTr("Why could the code not be scanned?") }
            ChoiceRow {
                id: manualReason
                options: ["damaged", "missing", "camera"]
                labelFor: function(id) {
                    return id === "damaged" ? qsTr("Code damaged") : id === "missing" ? qsTr("Code missing") : qsTr("Camera not working")
                }
            }
            InputField { id: manualNote; Layout.fillWidth: true; placeholderText: qsTr("More detail") }
        }
        onAccepted: {
            const reason = [manualReason.label(manualReason.current), manualNote.text.trim()].filter(s => s !== "" && s !== undefined).join(": ")
            pc.confirmManually(page.manualCheckpoint, manualReason.current === "" ? manualNote.text.trim() : reason)
            manualNote.text = ""
        }
    }
    Dialog {
        id: findingDialog
        property string checkpointId: ""
        modal: true
        anchors.centerIn: Overlay.overlay
        title: qsTr("Report a problem")
        standardButtons: Dialog.Ok | Dialog.Cancel
        TextBox { id: findingText; implicitWidth: 500; accessibleName: qsTr("Report a problem") }
        onAccepted: { pc.raiseFinding(findingText.text, checkpointId); findingText.clear() }
    }
    Dialog {
        id: abandonDialog
        modal: true
        anchors.centerIn: Overlay.overlay
        title: qsTr("Abandon the round")
        standardButtons: Dialog.Ok | Dialog.Cancel
        InputField { id: abandonReason; implicitWidth: 500; placeholderText: qsTr("Reason") }
        onAccepted: pc.abandon(abandonReason.text)
    }
    FileDialog {
        id: sheetDialog
        property string routeId: ""
        fileMode: FileDialog.SaveFile
        nameFilters: ["PDF (*.pdf)"]
        title: qsTr("Save the checkpoint QR sheet")
        onAccepted: Media.writeCheckpointSheet(routeId, String(selectedFile))
    }
}
