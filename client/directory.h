#pragma once
// Company data on this device, for pickers and labels: communities, buildings, units (with the
// owner's name and phone, so staff never type them twice), departments, staff, inspection
// templates, patrol routes, survey campaigns. QML: singleton `Directory`.

#include "client/app_context.h"
#include "client/unit_view.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <map>

namespace courtyard::client {

class Directory : public QObject {
    Q_OBJECT
    Q_PROPERTY(int revision READ revision NOTIFY changed)

public:
    explicit Directory(AppContext& app, QObject* parent = nullptr);
    int revision() const { return m_revision; }

    Q_INVOKABLE QVariantList communities() const;
    Q_INVOKABLE QString communityName(const QString& id) const;
    Q_INVOKABLE QVariantList buildings(const QString& communityId) const;
    Q_INVOKABLE QVariantList units(const QString& buildingId) const;
    Q_INVOKABLE courtyard::client::UnitView unit(const QString& unitId) const;
    // "3栋 1-502": what a person reads.
    Q_INVOKABLE QString unitLabel(const QString& unitId) const;
    // A unit by building name and unit number as a resident or caller says them.
    Q_INVOKABLE QString findUnit(const QString& communityId, const QString& building, const QString& number) const;
    Q_INVOKABLE QVariantList departments() const;
    Q_INVOKABLE QString departmentName(const QString& id) const;
    Q_INVOKABLE QVariantList staff(const QString& departmentId = {}) const;
    Q_INVOKABLE QString staffName(const QString& staffId) const;
    Q_INVOKABLE QVariantList templates() const;
    Q_INVOKABLE QVariantMap templateById(const QString& id) const;
    Q_INVOKABLE QVariantList routes(const QString& communityId) const;
    Q_INVOKABLE QVariantMap route(const QString& id) const;
    Q_INVOKABLE QVariantList campaigns(const QString& communityId, bool openOnly = true) const;

signals:
    void changed();

private:
    std::vector<Json> ofType(const char* type, const std::string& communityId = {}) const;
    std::optional<Json> byId(const std::string& id) const;

    AppContext& m_app;
    int m_revision = 0;
    mutable std::map<std::string, std::optional<Json>> m_cache;
};

} // namespace courtyard::client
