#pragma once
// A patrol round: the route's checkpoints scanned (or confirmed by hand) as the guard walks.
#include "client/field_controller.h"

namespace courtyard::client {

class PatrolController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList checkpoints READ checkpoints NOTIFY changed)
    Q_PROPERTY(int visited READ visited NOTIFY changed)
    Q_PROPERTY(int late READ late NOTIFY changed)
    Q_PROPERTY(int missed READ missed NOTIFY changed)
public:
    using FieldController::FieldController;
    QVariantList checkpoints() const;
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
    bool visit(const std::string& checkpointId, const char* method, const QString& reason);
};

} // namespace courtyard::client
