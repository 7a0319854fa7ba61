#pragma once
// An inspection: a checklist's items graded one by one, with notes, photos and findings.
#include "client/field_controller.h"

#include <functional>

namespace courtyard::client {

class InspectionController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList items READ items NOTIFY changed)
    Q_PROPERTY(QVariantList scale READ scale NOTIFY changed)
    Q_PROPERTY(int graded READ gradedCount NOTIFY changed)
    Q_PROPERTY(int failed READ failedCount NOTIFY changed)
public:
    using FieldController::FieldController;
    QVariantList items() const;
    QVariantList scale() const;
    int gradedCount() const;
    int failedCount() const;

    // subjectKind: staff | unit | area; subjectId: a staff or unit id; area: free text.
    Q_INVOKABLE QString start(const QString& templateId, const QString& subjectId, const QString& area);
    Q_INVOKABLE bool grade(const QString& itemId, const QString& gradeId, const QString& note);
    Q_INVOKABLE bool addPhoto(const QString& itemId, const QVariantMap& attachment);
    // One tap on a failed item: a rectification item for it, linked back.
    Q_INVOKABLE QString raiseFinding(const QString& itemId, const QString& description);
    Q_INVOKABLE bool submit(const QString& summary);

private:
    bool setGraded(const std::function<void(Json&)>& edit, const QString& itemId);
};

} // namespace courtyard::client
