#include "models/conflictlistmodel.h"

namespace rounds {

namespace {
enum Value { VId, VCreatedAt, VEntity, VRecord, VField, VMine, VTheirs, VBase, VResolved, VMutation };
}

ConflictListModel::ConflictListModel(Store *store, QObject *parent)
    : PagedTableModel(store, QStringLiteral("conflict"), {}, parent)
{
    sort(CreatedAt, Qt::AscendingOrder);
}

void ConflictListModel::setShowResolved(bool show)
{
    m_showResolved = show;
    reload();
}

QStringList ConflictListModel::headers() const
{
    return {tr("When"), tr("Kind"), tr("Record"), tr("Field"), tr("Mine"), tr("Theirs")};
}

QStringList ConflictListModel::selectExpressions() const
{
    return {QStringLiteral("CAST(c.id AS TEXT)"), QStringLiteral("c.created_at"), QStringLiteral("c.entity"),
        QStringLiteral("c.record_id"), QStringLiteral("c.field"), QStringLiteral("c.mine"),
        QStringLiteral("c.theirs"), QStringLiteral("c.base"), QStringLiteral("c.resolved"),
        QStringLiteral("c.mutation_id")};
}

PagedTableModel::QuerySpec ConflictListModel::querySpec() const
{
    QuerySpec spec;
    spec.from = QStringLiteral("conflict c");
    if (!m_showResolved)
        spec.where = QStringLiteral("c.resolved = 0");
    spec.orderBy = orderByColumn(CreatedAt, Qt::AscendingOrder);
    return spec;
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QVariantList &v = rowValues(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return v.value(index.column() + 1);
    case IdRole:
        return v.value(VId);
    case EntityRole:
        return v.value(VEntity);
    case RecordIdRole:
        return v.value(VRecord);
    case MutationIdRole:
        return v.value(VMutation);
    case FieldRole:
        return v.value(VField);
    case BaseRole:
        return v.value(VBase);
    case MineRole:
        return v.value(VMine);
    case TheirsRole:
        return v.value(VTheirs);
    case ResolvedRole:
        return v.value(VResolved).toLongLong() != 0;
    default:
        return {};
    }
}

} // namespace rounds
