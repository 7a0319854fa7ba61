#pragma once
// The admin face's Staff page: the company's staff from the server (GET /v1/admin/staff), shown
// filtered and sorted here, and the changes an administrator makes — create, move (department,
// communities, role, position), deactivate or activate, reset the PIN. A PIN goes to the server
// and is never shown or kept. The server checks every change with `init`'s rules; a refusal
// names its field (AdminClient::errorField). QML: `StaffAdmin`.

#include "client/admin_table.h"
#include "client/admin_views.h"
#include "client/gadget_list_model.h"

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class StaffAdmin : public courtyard::client::AdminTable {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* staff READ staffModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* departments READ departmentsModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* communities READ communitiesModel CONSTANT)
    Q_PROPERTY(QStringList roles READ roles CONSTANT)
    Q_PROPERTY(QStringList positions READ positions CONSTANT)
    Q_PROPERTY(int total READ total NOTIFY listChanged) // before the filter
    // The table (AdminTable): `filter` in number, name, department, role or communities; sort
    // keys number, name, department, role, active.

public:
    explicit StaffAdmin(QObject* parent = nullptr);

    GadgetListModel* staffModel() { return &m_shown; }
    GadgetListModel* departmentsModel() { return &m_departments; }
    GadgetListModel* communitiesModel() { return &m_communities; }
    QList<StaffView> shown() const { return m_shown.rows<StaffView>(); }
    QStringList roles() const;
    QStringList positions() const;
    int total() const { return int(m_all.size()); }
    // The person with this id as last listed (an empty row when there is none).
    Q_INVOKABLE courtyard::client::StaffView find(const QString& staffId) const;

    // Each answers through saved(what) or failed(what); the list is read again after a change.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void create(const QString& number, const QString& name, const QString& role, const QString& position,
                            const QString& departmentId, const QStringList& communityIds, const QString& pin);
    Q_INVOKABLE void move(const QString& staffId, const QString& departmentId, const QStringList& communityIds,
                          const QString& role, const QString& position);
    Q_INVOKABLE void setActive(const QString& staffId, bool active);
    Q_INVOKABLE void resetPin(const QString& staffId, const QString& pin);

signals:
    void listChanged();

private:
    void loadStaff();
    void show() override;
    QString departmentName(const QString& id) const;
    QString communityNames(const QStringList& ids) const;

    QList<StaffView> m_all;
    GadgetListModel m_shown{StaffView::staticMetaObject, this};
    GadgetListModel m_departments{ChoiceView::staticMetaObject, this};
    GadgetListModel m_communities{ChoiceView::staticMetaObject, this};
};

} // namespace courtyard::client
