#pragma once

#include "models/pagedtablemodel.h"

#include <QDateTime>

namespace rounds {

// Visits, newest first unless the view sorts otherwise; optionally one HCP's, a status, a period.
class VisitListModel final : public PagedTableModel
{
    Q_OBJECT
public:
    enum Column { VisitedAt, Hcp, Channel, Status, Duration, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, HcpIdRole, StatusRole, VisitedAtRole, NotesRole, PendingRole };

    using Filter = DatedFilter;

    explicit VisitListModel(Store *store, QObject *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(const Filter &filter);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QStringList headers() const override;
    QStringList selectExpressions() const override;
    QString idExpression() const override { return QStringLiteral("v.id"); }
    QuerySpec querySpec() const override;

private:
    Filter m_filter;
};

} // namespace rounds
