#pragma once

#include "models/store.h"
#include "models/storewatcher.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QVariantList>

namespace rounds {

// The shared machinery of the list models: rows come from SQL a page at a time (canFetchMore /
// fetchMore), sorting and filtering are ORDER BY / WHERE, and the changes a StoreWatcher reports (at
// once, so rows never lag behind the store) are turned into targeted dataChanged / row insertions and
// removals instead of a reset.
//
// A subclass describes its query: the selected expressions (the first is the record id), the FROM and
// WHERE of the current filter, and the ORDER BY of each column. Rows loaded so far are always the first
// rowCount() rows of that order, so the next page starts at OFFSET rowCount().
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    ~PagedTableModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Qt::DisplayRole shows value column + 1; the roles of roleValues() read their value. A subclass
    // that shows a cell differently answers that role itself and leaves the rest here.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // The record id of a row, and the row of a loaded record (-1 when not loaded).
    QString idAt(int row) const;
    int rowOfId(const QString &id) const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The last SQLite error, if loading failed (the model then shows what it had).
    QString lastError() const { return m_lastError; }

public slots:
    // Runs the query again from the first page (after a filter change).
    void reload();

protected:
    struct QuerySpec
    {
        QString from;
        QString where = QStringLiteral("1");
        QVariantList binds; // for the ?s in from and where, in order
        QString orderBy; // a total order (ends with a unique key)
        bool canPlaceRows = true; // false for relevance orders: new rows are not inserted in place
        // The column and direction `orderBy` sorts by, for placing a changed row in memory while the
        // view has no sort column of its own (-1: the first value, ascending).
        int orderColumn = -1;
        Qt::SortOrder orderDirection = Qt::AscendingOrder;
        // Optional, for relevance orders: a query giving (id, k1, k2, k3) for every match, and the FROM
        // (over the id expression's alias) that the display columns need. See fetchRows().
        QString pick;
        QVariantList pickBinds;
        QString pickDisplayFrom;
        // The expression of pickDisplayFrom equal to the pick's id; idExpression() when empty.
        QString pickKey;
    };

    PagedTableModel(Store *store, const QString &entity, QStringList relatedEntities, QObject *parent);

    // Column c of the view; value index v in a row's values (0 is the id).
    virtual QStringList headers() const = 0;
    virtual QStringList selectExpressions() const = 0;
    virtual QString idExpression() const = 0;
    virtual QuerySpec querySpec() const = 0;
    // The ORDER BY of a column (a total order, ending with the id), or empty when it cannot sort.
    // By default column c shows value c + 1 and sorts by that select expression.
    virtual QString orderByColumn(int column, Qt::SortOrder order) const;
    // Which value of a row holds the sort key of a column (for placing rows in memory).
    virtual int sortValueIndex(int column) const
    {
        return column >= 0 && column < int(headers().size()) ? column + 1 : 1;
    }

    const QVariantList &rowValues(int row) const { return m_rows.at(row).values; }
    // A helper for subclasses: the ORDER BY of a column expression plus the id in the same direction.
    QString orderBy(const QString &expression, Qt::SortOrder order) const;

    Store *store() const { return m_store; }

    // A role of the model and the index of the row value it reads; a flag's 0/1 reads as a bool.
    struct RoleValue
    {
        int role;
        int value;
        bool flag = false;
    };
    // The roles beyond Qt::DisplayRole, set once by the subclass's constructor.
    void setRoleValues(QList<RoleValue> roles) { m_roleValues = std::move(roles); }
    // The select expression that is 1 while a local change to the row waits to be sent.
    static QString pendingExpression(const QString &entity, const QString &idColumn);

private:
    struct Row
    {
        QString id;
        QVariantList values;
    };

    QList<Row> fetchRows(
        const QString &extraWhere, const QVariantList &extraBinds, int limit, int offset, bool ordered);
    void fetchPage(int limit);
    void onStoreChanged(const StoreChanges &changes);
    void reloadLoadedWindow();
    void refreshIds(const QStringList &ids);
    void refreshLoaded();
    int placeFor(const Row &row) const;
    bool lessThan(const Row &a, const Row &b) const;
    void rebuildIndex(int from = 0);
    QString currentOrder() const;

    QPointer<Store> m_store;
    QString m_entity;
    QStringList m_related;
    QList<Row> m_rows;
    QHash<QString, int> m_index;
    bool m_atEnd = false;
    bool m_notifying = false;
    int m_pageSize = 100;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_lastError;
    QList<RoleValue> m_roleValues;
    // The order rows are placed by during refreshIds(): the view's sort, else the query's own order.
    int m_placeColumn = -1;
    Qt::SortOrder m_placeOrder = Qt::AscendingOrder;
};

} // namespace rounds
