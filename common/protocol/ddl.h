#pragma once

#include "common/protocol/schema.h"

#include <QStringList>

namespace rounds::protocol {

// The SQLite type a field is stored as.
QString sqliteType(FieldType type);
// A quoted identifier, safe for names like "user".
QString quoteIdentifier(const QString &name);

// The client's table for an entity, derived from the schema: the base fields, one column per field,
// and `extra` (JSON text) for the fields a newer server sends that this build does not know. Plus an
// index per reference, so joins and lookups by parent stay cheap.
QStringList clientTableDdl(const Entity &entity);

} // namespace rounds::protocol
