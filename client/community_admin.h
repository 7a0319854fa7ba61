#pragma once
// The admin face's Communities page: the company's communities from the server
// (GET /v1/admin/communities), shown filtered and sorted here with their office, time zone,
// calendar and how many buildings, units and occupied units each has; adding a community, adding
// a building to one, and importing a community's unit roster from CSV (a file or pasted text,
// sent as text/csv). The Offices and departments page uses it too: the same answer lists them. The server checks each change with `init`'s rules and stores a roster whole
// or not at all; a refusal names its field (AdminClient::errorField). QML: `CommunityAdmin`.

#include "client/admin_table.h"
#include "client/admin_views.h"
#include "client/gadget_list_model.h"

#include <QUrl>

namespace courtyard::client {

// A department as the Offices and departments page lists it, with its office's name ("" for a
// company-level department).
struct DepartmentView {
    Q_GADGET
    QML_VALUE_TYPE(departmentView)
    Q_PROPERTY(QString departmentId MEMBER departmentId CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString kind MEMBER kind CONSTANT) // customer_service, engineering, … (domain/organization.h)
    Q_PROPERTY(QString officeId MEMBER officeId CONSTANT)
    Q_PROPERTY(QString officeName MEMBER officeName CONSTANT)

public:
    QString departmentId, name, kind, officeId, officeName;
    friend bool operator==(const DepartmentView&, const DepartmentView&) = default;
};

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class CommunityAdmin : public courtyard::client::AdminTable {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* communities READ communitiesModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* offices READ officesModel CONSTANT)
    // Every department, company-level ones first, then by office and name.
    Q_PROPERTY(courtyard::client::GadgetListModel* departments READ departmentsModel CONSTANT)
    // The buildings of `selectedId` (choiceView rows: id, name), by name.
    Q_PROPERTY(courtyard::client::GadgetListModel* buildings READ buildingsModel CONSTANT)
    Q_PROPERTY(QString selectedId READ selectedId WRITE setSelectedId NOTIFY selectedChanged)
    Q_PROPERTY(int total READ total NOTIFY listChanged) // before the filter
    // The table (AdminTable): `filter` in id, name, office, time zone or calendar; sort keys
    // name, id, office, time_zone, calendar, buildings, units, occupied.
    // The last roster the server took: units created, updated, unchanged (-1: none yet).
    Q_PROPERTY(int importCreated READ importCreated NOTIFY importChanged)
    Q_PROPERTY(int importUpdated READ importUpdated NOTIFY importChanged)
    Q_PROPERTY(int importUnchanged READ importUnchanged NOTIFY importChanged)

public:
    explicit CommunityAdmin(QObject* parent = nullptr);

    GadgetListModel* communitiesModel() { return &m_shown; }
    GadgetListModel* officesModel() { return &m_offices; }
    GadgetListModel* buildingsModel() { return &m_buildings; }
    GadgetListModel* departmentsModel() { return &m_departments; }
    QList<CommunityView> shown() const { return m_shown.rows<CommunityView>(); }
    QString selectedId() const { return m_selectedId; }
    void setSelectedId(const QString& id);
    int total() const { return int(m_all.size()); }
    int importCreated() const { return m_created; }
    int importUpdated() const { return m_updated; }
    int importUnchanged() const { return m_unchanged; }

    // The community with this id as last listed (an empty row when there is none).
    Q_INVOKABLE courtyard::client::CommunityView find(const QString& communityId) const;
    // A local file's text (UTF-8, a leading BOM dropped, or GBK) for the import box; "" with
    // `error` set when it cannot be read or is neither.
    Q_INVOKABLE QString readFile(const QUrl& file);

    // Each answers through saved(what) or failed(what): "create", "building", "import"; the
    // list is read again after a change.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void create(const QString& communityId, const QString& officeId, const QString& name,
                            const QString& timeZone, const QString& calendarId);
    Q_INVOKABLE void addBuilding(const QString& communityId, const QString& name);
    Q_INVOKABLE void importUnits(const QString& communityId, const QString& csv);
    // Creates the office or the department under `id`, or changes it ("office", "department";
    // officeId "" for a company-level department).
    Q_INVOKABLE void saveOffice(const QString& officeId, const QString& name);
    Q_INVOKABLE void saveDepartment(const QString& departmentId, const QString& name, const QString& kind,
                                    const QString& officeId);

signals:
    void listChanged();
    void selectedChanged();
    void importChanged();

private:
    void show() override;
    void showBuildings();

    QList<CommunityView> m_all;
    QList<ChoiceView> m_allBuildings; // key: building id, name; with its community in m_buildingCommunity
    QList<QString> m_buildingCommunity;
    GadgetListModel m_shown{CommunityView::staticMetaObject, this};
    GadgetListModel m_offices{ChoiceView::staticMetaObject, this};
    GadgetListModel m_buildings{ChoiceView::staticMetaObject, this};
    GadgetListModel m_departments{DepartmentView::staticMetaObject, this};
    QString m_selectedId;
    int m_created = -1, m_updated = -1, m_unchanged = -1;
};

} // namespace courtyard::client
