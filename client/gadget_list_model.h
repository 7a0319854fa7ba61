#pragma once
// A short list whose rows are one Q_GADGET type (a patrol round's checkpoints, a record's
// history, the kiosk's notices): a real model for Repeater and ListView instead of a list-valued
// property, so delegates declare `required property string name` and qmllint checks each field.
// The roles are the gadget's properties, by name, and `row`, the whole value (for a delegate
// that hands it to a function). Setting rows of the same length changes the
// rows in place (delegates stay, nothing flickers); another length resets the model.

#include <QAbstractListModel>
#include <QList>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

namespace courtyard::client {

class GadgetListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    GadgetListModel(const QMetaObject& row, QObject* parent);

    template <class T> void setRows(const QList<T>& rows) {
        Q_ASSERT(&T::staticMetaObject == &m_row);
        QVariantList values;
        values.reserve(rows.size());
        for (const T& r : rows)
            values.append(QVariant::fromValue(r));
        replace(std::move(values));
    }
    template <class T> QList<T> rows() const {
        QList<T> out;
        out.reserve(m_rows.size());
        for (const QVariant& v : m_rows)
            out.append(v.value<T>());
        return out;
    }

    int count() const { return static_cast<int>(m_rows.size()); }
    // Editing lists (a route's checkpoints, a template's items): removes row `index`, or moves
    // it `by` places (-1 earlier, 1 later); false, changing nothing, when out of range.
    bool removeAt(int index);
    bool moveBy(int index, int by);
    // The whole row as its value type, for a page that needs it outside a delegate.
    Q_INVOKABLE QVariant get(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    void replace(QVariantList rows);
    const QMetaObject& m_row;
    QVariantList m_rows;
};

} // namespace courtyard::client
