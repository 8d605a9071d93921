#include "models/planlistmodel.h"

namespace rounds {

namespace {
enum Value { VId, VPlannedAt, VHcpName, VChannel, VPurpose, VStatus, VHcpId, VVisitId, VPending };
}

PlanListModel::PlanListModel(Store *store, QObject *parent)
    : PagedTableModel(store, QStringLiteral("visit_plan"), {QStringLiteral("hcp")}, parent)
{
    sort(PlannedAt, Qt::AscendingOrder);
}

void PlanListModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

QStringList PlanListModel::headers() const
{
    return {tr("Planned at"), tr("HCP"), tr("Channel"), tr("Purpose"), tr("Status")};
}

QStringList PlanListModel::selectExpressions() const
{
    return {QStringLiteral("p.id"), QStringLiteral("p.planned_at"), QStringLiteral("h.full_name"),
        QStringLiteral("p.channel"), QStringLiteral("p.purpose"), QStringLiteral("p.status"),
        QStringLiteral("p.hcp_id"), QStringLiteral("p.visit_id"),
        QStringLiteral(
            "EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'visit_plan' AND o.record_id = p.id AND "
            "o.state <> 'rejected')")};
}

PagedTableModel::QuerySpec PlanListModel::querySpec() const
{
    QuerySpec spec = datedQuery(
        QStringLiteral("visit_plan"), QStringLiteral("p"), QStringLiteral("planned_at"), m_filter);
    spec.orderBy = orderByColumn(PlannedAt, Qt::AscendingOrder);
    return spec;
}

QVariant PlanListModel::data(const QModelIndex &index, int role) const
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
    case PlannedAtRole:
        return v.value(VPlannedAt);
    case VisitIdRole:
        return v.value(VVisitId);
    case PendingRole:
        return v.value(VPending).toLongLong() != 0;
    default:
        return {};
    }
}

} // namespace rounds
