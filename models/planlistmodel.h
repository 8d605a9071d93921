#pragma once

#include "models/pagedtablemodel.h"

#include <QDateTime>

namespace rounds {

// Visit plans in time order, optionally for a period, a status, one HCP.
class PlanListModel final : public PagedTableModel
{
    Q_OBJECT
public:
    enum Column { PlannedAt, Hcp, Channel, Purpose, Status, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, HcpIdRole, StatusRole, PlannedAtRole, VisitIdRole, PendingRole };

    using Filter = DatedFilter;

    explicit PlanListModel(Store *store, QObject *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(const Filter &filter);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QStringList headers() const override;
    QStringList selectExpressions() const override;
    QString idExpression() const override { return QStringLiteral("p.id"); }
    QuerySpec querySpec() const override;

private:
    Filter m_filter;
};

} // namespace rounds
