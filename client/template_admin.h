#pragma once
// The admin face's Templates page: the company's inspection templates from the server
// (GET /v1/admin/inspection-templates), filtered by where they apply (a community, company-wide)
// and by name, and sorted; a template edited here — name, kind, subject, community, its grading
// scale (grade ids, labels, which pass) and its items (added, removed, moved) — is sent whole
// (PUT /v1/admin/inspection-templates/<id>). The server keeps each item's id while it stays on
// the template, so figures graded on it stay comparable. A refusal names its field
// (AdminClient::errorField). QML: `TemplateAdmin`.

#include "client/admin_table.h"
#include "client/admin_views.h"
#include "client/gadget_list_model.h"

#include <QStringList>
#include <functional>

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class TemplateAdmin : public courtyard::client::AdminTable {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* templates READ templatesModel CONSTANT) // shown: filtered, sorted
    // Where a template applies (choiceView): company-wide (key "") first, then the communities.
    Q_PROPERTY(courtyard::client::GadgetListModel* places READ placesModel CONSTANT)
    // The table's filter (choiceView): every template (key "*"), company-wide (""), a community.
    Q_PROPERTY(courtyard::client::GadgetListModel* scopes READ scopesModel CONSTANT)
    // The scale and the items of the template being edited.
    Q_PROPERTY(courtyard::client::GadgetListModel* scale READ scaleModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* items READ itemsModel CONSTANT)
    // The domain's ids, for the pickers (named through Labels).
    Q_PROPERTY(QStringList kinds READ kinds CONSTANT)
    Q_PROPERTY(QStringList subjects READ subjects CONSTANT)
    Q_PROPERTY(int total READ total NOTIFY listChanged) // before the filter
    // The table (AdminTable): `filter` in the name or id; sort keys name, kind, community, items,
    // active. The scope: "*", "" or a community id.
    Q_PROPERTY(QString scope READ scope WRITE setScope NOTIFY viewChanged)
    // The template being edited ("" for a new one, until it is saved).
    Q_PROPERTY(QString editingId READ editingId NOTIFY editingChanged)

public:
    explicit TemplateAdmin(QObject* parent = nullptr);

    GadgetListModel* templatesModel() { return &m_shown; }
    GadgetListModel* placesModel() { return &m_places; }
    GadgetListModel* scopesModel() { return &m_scopes; }
    GadgetListModel* scaleModel() { return &m_scale; }
    GadgetListModel* itemsModel() { return &m_items; }
    QList<TemplateView> shown() const { return m_shown.rows<TemplateView>(); }
    QList<TemplateGradeView> scale() const { return m_scale.rows<TemplateGradeView>(); }
    QList<TemplateItemView> items() const { return m_items.rows<TemplateItemView>(); }
    QStringList kinds() const;
    QStringList subjects() const;
    int total() const { return int(m_all.size()); }
    QString scope() const { return m_scope; }
    void setScope(const QString& s);
    QString editingId() const { return m_editingId; }

    // The template with this id as last listed (an empty row when there is none).
    Q_INVOKABLE courtyard::client::TemplateView find(const QString& templateId) const;

    // Starts editing a listed template (its scale and items), or a new one ("": the scale of
    // the first listed template, or good/fair/poor, and one empty item).
    Q_INVOKABLE void edit(const QString& templateId);
    Q_INVOKABLE void addItem();
    Q_INVOKABLE void removeItem(int index);
    // Moves an item `by` places (-1 earlier, 1 later).
    Q_INVOKABLE void moveItem(int index, int by);
    Q_INVOKABLE void setItem(int index, const QString& title, const QString& hint, bool photoOnFail);
    Q_INVOKABLE void addGrade();
    Q_INVOKABLE void removeGrade(int index);
    Q_INVOKABLE void setGrade(int index, const QString& gradeId, const QString& label, bool pass);

    // Each answers through saved(what) or failed(what): "list", "save"; the list is read again
    // after a save. `communityId` "": company-wide.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void save(const QString& templateId, const QString& name, const QString& kind, const QString& subject,
                          const QString& communityId, bool active);

signals:
    void listChanged();
    void editingChanged();

private:
    // Reads the communities' names and the templates, then runs `then`.
    void load(std::function<void()> then);
    void show() override;

    Json m_listed = Json::array(); // the templates as the server sent them
    QList<TemplateView> m_all;
    GadgetListModel m_shown{TemplateView::staticMetaObject, this};
    GadgetListModel m_places{ChoiceView::staticMetaObject, this};
    GadgetListModel m_scopes{ChoiceView::staticMetaObject, this};
    GadgetListModel m_scale{TemplateGradeView::staticMetaObject, this};
    GadgetListModel m_items{TemplateItemView::staticMetaObject, this};
    QString m_scope = QStringLiteral("*");
    QString m_editingId;
};

} // namespace courtyard::client
