#include "models/planlistmodel.h"

namespace rounds {

namespace {
enum Value { VId, VPlannedAt, VHcpName, VChannel, VPurpose, VStatus, VHcpId, VVisitId, VPending };
}

PlanListModel::PlanListModel(Store *store, QObject *parent)
    : DatedListModel(store,
        {QStringLiteral("visit_plan"), QStringLiteral("p"), QStringLiteral("planned_at"), PlannedAt,
            Qt::AscendingOrder},
        parent)
{
    setRoleValues({{IdRole, VId}, {HcpIdRole, VHcpId}, {StatusRole, VStatus}, {PlannedAtRole, VPlannedAt},
        {VisitIdRole, VVisitId}, {PendingRole, VPending, true}});
    sort(PlannedAt, Qt::AscendingOrder);
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
        pendingExpression(QStringLiteral("visit_plan"), QStringLiteral("p.id"))};
}

} // namespace rounds
