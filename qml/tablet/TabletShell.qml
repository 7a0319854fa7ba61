pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// The staff tablet: who is signed in, which community, the sync state (always visible), the
// sections of the work, and the pages in a stack. Landscape puts the sections on the left,
// portrait along the bottom.
Item {
    id: shell
    readonly property bool landscape: width >= height
    readonly property var sections: [
        { id: "work", page: "MyWorkPage.qml", text: qsTr("My work") },
        { id: "complaints", page: "RecordsPage.qml", text: qsTr("Complaints"),
          props: { heading: qsTr("Complaints"), types: ["complaint"], newPage: "ComplaintIntakePage.qml" } },
        { id: "suggestions", page: "RecordsPage.qml", text: qsTr("Suggestions"),
          props: { heading: qsTr("Suggestions"), types: ["suggestion"], newPage: "SuggestionIntakePage.qml" } },
        { id: "inspections", page: "InspectionPage.qml", text: qsTr("Inspections") },
        { id: "patrols", page: "PatrolPage.qml", text: qsTr("Patrols") },
        { id: "rectification", page: "RectificationPage.qml", text: qsTr("Rectification") },
        { id: "surveys", page: "SurveyPage.qml", text: qsTr("Surveys") },
        { id: "handover", page: "HandoverPage.qml", text: qsTr("Handover") },
        { id: "supervisor", page: "SupervisorPage.qml", text: qsTr("Supervisor"), supervisor: true },
        { id: "reports", page: "ReportsPage.qml", text: qsTr("Reports"), reports: true },
        { id: "sync", page: "SyncPage.qml", text: qsTr("Sync") }
    ]
    property string currentSection: "work"
    // Reports for those the authorization table lets read them (the server asks the same table).
    function allowed(section) {
        if (section.reports)
            return Session.readsReports
        return !section.supervisor || Session.supervisor
    }

    function open(section) {
        for (const s of sections)
            if (s.id === section && shell.allowed(s)) {
                currentSection = section
                Nav.replace("qrc:/qt/qml/Courtyard/tablet/" + s.page, s.props || {})
            }
    }
    function gate() {
        if (!App.enrolled)
            Nav.replace("qrc:/qt/qml/Courtyard/tablet/EnrolPage.qml")
        else if (!Session.signedIn)
            Nav.replace("qrc:/qt/qml/Courtyard/tablet/SignInPage.qml")
        else
            open("work")
    }
    function screenshotPages() {
        const anyComplaint = firstComplaint.count > 0 ? firstComplaint.idAt(0) : ""
        return [
            { name: "sign-in", page: "SignInPage.qml", props: {} },
            { name: "my-work", page: "MyWorkPage.qml", props: {} },
            { name: "complaint-intake", page: "ComplaintIntakePage.qml", props: {} },
            { name: "complaint", page: "RecordPage.qml", props: { recordId: anyComplaint } },
            { name: "complaint-photos", page: "RecordPage.qml", props: { recordId: anyComplaint, atPhotos: true } },
            { name: "inspection", page: "InspectionPage.qml", props: {} },
            { name: "patrol", page: "PatrolPage.qml", props: {} },
            { name: "rectification", page: "RectificationPage.qml", props: {} },
            { name: "survey", page: "SurveyPage.qml", props: {} },
            { name: "supervisor", page: "SupervisorPage.qml", props: {} },
            { name: "handover", page: "HandoverPage.qml", props: {} },
            { name: "sync", page: "SyncPage.qml", props: {} },
            { name: "reports", page: "ReportsPage.qml", props: { initialKind: "quarterly", scrollTo: "pareto" } }
        ]
    }
    function showForScreenshot(page, props) {
        // The navigation shows where the picture is (as open() does).
        for (const s of sections)
            if (s.page === page)
                currentSection = s.id
        Nav.replace("qrc:/qt/qml/Courtyard/tablet/" + page, props)
    }

    RecordListModel { id: firstComplaint; types: ["complaint"]; openOnly: true; order: "due"; pageSize: 5 }

    // The person's inbox: its new items counted on "My work", and what a sync brings announced.
    InboxModel { id: inbox; notifies: true }
    function sectionText(section) {
        return section.id === "work" && inbox.unseenCount > 0 ? qsTr("%1 (%2 new)").arg(section.text).arg(inbox.unseenCount)
                                                               : section.text
    }

    // Someone signed in, out, or switched: their own start page.
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
        if (App.currentCommunity === "" && App.communityIds.length > 0)
            App.currentCommunity = App.communityIds[0]
        gate()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Top bar: community, person, language, sync.
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
                    text: qsTr("Courtyard")
                    color: "white"
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    font.family: Theme.fontFamily
                }
                ComboBox {
                    id: communityBox
                    Accessible.name: qsTr("Community")
                    visible: Session.signedIn && App.communityIds.length > 1
                    implicitHeight: Theme.touch - 8
                    implicitWidth: 220
                    model: DirectoryList { id: communityList; kind: DirectoryList.Communities; currentId: App.currentCommunity }
                    textRole: "name"
                    valueRole: "id"
                    currentIndex: communityList.currentIndex
                    onActivated: App.currentCommunity = currentValue
                }
                Text {
                    visible: Session.signedIn && App.communityIds.length <= 1
                    text: Directory.communityName(App.currentCommunity)
                    color: "white"
                    font.pixelSize: Theme.fontBody
                    font.family: Theme.fontFamily
                }
                Item { Layout.fillWidth: true }
                AbstractButton {
                    visible: Session.signedIn
                    implicitHeight: Theme.touch
                    implicitWidth: implicitContentWidth + 16
                    onClicked: Nav.replace("qrc:/qt/qml/Courtyard/tablet/SignInPage.qml", { switching: true })
                    Accessible.name: qsTr("Signed in: %1, %2. Switch person").arg(Session.name).arg(Labels.role(Session.role))
                    contentItem: Text {
                        text: qsTr("%1 · %2 ▾").arg(Session.name).arg(Labels.role(Session.role))
                        color: "white"
                        font.pixelSize: Theme.fontBody
                        font.family: Theme.fontFamily
                        verticalAlignment: Text.AlignVCenter
                    }
                }
                AbstractButton {
                    objectName: "languageButton"
                    implicitHeight: Theme.touch
                    implicitWidth: implicitContentWidth + 16
                    Accessible.name: qsTr("Switch language")
                    // Remembered: the tablet starts in this language next time.
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
                SyncBar {
                    dark: true
                    onOpenDetails: shell.open("sync")
                }
            }
        }

        // New inbox items a sync brought: said where the person is looking, until opened or dismissed.
        Rectangle {
            objectName: "inboxBanner"
            visible: Session.signedIn && inbox.arrival !== ""
            Layout.fillWidth: true
            implicitHeight: visible ? bannerRow.implicitHeight + 16 : 0
            color: "#e8f1fb"
            border.color: Theme.primary
            RowLayout {
                id: bannerRow
                anchors.fill: parent
                anchors.margins: 8
                spacing: Theme.spacing
                Text {
                    objectName: "inboxBannerText"
                    Layout.fillWidth: true
                    text: inbox.arrival
                    color: Theme.ink
                    font.pixelSize: Theme.fontBody
                    font.family: Theme.fontFamily
                    font.bold: true
                    elide: Text.ElideRight
                }
                AppButton {
                    text: qsTr("Open my work")
                    onClicked: {
                        inbox.dismissArrival()
                        shell.open("work")
                    }
                }
                AppButton {
                    kind: "secondary"
                    text: qsTr("Dismiss")
                    onClicked: inbox.dismissArrival()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            // Sections, landscape.
            Rectangle {
                visible: shell.landscape && Session.signedIn
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
                        visible: shell.allowed(sectionItem.modelData)
                        height: visible ? Theme.touch + 4 : 0
                        highlighted: shell.currentSection === sectionItem.modelData.id
                        text: shell.sectionText(sectionItem.modelData)
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

        // Sections, portrait.
        Rectangle {
            visible: !shell.landscape && Session.signedIn
            Layout.fillWidth: true
            implicitHeight: Theme.touch + 8
            color: Theme.paper
            border.color: Theme.line
            ListView {
                anchors.fill: parent
                orientation: ListView.Horizontal
                model: shell.sections
                clip: true
                delegate: ItemDelegate {
                    id: item1
                    required property var modelData
                    visible: shell.allowed(item1.modelData)
                    width: visible ? implicitWidth + 8 : 0
                    height: ListView.view.height
                    highlighted: shell.currentSection === item1.modelData.id
                    text: shell.sectionText(item1.modelData)
                    font.pixelSize: Theme.fontSmall
                    onClicked: shell.open(item1.modelData.id)
                }
            }
        }
    }
}
