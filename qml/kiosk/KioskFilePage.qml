pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// Filing a complaint, a repair request or a suggestion, one question per screen: what about
// (pictures), which flat, what happened (ready-made phrases, or typing), how to reach you and
// when you want a reply, then a last look before sending. The receipt code comes at once, even
// offline.
Item {
    id: page
    property string kind: "complaint"
    property int step: 0
    property string category: ""
    property string unitId: ""
    property string replyBy: ""

    readonly property var stepTitles: [qsTr("What is it about?"), qsTr("Which flat?"), qsTr("What happened?"),
                                       qsTr("How can we reach you?"), qsTr("Is this right?")]
    function kindTitle() {
        return kind === "repair" ? qsTr("Ask for a repair") : kind === "suggestion" ? qsTr("Make a suggestion") : qsTr("Make a complaint")
    }
    // Ready-made sentences, so most residents need not type at all.
    function phrases(cat) {
        switch (cat) {
        case "housing": return [qsTr("Noise from a neighbour at night"), qsTr("Something left in the corridor"), qsTr("Illegal building work")]
        case "security": return [qsTr("A stranger was let in"), qsTr("The entrance door does not lock"), qsTr("Guards were not at their post")]
        case "vehicles": return [qsTr("A car blocks the fire lane"), qsTr("Someone parked in my space"), qsTr("The barrier is broken")]
        case "cleaning": return [qsTr("Rubbish was not collected"), qsTr("The stairwell is dirty"), qsTr("The rubbish room smells")]
        case "landscaping": return [qsTr("Trees need cutting back"), qsTr("The lawn is damaged"), qsTr("Pests in the garden")]
        case "repairs": return [qsTr("The stairwell light is out"), qsTr("Water is leaking"), qsTr("The lift is broken"), qsTr("The door entry phone does not work")]
        case "activities": return [qsTr("I would like more activities for the elderly"), qsTr("Activities for children, please")]
        case "convenience": return [qsTr("A parcel locker, please"), qsTr("Help with heavy shopping")]
        }
        return []
    }
    // The text box of "What happened?" takes the keyboard.
    function editDescription() { content.edit() }
    function next() {
        if (step === 0 && category === "") { error.text = qsTr("Please tap a picture."); return }
        if (step === 1 && unitId === "") { error.text = qsTr("Please choose your building and flat."); return }
        if (step === 2 && content.text.trim() === "") { error.text = qsTr("Please tap a sentence or write a few words."); return }
        error.text = ""
        step += 1
    }
    function send() {
        const form = { category: category, unit_id: unitId, phone: phone.text.trim(), content: content.text }
        if (replyBy !== "") {
            const d = new Date(App.now.getTime())
            if (replyBy === "today") d.setHours(18, 0, 0, 0)
            else { d.setDate(d.getDate() + (replyBy === "tomorrow" ? 1 : 3)); d.setHours(18, 0, 0, 0) }
            // Late in the day "today" means within the next two hours.
            form.requested_reply_by = d.getTime() > App.now.getTime() ? d : new Date(App.now.getTime() + 2 * 3600000)
        }
        const code = Kiosk.submit(kind, form)
        if (code === "") {
            error.text = Kiosk.lastError
            return
        }
        Nav.swap("qrc:/qt/qml/Courtyard/kiosk/KioskReceiptPage.qml", { code: code, duplicate: Kiosk.lastWasDuplicate, waiting: !Sync.online })
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.margin

        Text {
            text: page.kindTitle()
            font.pixelSize: Theme.fontTitle
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.primary
        }
        // Where we are: five dots.
        RowLayout {
            spacing: 8
            Repeater {
                model: 5
                delegate: Rectangle {
                    required property int index
                    width: 48; height: 10; radius: 5
                    color: index <= page.step ? Theme.primary : Theme.line
                }
            }
            Text {
                text: qsTr("Step %1 of %2").arg(page.step + 1).arg(5)
                font.pixelSize: Theme.fontSmall
                font.family: Theme.fontFamily
                color: Theme.muted
            }
        }
        Text {
            Layout.fillWidth: true
            text: page.stepTitles[page.step]
            font.pixelSize: Theme.fontHuge
            font.bold: true
            font.family: Theme.fontFamily
            color: Theme.ink
            wrapMode: Text.WordWrap
        }

        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: steps.implicitHeight
            clip: true
            ColumnLayout {
                id: steps
                width: parent.width
                spacing: Theme.margin

                // 0: category
                GridLayout {
                    visible: page.step === 0
                    Layout.fillWidth: true
                    columns: 2
                    rowSpacing: Theme.spacing
                    columnSpacing: Theme.spacing
                    Repeater {
                        model: Guidance.categories
                        delegate: Tile {
                            id: item1
                            required property string modelData
                            Layout.fillWidth: true
                            implicitHeight: 190
                            text: Labels.category(item1.modelData)
                            iconSource: "qrc:/qt/qml/Courtyard/icons/" + item1.modelData + ".svg"
                            selected: page.category === item1.modelData
                            onClicked: { page.category = item1.modelData; page.next() }
                        }
                    }
                }
                // 1: flat
                KioskUnitPicker {
                    visible: page.step === 1
                    Layout.fillWidth: true
                    unitId: page.unitId
                    onPicked: (id) => { page.unitId = id; page.next() }
                }
                // 2: what happened
                ColumnLayout {
                    visible: page.step === 2
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    BodyText { text: qsTr("Tap a sentence, or write your own:"); muted: true }
                    Repeater {
                        model: page.phrases(page.category)
                        delegate: AppButton {
                            id: item2
                            required property string modelData
                            Layout.fillWidth: true
                            kind: "secondary"
                            font.pixelSize: Theme.fontLarge
                            text: item2.modelData
                            onClicked: content.text = content.text.trim() === "" ? item2.modelData : content.text + "；" + item2.modelData
                        }
                    }
                    TextBox {
                        id: content
                        Layout.fillWidth: true
                        minLines: 4
                        fontSize: Theme.fontLarge
                        placeholderText: qsTr("Write here")
                    }
                }
                // 3: contact and reply time
                ColumnLayout {
                    visible: page.step === 3
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    BodyText { Layout.fillWidth: true; text: qsTr("Leave a phone number if you want us to call you back. It is only seen by the management office."); muted: true }
                    InputField {
                        id: phone
                        Layout.fillWidth: true
                        font.pixelSize: Theme.fontLarge
                        implicitHeight: Theme.touch * 1.3
                        inputMethodHints: Qt.ImhDialableCharactersOnly
                        placeholderText: qsTr("Phone (optional)")
                    }
                    BodyText { visible: page.kind !== "suggestion"; text: qsTr("When would you like an answer?"); font.bold: true }
                    ChoiceRow {
                        visible: page.kind !== "suggestion"
                        Layout.fillWidth: true
                        options: ["", "today", "tomorrow", "3d"]
                        current: page.replyBy
                        labelFor: function(id) {
                            return id === "" ? qsTr("No preference") : id === "today" ? qsTr("Today")
                                 : id === "tomorrow" ? qsTr("Tomorrow") : qsTr("Within 3 days")
                        }
                        onChosen: (id) => page.replyBy = id
                    }
                }
                // 4: confirm
                Card {
                    visible: page.step === 4
                    BodyText { text: Labels.category(page.category); font.bold: true; font.pixelSize: Theme.fontLarge }
                    BodyText { text: Directory.unitLabel(page.unitId) }
                    BodyText { Layout.fillWidth: true; text: content.text }
                    BodyText { visible: phone.text !== ""; text: qsTr("Phone: %1").arg(phone.text) }
                }
                ErrorBanner {
                    id: error
                    Layout.fillWidth: true
                    text: ""
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            AppButton {
                kind: "secondary"
                implicitHeight: Theme.touch * 1.4
                font.pixelSize: Theme.fontLarge
                text: qsTr("‹ Back")
                onClicked: { error.text = ""; if (page.step > 0) page.step -= 1; else Nav.back() }
            }
            Item { Layout.fillWidth: true }
            AppButton {
                visible: page.step >= 2 && page.step < 4
                implicitHeight: Theme.touch * 1.4
                font.pixelSize: Theme.fontLarge
                text: qsTr("Next ›")
                onClicked: page.next()
            }
            AppButton {
                visible: page.step === 4
                implicitHeight: Theme.touch * 1.4
                font.pixelSize: Theme.fontLarge
                text: qsTr("Send")
                onClicked: page.send()
            }
        }
    }
}
