#pragma once
// The admin face's Policy page: every policy setting as the server has it (GET
// /v1/admin/policy), grouped as the page shows them, and the numbers an administrator changes —
// staged one by one with edit(), sent together with save() (PATCH: only the keys changed). The
// server reads the result as `init` reads a company file's policy; a value out of range is
// refused naming its key (AdminClient::errorField) and nothing changes. New deadlines use a new
// number; deadlines already set keep theirs. QML: `PolicyAdmin`.

#include "client/admin_client.h"
#include "client/admin_views.h"
#include "client/gadget_list_model.h"

#include <QMap>

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class PolicyAdmin : public courtyard::client::AdminClient {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* settings READ settingsModel CONSTANT)
    Q_PROPERTY(int changes READ changes NOTIFY editsChanged) // numbers edited and not saved yet

public:
    explicit PolicyAdmin(QObject* parent = nullptr);

    GadgetListModel* settingsModel() { return &m_settings; }
    QList<PolicySettingView> settings() const { return m_settings.rows<PolicySettingView>(); }
    int changes() const { return int(m_edits.size()); }
    // How many settings of `group` are listed.
    Q_INVOKABLE int countIn(const QString& group) const;

    // Each answers through saved(what) or failed(what): "list", "save".
    Q_INVOKABLE void refresh();
    // Stages `text` as the new value of `key` (the stored value again: not a change).
    Q_INVOKABLE void edit(const QString& key, const QString& text);
    // Sends the staged numbers; a text that is no number is refused here, beside its field.
    Q_INVOKABLE void save();

signals:
    void listChanged(); // read afresh from the server: the fields show the stored values again
    void editsChanged();

private:
    void show(const Json& policy);

    GadgetListModel m_settings{PolicySettingView::staticMetaObject, this};
    QMap<QString, QString> m_edits; // key → the text typed
};

} // namespace courtyard::client
