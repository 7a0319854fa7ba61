#include "client/admin_table.h"

namespace courtyard::client {

AdminTable::AdminTable(QString sortKey, bool descending, QObject* parent)
    : AdminClient(parent), m_sortKey(std::move(sortKey)), m_descending(descending) {}

bool AdminTable::startsDescending(const QString&) const { return false; }

void AdminTable::setFilter(const QString& f) {
    if (f == m_filter)
        return;
    m_filter = f;
    emit viewChanged();
    show();
}

void AdminTable::setSortKey(const QString& k) {
    if (k == m_sortKey)
        return;
    m_sortKey = k;
    emit viewChanged();
    show();
}

void AdminTable::setDescending(bool d) {
    if (d == m_descending)
        return;
    m_descending = d;
    emit viewChanged();
    show();
}

void AdminTable::showMore() {
    m_limit += kRowsAtOnce;
    show();
}

void AdminTable::sortBy(const QString& key) {
    if (key == m_sortKey) {
        setDescending(!m_descending);
        return;
    }
    m_descending = startsDescending(key);
    setSortKey(key);
}

} // namespace courtyard::client
