#include "models/meetinglistmodel.h"

#include <QLocale>

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
        QStringLiteral("m.currency"),
        QStringLiteral("EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'meeting' AND o.record_id = m.id AND "
                       "o.state <> 'rejected')")};
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
    return spec;
}

QVariant MeetingListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QVariantList &v = rowValues(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Budget) {
            // Minor units to a plain amount with two decimals; the currency code follows.
            const qlonglong minor = v.value(VBudget).toLongLong();
            return QStringLiteral("%1 %2").arg(
                QLocale().toString(double(minor) / 100.0, 'f', 2), v.value(VCurrency).toString());
        }
        return v.value(index.column() + 1);
    case IdRole:
        return v.value(VId);
    case StatusRole:
        return v.value(VStatus);
    case BudgetMinorRole:
        return v.value(VBudget);
    case CurrencyRole:
        return v.value(VCurrency);
    case PendingRole:
        return v.value(VPending).toLongLong() != 0;
    default:
        return {};
    }
}

} // namespace rounds
