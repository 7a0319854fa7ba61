#include "client/label_catalogue.h"

#include "shared/labels/catalogue.h"

namespace courtyard::client {

QString LabelCatalogue::text(const QString& group, const QString& id, const QString& language) const {
    const auto lang = language.startsWith(QLatin1String("zh")) ? labels::Lang::Zh : labels::Lang::En;
    return QString::fromStdString(labels::text(group.toStdString(), id.toStdString(), lang));
}

bool LabelCatalogue::has(const QString& group, const QString& id) const {
    return labels::find(group.toStdString(), id.toStdString()) != nullptr;
}

} // namespace courtyard::client
