#pragma once

#include "models/pagedtablemodel.h"

namespace rounds {

// Conflicts kept for the user (table `conflict`): open ones by default, oldest first. Whoever writes
// that table announces it with Store::recordsChanged("conflict", ids), ids being conflict.id as text.
class ConflictListModel final : public PagedTableModel
{
    Q_OBJECT
public:
    enum Column { CreatedAt, Entity, Record, Field, Mine, Theirs, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // conflict.id as text
        EntityRole,
        RecordIdRole,
        MutationIdRole,
        FieldRole,
        BaseRole, // JSON text
        MineRole,
        TheirsRole,
        ResolvedRole,
    };

    explicit ConflictListModel(Store *store, QObject *parent = nullptr);

    bool showResolved() const { return m_showResolved; }
    void setShowResolved(bool show);

protected:
    QStringList headers() const override;
    QStringList selectExpressions() const override;
    QString idExpression() const override { return QStringLiteral("CAST(c.id AS TEXT)"); }
    QuerySpec querySpec() const override;

private:
    bool m_showResolved = false;
};

} // namespace rounds
