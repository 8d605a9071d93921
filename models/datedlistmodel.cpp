#include "models/datedlistmodel.h"

namespace rounds {

DatedListModel::DatedListModel(Store *store, Table table, QObject *parent)
    : PagedTableModel(store, table.entity, {QStringLiteral("hcp")}, parent)
    , m_table(std::move(table))
{ }

void DatedListModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

PagedTableModel::QuerySpec DatedListModel::querySpec() const
{
    const QString &alias = m_table.alias;
    QuerySpec spec;
    spec.from = QStringLiteral("%1 %2 LEFT JOIN hcp h ON h.id = %2.hcp_id").arg(m_table.entity, alias);
    QStringList where;
    if (!m_filter.hcpId.isEmpty()) {
        where << column(QStringLiteral("hcp_id")) + QStringLiteral(" = ?");
        spec.binds << m_filter.hcpId;
    }
    if (!m_filter.status.isEmpty()) {
        where << column(QStringLiteral("status")) + QStringLiteral(" = ?");
        spec.binds << m_filter.status;
    }
    if (m_filter.from.isValid()) {
        where << column(m_table.timeColumn) + QStringLiteral(" >= ?");
        spec.binds << m_filter.from.toUTC().toString(Qt::ISODateWithMs);
    }
    if (m_filter.to.isValid()) {
        where << column(m_table.timeColumn) + QStringLiteral(" < ?");
        spec.binds << m_filter.to.toUTC().toString(Qt::ISODateWithMs);
    }
    if (!where.isEmpty())
        spec.where = where.join(QStringLiteral(" AND "));
    spec.orderBy = orderByColumn(m_table.timeView, m_table.order);
    spec.orderColumn = m_table.timeView;
    spec.orderDirection = m_table.order;
    return spec;
}

} // namespace rounds
