#pragma once

#include "common/protocol/schema.h"

#include <QString>

namespace rounds {

// The SQL of one entity table, built once per connection (EntitySqlCache).
struct EntitySql
{
    QString select; // all columns by id
    QString upsert; // insert or replace by id, whatever the versions
    QString upsertNewer; // the same, but never over a newer local version (pulled records)
    QString remove;
    int columnCount = 0;

    explicit EntitySql(const protocol::Entity &e);
};

} // namespace rounds
