#include "models/conflictlistmodel.h"

namespace rounds {

namespace {
enum Value { VId, VCreatedAt, VEntity, VRecord, VField, VMine, VTheirs, VBase, VResolved, VMutation };
}

ConflictListModel::ConflictListModel(Store *store, QObject *parent)
    : PagedTableModel(store, QStringLiteral("conflict"), {}, parent)
{
    setRoleValues({{IdRole, VId}, {EntityRole, VEntity}, {RecordIdRole, VRecord}, {MutationIdRole, VMutation},
        {FieldRole, VField}, {BaseRole, VBase}, {MineRole, VMine}, {TheirsRole, VTheirs},
        {ResolvedRole, VResolved, true}});
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
    spec.orderColumn = CreatedAt;
    spec.orderDirection = Qt::AscendingOrder;
    return spec;
}

} // namespace rounds
