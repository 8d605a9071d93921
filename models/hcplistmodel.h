#pragma once

#include "models/hcpquery.h"
#include "models/pagedtablemodel.h"

namespace rounds {

// The HCP list and search results: relevance order while searching, by name otherwise, or by any
// column the view sorts on.
class HcpListModel final : public PagedTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Specialty, Institution, Tier, City, LastVisit, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        TierRole,
        LastVisitRole, // ISO 8601 UTC of the latest visit, or null
        InstitutionIdRole,
        StatusRole,
        PendingRole, // true while a local change waits to be pushed
    };

    explicit HcpListModel(Store *store, QObject *parent = nullptr);

    HcpFilter filter() const { return m_filter; }
    void setFilter(const HcpFilter &filter);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    QStringList headers() const override;
    QStringList selectExpressions() const override;
    QString idExpression() const override { return QStringLiteral("h.id"); }
    QuerySpec querySpec() const override;
    QString orderByColumn(int column, Qt::SortOrder order) const override;
    int sortValueIndex(int column) const override;

private:
    HcpFilter m_filter;
};

} // namespace rounds
