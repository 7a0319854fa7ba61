#include "client/directory_list.h"

#include "client/directory.h"
#include "client/qml_singletons.h"

namespace courtyard::client {

// Made by QML: the first refresh waits until every property is set (componentComplete).
DirectoryList::DirectoryList(QObject* parent) : DirectoryList(exposedToQml().directory, false, parent) {}

DirectoryList::DirectoryList(Directory* directory, QObject* parent) : DirectoryList(directory, true, parent) {}

DirectoryList::DirectoryList(Directory* directory, bool complete, QObject* parent)
    : ChoiceList(parent), m_directory(directory), m_complete(complete) {
    if (m_directory)
        connect(m_directory, &Directory::changed, this, &DirectoryList::refresh);
    refresh();
}

void DirectoryList::componentComplete() {
    m_complete = true;
    refresh();
}

void DirectoryList::refresh() {
    if (!m_complete)
        return;
    QList<DirectoryItemView> rows;
    if (m_directory)
        for (auto& item : m_directory->list(m_kind, m_parentId, m_all))
            if (m_kind != Staff || m_roles.isEmpty() || m_roles.contains(item.role))
                rows << std::move(item);
    setItems(std::move(rows), m_noneLabel);
}

} // namespace courtyard::client
