#include "client/field_controller.h"

namespace courtyard::client {

FieldController::FieldController(QObject* parent) : QObject(parent) {
    if (auto* a = AppContext::instance())
        connect(a, &AppContext::recordsChanged, this, &FieldController::reload);
}

void FieldController::setRecordId(const QString& id) {
    if (id == m_id)
        return;
    m_id = id;
    reload();
}

void FieldController::reload() {
    m_body = Json::object();
    if (!m_id.isEmpty())
        if (auto r = app().store().get(ss(m_id)); r && *r)
            m_body = (*r)->body;
    reloaded();
    emit changed();
}

bool FieldController::fail(const Error& e) {
    m_lastError = qs(e.message);
    emit changed();
    return false;
}

bool FieldController::ok() {
    m_lastError.clear();
    return true;
}

} // namespace courtyard::client
