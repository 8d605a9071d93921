#include "common/protocol/ddl.h"

namespace rounds::protocol {

QString sqliteType(FieldType type)
{
    switch (type) {
    case FieldType::Int:
    case FieldType::Bool:
    case FieldType::Money:
        return QStringLiteral("INTEGER");
    default:
        return QStringLiteral("TEXT");
    }
}

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QStringList clientTableDdl(const Entity &entity)
{
    const QString table = quoteIdentifier(entity.name);
    QStringList columns {
        QStringLiteral("id TEXT PRIMARY KEY NOT NULL"),
        QStringLiteral("version INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("updated_at TEXT"),
        QStringLiteral("updated_by TEXT"),
    };
    for (const Field &f : entity.fields)
        columns << quoteIdentifier(f.name) + QLatin1Char(' ') + sqliteType(f.type);
    columns << QStringLiteral("extra TEXT");

    QStringList ddl;
    ddl << QStringLiteral("CREATE TABLE %1 (\n  %2\n)").arg(table, columns.join(QStringLiteral(",\n  ")));
    for (const Field &f : entity.fields) {
        if (f.type != FieldType::Ref)
            continue;
        ddl << QStringLiteral("CREATE INDEX %1 ON %2(%3)")
                   .arg(quoteIdentifier(QStringLiteral("idx_%1_%2").arg(entity.name, f.name)), table,
                       quoteIdentifier(f.name));
    }
    return ddl;
}

} // namespace rounds::protocol
