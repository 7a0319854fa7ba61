#include "client/gadget_list_model.h"

#include <QMetaProperty>

namespace courtyard::client {

namespace {
constexpr int RowRole = Qt::UserRole - 1;
}

GadgetListModel::GadgetListModel(const QMetaObject& row, QObject* parent) : QAbstractListModel(parent), m_row(row) {}

int GadgetListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant GadgetListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == RowRole)
        return m_rows.at(index.row());
    const int property = role - Qt::UserRole;
    if (property < 0 || property >= m_row.propertyCount())
        return {};
    return m_row.property(property).readOnGadget(m_rows.at(index.row()).constData());
}

QHash<int, QByteArray> GadgetListModel::roleNames() const {
    QHash<int, QByteArray> names{{RowRole, "row"}};
    for (int i = 0; i < m_row.propertyCount(); ++i)
        names.insert(Qt::UserRole + i, m_row.property(i).name());
    return names;
}

QVariant GadgetListModel::get(int row) const {
    return row >= 0 && row < count() ? m_rows.at(row) : QVariant();
}

bool GadgetListModel::removeAt(int index) {
    if (index < 0 || index >= count())
        return false;
    auto rows = m_rows;
    rows.removeAt(index);
    replace(std::move(rows));
    return true;
}

bool GadgetListModel::moveBy(int index, int by) {
    const int to = index + by;
    if (index < 0 || index >= count() || to < 0 || to >= count())
        return false;
    auto rows = m_rows;
    rows.move(index, to);
    replace(std::move(rows));
    return true;
}

void GadgetListModel::replace(QVariantList rows) {
    if (rows.size() == m_rows.size()) {
        if (rows == m_rows)
            return;
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(count() - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

} // namespace courtyard::client
