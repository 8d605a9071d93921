#pragma once

#include "models/store.h"
#include "models/store/entitysql.h"

#include <optional>

namespace rounds {

namespace sql {
class Database;
class Statement;
} // namespace sql

// The row-level reads and writes the store's parts share: entity rows, outbox rows, shadows. They run
// inside the caller's transaction and throw sql::SqlError; the Store's methods catch it.
namespace storerows {

QString jsonText(const QJsonObject &o);
QJsonObject parseObject(const QByteArray &utf8);
QString recordKey(const QString &entity, const QString &id);

std::optional<protocol::Record> readRow(
    sql::Database &db, const EntitySql &s, const protocol::Entity &e, const QString &id);
void writeRow(
    sql::Database &db, const QString &sqlText, const protocol::Entity &e, const protocol::Record &r);
void deleteRow(sql::Database &db, const EntitySql &s, const QString &id);
// Binds a pulled record straight from its JSON; false when it lacks a valid id or version.
bool bindPulled(sql::Statement &q, const protocol::Entity &e, const QJsonObject &json);

extern const QString kOutboxColumns;
OutboxMutation readMutation(sql::Statement &q);
std::optional<OutboxMutation> pendingMutation(sql::Database &db, const QString &entity, const QString &id);
void insertMutation(sql::Database &db, const OutboxMutation &m);
void deleteMutation(sql::Database &db, const QString &mutationId);
bool hasOutboxRows(sql::Database &db, const QString &entity, const QString &id);

void saveShadowIfMissing(sql::Database &db, const QString &entity, const protocol::Record &serverCopy);
// Once nothing is pending for a record, its shadow has no use left.
void dropShadowIfIdle(sql::Database &db, const QString &entity, const QString &id);

} // namespace storerows

} // namespace rounds
