#pragma once
// An inspection: a checklist's items graded one by one, with notes, photos and findings.
#include "client/field_controller.h"
#include "client/gadget_list_model.h"

#include <QStringList>

#include <functional>

namespace courtyard::client {

// One grade of the template's scale ("good", "poor" …) and whether it passes.
struct GradeOption {
    QString gradeId, label;
    bool pass = true;
};

// One checklist item with how it was graded so far (grade empty until graded).
struct InspectionItemView {
    Q_GADGET
    QML_VALUE_TYPE(inspectionItemView)
    Q_PROPERTY(QString itemId MEMBER itemId CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString hint MEMBER hint CONSTANT)
    Q_PROPERTY(QString grade MEMBER grade CONSTANT)
    Q_PROPERTY(QString note MEMBER note CONSTANT)
    Q_PROPERTY(QVariantList photos MEMBER photos CONSTANT) // attachment maps, as the photo strip takes them
    Q_PROPERTY(QString findingId MEMBER findingId CONSTANT)
    Q_PROPERTY(bool failed MEMBER failed CONSTANT)

public:
    QString itemId, title, hint, grade, note;
    QVariantList photos;
    QString findingId;
    bool failed = false;
    friend bool operator==(const InspectionItemView&, const InspectionItemView&) = default;
};

class InspectionController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* items READ itemModel CONSTANT)
    // The scale's grade ids, best first; gradeLabel() gives their words.
    Q_PROPERTY(QStringList grades READ gradeIds NOTIFY changed)
    Q_PROPERTY(int graded READ gradedCount NOTIFY changed)
    Q_PROPERTY(int failed READ failedCount NOTIFY changed)
public:
    using FieldController::FieldController;
    GadgetListModel* itemModel() { return &m_items; }
    QList<InspectionItemView> items() const { return m_items.rows<InspectionItemView>(); }
    const QList<GradeOption>& scale() const { return m_scale; }
    QStringList gradeIds() const;
    int gradedCount() const;
    int failedCount() const;

    // subjectKind: staff | unit | area; subjectId: a staff or unit id; area: free text.
    Q_INVOKABLE QString start(const QString& templateId, const QString& subjectId, const QString& area);
    Q_INVOKABLE bool grade(const QString& itemId, const QString& gradeId, const QString& note);
    Q_INVOKABLE bool addPhoto(const QString& itemId, const QVariantMap& attachment);
    // One tap on a failed item: a rectification item for it, linked back.
    Q_INVOKABLE QString raiseFinding(const QString& itemId, const QString& description);
    Q_INVOKABLE bool submit(const QString& summary);

    // The scale's words for a grade id (the id itself when the scale has no label for it).
    Q_INVOKABLE QString gradeLabel(const QString& gradeId) const;

private:
    void reloaded() override;
    bool setGraded(const std::function<void(Json&)>& edit, const QString& itemId);
    GadgetListModel m_items{InspectionItemView::staticMetaObject, this};
    QList<GradeOption> m_scale;
};

} // namespace courtyard::client
