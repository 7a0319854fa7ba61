pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Courtyard
import Courtyard.Core

// The lobby kiosk: a bar with the way home, the language and the larger-text switch on every
// screen; the pages; the on-screen keyboard; and the idle guard that warns, then clears
// everything and returns to the start. Five taps on the community's name open the
// administrator's PIN prompt — the only way out of the full-screen kiosk.
Item {
    id: shell
    readonly property var im: Qt.inputMethod
    property int adminTaps: 0

    function screenshotPages() {
        return [
            { name: "home", page: "KioskHome.qml", props: {} },
            { name: "file-category", page: "KioskFilePage.qml", props: { kind: "complaint" } },
            { name: "file-unit", page: "KioskFilePage.qml", props: { kind: "repair", step: 1, category: "repairs" } },
            { name: "file-describe", page: "KioskFilePage.qml", props: { kind: "complaint", step: 2, category: "cleaning" } },
            { name: "file-contact", page: "KioskFilePage.qml", props: { kind: "suggestion", step: 3, category: "landscaping" } },
            { name: "file-typing", page: "KioskFilePage.qml", props: { kind: "complaint", step: 2, category: "repairs", typing: "diantihuaile" } },
            { name: "receipt", page: "KioskReceiptPage.qml", props: { code: "K7M2-Q9XD", waiting: true } },
            { name: "check", page: "KioskCheckPage.qml", props: {} },
            { name: "survey", page: "KioskSurveyPage.qml", props: {} },
            { name: "notices", page: "KioskNoticesPage.qml", props: {} },
            { name: "admin", page: "KioskAdminPage.qml", props: {} },
            { name: "idle-warning", page: "KioskHome.qml", props: { showIdleWarning: true } }
        ]
    }
    function showForScreenshot(page, props) {
        const pageProps = Object.assign({}, props)
        delete pageProps.typing // for the shell, not the page
        Nav.replace("qrc:/qt/qml/Courtyard/kiosk/" + page, pageProps)
        idle.forceVisible = props.showIdleWarning === true
        if (props.typing)
            shell.typeForScreenshot(props.typing)
        else
            shell.im.hide()
    }
    // The keyboard at work for the picture: Pinyin typed into the description, readings showing
    // (under an English screen too, where the keyboard would start in English letters).
    function typeForScreenshot(letters) {
        (stack.currentItem as KioskFilePage).editDescription()
        shell.im.show()
        InputContext.inputEngine.inputMode = InputEngine.InputMode.Pinyin
        for (const letter of letters)
            InputContext.inputEngine.virtualKeyClick(letter.toUpperCase().charCodeAt(0), letter, Qt.NoModifier)
    }
    function start() {
        if (!App.enrolled || !Kiosk.adminPinSet)
            Nav.replace("qrc:/qt/qml/Courtyard/kiosk/KioskSetupPage.qml")
        else
            Nav.replace("qrc:/qt/qml/Courtyard/kiosk/KioskHome.qml")
    }

    Component.onCompleted: {
        // The kiosk's own keyboard (qml/keyboard/): Pinyin and English layouts, large keys and
        // candidates. The candidate bar stays in place while the keyboard is up, so the keys do
        // not jump under a finger when the first letter brings readings.
        VirtualKeyboardSettings.styleName = "courtyard"
        VirtualKeyboardSettings.layoutPath = "qrc:/qt/qml/Courtyard/keyboard/layouts"
        VirtualKeyboardSettings.wordCandidateList.alwaysVisible = true // qmllint disable type
        Nav.stack = stack
        if (App.communityIds.length > 0)
            App.currentCommunity = App.communityIds[0]
        start()
    }
    Connections {
        target: Kiosk
        // Idle for too long: everything a resident entered goes, back to the start.
        function onResetRequested() {
            shell.im.hide()
            shell.adminTaps = 0
            shell.start()
        }
    }
    Connections {
        target: App
        function onEnrolmentChanged() { if (App.communityIds.length > 0) App.currentCommunity = App.communityIds[0] }
    }

    Rectangle { anchors.fill: parent; color: Theme.canvas }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.touch + 36
            color: Theme.primary
            RowLayout {
                anchors.fill: parent
                anchors.margins: 12
                spacing: 16
                AppButton {
                    kind: "secondary"
                    visible: stack.depth > 1 || (stack.currentItem && stack.currentItem.objectName !== "home")
                    text: qsTr("Home")
                    iconSource: "qrc:/qt/qml/Courtyard/icons/housing.svg"
                    onClicked: shell.start()
                }
                AbstractButton {
                    Layout.fillWidth: true
                    implicitHeight: Theme.touch
                    onClicked: {
                        shell.adminTaps += 1
                        if (shell.adminTaps >= 5) {
                            shell.adminTaps = 0
                            Nav.push("qrc:/qt/qml/Courtyard/kiosk/KioskAdminPage.qml")
                        }
                    }
                    // The title; five taps open the administrator's page, which it does not announce.
                    Accessible.name: Directory.revision >= 0 ? (Directory.communityName(App.currentCommunity) || qsTr("Residents' service point")) : ""
                    contentItem: Text {
                        text: Directory.revision >= 0 ? (Directory.communityName(App.currentCommunity) || qsTr("Residents' service point")) : ""
                        color: "white"
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        font.family: Theme.fontFamily
                        elide: Text.ElideRight
                        verticalAlignment: Text.AlignVCenter
                    }
                }
                AppButton {
                    kind: "secondary"
                    text: App.largeText ? qsTr("Normal text") : qsTr("Larger text")
                    onClicked: App.largeText = !App.largeText
                }
                AppButton {
                    kind: "secondary"
                    text: App.language === "en" ? "中文" : "English"
                    onClicked: App.language = App.language === "en" ? "zh_CN" : "en"
                }
            }
        }
        Rectangle {
            // Honest about the network: submissions are kept and sent later.
            visible: App.enrolled && !Sync.online && !Sync.syncing
            Layout.fillWidth: true
            implicitHeight: offlineText.implicitHeight + 16
            color: "#fff4e0"
            BodyText {
                id: offlineText
                anchors.centerIn: parent
                width: parent.width - 32
                horizontalAlignment: Text.AlignHCenter
                color: Theme.warn
                text: qsTr("No network just now. You can still use everything here; what you send is kept on this screen and sent as soon as the network is back.")
            }
        }
        StackView {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
        }
        InputPanel {
            id: keyboard
            Layout.fillWidth: true
            visible: shell.im.visible
        }
    }

    KioskIdleOverlay { id: idle; anchors.fill: parent }

    // Every touch starts the idle clock again (Kiosk also watches keys and touches directly).
    MouseArea {
        anchors.fill: parent
        z: 1000
        propagateComposedEvents: true
        Accessible.ignored: true // passes every touch on; nothing to press
        onPressed: (mouse) => { Kiosk.touch(); mouse.accepted = false }
    }
}
