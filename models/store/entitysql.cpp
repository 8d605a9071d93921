#include "models/store/entitysql.h"

#include "common/protocol/ddl.h"

#include <QStringList>

namespace rounds {

EntitySql::EntitySql(const protocol::Entity &e)
{
    const QString table = protocol::quoteIdentifier(e.name);
    QStringList columns {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("updated_at"),
        QStringLiteral("updated_by")};
    for (const protocol::Field &f : e.fields)
        columns << protocol::quoteIdentifier(f.name);
    columns << QStringLiteral("extra");
    columnCount = int(columns.size());
    QStringList params;
    QStringList updates;
    for (int i = 0; i < columns.size(); ++i) {
        params << QStringLiteral("?%1").arg(i + 1);
        if (i > 0)
            updates << QStringLiteral("%1 = excluded.%1").arg(columns.at(i));
    }
    select = QStringLiteral("SELECT %1 FROM %2 WHERE id = ?1").arg(columns.join(u','), table);
    upsert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(id) DO UPDATE SET %4")
                 .arg(table, columns.join(u','), params.join(u','), updates.join(u','));
    upsertNewer = upsert + QStringLiteral(" WHERE excluded.version >= %1.version").arg(table);
    remove = QStringLiteral("DELETE FROM %1 WHERE id = ?1").arg(table);
}

} // namespace rounds
