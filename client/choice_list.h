#pragma once
// A list of choices for a ComboBox or a row of buttons: rows of DirectoryItemView (a picker needs
// `id` and `name`; entries from the device's directory fill in the rest) and `ids`, the rows'
// ids in order. `currentId` is the chosen id and `currentIndex` its row (-1 when it is not in
// the list), kept right as the rows change, so a ComboBox binds `currentIndex` to it. Filled by
// C++ (ReportController's places and departments) or by DirectoryList from the device's data.

#include "client/directory_item_view.h"
#include "client/gadget_list_model.h"

#include <QStringList>

namespace courtyard::client {

class ChoiceList : public courtyard::client::GadgetListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QStringList ids READ ids NOTIFY idsChanged)
    Q_PROPERTY(QString currentId READ currentId WRITE setCurrentId NOTIFY currentChanged)
    Q_PROPERTY(int currentIndex READ currentIndex NOTIFY currentChanged)

public:
    explicit ChoiceList(QObject* parent = nullptr);

    QStringList ids() const { return m_ids; }
    QString currentId() const { return m_currentId; }
    void setCurrentId(const QString& id);
    int currentIndex() const { return static_cast<int>(m_ids.indexOf(m_currentId)); }
    QList<DirectoryItemView> items() const { return rows<DirectoryItemView>(); }
    // Replaces the rows; with a noneLabel, first a row with an empty id (e.g. "All departments").
    void setItems(QList<DirectoryItemView> items, const QString& noneLabel = {});

signals:
    void idsChanged();
    void currentChanged();

private:
    QStringList m_ids;
    QString m_currentId;
};

} // namespace courtyard::client
