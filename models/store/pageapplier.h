#pragma once

#include "models/store.h"

#include <QHash>
#include <QSet>

#include <memory>
#include <unordered_map>

namespace rounds {

namespace sql {
class Database;
class Query;
} // namespace sql
class EntitySqlCache;

// Writes server records into the entity tables inside the caller's transaction: pulled pages, and the
// server's copy of one record from a push answer. Pending local values stay on top of what it writes,
// bucket memberships follow, and a row that no bucket holds any more leaves. It reads the outbox once,
// when made: use one per transaction. Throws sql::SqlError.
class PageApplier final
{
public:
    PageApplier(sql::Database &db, EntitySqlCache &sql);
    ~PageApplier();
    Q_DISABLE_COPY_MOVE(PageApplier)

    // The server's record (`json`), held by `bucket` when it is not empty.
    void upsert(const protocol::Entity &e, const QString &id, const QString &bucket, const QJsonObject &json);
    // The server deleted the record: no bucket holds it any more; the row goes unless a change is pending.
    void remove(const protocol::Entity &e, const QString &id);
    // `bucket` no longer holds the record; the row goes when no other bucket does.
    void revoke(const protocol::Entity &e, const QString &id, const QString &bucket);
    // The whole bucket is gone, with its cursor.
    void revokeBucket(const QString &bucket);

    ApplyResult &result() { return m_result; }
    // Visible rows changed so far, by entity, for Store::recordsChanged().
    const QHash<QString, QStringList> &changed() const { return m_changed; }

private:
    bool isPending(const QString &entity, const QString &id) const;
    bool stillHeld(const QString &entity, const QString &id) const;
    void dropRow(const protocol::Entity &e, const QString &id);
    bool upsertFresh(const protocol::Entity &e, const QString &id, const QJsonObject &json);
    bool upsertUnderPending(const protocol::Entity &e, const QString &id, const QJsonObject &json);
    void addToBucket(const protocol::Entity &e, const QString &id, const QString &bucket);

    sql::Database &m_db;
    EntitySqlCache &m_sql;
    QHash<QString, QList<QJsonObject>> m_pendingSets; // record key → sets in push order
    QSet<QString> m_pendingDeletes;
    std::unordered_map<const protocol::Entity *, std::unique_ptr<sql::Query>> m_upserts;
    std::unique_ptr<sql::Query> m_addBucket;
    ApplyResult m_result;
    QHash<QString, QStringList> m_changed;
};

} // namespace rounds
