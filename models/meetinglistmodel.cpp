#include "models/meetinglistmodel.h"

#include "models/money.h"


namespace rounds {

namespace {
enum Value {
    VId,
    VStartsAt,
    VTitle,
    VKind,
    VMode,
    VStatus,
    VVenue,
    VBudget,
    VAttendees,
    VCurrency,
    VPending
};
}

MeetingListModel::MeetingListModel(Store *store, QObject *parent)
    : PagedTableModel(store, QStringLiteral("meeting"), {QStringLiteral("meeting_attendee")}, parent)
{
    setRoleValues({{IdRole, VId}, {StatusRole, VStatus}, {BudgetMinorRole, VBudget},
        {CurrencyRole, VCurrency}, {PendingRole, VPending, true}});
    sort(StartsAt, Qt::DescendingOrder);
}

void MeetingListModel::setStatusFilter(const QString &status)
{
    m_status = status;
    reload();
}

QStringList MeetingListModel::headers() const
{
    return {tr("Starts at"), tr("Title"), tr("Kind"), tr("Mode"), tr("Status"), tr("Venue"), tr("Budget"),
        tr("Attendees")};
}

QStringList MeetingListModel::selectExpressions() const
{
    return {QStringLiteral("m.id"), QStringLiteral("m.starts_at"), QStringLiteral("m.title"),
        QStringLiteral("m.kind"), QStringLiteral("m.mode"), QStringLiteral("m.status"),
        QStringLiteral("m.venue"), QStringLiteral("m.budget_minor"),
        QStringLiteral("(SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id = m.id)"),
        QStringLiteral("m.currency"), pendingExpression(QStringLiteral("meeting"), QStringLiteral("m.id"))};
}

PagedTableModel::QuerySpec MeetingListModel::querySpec() const
{
    QuerySpec spec;
    spec.from = QStringLiteral("meeting m");
    if (!m_status.isEmpty()) {
        spec.where = QStringLiteral("m.status = ?");
        spec.binds << m_status;
    }
    spec.orderBy = orderByColumn(StartsAt, Qt::DescendingOrder);
    spec.orderColumn = StartsAt;
    spec.orderDirection = Qt::DescendingOrder;
    return spec;
}

QVariant MeetingListModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole || index.column() != Budget || !index.isValid() || index.row() >= rowCount())
        return PagedTableModel::data(index, role);
    const QVariantList &v = rowValues(index.row());
    return formatMoney(v.value(VBudget).toLongLong(), v.value(VCurrency).toString());
}

} // namespace rounds
