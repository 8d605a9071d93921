#pragma once

#include "models/pagedtablemodel.h"

namespace rounds {

// Meetings, latest start first unless the view sorts otherwise; optionally by status.
class MeetingListModel final : public PagedTableModel
{
    Q_OBJECT
public:
    enum Column { StartsAt, Title, Kind, Mode, Status, Venue, Budget, Attendees, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole, BudgetMinorRole, CurrencyRole, PendingRole };

    explicit MeetingListModel(Store *store, QObject *parent = nullptr);

    QString statusFilter() const { return m_status; }
    void setStatusFilter(const QString &status);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QStringList headers() const override;
    QStringList selectExpressions() const override;
    QString idExpression() const override { return QStringLiteral("m.id"); }
    QuerySpec querySpec() const override;

private:
    QString m_status;
};

} // namespace rounds
