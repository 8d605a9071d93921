#pragma once

// The file index of the PostgreSQL store (docs/server.md, "The file index"): table `file_refs`
// (migration 10), one row per (file hash, entity, field, record id) of every live record naming a file in
// a field flagged fileRef. PgStorage's session calls these inside its transaction.

#include "server/storage.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace rounds::server::pg {
class Connection;
}

namespace rounds::server::pgfileindex {

extern const char *const kCreateSql;
// Fills the table from the live records (after migration 10's CREATE, and after migrate-to-postgres).
void fill(pg::Connection &c);
// Rewrites the rows of `record` as its fields are now (none for a tombstone).
void index(pg::Connection &c, const StoredRecord &record);
QStringList references(pg::Connection &c, const QString &entity, const QString &field, const QString &sha256);
// (entity, bucket) of the live records naming `sha256`.
QList<QPair<QString, QString>> referrerBuckets(pg::Connection &c, const QString &sha256);

} // namespace rounds::server::pgfileindex
