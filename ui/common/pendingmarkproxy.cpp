#include "ui/common/pendingmarkproxy.h"

#include <QPainter>

namespace rounds {

PendingMarkProxy::PendingMarkProxy(int pendingRole, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_pendingRole(pendingRole)
    , m_dot(12, 12)
{
    m_dot.fill(Qt::transparent);
    QPainter p(&m_dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf3, 0x9c, 0x12));
    p.drawEllipse(QRectF(2, 2, 8, 8));
}

QVariant PendingMarkProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && m_formatter)
        return m_formatter(mapToSource(index), QIdentityProxyModel::data(index, role));
    if (m_pendingRole == NoPendingRole || (role != Qt::DecorationRole && role != Qt::ToolTipRole))
        return QIdentityProxyModel::data(index, role);
    const bool pending = QIdentityProxyModel::data(index.siblingAtColumn(0), m_pendingRole).toBool();
    if (!pending)
        return QIdentityProxyModel::data(index, role);
    if (role == Qt::DecorationRole)
        return index.column() == 0 ? QVariant(m_dot) : QIdentityProxyModel::data(index, role);
    return tr("Saved on this computer; waiting to be sent to the server.");
}

} // namespace rounds

namespace rounds {

QVariant PendingMarkProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && m_headers.contains(section))
        return m_headers.value(section);
    return QIdentityProxyModel::headerData(section, orientation, role);
}

} // namespace rounds
