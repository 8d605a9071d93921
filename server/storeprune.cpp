#include "server/storeprune.h"

#include "common/sqlite/database.h"
#include "common/sqlite/statement.h"
#include "server/pgconnection.h"

#include <algorithm>

namespace rounds::server {

// A deleted record has no bucket membership left; its change entries (its deletes, and revokes from
// buckets it had left before) are found with one pass over the log, which has no index by record.
PruneCounts pruneSqlite(sql::Database &db, const QString &auditBefore, const QString &tombstonesBefore,
    const QString &mutationsBefore)
{
    PruneCounts n;
    {
        sql::Query q = db.query(QStringLiteral("DELETE FROM audit WHERE at < ?1"));
        q.bindAll(auditBefore);
        q->run();
        n.audit = db.changes();
    }
    {
        sql::Query q = db.query(QStringLiteral("DELETE FROM mutations WHERE created_at < ?1"));
        q.bindAll(mutationsBefore);
        q->run();
        n.mutations = db.changes();
    }
    {
        sql::Query q = db.query(QStringLiteral(
            "DELETE FROM changes WHERE (entity, id) IN (SELECT entity, id FROM records WHERE deleted <> 0 "
            "AND updated_at < ?1) RETURNING bucket, seq"));
        q.bindAll(tombstonesBefore);
        while (q->step()) {
            qint64 &seq = n.prunedSeqs[q->text(0)];
            seq = std::max<qint64>(seq, q->int64(1));
        }
    }
    {
        sql::Query q = db.query(QStringLiteral("DELETE FROM records WHERE deleted <> 0 AND updated_at < ?1"));
        q.bindAll(tombstonesBefore);
        q->run();
        n.tombstones = db.changes();
    }
    return n;
}

PruneCounts prunePostgres(pg::Connection &c, const QString &auditBefore, const QString &tombstonesBefore,
    const QString &mutationsBefore)
{
    PruneCounts n;
    n.audit = c.run("DELETE FROM audit WHERE at < $1", {auditBefore}).affected();
    n.mutations = c.run("DELETE FROM mutations WHERE created_at < $1", {mutationsBefore}).affected();
    const pg::Result entries = c.run(
        "DELETE FROM changes WHERE (entity COLLATE \"C\", id COLLATE \"C\") IN (SELECT entity, id FROM "
        "records WHERE deleted AND "
        "updated_at < $1) RETURNING bucket, seq",
        {tombstonesBefore});
    for (int row = 0; row < entries.rows(); ++row) {
        qint64 &seq = n.prunedSeqs[entries.text(row, 0)];
        seq = std::max<qint64>(seq, entries.int64(row, 1));
    }
    n.tombstones
        = c.run("DELETE FROM records WHERE deleted AND updated_at < $1", {tombstonesBefore}).affected();
    return n;
}

} // namespace rounds::server
