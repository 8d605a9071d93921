#include "models/clientschema.h"

#include "models/sqlite/database.h"
#include "sync/protocol/ddl.h"
#include "sync/protocol/schema.h"

namespace rounds {

namespace {

void createEntityTables(sql::Database &db)
{
    for (const protocol::Entity &entity : protocol::Schema::instance().entities()) {
        for (const QString &statement : protocol::clientTableDdl(entity))
            db.exec(statement);
    }
}

} // namespace

const QList<sql::Migration> &clientMigrations()
{
    static const QList<sql::Migration> steps{
        {1, QStringLiteral("entity tables from the shared schema"), createEntityTables},
    };
    return steps;
}

} // namespace rounds
