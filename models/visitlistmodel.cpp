#include "models/visitlistmodel.h"

namespace rounds {

namespace {
enum Value { VId, VVisitedAt, VHcpName, VChannel, VStatus, VDuration, VHcpId, VNotes, VPending };
}

VisitListModel::VisitListModel(Store *store, QObject *parent)
    : PagedTableModel(store, QStringLiteral("visit"), {QStringLiteral("hcp")}, parent)
{
    sort(VisitedAt, Qt::DescendingOrder);
}

void VisitListModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

QStringList VisitListModel::headers() const
{
    return {tr("Visited at"), tr("HCP"), tr("Channel"), tr("Status"), tr("Minutes")};
}

QStringList VisitListModel::selectExpressions() const
{
    return {QStringLiteral("v.id"), QStringLiteral("v.visited_at"), QStringLiteral("h.full_name"),
        QStringLiteral("v.channel"), QStringLiteral("v.status"), QStringLiteral("v.duration_min"),
        QStringLiteral("v.hcp_id"), QStringLiteral("v.notes"),
        QStringLiteral("EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'visit' AND o.record_id = v.id AND "
                       "o.state <> 'rejected')")};
}

PagedTableModel::QuerySpec VisitListModel::querySpec() const
{
    QuerySpec spec
        = datedQuery(QStringLiteral("visit"), QStringLiteral("v"), QStringLiteral("visited_at"), m_filter);
    spec.orderBy = orderByColumn(VisitedAt, Qt::DescendingOrder);
    return spec;
}

QVariant VisitListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QVariantList &v = rowValues(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return v.value(index.column() + 1);
    case IdRole:
        return v.value(VId);
    case HcpIdRole:
        return v.value(VHcpId);
    case StatusRole:
        return v.value(VStatus);
    case VisitedAtRole:
        return v.value(VVisitedAt);
    case NotesRole:
        return v.value(VNotes);
    case PendingRole:
        return v.value(VPending).toLongLong() != 0;
    default:
        return {};
    }
}

} // namespace rounds
