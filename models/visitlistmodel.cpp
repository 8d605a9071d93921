#include "models/visitlistmodel.h"

namespace rounds {

namespace {
enum Value { VId, VVisitedAt, VHcpName, VChannel, VStatus, VDuration, VHcpId, VNotes, VPending };
}

VisitListModel::VisitListModel(Store *store, QObject *parent)
    : DatedListModel(store,
        {QStringLiteral("visit"), QStringLiteral("v"), QStringLiteral("visited_at"), VisitedAt,
            Qt::DescendingOrder},
        parent)
{
    setRoleValues({{IdRole, VId}, {HcpIdRole, VHcpId}, {StatusRole, VStatus}, {VisitedAtRole, VVisitedAt},
        {NotesRole, VNotes}, {PendingRole, VPending, true}});
    sort(VisitedAt, Qt::DescendingOrder);
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
        pendingExpression(QStringLiteral("visit"), QStringLiteral("v.id"))};
}

} // namespace rounds
