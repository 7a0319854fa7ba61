#include "client/choice_list.h"

namespace courtyard::client {

ChoiceList::ChoiceList(QObject* parent) : GadgetListModel(DirectoryItemView::staticMetaObject, parent) {}

void ChoiceList::setItems(QList<DirectoryItemView> items, const QString& noneLabel) {
    if (!noneLabel.isEmpty()) {
        DirectoryItemView none;
        none.name = noneLabel;
        items.prepend(none);
    }
    QStringList ids;
    ids.reserve(items.size());
    for (const auto& item : items)
        ids << item.id;
    setRows(items);
    if (ids != m_ids) {
        const int before = currentIndex();
        m_ids = std::move(ids);
        emit idsChanged();
        if (currentIndex() != before)
            emit currentChanged();
    }
}

void ChoiceList::setCurrentId(const QString& id) {
    if (id == m_currentId)
        return;
    m_currentId = id;
    emit currentChanged();
}

} // namespace courtyard::client
