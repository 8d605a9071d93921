// Store: bulk load for a first sync (indexes dropped while it loads, built again in one sorted pass).
#include "common/protocol/ddl.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/store.h"
#include "models/store/storeconnection.h"
#include "models/store/storeguard.h"
#include "models/store/storerows.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rounds {

using namespace storeconnection;

namespace {

// Drops the secondary indexes of the entity tables without triggers and keeps their SQL in the bulk-load
// mark, in one transaction. Tables with triggers keep their indexes: the triggers (search, KPI summaries)
// read them.
void dropIndexes(sql::Database &db)
{
    QJsonArray tables;
    for (const protocol::Entity &e : protocol::Schema::instance().entities())
        tables.append(e.name);
    sql::Transaction tx(db);
    QJsonArray indexes;
    QStringList names;
    {
        auto q = db.query(QStringLiteral(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (SELECT value FROM json_each(?1)) "
            "AND tbl_name NOT IN (SELECT tbl_name FROM sqlite_master WHERE type = 'trigger') "
            "ORDER BY name"));
        q->bind(1, QString::fromUtf8(QJsonDocument(tables).toJson(QJsonDocument::Compact)));
        while (q->step()) {
            names << q->text(0);
            indexes.append(q->text(1));
        }
    }
    for (const QString &name : std::as_const(names))
        db.exec(QStringLiteral("DROP INDEX %1").arg(protocol::quoteIdentifier(name)));
    auto q = db.query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?1, ?2) ON "
                                     "CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q->bind(1, kBulkLoad);
    q->bind(2, storerows::jsonText(QJsonObject {{QStringLiteral("indexes"), indexes}}));
    q->run();
    tx.commit();
    qCInfo(lcStore) << "bulk load: dropped" << names.size() << "indexes until the load finishes";
}

} // namespace

bool Store::beginBulkLoad(QString *error)
{
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return false;
    }
    return logged("beginBulkLoad", false, error, [&] {
        if (bulkMark(*m_db).isEmpty())
            dropIndexes(*m_db);
        m_db->exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kBulkCacheKiB));
        m_db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kBulkCheckpointPages));
        return true;
    });
}

bool Store::finishBulkLoad(QString *error)
{
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return false;
    }
    const bool ok = catchSql(
        [&] {
            // The cache shrinks first: CREATE INDEX sorts in memory chunks the size of the page cache, and
            // the memory the bulk cache held is what those chunks reuse (the peak RSS stays that of the
            // load).
            m_db->exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
            finishBulk(*m_db, [this] { crashHook("bulk-finish-before-commit"); });
            // The load let the WAL grow to its larger checkpoint interval: copy it back and give the space
            // back now, rather than leave a 64 MB file for the window's next commit to checkpoint.
            m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            return true;
        },
        [&](const sql::SqlError &err) {
            qCWarning(lcStore) << "finishBulkLoad" << err.text();
            if (error)
                *error = tr("Could not rebuild the indexes of the local database: %1").arg(err.message());
            return false;
        });
    // Back to the ordinary settings whether or not the rebuild worked (it is tried again later).
    logged("finishBulkLoad: settings", true, nullptr, [&] {
        m_db->exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
        m_db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kCheckpointPages));
        return true;
    });
    return ok;
}

bool Store::isBulkLoading() const
{
    if (!m_db)
        return false;
    return logged("isBulkLoading", false, nullptr, [&] { return !bulkMark(*m_db).isEmpty(); });
}

} // namespace rounds
