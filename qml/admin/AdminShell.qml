pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The admin console (courtyard --admin), for a desktop or laptop in the office: it works online
// only, so whether the server answers is always on show. A computer not enrolled yet starts on
// the tablet's first-start page (a code or a token for an admin device), then the tablet's
// sign-in; only an administrator gets past it. The sections are pages in a stack, as on the
// tablet.
Item {
    id: shell
    readonly property var sections: [
        { id: "staff", page: "StaffPage.qml", text: qsTr("Staff") },
        { id: "communities", page: "CommunitiesPage.qml", text: qsTr("Communities") },
        { id: "organisation", page: "OrganisationPage.qml", text: qsTr("Organisation") },
        { id: "routes", page: "RoutesPage.qml", text: qsTr("Patrol routes") },
        { id: "templates", page: "TemplatesPage.qml", text: qsTr("Templates") },
        { id: "notices", page: "NoticesPage.qml", text: qsTr("Notices") },
        { id: "devices", page: "DevicesPage.qml", text: qsTr("Devices") },
        { id: "policy", page: "PolicyPage.qml", text: qsTr("Policy") },
        { id: "calendars", page: "CalendarPage.qml", text: qsTr("Calendars") }
    ]
    property string currentSection: "staff"
    readonly property bool isAdmin: Session.signedIn && Session.role === "admin"

    function open(section) {
        for (const s of sections)
            if (s.id === section) {
                currentSection = section
                Nav.replace("qrc:/qt/qml/Courtyard/admin/" + s.page)
            }
    }
    function gate() {
        if (!App.enrolled)
            Nav.replace("qrc:/qt/qml/Courtyard/tablet/EnrolPage.qml")
        else if (!shell.isAdmin)
            Nav.replace("qrc:/qt/qml/Courtyard/tablet/SignInPage.qml")
        else
            open(currentSection)
        server.checkServer()
    }
    function screenshotPages() {
        return [
            { name: "sign-in", page: "SignInPage.qml", props: {} },
            { name: "staff", page: "StaffPage.qml", props: {} },
            { name: "communities", page: "CommunitiesPage.qml", props: {} },
            { name: "organisation", page: "OrganisationPage.qml", props: {} },
            { name: "routes", page: "RoutesPage.qml", props: {} },
            { name: "templates", page: "TemplatesPage.qml", props: { openOnLoad: "t-renovation" } },
            { name: "notices", page: "NoticesPage.qml", props: { openOnLoad: "new" } },
            { name: "devices", page: "DevicesPage.qml", props: {} },
            { name: "policy", page: "PolicyPage.qml", props: {} },
            { name: "calendars", page: "CalendarPage.qml", props: {} }
        ]
    }
    function showForScreenshot(page, props) {
        for (const s of sections)
            if (s.page === page)
                currentSection = s.id
        const dir = page === "SignInPage.qml" || page === "EnrolPage.qml" ? "tablet/" : "admin/"
        Nav.replace("qrc:/qt/qml/Courtyard/" + dir + page, props)
    }

    // Whether the server answers at all: checked at the start and every half minute.
    AdminConnection { id: server }
    Timer {
        interval: 30000
        repeat: true
        running: App.enrolled
        onTriggered: server.checkServer()
    }

    property string signedInAs: ""
    Connections {
        target: Session
        function onChanged() {
            if (Session.staffId !== shell.signedInAs) {
                shell.signedInAs = Session.staffId
                shell.gate()
            }
        }
    }
    Connections {
        target: App
        function onEnrolmentChanged() { shell.gate() }
    }
    Component.onCompleted: {
        Nav.stack = stack
        signedInAs = Session.staffId
        gate()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.touch + 16
            color: Theme.primary
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 12
                anchors.rightMargin: 4
                spacing: 12
                Text {
                    text: qsTr("Courtyard · administration")
                    color: "white"
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    font.family: Theme.fontFamily
                }
                Text {
                    visible: App.enrolled
                    text: server.serverUrl
                    color: "white"
                    font.pixelSize: Theme.fontSmall
                    font.family: Theme.fontFamily
                }
                Item { Layout.fillWidth: true }
                Text {
                    visible: Session.signedIn
                    text: qsTr("%1 · %2").arg(Session.name).arg(Labels.role(Session.role))
                    color: "white"
                    font.pixelSize: Theme.fontBody
                    font.family: Theme.fontFamily
                }
                AbstractButton {
                    visible: Session.signedIn
                    implicitHeight: Theme.touch
                    implicitWidth: implicitContentWidth + 16
                    Accessible.name: qsTr("Sign out")
                    onClicked: Session.signOut()
                    contentItem: Text {
                        text: qsTr("Sign out")
                        color: "white"
                        font.pixelSize: Theme.fontBody
                        font.family: Theme.fontFamily
                        font.underline: true
                        verticalAlignment: Text.AlignVCenter
                    }
                }
                AbstractButton {
                    objectName: "languageButton"
                    implicitHeight: Theme.touch
                    implicitWidth: implicitContentWidth + 16
                    Accessible.name: qsTr("Switch language")
                    onClicked: {
                        App.language = App.language === "en" ? "zh_CN" : "en"
                        Languages.tablet = App.language
                    }
                    contentItem: Text {
                        text: App.language === "en" ? "中文" : "English"
                        color: "white"
                        font.pixelSize: Theme.fontBody
                        font.family: Theme.fontFamily
                        font.underline: true
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }
        }

        // Online only: said plainly, above whatever page is open.
        ErrorBanner {
            objectName: "serverUnreachable"
            Layout.fillWidth: true
            Layout.margins: visible ? 8 : 0
            text: server.unreachable ? qsTr("The server cannot be reached. The admin console works only online: nothing can be read or changed until it answers.") : ""
            advice: server.error
        }
        ErrorBanner {
            objectName: "notAdmin"
            Layout.fillWidth: true
            Layout.margins: visible ? 8 : 0
            text: Session.signedIn && !shell.isAdmin
                  ? qsTr("%1 is not an administrator: the admin console is for administrators. Sign out and sign in as one.").arg(Session.name)
                  : ""
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            Rectangle {
                visible: shell.isAdmin
                Layout.fillHeight: true
                implicitWidth: 190
                color: Theme.paper
                border.color: Theme.line
                ListView {
                    anchors.fill: parent
                    model: shell.sections
                    clip: true
                    delegate: ItemDelegate {
                        id: sectionItem
                        required property var modelData
                        objectName: "section-" + sectionItem.modelData.id
                        width: ListView.view.width
                        height: Theme.touch + 4
                        highlighted: shell.currentSection === sectionItem.modelData.id
                        text: sectionItem.modelData.text
                        font.pixelSize: Theme.fontBody
                        font.bold: highlighted
                        onClicked: shell.open(sectionItem.modelData.id)
                    }
                }
            }
            StackView {
                id: stack
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
            }
        }
    }
}
