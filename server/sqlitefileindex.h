#pragma once

// The file index of the SQLite store (docs/server.md, "The file index"): table `file_refs`, one row per
// (file hash, entity, field, record id) of every live record naming a file in a field flagged fileRef.
// SqliteStorage's session calls these; all run inside the caller's transaction.

#include "server/storage.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace rounds::sql {
class Database;
}

namespace rounds::server::sqlitefileindex {

// Migration 8: creates the table and fills it from the records already stored.
void migrate(sql::Database &db);
// Rewrites the rows of `record` as its fields are now (none for a tombstone).
void index(sql::Database &db, const StoredRecord &record);
QStringList references(sql::Database &db, const QString &entity, const QString &field, const QString &sha256);
// (entity, bucket) of the live records naming `sha256`.
QList<QPair<QString, QString>> referrerBuckets(sql::Database &db, const QString &sha256);

} // namespace rounds::server::sqlitefileindex
