#pragma once

#include "models/pagedtablemodel.h"

#include <QDateTime>

namespace rounds {

// The shared half of the dated record lists (visits, plans): rows of `<table> <alias>` joined to their
// HCP, filtered by an HCP, a status and a half-open time range over one time column, so that each list
// declares only its columns and roles.
class DatedListModel : public PagedTableModel
{
    Q_OBJECT
public:
    struct Filter
    {
        QString hcpId;
        QString status;
        QDateTime from; // time column >= from
        QDateTime to; // time column < to
    };

    Filter filter() const { return m_filter; }
    void setFilter(const Filter &filter);

protected:
    // The table the list reads, and its default order: by `timeColumn`, the view's column `timeView`.
    struct Table
    {
        QString entity;
        QString alias;
        QString timeColumn;
        int timeView = 0;
        Qt::SortOrder order = Qt::AscendingOrder;
    };

    DatedListModel(Store *store, Table table, QObject *parent);

    QString idExpression() const override { return m_table.alias + QStringLiteral(".id"); }
    QuerySpec querySpec() const override;
    // A select expression over the list's own table (`alias.column`).
    QString column(const QString &name) const { return m_table.alias + QLatin1Char('.') + name; }

private:
    Table m_table;
    Filter m_filter;
};

} // namespace rounds
