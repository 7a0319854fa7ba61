pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Courtyard
import Courtyard.Core

// First start of a new tablet: the server's address and the device token the administrator
// issued ('courtyard-server device add'). The first sync brings the company's data.
PageScaffold {
    id: page
    heading: qsTr("Set up this tablet")

    Card {
        BodyText {
            Layout.fillWidth: true
            text: qsTr("Ask the administrator for this tablet's token. After the first sync the tablet works without a network for a whole shift.")
        }
        FormField {
            label: qsTr("Server address")
            required: true
            InputField { id: server; Accessible.name: qsTr("Server address"); Layout.fillWidth: true; text: "http://127.0.0.1:8080"; inputMethodHints: Qt.ImhUrlCharactersOnly }
        }
        FormField {
            label: qsTr("Device token")
            required: true
            InputField { id: token; Accessible.name: qsTr("Device token"); Layout.fillWidth: true; echoMode: TextInput.Password }
        }
        ErrorBanner { id: error; Layout.fillWidth: true }
        AppButton {
            text: qsTr("Connect and sync")
            onClicked: {
                if (!App.enrol(server.text.trim(), token.text.trim())) {
                    error.text = qsTr("The address must start with http:// or https:// and the token cannot be empty.")
                    return
                }
                error.text = ""
                Sync.syncNow()
            }
        }
        BodyText {
            visible: Sync.syncing || Sync.lastError !== ""
            Layout.fillWidth: true
            muted: true
            text: Sync.syncing ? qsTr("Syncing…") : qsTr("Last attempt: %1").arg(Sync.lastError)
        }
    }
}
