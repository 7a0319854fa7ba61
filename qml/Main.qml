pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Courtyard
import Courtyard.Core

// The window: the staff tablet, (courtyard --kiosk) the lobby kiosk, or (courtyard --admin) the
// office's admin console. The kiosk runs full screen and cannot be closed without the
// administrator's PIN.
ApplicationWindow {
    id: window
    property bool fullScreen: false
    visible: true
    visibility: fullScreen ? Window.FullScreen : Window.Windowed
    title: App.kiosk ? qsTr("Courtyard · residents' kiosk")
                     : App.admin ? qsTr("Courtyard · admin console") : qsTr("Courtyard · staff tablet")
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    Material.theme: Material.Light
    Material.accent: Theme.primary
    Material.primary: Theme.primary
    color: Theme.canvas

    onClosing: (close) => { close.accepted = !App.kiosk || Kiosk.adminUnlocked }

    Loader {
        id: face
        anchors.fill: parent
        source: App.kiosk ? "kiosk/KioskShell.qml" : App.admin ? "admin/AdminShell.qml" : "tablet/TabletShell.qml"
    }

    // For `courtyard --screenshot DIR`: the pages worth a picture, and showing one of them.
    readonly property var shell: face.item
    function screenshotPages() { return window.shell ? window.shell.screenshotPages() : [] }
    function showForScreenshot(page, props) { if (window.shell) window.shell.showForScreenshot(page, props) }
}
