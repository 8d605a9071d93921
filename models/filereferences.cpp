#include "models/filereferences.h"

#include "common/protocol/ddl.h"
#include "common/protocol/files.h"
#include "models/sqlrows.h"

#include <QSet>

namespace rounds::filereferences {

QStringList all(Store *store, QString *error)
{
    QStringList parts;
    for (const auto &[entity, field] : protocol::files::referenceFields()) {
        const QString column = protocol::quoteIdentifier(field);
        parts << QStringLiteral("SELECT %1 FROM %2 WHERE %1 LIKE 'sha256:%'")
                     .arg(column, protocol::quoteIdentifier(entity));
    }
    if (parts.isEmpty())
        return {};
    QList<QVariantList> rows;
    if (!readRows(
            store, parts.join(QStringLiteral(" UNION ")) + QStringLiteral(" ORDER BY 1"), {}, &rows, error))
        return {};
    QStringList out;
    for (const QVariantList &row : std::as_const(rows))
        out << row.value(0).toString();
    return out;
}

} // namespace rounds::filereferences
