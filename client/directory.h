#pragma once
// Company data on this device, for pickers and labels: communities, buildings, units (with the
// owner's name and phone, so staff never type them twice), departments, staff, inspection
// templates, patrol routes, survey campaigns. QML: singleton `Directory`; lists for pickers are
// DirectoryList models, single entries typed values (UnitView, DirectoryItemView).

#include "client/app_context.h"
#include "client/directory_item_view.h"
#include "client/directory_list.h"
#include "client/unit_view.h"

#include <QObject>
#include <QStringList>
#include <map>
#include <optional>

namespace courtyard::client {

class Directory : public QObject {
    Q_OBJECT
    Q_PROPERTY(int revision READ revision NOTIFY changed)

public:
    explicit Directory(AppContext& app, QObject* parent = nullptr);
    int revision() const { return m_revision; }

    // The entries of one kind, in the order a picker shows them (see DirectoryList for what
    // parentId and all mean).
    QList<DirectoryItemView> list(DirectoryList::Kind kind, const QString& parentId = {}, bool all = false) const;
    // Any entry by id; `valid` is false when this device has none.
    Q_INVOKABLE courtyard::client::DirectoryItemView item(const QString& id) const;
    // The whole record of an entry, for C++ that copies it (a template's items, a route's
    // checkpoints).
    std::optional<Json> body(const QString& id) const;

    Q_INVOKABLE QString communityName(const QString& id) const;
    Q_INVOKABLE courtyard::client::UnitView unit(const QString& unitId) const;
    // "3栋 1-502": what a person reads.
    Q_INVOKABLE QString unitLabel(const QString& unitId) const;
    // A unit by building name and unit number as a resident or caller says them.
    Q_INVOKABLE QString findUnit(const QString& communityId, const QString& building, const QString& number) const;
    Q_INVOKABLE QString departmentName(const QString& id) const;
    Q_INVOKABLE QString staffName(const QString& staffId) const;
    // Ids for a step form's choices: staff with one of these roles (empty: everyone), and
    // every department.
    Q_INVOKABLE QStringList staffIds(const QStringList& roles = {}) const;
    Q_INVOKABLE QStringList departmentIds() const;

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
