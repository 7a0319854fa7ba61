#pragma once
// A patrol round: the route's checkpoints scanned (or confirmed by hand) as the guard walks.
#include "client/field_controller.h"
#include "client/gadget_list_model.h"

namespace courtyard::client {

// One checkpoint of the round as the page lists it. status: on_time, late, missed (a finished
// round), due or overdue (a running round's checkpoint not yet visited, by its window).
struct CheckpointView {
    Q_GADGET
    QML_VALUE_TYPE(checkpointView)
    Q_PROPERTY(QString checkpointId MEMBER id CONSTANT) // not "id": a delegate cannot declare that
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString location MEMBER location CONSTANT)
    Q_PROPERTY(QString status MEMBER status CONSTANT)
    Q_PROPERTY(QDateTime dueBy MEMBER dueBy CONSTANT)
    Q_PROPERTY(QDateTime visitedAt MEMBER visitedAt CONSTANT)
    Q_PROPERTY(bool visited READ visited CONSTANT)
    Q_PROPERTY(QString manualReason MEMBER manualReason CONSTANT)

public:
    QString id, name, location, status;
    QDateTime dueBy, visitedAt; // visitedAt invalid: not visited
    QString manualReason;       // empty: scanned, not confirmed by hand
    bool visited() const { return visitedAt.isValid(); }
    friend bool operator==(const CheckpointView&, const CheckpointView&) = default;
};

class PatrolController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* checkpoints READ checkpointModel CONSTANT)
    Q_PROPERTY(int visited READ visited NOTIFY changed)
    Q_PROPERTY(int late READ late NOTIFY changed)
    Q_PROPERTY(int missed READ missed NOTIFY changed)
public:
    explicit PatrolController(QObject* parent = nullptr);
    GadgetListModel* checkpointModel() { return &m_checkpoints; }
    QList<CheckpointView> checkpoints() const { return m_checkpoints.rows<CheckpointView>(); }
    int visited() const;
    int late() const;
    int missed() const;

    // Starts a round of a route; the round copies the route's checkpoints as they are now.
    Q_INVOKABLE QString start(const QString& routeId);
    // A scanned QR code: the checkpoint it names, time-stamped now. Returns its name.
    Q_INVOKABLE QString scan(const QString& code);
    Q_INVOKABLE QString scanImage(const QString& path);
    // The code is damaged or missing: confirmed by hand, with the reason.
    Q_INVOKABLE bool confirmManually(const QString& checkpointId, const QString& reason);
    // Something wrong on the way: a rectification item, linked to the round.
    Q_INVOKABLE QString raiseFinding(const QString& description, const QString& checkpointId);
    Q_INVOKABLE bool finish();
    Q_INVOKABLE bool abandon(const QString& reason);

private:
    void reloaded() override;
    QList<CheckpointView> evaluate() const;
    bool visit(const std::string& checkpointId, const char* method, const QString& reason);
    GadgetListModel m_checkpoints{CheckpointView::staticMetaObject, this};
};

} // namespace courtyard::client
