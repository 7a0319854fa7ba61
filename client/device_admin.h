#pragma once
// The admin face's Devices page: every tablet, kiosk and console the server knows, with its last
// contact (GET /v1/admin/devices), revoking one, and "Enrol a tablet/kiosk": a one-time code
// (POST /v1/admin/enrolment-codes) shown as text and as a QR code holding the server's address
// and the code (enrolmentLink), which the device's first-start page takes. QML: `DeviceAdmin`.

#include "client/admin_client.h"
#include "client/admin_views.h"
#include "client/gadget_list_model.h"

#include <QDateTime>
#include <QUrl>

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class DeviceAdmin : public courtyard::client::AdminClient {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* devices READ devicesModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* communities READ communitiesModel CONSTANT)
    // The code made last (shown once: it is not kept anywhere), grouped in fours.
    Q_PROPERTY(QString code READ code NOTIFY codeChanged)
    Q_PROPERTY(QDateTime codeExpiresAt READ codeExpiresAt NOTIFY codeChanged)
    Q_PROPERTY(QString codeDevice READ codeDevice NOTIFY codeChanged) // the name it enrols
    Q_PROPERTY(QString codeLink READ codeLink NOTIFY codeChanged)     // what the QR code holds
    Q_PROPERTY(QUrl codeQr READ codeQr NOTIFY codeChanged)            // the QR code, for an Image

public:
    explicit DeviceAdmin(QObject* parent = nullptr);

    GadgetListModel* devicesModel() { return &m_devices; }
    GadgetListModel* communitiesModel() { return &m_communities; }
    QList<DeviceView> devices() const { return m_devices.rows<DeviceView>(); }
    QString code() const { return m_code; }
    QDateTime codeExpiresAt() const { return m_codeExpiresAt; }
    QString codeDevice() const { return m_codeDevice; }
    QString codeLink() const;
    QUrl codeQr() const;

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void revoke(const QString& deviceId);
    // role: staff, supervisor, manager, developer_cs, kiosk (a kiosk serves one community).
    Q_INVOKABLE void makeCode(const QString& name, const QString& role, const QStringList& communityIds);
    Q_INVOKABLE void forgetCode();

signals:
    void codeChanged();

private:
    void loadDevices();
    GadgetListModel m_devices{DeviceView::staticMetaObject, this};
    GadgetListModel m_communities{ChoiceView::staticMetaObject, this};
    QHash<QString, QString> m_communityNames;
    QString m_code;
    QDateTime m_codeExpiresAt;
    QString m_codeDevice;
};

} // namespace courtyard::client
