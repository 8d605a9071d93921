#include "models/pagedtablemodel.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/log.h"
#include "models/sqlguard.h"
#include "models/sqlrows.h"
#include "models/store.h"

#include <QScopedValueRollback>
#include <QSet>

namespace rounds {

namespace {

// A change notification naming more records than this reloads the loaded window instead.
constexpr int kTargetedLimit = 200;
constexpr int kInChunk = 500;

QVariant toVariant(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const qint64 i = v.toInteger();
        return double(i) == d ? QVariant(qlonglong(i)) : QVariant(d);
    }
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool();
    default:
        return QVariant();
    }
}

bool isNumber(const QVariant &v)
{
    return v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Double;
}

// The order SQLite's ORDER BY gives (BINARY collation): NULL < numbers < text.
int compareValues(const QVariant &a, const QVariant &b)
{
    const bool an = a.isNull();
    const bool bn = b.isNull();
    if (an || bn)
        return an == bn ? 0 : (an ? -1 : 1);
    if (isNumber(a) && isNumber(b)) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (isNumber(a) != isNumber(b))
        return isNumber(a) ? -1 : 1;
    return QString::compare(a.toString(), b.toString());
}

} // namespace

PagedTableModel::PagedTableModel(
    Store *store, const QString &entity, QStringList relatedEntities, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_entity(entity)
    , m_related(std::move(relatedEntities))
{
    QStringList watched = m_related;
    watched.prepend(m_entity);
    new StoreWatcher(
        store, watched, this, [this](const StoreChanges &changes) { onStoreChanged(changes); },
        StoreWatcher::Delivery::Immediate);
}

PagedTableModel::~PagedTableModel() = default;

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PagedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant PagedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QStringList h = headers();
    return section >= 0 && section < h.size() ? QVariant(h.at(section)) : QVariant();
}

QVariant PagedTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QVariantList &v = rowValues(index.row());
    if (role == Qt::DisplayRole)
        return v.value(index.column() + 1);
    for (const RoleValue &r : m_roleValues) {
        if (r.role == role)
            return r.flag ? QVariant(v.value(r.value).toLongLong() != 0) : v.value(r.value);
    }
    return {};
}

QString PagedTableModel::pendingExpression(const QString &entity, const QString &idColumn)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM outbox o WHERE o.entity = '%1' AND o.record_id = %2 AND "
                          "o.state <> 'rejected')")
        .arg(entity, idColumn);
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_store && m_store->database();
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    // Not from inside our own notifications (a listener reacting to rowsInserted or modelReset): the
    // change in flight would nest, and a chain of such calls would load every page at once.
    if (!m_notifying && canFetchMore(parent))
        fetchPage(m_pageSize);
}

void PagedTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= 0 && orderByColumn(column, order).isEmpty())
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

QString PagedTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int PagedTableModel::rowOfId(const QString &id) const
{
    return m_index.value(id, -1);
}

void PagedTableModel::reload()
{
    QScopedValueRollback<bool> notifying(m_notifying, true);
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_atEnd = false;
    m_lastError.clear();
    endResetModel();
    if (canFetchMore(QModelIndex()))
        fetchPage(m_pageSize);
}

QString PagedTableModel::orderBy(const QString &expression, Qt::SortOrder order) const
{
    const QString dir = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    return expression + dir + QStringLiteral(", ") + idExpression() + dir;
}

QString PagedTableModel::currentOrder() const
{
    if (m_sortColumn >= 0) {
        const QString order = orderByColumn(m_sortColumn, m_sortOrder);
        if (!order.isEmpty())
            return order;
    }
    return querySpec().orderBy;
}

QList<PagedTableModel::Row> PagedTableModel::fetchRows(
    const QString &extraWhere, const QVariantList &extraBinds, int limit, int offset, bool ordered)
{
    QList<Row> rows;
    sql::Database *db = m_store ? m_store->database() : nullptr;
    if (!db)
        return rows;
    const QuerySpec spec = querySpec();
    QString text
        = QStringLiteral("SELECT %1 FROM %2 WHERE (%3)%4")
              .arg(selectExpressions().join(QStringLiteral(", ")), spec.from, spec.where, extraWhere);
    QVariantList binds = spec.binds + extraBinds;
    // A page of an order no index gives (relevance) sorts every match: when the subclass can name the
    // matches by their keys alone, pick the page from those, then compute the columns for it only.
    if (ordered && limit >= 0 && m_sortColumn < 0 && !spec.pick.isEmpty()) {
        text = QStringLiteral(
            "SELECT %1 FROM (SELECT * FROM (%2) ORDER BY k1, k2, k3 LIMIT ? OFFSET ?) k, %3 WHERE "
            "%4 = k.id ORDER BY k.k1, k.k2, k.k3")
                   .arg(selectExpressions().join(QStringLiteral(", ")), spec.pick, spec.pickDisplayFrom,
                       spec.pickKey.isEmpty() ? idExpression() : spec.pickKey);
        binds = spec.pickBinds;
    } else {
        if (ordered)
            text += QStringLiteral(" ORDER BY ") + currentOrder();
        if (limit >= 0)
            text += QStringLiteral(" LIMIT ? OFFSET ?");
    }
    if (limit >= 0)
        binds << limit << offset;
    catchSql(
        [&] {
            auto q = db->query(text);
            bindVariants(*q, binds);
            const int columns = q->columnCount();
            while (q->step()) {
                Row row;
                row.values.reserve(columns);
                for (int c = 0; c < columns; ++c)
                    row.values << toVariant(q->json(c));
                row.id = row.values.value(0).toString();
                rows << row;
            }
        },
        [this](const sql::SqlError &e) {
            m_lastError = e.text();
            qCWarning(lcStore) << metaObject()->className() << e.text();
        });
    return rows;
}

