#pragma once
// The admin face's Routes page: the company's patrol routes from the server
// (GET /v1/admin/patrol-routes) with their community, department, checkpoints and schedule; a
// route drawn or edited here — its checkpoints in walking order (added, removed, moved, each
// with the minutes after the start it is due and its tolerance) and the times of day its rounds
// are due (none: walked on demand) — is sent whole (PUT /v1/admin/patrol-routes/<id>). The
// server keeps each checkpoint's QR code while it keeps its id and makes codes for new ones;
// the QR sheet of a saved route prints to PDF. A refusal names its field
// (AdminClient::errorField). QML: `RouteAdmin`.

#include "client/admin_client.h"
#include "client/admin_views.h"
#include "client/gadget_list_model.h"

#include <QUrl>
#include <functional>

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class RouteAdmin : public courtyard::client::AdminClient {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* routes READ routesModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* communities READ communitiesModel CONSTANT) // choiceView
    Q_PROPERTY(courtyard::client::GadgetListModel* departments READ departmentsModel CONSTANT) // choiceView
    // The checkpoints of the route being edited (routeCheckpointView rows), in walking order.
    Q_PROPERTY(courtyard::client::GadgetListModel* checkpoints READ checkpointsModel CONSTANT)
    // The route being edited ("" for a new one, until it is saved).
    Q_PROPERTY(QString editingId READ editingId NOTIFY editingChanged)

public:
    explicit RouteAdmin(QObject* parent = nullptr);

    GadgetListModel* routesModel() { return &m_routes; }
    GadgetListModel* communitiesModel() { return &m_communities; }
    GadgetListModel* departmentsModel() { return &m_departments; }
    GadgetListModel* checkpointsModel() { return &m_checkpoints; }
    QList<RouteView> routes() const { return m_routes.rows<RouteView>(); }
    QList<RouteCheckpointView> checkpoints() const { return m_checkpoints.rows<RouteCheckpointView>(); }
    QString editingId() const { return m_editingId; }

    // The route with this id as last listed (an empty row when there is none).
    Q_INVOKABLE courtyard::client::RouteView find(const QString& routeId) const;

    // Starts editing a listed route (its checkpoints into `checkpoints`), or a new one ("").
    Q_INVOKABLE void edit(const QString& routeId);
    Q_INVOKABLE void addCheckpoint();
    Q_INVOKABLE void removeCheckpoint(int index);
    // Moves a checkpoint `by` places (-1 earlier, 1 later) in the walking order.
    Q_INVOKABLE void moveCheckpoint(int index, int by);
    Q_INVOKABLE void setCheckpoint(int index, const QString& name, const QString& location, int dueAfter, int tolerance);

    // Each answers through saved(what) or failed(what): "list", "save"; the list is read again
    // after a save. `times`: "22:00, 02:00" (commas, spaces or 、 between; "" for no schedule);
    // `weekdays`: ISO days (none: every day).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void save(const QString& routeId, const QString& name, const QString& communityId,
                          const QString& departmentId, bool active, const QString& times,
                          const QList<int>& weekdays, int tolerance);
    // The QR sheet of a saved route as an A4 PDF (one labelled code per checkpoint); false with
    // `error` set when the route has no checkpoints or the file cannot be written.
    Q_INVOKABLE bool printSheet(const QString& routeId, const QUrl& pdfFile);

signals:
    void editingChanged();

private:
    // Reads the names and the routes, then runs `then`.
    void load(std::function<void()> then);

    Json m_listed = Json::array(); // the routes as the server sent them
    GadgetListModel m_routes{RouteView::staticMetaObject, this};
    GadgetListModel m_communities{ChoiceView::staticMetaObject, this};
    GadgetListModel m_departments{ChoiceView::staticMetaObject, this};
    GadgetListModel m_checkpoints{RouteCheckpointView::staticMetaObject, this};
    QString m_editingId;
};

} // namespace courtyard::client
