#include "models/store/pageapplier.h"

#include "common/sqlite/database.h"
#include "models/store/entitysqlcache.h"
#include "models/store/storerows.h"

namespace rounds {

using protocol::Entity;
using namespace storerows;

PageApplier::PageApplier(sql::Database &db, EntitySqlCache &sql)
    : m_db(db)
    , m_sql(sql)
{
    // Records with local changes still to be pushed: their pending values stay on top.
    auto q = m_db.query(QStringLiteral(
        "SELECT entity, record_id, op, \"set\" FROM outbox WHERE state <> 'rejected' ORDER BY seq"));
    while (q->step()) {
        const QString key = recordKey(q->text(0), q->text(1));
        if (q->text(2) == QLatin1String("delete"))
            m_pendingDeletes.insert(key);
        m_pendingSets[key] << parseObject(q->textUtf8(3));
    }
}

PageApplier::~PageApplier() = default;

bool PageApplier::isPending(const QString &entity, const QString &id) const
{
    return m_pendingSets.contains(recordKey(entity, id));
}

bool PageApplier::stillHeld(const QString &entity, const QString &id) const
{
    auto q = m_db.query(
        QStringLiteral("SELECT 1 FROM record_bucket WHERE entity = ?1 AND record_id = ?2 LIMIT 1"));
    q->bind(1, entity);
    q->bind(2, id);
    return q->step();
}

void PageApplier::dropRow(const Entity &e, const QString &id)
{
    deleteRow(m_db, m_sql.of(e), id);
    if (m_db.changes() > 0) {
        ++m_result.dropped;
        m_changed[e.name] << id;
    }
}

void PageApplier::upsert(const Entity &e, const QString &id, const QString &bucket, const QJsonObject &json)
{
    const bool written = isPending(e.name, id) ? upsertUnderPending(e, id, json) : upsertFresh(e, id, json);
    if (written && !bucket.isEmpty())
        addToBucket(e, id, bucket);
}

bool PageApplier::upsertFresh(const Entity &e, const QString &id, const QJsonObject &json)
{
    // One prepared statement per entity for the whole page (no cache lookup per row).
    auto &slot = m_upserts[&e];
    if (!slot)
        slot = std::make_unique<sql::Query>(m_db.query(m_sql.of(e).upsertNewer));
    sql::Statement &q = **slot;
    if (!bindPulled(q, e, json)) {
        q.reset();
        ++m_result.skipped;
        return false;
    }
    q.run();
    q.reset();
    if (m_db.changes() > 0) {
        ++m_result.upserted;
        m_changed[e.name] << id;
    } else {
        ++m_result.skipped;
    }
    return true;
}

bool PageApplier::upsertUnderPending(const Entity &e, const QString &id, const QJsonObject &json)
{
    protocol::Record server;
    if (protocol::decodeRecord(e, json, &server, protocol::DecodeMode::Lenient)) {
        ++m_result.skipped;
        return false;
    }
    auto q = m_db.query(
        QStringLiteral("INSERT INTO shadow (entity, record_id, version, record) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT(entity, record_id) DO UPDATE SET version = excluded.version, "
                       "record = excluded.record WHERE excluded.version >= shadow.version"));
    q->bind(1, e.name);
    q->bind(2, server.id);
    q->bind(3, std::int64_t(server.version));
    q->bind(4, jsonText(protocol::encodeRecord(server)));
    q->run();
    const QString key = recordKey(e.name, id);
    if (!m_pendingDeletes.contains(key)) {
        protocol::Record visible = server;
        for (const QJsonObject &set : m_pendingSets.value(key)) {
            for (auto it = set.begin(); it != set.end(); ++it)
                visible.fields.insert(it.key(), it.value());
        }
        writeRow(m_db, m_sql.of(e).upsert, e, visible);
        m_changed[e.name] << id;
    }
    ++m_result.keptPending;
    return true;
}

void PageApplier::addToBucket(const Entity &e, const QString &id, const QString &bucket)
{
    if (!m_addBucket)
        m_addBucket = std::make_unique<sql::Query>(m_db.query(QStringLiteral(
            "INSERT OR IGNORE INTO record_bucket (entity, record_id, bucket) VALUES (?1, ?2, ?3)")));
    sql::Statement &q = **m_addBucket;
    q.bind(1, e.name);
    q.bind(2, id);
    q.bind(3, bucket);
    q.run();
    q.reset();
}

void PageApplier::remove(const Entity &e, const QString &id)
{
    auto q = m_db.query(QStringLiteral("DELETE FROM record_bucket WHERE entity = ?1 AND record_id = ?2"));
    q->bind(1, e.name);
    q->bind(2, id);
    q->run();
    if (isPending(e.name, id)) {
        // The push will meet the tombstone and come back as a conflict offering to restore.
        ++m_result.keptPending;
        return;
    }
    deleteRow(m_db, m_sql.of(e), id);
    if (m_db.changes() > 0) {
        ++m_result.deleted;
        m_changed[e.name] << id;
    }
}

void PageApplier::revoke(const Entity &e, const QString &id, const QString &bucket)
{
    auto q = m_db.query(
        QStringLiteral("DELETE FROM record_bucket WHERE entity = ?1 AND record_id = ?2 AND bucket = ?3"));
    q->bind(1, e.name);
    q->bind(2, id);
    q->bind(3, bucket);
    q->run();
    if (isPending(e.name, id))
        ++m_result.keptPending;
    else if (!stillHeld(e.name, id))
        dropRow(e, id);
}

void PageApplier::revokeBucket(const QString &bucket)
{
    QList<std::pair<QString, QString>> members;
    {
        auto q = m_db.query(QStringLiteral("SELECT entity, record_id FROM record_bucket WHERE bucket = ?1"));
        q->bind(1, bucket);
        while (q->step())
            members.append({q->text(0), q->text(1)});
    }
    {
        auto q = m_db.query(QStringLiteral("DELETE FROM record_bucket WHERE bucket = ?1"));
        q->bind(1, bucket);
        q->run();
    }
    for (const auto &[entity, id] : std::as_const(members)) {
        const Entity *e = protocol::Schema::instance().entity(entity);
        if (!e || isPending(entity, id) || stillHeld(entity, id))
            continue;
        dropRow(*e, id);
    }
    auto q = m_db.query(QStringLiteral("DELETE FROM sync_cursor WHERE bucket = ?1"));
    q->bind(1, bucket);
    q->run();
}

} // namespace rounds