void PagedTableModel::fetchPage(int limit)
{
    QScopedValueRollback<bool> notifying(m_notifying, true);
    QList<Row> rows = fetchRows({}, {}, limit, int(m_rows.size()), true);
    if (rows.size() < limit || !m_lastError.isEmpty())
        m_atEnd = true;
    rows.removeIf([this](const Row &r) { return m_index.contains(r.id); });
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    rebuildIndex(first);
    endInsertRows();
}

void PagedTableModel::rebuildIndex(int from)
{
    for (int i = from; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).id, i);
}

bool PagedTableModel::lessThan(const Row &a, const Row &b) const
{
    const int v = sortValueIndex(m_placeColumn);
    int c = compareValues(a.values.value(v), b.values.value(v));
    if (c == 0)
        c = QString::compare(a.id, b.id);
    const bool descending = m_placeColumn >= 0 && m_placeOrder == Qt::DescendingOrder;
    return descending ? c > 0 : c < 0;
}

int PagedTableModel::placeFor(const Row &row) const
{
    const auto it = std::upper_bound(
        m_rows.begin(), m_rows.end(), row, [this](const Row &a, const Row &b) { return lessThan(a, b); });
    return int(it - m_rows.begin());
}

void PagedTableModel::onStoreChanged(const StoreChanges &changes)
{
    if (!m_store || !m_store->database())
        return;
    if (changes.contains(m_entity)) {
        const QSet<QString> ids = changes.ids.value(m_entity);
        // Any row (an import, a merge), or a big pulled page: one reload of the loaded window is cheaper
        // than hundreds of row signals.
        if (ids.isEmpty() || ids.size() > kTargetedLimit) {
            reloadLoadedWindow();
            return;
        }
        refreshIds(QStringList(ids.begin(), ids.end()));
    }
    for (const QString &entity : m_related) {
        if (changes.contains(entity)) {
            refreshLoaded();
            return;
        }
    }
}

void PagedTableModel::reloadLoadedWindow()
{
    QScopedValueRollback<bool> notifying(m_notifying, true);
    const int keep = qMax(m_pageSize, int(m_rows.size()));
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_atEnd = false;
    endResetModel();
    fetchPage(keep);
}

void PagedTableModel::refreshLoaded()
{
    QStringList ids;
    ids.reserve(m_rows.size());
    for (const Row &r : std::as_const(m_rows))
        ids << r.id;
    refreshIds(ids);
}

void PagedTableModel::refreshIds(const QStringList &changedIds)
{
    QScopedValueRollback<bool> notifying(m_notifying, true);
    const QStringList ids = QSet<QString>(changedIds.begin(), changedIds.end()).values();
    QHash<QString, Row> found;
    for (qsizetype start = 0; start < ids.size(); start += kInChunk) {
        const QStringList chunk = ids.mid(start, kInChunk);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QVariantList binds;
        for (const QString &id : chunk)
            binds << id;
        const QString extra
            = QStringLiteral(" AND %1 IN (%2)").arg(idExpression(), marks.join(QLatin1Char(',')));
        for (Row &r : fetchRows(extra, binds, -1, 0, false))
            found.insert(r.id, std::move(r));
    }
    const QuerySpec spec = querySpec();
    const bool canPlace = m_sortColumn >= 0 || spec.canPlaceRows;
    // Rows go where the SQL order puts them: a list newest first by default places a new visit on top,
    // not after the last loaded row (where it was skipped as "beyond the loaded window").
    m_placeColumn = m_sortColumn >= 0 ? m_sortColumn : spec.orderColumn;
    m_placeOrder = m_sortColumn >= 0 ? m_sortOrder : spec.orderDirection;
    const int lastColumn = columnCount() - 1;
    for (const QString &id : ids) {
        int loaded = m_index.value(id, -1);
        const auto hit = found.constFind(id);
        if (loaded >= 0) {
            const bool keep = hit != found.cend();
            bool inPlace = keep;
            if (keep && canPlace) {
                const Row &row = hit.value();
                inPlace = (loaded == 0 || !lessThan(row, m_rows.at(loaded - 1)))
                    && (loaded == m_rows.size() - 1 || !lessThan(m_rows.at(loaded + 1), row));
            }
            if (inPlace) {
                if (m_rows.at(loaded).values != hit->values) {
                    m_rows[loaded].values = hit->values;
                    emit dataChanged(index(loaded, 0), index(loaded, lastColumn));
                }
                continue;
            }
            beginRemoveRows(QModelIndex(), loaded, loaded);
            m_rows.removeAt(loaded);
            m_index.remove(id);
            rebuildIndex(loaded);
            endRemoveRows();
            if (!keep)
                continue;
        } else if (hit == found.cend() || !canPlace) {
            continue; // not shown, or shown by relevance: it comes with the next reload
        }
        const int pos = placeFor(hit.value());
        if (pos == m_rows.size() && !m_atEnd)
            continue; // beyond the loaded window: a later page brings it
        beginInsertRows(QModelIndex(), pos, pos);
        m_rows.insert(pos, hit.value());
        rebuildIndex(pos);
        endInsertRows();
    }
}

QString PagedTableModel::orderByColumn(int column, Qt::SortOrder order) const
{
    if (column < 0 || column >= int(headers().size()))
        return {};
    return orderBy(selectExpressions().at(column + 1), order);
}

} // namespace rounds
