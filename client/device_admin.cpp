#include "client/device_admin.h"

#include "client/enrolment.h"
#include "client/json_bridge.h"

#include <algorithm>

namespace courtyard::client {

namespace {

QStringList stringList(const Json& j) {
    QStringList out;
    if (j.is_array())
        for (const auto& v : j)
            if (v.is_string())
                out << qs(v.get<std::string>());
    return out;
}

// "7KQMRX3DWC9PHT2B" as "7KQM-RX3D-WC9P-HT2B": easier to read out and to type.
QString grouped(const QString& code) {
    QString plain = code;
    plain.remove('-');
    QStringList parts;
    for (int i = 0; i < plain.size(); i += 4)
        parts << plain.mid(i, 4);
    return parts.join('-');
}

} // namespace

DeviceAdmin::DeviceAdmin(QObject* parent) : AdminClient(parent) {}

QString DeviceAdmin::codeLink() const { return m_code.isEmpty() ? QString() : enrolmentLink(serverUrl(), m_code); }

QUrl DeviceAdmin::codeQr() const {
    if (m_code.isEmpty())
        return {};
    return QUrl("image://qr/" + QString::fromLatin1(codeLink().toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                                                                QByteArray::OmitTrailingEquals)));
}

void DeviceAdmin::refresh() {
    call("GET", "/v1/admin/communities", nullptr, "places", [this](const Json& answer) {
        QList<ChoiceView> rows;
        m_communityNames.clear();
        for (const auto& c : answer.value("communities", Json::array())) {
            rows.append({qs(stringAt(c, "id")), qs(stringAt(c, "name"))});
            m_communityNames.insert(rows.last().key, rows.last().name);
        }
        std::sort(rows.begin(), rows.end(), [](const ChoiceView& a, const ChoiceView& b) { return a.key < b.key; });
        m_communities.setRows(rows);
        loadDevices();
    });
}

void DeviceAdmin::loadDevices() {
    const QString self = app() ? app()->deviceId() : QString();
    call("GET", "/v1/admin/devices", nullptr, "list", [this, self](const Json& answer) {
        QList<DeviceView> rows;
        for (const auto& d : answer.value("devices", Json::array())) {
            DeviceView v;
            v.deviceId = qs(stringAt(d, "id"));
            v.name = qs(stringAt(d, "name"));
            v.role = qs(stringAt(d, "role"));
            v.communityIds = stringList(d.value("community_ids", Json::array()));
            QStringList names;
            for (const auto& id : v.communityIds)
                names << m_communityNames.value(id, id);
            v.communityNames = names.join(QStringLiteral(", "));
            v.createdAt = dateTimeAt(d, "created_at");
            v.lastSeenAt = dateTimeAt(d, "last_seen_at");
            v.revoked = d.contains("revoked_at") && !d["revoked_at"].is_null();
            v.syncState = qs(stringAt(d, "sync_state"));
            v.thisDevice = v.deviceId == self;
            rows.append(v);
        }
        // Devices in use first, the newest contact first; revoked ones last.
        std::stable_sort(rows.begin(), rows.end(), [](const DeviceView& a, const DeviceView& b) {
            if (a.revoked != b.revoked)
                return !a.revoked;
            return a.lastSeenAt > b.lastSeenAt;
        });
        m_devices.setRows(rows);
    });
}

void DeviceAdmin::revoke(const QString& deviceId) {
    call("POST", "/v1/admin/devices/" + QString::fromUtf8(QUrl::toPercentEncoding(deviceId)) + "/revoke",
         Json::object(), "revoke", [this](const Json&) { loadDevices(); });
}

void DeviceAdmin::makeCode(const QString& name, const QString& role, const QStringList& communityIds) {
    forgetCode();
    Json communities = Json::array();
    for (const auto& c : communityIds)
        communities.push_back(ss(c));
    const Json enrolment{{"name", ss(name.trimmed())}, {"role", ss(role)}, {"community_ids", communities}};
    call("POST", "/v1/admin/enrolment-codes", Json{{"enrolment", enrolment}}, "code", [this](const Json& answer) {
        m_code = grouped(qs(stringAt(answer, "code")));
        m_codeExpiresAt = dateTimeAt(answer, "expires_at");
        m_codeDevice = qs(stringAt(answer, "name"));
        emit codeChanged();
    });
}

void DeviceAdmin::forgetCode() {
    if (m_code.isEmpty())
        return;
    m_code.clear();
    m_codeExpiresAt = {};
    m_codeDevice.clear();
    emit codeChanged();
}

} // namespace courtyard::client
