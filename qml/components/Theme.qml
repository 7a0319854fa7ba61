pragma Singleton
import QtQuick
import Courtyard.Core

// Colours, sizes and spacing in one place. Large type for the kiosk's larger-text switch;
// strong contrast so screens read outdoors and for older eyes.
QtObject {
    // The kiosk is read standing, often by older eyes: everything a third larger, and larger again on request.
    readonly property real scale: (App.kiosk ? 1.3 : 1.0) * (App.largeText ? 1.35 : 1.0)
    readonly property int fontSmall: Math.round(15 * scale)
    readonly property int fontBody: Math.round(18 * scale)
    readonly property int fontLarge: Math.round(24 * scale)
    readonly property int fontTitle: Math.round(30 * scale)
    readonly property int fontHuge: Math.round(44 * scale)
    readonly property int touch: Math.round(56 * scale)     // the smallest touch target
    readonly property int spacing: 12
    readonly property int margin: 20
    readonly property int radius: 10

    readonly property color ink: "#1a1a1a"
    readonly property color muted: "#5a5f66"
    readonly property color paper: "#ffffff"
    readonly property color canvas: "#f2f4f7"
    readonly property color line: "#d0d5dc"
    readonly property color primary: "#0b5cab"
    readonly property color primaryText: "#ffffff"
    readonly property color ok: "#1b7f3b"
    readonly property color warn: "#a65b00"
    readonly property color danger: "#b3261e"
    readonly property color provisional: "#6b4ea0"
    readonly property string fontFamily: "WenQuanYi Micro Hei"
}
